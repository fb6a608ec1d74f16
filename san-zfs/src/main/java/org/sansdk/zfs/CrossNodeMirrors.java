package org.sansdk.zfs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The design's view of a pool: each data mirror as its local leg and its remote (peer iSCSI) leg, so a
 * failover script can tell "the peer is gone" (every remote leg down) from a single bad disk.
 *
 * <p>{@code CrossNodeMirrors v = CrossNodeMirrors.of(pool, ZpoolCreate.ISCSI_BY_PATH); if (v.peerDown()) ...}
 *
 * @param mirrors one entry per data mirror, in pool order
 * @param other data vdevs that are not two-leg mirrors (a layout outside the design)
 */
public record CrossNodeMirrors(List<Mirror> mirrors, List<Vdev> other) {
    /** Copies the lists. */
    public CrossNodeMirrors {
        mirrors = List.copyOf(mirrors);
        other = List.copyOf(other);
    }

    /**
     * One cross-node mirror. During a replace or spare-in, a leg is the {@code replacing-N}/{@code spare-N}
     * vdev standing in that position.
     *
     * @param mirror the mirror vdev
     * @param local the local leg, when exactly one leg is local
     * @param remote the remote leg, when exactly one leg is remote
     */
    public record Mirror(Vdev mirror, Optional<Vdev> local, Optional<Vdev> remote) {
        /**
         * True when both legs serve I/O (ONLINE).
         *
         * <p>{@code m.redundant()}
         *
         * @return whether redundant
         */
        public boolean redundant() {
            return up(local) && up(remote);
        }

        /**
         * True when the remote leg is present but not ONLINE.
         *
         * <p>{@code m.remoteDown()}
         *
         * @return whether the peer's leg is down
         */
        public boolean remoteDown() {
            return remote.isPresent() && !up(remote);
        }

        /**
         * True when the local leg is present but not ONLINE.
         *
         * <p>{@code m.localDown()}
         *
         * @return whether this node's leg is down
         */
        public boolean localDown() {
            return local.isPresent() && !up(local);
        }

        /**
         * True when one leg is local and the other remote, as the design requires.
         *
         * <p>{@code m.crossNode()}
         *
         * @return whether cross-node
         */
        public boolean crossNode() {
            return local.isPresent() && remote.isPresent();
        }

        private static boolean up(Optional<Vdev> v) {
            return v.isPresent() && v.get().state() == DeviceState.ONLINE;
        }
    }

    /**
     * Splits the data mirrors of a pool into local and remote legs.
     *
     * <p>{@code CrossNodeMirrors.of(zpool.status("san-pool"), ZpoolCreate.ISCSI_BY_PATH)}
     *
     * @param pool the parsed status (use {@code zpool status -P} so leaf names are full paths)
     * @param isRemote true for a path that is the peer's LUN
     * @return the view
     */
    public static CrossNodeMirrors of(PoolStatus pool, Predicate<String> isRemote) {
        Objects.requireNonNull(isRemote, "isRemote");
        List<Mirror> mirrors = new ArrayList<>();
        List<Vdev> other = new ArrayList<>();
        for (Vdev top : pool.dataVdevs()) {
            if (!(top.kind() instanceof VdevKind.Mirror) || top.children().size() != 2) {
                other.add(top);
                continue;
            }
            Vdev a = top.children().get(0);
            Vdev b = top.children().get(1);
            boolean ra = remote(a, isRemote);
            boolean rb = remote(b, isRemote);
            if (ra == rb) {
                mirrors.add(new Mirror(top, Optional.empty(), Optional.empty()));
            } else {
                mirrors.add(new Mirror(top, Optional.of(ra ? b : a), Optional.of(ra ? a : b)));
            }
        }
        return new CrossNodeMirrors(mirrors, other);
    }

    /** A leg is remote when its device (or, for replacing/spare, any device or former path below) is. */
    private static boolean remote(Vdev leg, Predicate<String> isRemote) {
        return leg.leaves().anyMatch(l -> isRemote.test(l.name()) || l.path().map(isRemote::test).orElse(false)
                || l.notes().stream().anyMatch(n -> n instanceof VdevNote.Was w && isRemote.test(w.path())));
    }

    /**
     * True when every remote leg is down: the peer node (or the storage link) is gone.
     *
     * <p>{@code if (view.peerDown()) alert("running on local legs only")}
     *
     * @return whether the peer is down
     */
    public boolean peerDown() {
        return !mirrors.isEmpty() && mirrors.stream().allMatch(Mirror::remoteDown);
    }

    /**
     * True when every mirror has both legs ONLINE and is cross-node.
     *
     * <p>{@code view.fullyRedundant()}
     *
     * @return whether fully redundant
     */
    public boolean fullyRedundant() {
        return other.isEmpty() && mirrors.stream().allMatch(m -> m.crossNode() && m.redundant());
    }
}
