package org.sansdk.zfs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sansdk.core.Command;
import org.sansdk.core.ValidationException;
import org.sansdk.core.Violation;

/**
 * Renders {@code zpool add}: more cross-node data mirrors, a mirrored SLOG or special vdev (design section 4),
 * cache or spares. The layout methods and rules are {@link VdevBuilder}'s, shared with {@link ZpoolCreate}:
 * design mode applies ZFS-CREATE-001 and -006 to every added mirror; both modes refuse a device used twice
 * (ZFS-CREATE-004) and an operand starting with {@code -} (ZFS-CREATE-008).
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

    /** Collects what to add ({@link VdevBuilder} holds the layout); nothing runs. */
    public static final class Builder extends VdevBuilder<Builder> {
        private final String pool;

        private Builder(String pool, boolean design) {
            super(design);
            this.pool = Objects.requireNonNull(pool, "pool");
        }

        @Override
        Builder self() {
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
            if (isEmpty()) {
                v.add(new Violation("ZFS-ADD-001", "vdevs", "nothing to add"));
            }
            designViolations(v);
            try {
                Operands.pool(pool);
            } catch (IllegalArgumentException e) {
                v.add(new Violation("ZFS-CREATE-005", "pool", e.getMessage()));
            }
            deviceViolations(v);
            ValidationException.throwIfAny(v);
            Command.Builder c = Command.builder("zpool").arg("add");
            if (isDryRun()) {
                c.arg("-n");
            }
            c.arg(pool);
            appendVdevs(c);
            return c.build();
        }
    }
}
