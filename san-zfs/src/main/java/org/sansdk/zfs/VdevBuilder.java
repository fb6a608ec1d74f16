package org.sansdk.zfs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.sansdk.core.Command;
import org.sansdk.core.Violation;

/**
 * The vdev layout shared by {@link ZpoolCreate} and {@link ZpoolAdd}: data mirrors, log and special mirrors,
 * cache devices, spares, and the design's cross-node rules over them (ZFS-CREATE-001, -004, -006, -008).
 * Only those two builders extend it.
 *
 * <p>{@code ZpoolAdd.design("san-pool").logMirror(localSlog, remoteSlogLun).build()}
 *
 * @param <B> the concrete builder, returned by every method so calls chain
 */
public abstract class VdevBuilder<B extends VdevBuilder<B>> {
    private final boolean design;
    private final List<List<String>> data = new ArrayList<>();
    private final List<List<String>> logs = new ArrayList<>();
    private final List<List<String>> special = new ArrayList<>();
    private final List<String> cache = new ArrayList<>();
    private final List<String> spares = new ArrayList<>();
    private Predicate<String> isRemote = ZpoolCreate.ISCSI_BY_PATH;
    private boolean dryRun;

    VdevBuilder(boolean design) {
        this.design = design;
    }

    abstract B self();

    /**
     * Tells remote legs from local ones (default {@link ZpoolCreate#ISCSI_BY_PATH}).
     *
     * <p>{@code ZpoolCreate.design("san-pool").remoteWhen(p -> p.contains("-iscsi-"))}
     *
     * @param remote true for a path that is the peer's LUN
     * @return this builder
     */
    public B remoteWhen(Predicate<String> remote) {
        this.isRemote = Objects.requireNonNull(remote, "remote");
        return self();
    }

    /**
     * A data mirror ({@code mirror A B}; a single device is a plain vdev).
     *
     * <p>{@code ZpoolCreate.design("san-pool").mirror("/dev/disk/by-partlabel/data-a-a", lun0)}
     *
     * @param devices the legs (a design mirror: one local, one remote)
     * @return this builder
     */
    public B mirror(String... devices) {
        data.add(List.of(devices));
        return self();
    }

    /**
     * A single-device (non-redundant) data vdev; refused in design pools (ZFS-CREATE-001).
     *
     * <p>{@code ZpoolCreate.plain("t").vdev("/tmp/zfs/a")}
     *
     * @param device the device or file
     * @return this builder
     */
    public B vdev(String device) {
        data.add(List.of(device));
        return self();
    }

    /**
     * A mirrored SLOG ({@code log mirror A B}).
     *
     * <p>{@code ZpoolAdd.design("san-pool").logMirror(localSlog, remoteSlog)}
     *
     * @param devices the legs
     * @return this builder
     */
    public B logMirror(String... devices) {
        logs.add(List.of(devices));
        return self();
    }

    /**
     * A mirrored special (metadata) vdev ({@code special mirror A B}).
     *
     * <p>{@code ZpoolCreate.design("san-pool").specialMirror(localMeta, remoteMeta)}
     *
     * @param devices the legs
     * @return this builder
     */
    public B specialMirror(String... devices) {
        special.add(List.of(devices));
        return self();
    }

    /**
     * An L2ARC device ({@code cache DEV}).
     *
     * <p>{@code ZpoolAdd.plain("t").cache("/dev/nvme0n1")}
     *
     * @param device the device
     * @return this builder
     */
    public B cache(String device) {
        cache.add(device);
        return self();
    }

    /**
     * A hot spare ({@code spare DEV}).
     *
     * <p>{@code ZpoolAdd.plain("t").spare("/tmp/zfs/s")}
     *
     * @param device the device
     * @return this builder
     */
    public B spare(String device) {
        spares.add(device);
        return self();
    }

    /**
     * {@code -n}: show the resulting layout, change nothing.
     *
     * <p>{@code ZpoolCreate.plain("t").vdev("/tmp/a").dryRun()}
     *
     * @return this builder
     */
    public B dryRun() {
        this.dryRun = true;
        return self();
    }

    boolean isDesign() {
        return design;
    }

    boolean isDryRun() {
        return dryRun;
    }

    boolean hasDataVdevs() {
        return !data.isEmpty();
    }

    boolean isEmpty() {
        return data.isEmpty() && logs.isEmpty() && special.isEmpty() && cache.isEmpty() && spares.isEmpty();
    }

    /** Design mode only: ZFS-CREATE-006 and -001 over the data, log and special mirrors. */
    void designViolations(List<Violation> v) {
        if (design) {
            ZpoolCreate.designViolations(v, "vdevs", data, isRemote);
            ZpoolCreate.designViolations(v, "logs", logs, isRemote);
            ZpoolCreate.designViolations(v, "special", special, isRemote);
        }
    }

    /** Both modes: ZFS-CREATE-008 (no operand starting with {@code -}) and ZFS-CREATE-004 (no device twice). */
    void deviceViolations(List<Violation> v) {
        List<String> seen = new ArrayList<>();
        for (List<List<String>> group : List.of(data, logs, special)) {
            group.forEach(seen::addAll);
        }
        seen.addAll(cache);
        seen.addAll(spares);
        ZpoolCreate.operandViolations(v, seen);
        for (int k = 0; k < seen.size(); k++) {
            if (seen.indexOf(seen.get(k)) != k) {
                v.add(new Violation("ZFS-CREATE-004", "devices", "device '" + seen.get(k) + "' is used twice"));
            }
        }
    }

    /** Appends the vdev operands in zpool's order: data, log, special, cache, spare. */
    void appendVdevs(Command.Builder c) {
        for (List<String> m : data) {
            if (m.size() > 1) {
                c.arg("mirror");
            }
            c.args(m);
        }
        appendClass(c, "log", logs);
        appendClass(c, "special", special);
        if (!cache.isEmpty()) {
            c.arg("cache").args(cache);
        }
        if (!spares.isEmpty()) {
            c.arg("spare").args(spares);
        }
    }

    private static void appendClass(Command.Builder c, String word, List<List<String>> mirrors) {
        for (List<String> m : mirrors) {
            c.arg(word);
            if (m.size() > 1) {
                c.arg("mirror");
            }
            c.args(m);
        }
    }
}
