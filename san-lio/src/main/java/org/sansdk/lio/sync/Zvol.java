package org.sansdk.lio.sync;

import java.util.Objects;
import org.sansdk.core.Size;

/**
 * A ZFS volume as {@code zfs list -Hp -t volume -o name,volsize} prints it: full dataset name and size.
 *
 * <pre>{@code Zvol z = new Zvol("san-pool/iscsi/hypervisor/vm-100-disk-0", Size.parse("32G")); z.devicePath();}</pre>
 */
public record Zvol(String name, Size volsize) {

    /** Refuses nulls and names without a parent dataset. */
    public Zvol {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(volsize, "volsize");
        if (!name.contains("/") || name.startsWith("/") || name.endsWith("/")) {
            throw new IllegalArgumentException("zvol name must be pool/.../volume: " + name);
        }
    }

    /** The Linux device node ZFS's udev rules create: {@code /dev/zvol/<name>}. {@code z.devicePath()} */
    public String devicePath() {
        return "/dev/zvol/" + name;
    }

    /** The last component ({@code vm-100-disk-0}). {@code z.leaf()} */
    public String leaf() {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /** The parent dataset ({@code san-pool/iscsi/hypervisor}). {@code z.parent()} */
    public String parent() {
        return name.substring(0, name.lastIndexOf('/'));
    }
}
