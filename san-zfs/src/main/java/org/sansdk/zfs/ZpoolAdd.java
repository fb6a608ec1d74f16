package org.sansdk.zfs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.sansdk.core.Command;
import org.sansdk.core.ValidationException;
import org.sansdk.core.Violation;

/**
 * Renders {@code zpool add}: more cross-node data mirrors, a mirrored SLOG or special vdev (design section 4),
 * cache or spares. Design mode applies the same rules as {@link ZpoolCreate#design(String)} (ZFS-CREATE-001,
 * -006) to every added mirror.
 *
 * <p>{@code ZpoolAdd.design("san-pool").logMirror("/dev/disk/by-id/nvme-slog-a", remoteSlogLun).build()}
 */
public final class ZpoolAdd {
    private ZpoolAdd() {
    }

    /**
     * Adds to a design pool (cross-node mirrors only).
     *
     * <p>{@code ZpoolAdd.design("san-pool")}
     *
     * @param pool the pool
     * @return the builder
     */
    public static Builder design(String pool) {
        return new Builder(pool, true);
    }

    /**
     * Adds without the design rules (tests, zfs-fuse).
     *
     * <p>{@code ZpoolAdd.plain("t").spare("/tmp/s")}
     *
     * @param pool the pool
     * @return the builder
     */
    public static Builder plain(String pool) {
        return new Builder(pool, false);
    }

    /** Collects what to add; nothing runs. */
    public static final class Builder {
        private final String pool;
        private final boolean design;
        private final List<List<String>> data = new ArrayList<>();
        private final List<List<String>> logs = new ArrayList<>();
        private final List<List<String>> special = new ArrayList<>();
        private final List<String> cache = new ArrayList<>();
        private final List<String> spares = new ArrayList<>();
        private Predicate<String> isRemote = ZpoolCreate.ISCSI_BY_PATH;
        private boolean dryRun;

        private Builder(String pool, boolean design) {
            this.pool = Objects.requireNonNull(pool, "pool");
            this.design = design;
        }

        /**
         * Tells remote legs from local ones (default {@link ZpoolCreate#ISCSI_BY_PATH}).
         *
         * <p>{@code .remoteWhen(p -> p.contains("-iscsi-"))}
         *
         * @param remote predicate
         * @return this
         */
        public Builder remoteWhen(Predicate<String> remote) {
            this.isRemote = Objects.requireNonNull(remote);
            return this;
        }

        /**
         * A data mirror.
         *
         * <p>{@code .mirror(local, remote)}
         *
         * @param devices legs
         * @return this
         */
        public Builder mirror(String... devices) {
            data.add(List.of(devices));
            return this;
        }

        /**
         * A mirrored SLOG ({@code log mirror A B}).
         *
         * <p>{@code .logMirror(localSlog, remoteSlog)}
         *
         * @param devices legs
         * @return this
         */
        public Builder logMirror(String... devices) {
            logs.add(List.of(devices));
            return this;
        }

        /**
         * A mirrored special vdev ({@code special mirror A B}).
         *
         * <p>{@code .specialMirror(localMeta, remoteMeta)}
         *
         * @param devices legs
         * @return this
         */
        public Builder specialMirror(String... devices) {
            special.add(List.of(devices));
            return this;
        }

        /**
         * An L2ARC device.
         *
         * <p>{@code .cache(dev)}
         *
         * @param device device
         * @return this
         */
        public Builder cache(String device) {
            cache.add(device);
            return this;
        }

        /**
         * A hot spare.
         *
         * <p>{@code .spare(dev)}
         *
         * @param device device
         * @return this
         */
        public Builder spare(String device) {
            spares.add(device);
            return this;
        }

        /**
         * {@code -n}: show the resulting layout only.
         *
         * <p>{@code .dryRun()}
         *
         * @return this
         */
        public Builder dryRun() {
            this.dryRun = true;
            return this;
        }

        /**
         * Checks and renders.
         *
         * <p>{@code Command c = builder.build();}
         *
         * @return the argv
         * @throws ValidationException on broken rules or nothing to add
         */
        public Command build() {
            List<Violation> v = new ArrayList<>();
            if (data.isEmpty() && logs.isEmpty() && special.isEmpty() && cache.isEmpty() && spares.isEmpty()) {
                v.add(new Violation("ZFS-ADD-001", "vdevs", "nothing to add"));
            }
            if (design) {
                ZpoolCreate.designViolations(v, "vdevs", data, isRemote);
                ZpoolCreate.designViolations(v, "logs", logs, isRemote);
                ZpoolCreate.designViolations(v, "special", special, isRemote);
            }
            try {
                Operands.pool(pool);
            } catch (IllegalArgumentException e) {
                v.add(new Violation("ZFS-CREATE-005", "pool", e.getMessage()));
            }
            List<String> all = new ArrayList<>();
            for (List<List<String>> group : List.of(data, logs, special)) {
                group.forEach(all::addAll);
            }
            all.addAll(cache);
            all.addAll(spares);
            ZpoolCreate.operandViolations(v, all);
            ValidationException.throwIfAny(v);
            Command.Builder c = Command.builder("zpool").arg("add");
            if (dryRun) {
                c.arg("-n");
            }
            c.arg(pool);
            for (List<String> m : data) {
                if (m.size() > 1) {
                    c.arg("mirror");
                }
                c.args(m);
            }
            for (List<String> m : logs) {
                c.arg("log");
                if (m.size() > 1) {
                    c.arg("mirror");
                }
                c.args(m);
            }
            for (List<String> m : special) {
                c.arg("special");
                if (m.size() > 1) {
                    c.arg("mirror");
                }
                c.args(m);
            }
            if (!cache.isEmpty()) {
                c.arg("cache").args(cache);
            }
            if (!spares.isEmpty()) {
                c.arg("spare").args(spares);
            }
            return c.build();
        }
    }
}
