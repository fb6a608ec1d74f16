package org.sansdk.lio.sync;

import java.util.Objects;
import org.sansdk.core.Size;
import org.sansdk.core.ZfsName;

/**
 * A ZFS volume as the LUN sync needs it: full dataset name and size. Build it from any listing (san-zfs's
 * {@code ZfsListParser} rows of {@code zfs list -Hp -t volume -o name,volsize}, or {@code Zfs.on(ex)}); san-lio does
 * not parse {@code zfs list} itself.
 *
 * <pre>{@code Zvol z = Zvol.of("san-pool/iscsi/hypervisor/vm-100-disk-0", Size.parse("32G")); z.devicePath();}</pre>
 *
 * @param name    the zvol's dataset name, {@code pool/.../volume}
 * @param volsize its size
 */
public record Zvol(ZfsName name, Size volsize) {

    /** Refuses nulls, names without a parent dataset, snapshots and bookmarks. */
    public Zvol {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(volsize, "volsize");
        if (name.kind() != ZfsName.Kind.DATASET) {
            throw new IllegalArgumentException("zvol name must be pool/.../volume: " + name);
        }
    }

    /** Parses the name. {@code Zvol.of("san-pool/iscsi/vm-1", Size.ofBytes(n))} */
    public static Zvol of(String name, Size volsize) {
        return new Zvol(ZfsName.parse(name), volsize);
    }

    /** The Linux device node ZFS's udev rules create: {@code /dev/zvol/<name>}. {@code z.devicePath()} */
    public String devicePath() {
        return "/dev/zvol/" + name;
    }

    /** The last component ({@code vm-100-disk-0}). {@code z.leaf()} */
    public String leaf() {
        return name.leaf();
    }

    /** The parent dataset ({@code san-pool/iscsi/hypervisor}). {@code z.parent()} */
    public ZfsName parent() {
        return name.parent().orElseThrow();
    }

    /** {@code NAME (SIZE)}, for JShell. */
    @Override
    public String toString() {
        return name + " (" + volsize.toHuman() + ")";
    }
}
