package org.sansdk.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sansdk.cluster.design.Node;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.core.Executor;
import org.sansdk.core.HostExecutors;
import org.sansdk.core.SanException;
import org.sansdk.core.SshExecutor;

/**
 * The whole SAN as one object — what {@code Git} is to JGit: a design plus an executor per node. Each node's
 * tools are one call away ({@code cluster.node("storage-a").zpool()}), and the cluster is san-core's host →
 * executor mapping, so a plan whose steps name several nodes runs each step on its own node
 * ({@code plan.applyTo(cluster)}).
 *
 * <pre>{@code
 * SanCluster cluster = SanCluster.overSsh(design, "management", "root");
 * cluster.node("storage-a").zpool().status("san-pool").describe();
 * cluster.capabilities().values().forEach(c -> System.out.println(c.describe()));
 * }</pre>
 */
public final class SanCluster implements HostExecutors {
    private final SanDesign design;
    private final Map<String, ClusterNode> nodes;

    private SanCluster(SanDesign design, Map<String, ClusterNode> nodes) {
        this.design = design;
        this.nodes = nodes;
    }

    /**
     * A cluster whose nodes are reached through the given executors (SSH, replay or recording executors for
     * tests and dry runs). Every node of the design needs one; a name the design does not have is refused.
     * Usage: {@code SanCluster.of(design, Map.of("storage-a", a, "storage-b", b, "quorum", q))}.
     *
     * @throws SanException naming the design's nodes without an executor, or the executors for unknown names
     */
    public static SanCluster of(SanDesign design, Map<String, ? extends Executor> inventory) {
        return of(design, inventory, Map.of());
    }

