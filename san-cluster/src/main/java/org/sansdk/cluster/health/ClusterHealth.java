package org.sansdk.cluster.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.sansdk.cluster.SanCluster;
import org.sansdk.cluster.design.NodeRole;

/**
 * What a running SAN looks like, read from every node through its executor: each node's reachability, Pacemaker's
 * view (nodes, resources, failures, fencing history), corosync (quorum, votes, members, knet links), the pool from
 * the node that imports it (state, legs and whose they are, scan progress, errors), the backend iSCSI sessions and
 * the LIO client target; and the {@link Finding}s drawn from them, worst first.
 *
 * <p>Finding codes: {@code NODE-UNREACHABLE}, {@code SOURCE-UNREADABLE} (a source could not be read or was
 * incomplete: never taken as healthy), {@code NODE-OFFLINE}, {@code NODE-UNCLEAN}, {@code NODE-STANDBY},
 * {@code NODE-MAINTENANCE}, {@code NO-DC}, {@code QUORUM-LOST}, {@code LINK-DOWN}, {@code RESOURCE-FAILED},
 * {@code RESOURCE-STOPPED}, {@code FENCING-FAILED}, {@code FENCING-PENDING}, {@code NODE-FENCED},
 * {@code POOL-NOT-IMPORTED}, {@code POOL-IMPORTED-TWICE}, {@code POOL-DEGRADED}, {@code POOL-RESILVERING},
 * {@code POOL-ERRORS}, {@code SESSION-MISSING}, {@code TARGET-MISSING}, {@code LUN-MISSING}.
 *
 * <pre>{@code ClusterHealth h = cluster.status(); if (h.overall() != Severity.OK) h.findings().forEach(System.out::println);}</pre>
 *
 * @param clusterName the design's cluster name
 * @param gatheredAt  when gathering started
 * @param nodes       each node, in design order
 * @param pacemaker   Pacemaker's view, read from the first node (design order) whose crm_mon answered with quorum,
 *                    else the first that answered; empty when none answered
 * @param pool        the pool as the node that imports it reports it (the first such node when imported twice)
 * @param findings    what was found, worst first (then code, node, message)
 */
