package org.sansdk.cluster.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.sansdk.cluster.ClusterNode;
import org.sansdk.cluster.NodeCapabilities;
import org.sansdk.cluster.SanCluster;
import org.sansdk.core.Command;
import org.sansdk.core.CommandTimeoutException;
import org.sansdk.core.HostUnreachableException;
import org.sansdk.corosync.CfgStatus;
import org.sansdk.corosync.QuorumStatus;
import org.sansdk.iscsi.IscsiadmCommands;
import org.sansdk.iscsi.SessionList;
import org.sansdk.lio.LioConfig;
import org.sansdk.pacemaker.status.ClusterStatus;
import org.sansdk.zfs.DevicePaths;
import org.sansdk.zfs.PoolNotFoundException;
import org.sansdk.zfs.PoolStatus;
import org.sansdk.zfs.ZpoolCommands;

/** Reads every node's sources through its executor (in parallel, bounded per node) and hands them to {@link HealthRules}. */
final class HealthGatherer {
    static final Command CRM_MON = Command.of("crm_mon", "-1", "--output-as=xml");
    static final Command QUORUMTOOL = Command.of("corosync-quorumtool", "-s");
    static final Command CFGTOOL = Command.of("corosync-cfgtool", "-s");

    private HealthGatherer() {
    }

    /** What one source gave: a value, or why not, with the command either way. */
    record Read<T>(T value, Command command, String error) {
        static <T> Read<T> ok(T value, Command command) {
            return new Read<>(value, command, null);
        }

        static <T> Read<T> failed(Command command, String error) {
            return new Read<>(null, command, error);
        }

        boolean ok() {
            return error == null;
        }
    }

    /** Everything read from one node; null fields were not asked. */
    static final class NodeReads {
        final ClusterNode node;
        /** Set when the bound passed: the reading thread starts no further command. */
        volatile boolean abandoned;
        boolean reachable = true;
        Command unreachableCommand;
        String unreachableWhy;
        Read<ClusterStatus> crmMon;
        Read<QuorumStatus> quorum;
        Read<CfgStatus> links;
        /** value null with ok() → pool not imported there. */
        Read<PoolStatus> pool;
        Read<SessionList> sessions;
        Read<LioConfig> lio;

        NodeReads(ClusterNode node) {
            this.node = node;
        }
    }

    /** Thrown inside a node's reading to stop it: its executor failed. */
    private static final class Unreachable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final Command command;

        Unreachable(Command command, String why) {
            super(why, null, false, false);
            this.command = command;
        }
    }

    static ClusterHealth gather(SanCluster cluster, Duration perNode) {
        Instant started = Instant.now();
        List<ClusterNode> nodes = cluster.nodes();
        Map<String, NodeReads> reads = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, nodes.size()), r -> {
            Thread t = new Thread(r, "san-health");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, Future<NodeReads>> futures = new LinkedHashMap<>();
            Map<String, NodeReads> inFlight = new LinkedHashMap<>();
            for (ClusterNode n : nodes) {
                NodeReads r = new NodeReads(n);
                inFlight.put(n.name(), r);
                futures.put(n.name(), pool.submit(() -> read(cluster, r)));
            }
            long deadline = System.nanoTime() + perNode.toNanos();
            for (ClusterNode n : nodes) {
                Future<NodeReads> f = futures.get(n.name());
                NodeReads r;
                try {
                    r = f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    inFlight.get(n.name()).abandoned = true;
                    f.cancel(true);
                    r = new NodeReads(n);
                    r.reachable = false;
                    r.unreachableCommand = CRM_MON;
                    r.unreachableWhy = "its sources did not answer within " + perNode.toMillis() + " ms";
                } catch (ExecutionException e) {
                    r = new NodeReads(n);
                    r.reachable = false;
                    r.unreachableCommand = CRM_MON;
                    r.unreachableWhy = String.valueOf(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    r = new NodeReads(n);
                    r.reachable = false;
                    r.unreachableCommand = CRM_MON;
                    r.unreachableWhy = "interrupted while gathering";
                }
                reads.put(n.name(), r);
            }
        } finally {
            pool.shutdownNow();
        }
        return HealthRules.evaluate(cluster.design(), started, reads);
    }

    private static NodeReads read(SanCluster cluster, NodeReads r) {
        ClusterNode n = r.node;
        try {
            r.crmMon = source(r, CRM_MON, () -> n.pacemaker().status());
            r.quorum = source(r, QUORUMTOOL, () -> n.corosync().quorum());
            r.links = source(r, CFGTOOL, () -> n.corosync().links());
            if (n.design().isStorage()) {
                String poolName = cluster.design().pool().name();
                r.pool = readPool(r, poolName);
                r.sessions = source(r, IscsiadmCommands.sessions(), () -> n.iscsi().sessions());
                if (cluster.design().iscsi().clientTargetIqn().isPresent()) {
                    Command cat;
                    try {
                        cat = n.lio().readCommand();
                    } catch (RuntimeException e) {
                        throw unreachableOr(Command.of("cat", "--", "saveconfig.json"), e);
                    }
                    r.lio = source(r, cat, () -> n.lio().config());
                }
            }
        } catch (Unreachable u) {
            r.reachable = false;
            r.unreachableCommand = u.command;
            r.unreachableWhy = u.getMessage();
        }
        return r;
    }

    private static Read<PoolStatus> readPool(NodeReads r, String poolName) {
        ClusterNode n = r.node;
        stopIfAbandoned(r, ZpoolCommands.status(poolName));
        Command c;
        Supplier<PoolStatus> how;
        try {
            NodeCapabilities caps = n.capabilities();
            if (caps.zpoolJson()) {
                c = ZpoolCommands.statusJson(poolName);
                how = () -> n.zpool().statusJson(poolName);
            } else {
                // zfs-fuse and other userlands without `zfs version` know no -P
                DevicePaths paths = caps.openZfs().isPresent() ? DevicePaths.FULL : DevicePaths.SHORT;
                c = ZpoolCommands.status(poolName, paths);
                how = () -> n.zpool().status(poolName, paths);
            }
        } catch (RuntimeException e) {
            throw unreachableOr(ZpoolCommands.status(poolName), e);
        }
        try {
            return Read.ok(how.get(), c);
        } catch (PoolNotFoundException e) {
            return Read.ok(null, c);
        } catch (RuntimeException e) {
            RuntimeException u = unreachableOr(c, e);
            if (u instanceof Unreachable) {
                throw u;
            }
            return Read.failed(c, message(e));
        }
    }

    private static void stopIfAbandoned(NodeReads r, Command next) {
        if (r.abandoned) {
            throw new Unreachable(next, "abandoned after the bound");
        }
    }

    private static <T> Read<T> source(NodeReads r, Command command, Supplier<T> how) {
        stopIfAbandoned(r, command);
        try {
            return Read.ok(how.get(), command);
        } catch (RuntimeException e) {
            RuntimeException u = unreachableOr(command, e);
            if (u instanceof Unreachable) {
                throw u;
            }
            return Read.failed(command, message(e));
        }
    }

    private static RuntimeException unreachableOr(Command command, RuntimeException e) {
        if (e instanceof HostUnreachableException || e instanceof CommandTimeoutException) {
            return new Unreachable(command, message(e));
        }
        return e;
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        String s = e.getClass().getSimpleName() + (m == null ? "" : ": " + m.strip());
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }

}