    /**
     * A cluster whose nodes' capabilities are known already (a dry run through recording executors, which cannot
     * answer the probes; a test): nodes listed in {@code known} are not probed.
     * Usage: {@code SanCluster.of(design, recorders, Map.of("storage-a", capsA, "storage-b", capsB, "quorum", capsQ))}.
     *
     * @throws SanException as {@link #of(SanDesign, Map)}, or when {@code known} names a node the design does not have
     */
    public static SanCluster of(SanDesign design, Map<String, ? extends Executor> inventory, Map<String, NodeCapabilities> known) {
        Objects.requireNonNull(design, "design");
        List<String> names = design.nodes().stream().map(Node::name).toList();
        List<String> missing = names.stream().filter(n -> !inventory.containsKey(n)).toList();
        List<String> unknown = inventory.keySet().stream().filter(n -> !names.contains(n)).sorted().toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new SanException("the inventory must name exactly the design's nodes " + names
                    + (missing.isEmpty() ? "" : "; without an executor: " + missing)
                    + (unknown.isEmpty() ? "" : "; not in the design: " + unknown));
        }
        List<String> strangers = known.keySet().stream().filter(n -> !names.contains(n)).sorted().toList();
        if (!strangers.isEmpty()) {
            throw new SanException("capabilities given for nodes not in the design: " + strangers);
        }
        Map<String, ClusterNode> out = new LinkedHashMap<>();
        for (Node n : design.nodes()) {
            out.put(n.name(), new ClusterNode(n, Objects.requireNonNull(inventory.get(n.name()), n.name()), known.get(n.name())));
        }
        return new SanCluster(design, out);
    }

    /**
     * A cluster reached over SSH at each node's address on {@code network} (usually the management network),
     * as {@code user}, with the SSH client's defaults otherwise (keys, known_hosts, BatchMode).
     * Usage: {@code SanCluster.overSsh(design, "management", "root")}.
     *
     * @throws SanException naming the nodes that have no address on that network
     */
    public static SanCluster overSsh(SanDesign design, String network, String user) {
        Map<String, Executor> inventory = new LinkedHashMap<>();
        List<String> without = new ArrayList<>();
        for (Node n : design.nodes()) {
            n.address(network).ifPresentOrElse(
                    a -> inventory.put(n.name(), SshExecutor.builder(a.address()).user(user).build()),
                    () -> without.add(n.name()));
        }
        if (!without.isEmpty()) {
            throw new SanException("no address on network '" + network + "' for " + without);
        }
        return of(design, inventory);
    }

    /** The design the cluster was built from. Usage: {@code cluster.design().pool().name()}. */
    public SanDesign design() {
        return design;
    }

    /** Every node, in design order. Usage: {@code cluster.nodes().size()}. */
    public List<ClusterNode> nodes() {
        return List.copyOf(nodes.values());
    }

    /** The storage nodes, in design order. Usage: {@code cluster.storageNodes().get(0).zpool()}. */
    public List<ClusterNode> storageNodes() {
        return nodes.values().stream().filter(n -> n.design().isStorage()).toList();
    }

    /**
     * One node by name.
     *
     * @throws UnknownNodeException when the design has no such node
     */
    public ClusterNode node(String name) {
        ClusterNode n = nodes.get(name);
        if (n == null) {
            throw new UnknownNodeException(name, List.copyOf(nodes.keySet()));
        }
        return n;
    }

    /** The executor of a node: lets {@code plan.applyTo(cluster)} run each step on its host. */
    @Override
    public Executor executorFor(String host) {
        return node(host).executor();
    }

    /** Every node's capabilities, probed once per node, in design order. Usage: {@code cluster.capabilities().get("quorum").pcs()}. */
    public Map<String, NodeCapabilities> capabilities() {
        Map<String, NodeCapabilities> out = new LinkedHashMap<>();
        nodes.forEach((name, n) -> out.put(name, n.capabilities()));
        return out;
    }

    /**
     * The design's bundle rendered for what these nodes run (each node's distribution family and OpenZFS series
     * from {@link #capabilities()}), with every rule's finding in REPORT.md. Usage: {@code cluster.bundle().writeTo(Path.of("bundle"))}.
     */
    public org.sansdk.cluster.bundle.Bundle bundle() {
        return org.sansdk.cluster.bundle.BundleRenderer.create()
                .with(org.sansdk.cluster.bundle.HostFilesContribution.following(capabilities()))
                .with(new org.sansdk.cluster.bundle.RulesContribution()).render(design);
    }

    /**
     * Moves every resource to {@code toNode} without pcs, after checking it is safe (the target online and not UNCLEAN,
     * quorum, no failed resources, fencing on with a device per storage node, the pool not resilvering unless
     * {@link org.sansdk.cluster.ops.FailoverOption#EVEN_IF_RESILVERING}); reports each step and each resource's arrival.
     * Bounds and the move method: {@link org.sansdk.cluster.ops.ClusterOperations}.
     * Usage: {@code cluster.plannedFailover("storage-b", FailoverOption.UNSTANDBY_AFTER).describe()}.
     *
     * @throws org.sansdk.cluster.ops.OperationRefusedException naming every reason it is not safe (nothing changed)
     */
    public org.sansdk.cluster.ops.FailoverReport plannedFailover(String toNode, org.sansdk.cluster.ops.FailoverOption... options) {
        return org.sansdk.cluster.ops.ClusterOperations.of(this).plannedFailover(toNode, options);
    }

    /**
     * The pool's scan state (resilver or scrub: percent, issued/scanned, time to go; rounded figures marked) from the node
     * that imports it. Usage: {@code cluster.resilverProgress().describe()}.
     *
     * @throws org.sansdk.cluster.ops.OperationRefusedException when no storage node shows the pool
     */
    public org.sansdk.cluster.ops.ResilverProgress resilverProgress() {
        return org.sansdk.cluster.ops.ClusterOperations.of(this).resilverProgress();
    }

    /**
     * Brings a returning storage node back: checks it is online, its backend sessions are logged in and
     * resource-stickiness is set, {@code zpool online} of exactly its legs, {@code zpool clear} of those showing errors,
     * follows the resilver to the end and holds failback (no move). Usage: {@code cluster.reintegrate("storage-b").describe()}.
     *
     * @throws org.sansdk.cluster.ops.OperationRefusedException naming every reason (nothing changed)
     */
    public org.sansdk.cluster.ops.ReintegrationReport reintegrate(String node) {
        return org.sansdk.cluster.ops.ClusterOperations.of(this).reintegrate(node);
    }

    /**
     * The client target's LUN sync ({@code Lio.sync(spec, zvols)} with the zvols {@code zfs list} shows) on the node
     * that runs the pool. Usage: {@code cluster.syncLuns().plan().describe()}.
     *
     * @throws org.sansdk.cluster.ops.OperationRefusedException when the pool runs nowhere or the design has no client target
     */
    public org.sansdk.cluster.ops.LunSyncReport syncLuns() {
        return org.sansdk.cluster.ops.ClusterOperations.of(this).syncLuns();
    }

    /**
     * The cluster's live health: crm_mon, corosync quorum and links, the pool, the backend iSCSI sessions and the LIO
     * client target read through every node's executor (in parallel, each node within
     * {@link org.sansdk.cluster.health.ClusterHealth#DEFAULT_NODE_BOUND}), with findings. A node or source that cannot
     * be read is a finding, never an exception. Usage: {@code cluster.status().findings().forEach(System.out::println)}.
     */
    public org.sansdk.cluster.health.ClusterHealth status() {
        return status(org.sansdk.cluster.health.ClusterHealth.DEFAULT_NODE_BOUND);
    }

    /**
     * {@link #status()} with another bound per node. Usage: {@code cluster.status(Duration.ofSeconds(10)).overall()}.
     */
    public org.sansdk.cluster.health.ClusterHealth status(java.time.Duration perNode) {
        return org.sansdk.cluster.health.ClusterHealth.gather(this, perNode);
    }

    /**
     * Day two: what {@code changed} alters on this running cluster, per node and only the changes (CIB patch, LIO
     * targets, iscsid.conf and node record, corosync.conf with its reload or restart), read from the nodes through
     * their executors. Usage: {@code cluster.plan(changed).apply()}.
     */
    public org.sansdk.cluster.change.ClusterChangePlan plan(SanDesign changed) {
        return plan(changed, org.sansdk.cluster.change.ChangeOptions.all());
    }

    /**
     * {@link #plan(SanDesign)} with options: the layers to compare, another design → CIB mapping (a lab's stand-in
     * agents), CIB patch and LIO policies. Usage: {@code cluster.plan(changed, ChangeOptions.all().layers(ChangeLayer.PACEMAKER))}.
     */
    public org.sansdk.cluster.change.ClusterChangePlan plan(SanDesign changed, org.sansdk.cluster.change.ChangeOptions options) {
        return org.sansdk.cluster.change.ChangePlanner.plan(this, changed, options);
    }

    /** {@code SanCluster[san-cluster: storage-a, storage-b, quorum]}. */
    @Override
    public String toString() {
        return "SanCluster[" + design.clusterName() + ": " + String.join(", ", nodes.keySet()) + "]";
    }
}