public record ClusterHealth(String clusterName, Instant gatheredAt, List<NodeHealth> nodes, Optional<PacemakerView> pacemaker,
                            Optional<PoolView> pool, List<Finding> findings) {
    /** Copies; sorts the findings. Usage: built by {@link #gather(SanCluster, Duration)}. */
    public ClusterHealth {
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(gatheredAt, "gatheredAt");
        nodes = List.copyOf(nodes);
        Objects.requireNonNull(pacemaker, "pacemaker");
        Objects.requireNonNull(pool, "pool");
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(null);
        findings = List.copyOf(sorted);
    }

    /** The default bound for one node's sources. */
    public static final Duration DEFAULT_NODE_BOUND = Duration.ofSeconds(30);

    /**
     * Reads every node in parallel, each node's sources within {@code perNode} (a node that does not finish is
     * {@code NODE-UNREACHABLE}). Never throws for what a node answers or fails to answer: that becomes a finding.
     * Usage: {@code ClusterHealth.gather(cluster, Duration.ofSeconds(20))}.
     */
    public static ClusterHealth gather(SanCluster cluster, Duration perNode) {
        return HealthGatherer.gather(cluster, perNode);
    }

    /** The worst severity among the findings; {@code OK} without findings. Usage: {@code h.overall()}. */
    public Severity overall() {
        return findings.isEmpty() ? Severity.OK : findings.get(0).severity();
    }

    /** The findings with this code. Usage: {@code h.findings("POOL-DEGRADED")}. */
    public List<Finding> findings(String code) {
        return findings.stream().filter(f -> f.code().equals(code)).toList();
    }

    /** The distinct finding codes, worst first. Usage: {@code h.codes().contains("QUORUM-LOST")}. */
    public List<String> codes() {
        return findings.stream().map(Finding::code).distinct().toList();
    }

    /** One node by name. Usage: {@code h.node("storage-a").map(NodeHealth::reachable)}. */
    public Optional<NodeHealth> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** Lines for a terminal: overall, then one line per finding. Usage: {@code System.out.print(h.describe())}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(clusterName).append(": ").append(overall()).append('\n');
        for (Finding f : findings) {
            sb.append("  ").append(f).append('\n');
        }
        return sb.toString();
    }

    /**
     * One node as read through its executor.
     *
     * @param name      node name
     * @param role      storage or quorum
     * @param reachable false when its executor failed (unreachable, timed out): its other fields are then empty
     * @param corosync  corosync as this node sees it; empty when not readable
     * @param pool      the pool on this node: imported (its view), not imported, or empty when unreadable / not asked
     *                  (quorum node)
     * @param sessions  its iSCSI sessions (storage nodes); empty when not readable or not asked
     * @param lio       its LIO client target (storage nodes, when the design has one); empty when not readable or not
     *                  asked
     */
    public record NodeHealth(String name, NodeRole role, boolean reachable, Optional<CorosyncView> corosync,
                             Optional<PoolPresence> pool, Optional<List<Session>> sessions, Optional<LioView> lio) {
        /** Copies. Usage: see type. */
        public NodeHealth {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(role, "role");
            sessions = sessions.map(List::copyOf);
        }
    }

    /**
     * Whether a node imports the pool.
     *
     * @param imported true when {@code zpool status POOL} showed it there
     */
    public record PoolPresence(boolean imported) {
    }

    /**
     * crm_mon's view of the cluster.
     *
     * @param readFrom  the node whose crm_mon it is
     * @param dc        the designated controller, when there is one
     * @param quorate   whether that partition has quorum
     * @param nodes     each node Pacemaker knows, in crm_mon's order
     * @param resources each primitive, in crm_mon's order
     * @param failures  failed actions
     * @param fencing   fencing history as crm_mon shows it
     */
    public record PacemakerView(String readFrom, Optional<String> dc, boolean quorate, List<PacemakerNode> nodes,
                                List<ResourcePlacement> resources, List<ResourceFailure> failures, List<FenceAction> fencing) {
        /** Copies. Usage: see type. */
        public PacemakerView {
            nodes = List.copyOf(nodes);
            resources = List.copyOf(resources);
            failures = List.copyOf(failures);
            fencing = List.copyOf(fencing);
        }
    }

    /** A node's state as Pacemaker reports it, the most telling one. Usage: {@code n.state() == NodeState.UNCLEAN}. */
    public enum NodeState {
        /** Online, serving. */
        ONLINE,
        /** Online in standby (runs nothing). */
        STANDBY,
        /** Online in maintenance (resources unmanaged there). */
        MAINTENANCE,
        /** Joining (pending). */
        PENDING,
        /** Offline and needs fencing before its resources may run elsewhere. */
        UNCLEAN,
        /** Offline, cleanly (stopped or fenced). */
        OFFLINE
    }

    /**
     * One Pacemaker node, with crm_mon's flags (the ones ha_cluster_exporter exports).
     *
     * @param name             node name
     * @param type             member, remote, ping
     * @param state            its most telling state
     * @param online           online
     * @param standby          standby
     * @param standbyOnFail    standby after a failure
     * @param maintenance      maintenance
     * @param pending          pending
     * @param unclean          unclean
     * @param shutdown         shutting down
     * @param expectedUp       expected up
     * @param dc               whether it is the DC
     * @param resourcesRunning resources running there
     */
    public record PacemakerNode(String name, String type, NodeState state, boolean online, boolean standby, boolean standbyOnFail,
                                boolean maintenance, boolean pending, boolean unclean, boolean shutdown, boolean expectedUp,
                                boolean dc, int resourcesRunning) {
    }

    /**
     * Where a primitive runs.
     *
     * @param id             resource id
     * @param agent          agent as reported ({@code ocf:heartbeat:ZFS}), empty string when not reported
     * @param role           role (Started, Stopped, …), empty string when not reported
     * @param nodes          nodes it is active on
     * @param group          the group it belongs to, empty string when none
     * @param cloneOf        the clone it is an instance of, empty string when none
     * @param active         crm_mon marks it active
     * @param orphaned       orphaned (in the status section, not in the configuration)
     * @param blocked        blocked
     * @param failed         crm_mon marks it failed
     * @param failureIgnored failure ignored
     * @param managed        managed by Pacemaker
     */
    public record ResourcePlacement(String id, String agent, String role, List<String> nodes, String group, String cloneOf,
                                    boolean active, boolean orphaned, boolean blocked, boolean failed, boolean failureIgnored,
                                    boolean managed) {
        /** Copies. Usage: see type. */
        public ResourcePlacement {
            nodes = List.copyOf(nodes);
        }
    }

    /**
     * A failed resource action.
     *
     * @param resource   resource id (from the operation key)
     * @param node       where it failed
     * @param task       the operation (start, monitor, …), or the operation key when crm_mon gives no task
     * @param exitStatus exit status text
     * @param exitCode   exit code
     * @param exitReason the agent's exit reason, empty when none
     * @param when       {@code last-rc-change} as printed, empty when not reported
     */
    public record ResourceFailure(String resource, String node, String task, String exitStatus, int exitCode, String exitReason,
                                  String when) {
    }

    /**
     * A fencing action.
     *
     * @param target     fenced node
     * @param action     reboot, off, on
     * @param status     success, failed, pending
     * @param delegate   node that executed it, empty when not reported
     * @param origin     node that asked for it, empty when not reported
     * @param completed  completion time as printed, empty when not reported
     * @param exitReason exit reason, empty when none
     */
    public record FenceAction(String target, String action, String status, String delegate, String origin, String completed,
                              String exitReason) {
    }

    /**
     * Corosync as one node sees it.
     *
     * @param ringId          the ring id as printed ({@code 1.d})
     * @param quorate         quorate
     * @param totalVotes      total votes
     * @param expectedVotes   expected votes
     * @param highestExpected highest expected votes
     * @param quorum          votes needed
     * @param activityBlocked quorumtool says activity blocked
     * @param members         the membership in quorumtool's order
     * @param links           one entry per (knet link, node) of {@code corosync-cfgtool -s}; empty when cfgtool was not readable
     */
    public record CorosyncView(String ringId, boolean quorate, int totalVotes, int expectedVotes, int highestExpected, int quorum,
                               boolean activityBlocked, List<Member> members, List<LinkPeer> links) {
        /** Copies. Usage: see type. */
        public CorosyncView {
            members = List.copyOf(members);
            links = List.copyOf(links);
        }
    }

    /**
     * One corosync member.
     *
     * @param nodeId node id (0 for a qdevice)
     * @param name   name as quorumtool prints it
     * @param votes  votes
     * @param local  the node that was asked
     */
    public record Member(long nodeId, String name, int votes, boolean local) {
    }

    /**
     * One node's state on one knet link, as the local node sees it.
     *
     * @param link    link number
     * @param address local address on the link
     * @param nodeId  the other node's id
     * @param node    the other node's name from the design, or its id when the design has no such node id
     * @param state   {@code localhost}, {@code connected}, {@code disconnected}
     */
    public record LinkPeer(int link, String address, long nodeId, String node, String state) {
    }

    /**
     * The pool as the importing node reports it.
     *
     * @param name   pool name
     * @param node   the node that imports it
     * @param state  pool state (ONLINE, DEGRADED, …)
     * @param legs   each leaf device, in printed order
     * @param scan   scrub/resilver in progress or last finished, when reported
     * @param errors data errors zpool counts ({@code errors:} line), -1 when not given
     * @param command the command it was read with
     */
    public record PoolView(String name, String node, String state, List<Leg> legs, Optional<ScanProgress> scan, long errors,
                           org.sansdk.core.Command command) {
        /** Copies. Usage: see type. */
        public PoolView {
            legs = List.copyOf(legs);
        }
    }

    /**
     * One leaf device of the pool.
     *
     * @param vdev     name as printed
     * @param parent   its top-level vdev ({@code mirror-0}), empty string for a top-level leaf
     * @param owner    the storage node whose disk it is (by its partlabel/device or the peer's by-path name), empty
     *                 string when the design does not say
     * @param state    device state
     * @param read     read errors
     * @param write    write errors
     * @param checksum checksum errors
     */
    public record Leg(String vdev, String parent, String owner, String state, long read, long write, long checksum) {
    }

    /**
     * A scan (scrub or resilver).
     *
     * @param function   scrub, resilver, …
     * @param state      in progress, finished, …
     * @param percent    percent done, when printed
     * @param eta        time to go, when printed
     * @param describe   zpool's lines summarised
     */
    public record ScanProgress(String function, String state, OptionalDouble percent, Optional<Duration> eta, String describe) {
    }

    /**
     * An iSCSI session.
     *
     * @param target  target IQN as printed
     * @param address portal address
     * @param port    portal port
     * @param sid     session id
     */
    public record Session(String target, String address, int port, int sid) {
    }

    /**
     * LIO's client target on a node.
     *
     * @param target        the design's client target IQN
     * @param targetPresent whether saveconfig has it
     * @param luns          zvol → present as a LUN of that target
     */
    public record LioView(String target, boolean targetPresent, java.util.Map<String, Boolean> luns) {
        /** Copies keeping order. Usage: see type. */
        public LioView {
            luns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(luns));
        }
    }
}
