package org.sansdk.cluster.change;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sansdk.cluster.SanCluster;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.core.Plan;
import org.sansdk.pacemaker.Pacemaker;

/**
 * A changed design against a running cluster: one {@link ChangePlan} per node (in design order) and whether corosync
 * needs a reload. {@link #plan()} renders every step as one multi-host plan; {@link #apply()} runs it through the
 * cluster's executors (files first, then each storage node's LIO reconcile under its lock, then the CIB patch checked
 * against the live epoch, then {@code corosync-cfgtool -R} once). Planning again afterwards is empty.
 *
 * <pre>{@code ClusterChangePlan p = cluster.plan(changed); System.out.print(p.summary()); p.apply();}</pre>
 */
public final class ClusterChangePlan {
    private final SanCluster cluster;
    private final SanDesign design;
    private final ChangeOptions options;
    private final List<ChangePlan> nodes;

    ClusterChangePlan(SanCluster cluster, SanDesign design, ChangeOptions options, List<ChangePlan> nodes) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.design = Objects.requireNonNull(design, "design");
        this.options = Objects.requireNonNull(options, "options");
        this.nodes = List.copyOf(nodes);
    }

    /** The per-node plans, in design order. {@code p.nodes()} */
    public List<ChangePlan> nodes() {
        return nodes;
    }

    /** The plan of one node. {@code p.node("storage-a")} */
    public Optional<ChangePlan> node(String name) {
        return nodes.stream().filter(n -> n.node().equals(name)).findFirst();
    }

    /** The changed design this plan brings the cluster to. {@code p.design()} */
    public SanDesign design() {
        return design;
    }

    /** True when no node changes. {@code p.isEmpty()} */
    public boolean isEmpty() {
        return nodes.stream().allMatch(ChangePlan::isEmpty);
    }

    /** True when corosync.conf changes somewhere and every change is reloadable. {@code p.reloadsCorosync()} */
    public boolean reloadsCorosync() {
        return nodes.stream().anyMatch(n -> n.corosync().map(c -> c.activation() != CorosyncChange.Activation.NONE).orElse(false))
                && nodes.stream().noneMatch(n -> n.corosync().map(c -> c.activation() == CorosyncChange.Activation.RESTART).orElse(false));
    }

    /** The node that runs the reload: the first node of the design. */
    private String reloadNode() {
        return nodes.get(0).node();
    }

    /**
     * Every step as one plan naming each step's node: all files, then LIO, then the CIB patch, then the corosync reload.
     * {@code p.plan().applyTo(cluster)}
     */
    public Plan plan() {
        Plan.Builder b = Plan.builder("day-two change of " + design.clusterName());
        for (ChangePlan n : nodes) {
            n.files().forEach(f -> b.addAll(f.plan()));
        }
        for (ChangePlan n : nodes) {
            n.lio().filter(l -> !l.isEmpty()).ifPresent(l -> b.addAll(l.toPlan(n.node())));
        }
        for (ChangePlan n : nodes) {
            n.cib().filter(c -> !c.isEmpty()).ifPresent(c -> b.run(n.node(), c.command(), "CIB patch pinned to epoch "
                    + c.basedOn().epoch()));
        }
        if (reloadsCorosync()) {
            b.run(reloadNode(), ChangePlan.COROSYNC_RELOAD, "every corosync re-reads corosync.conf");
        }
        return b.build();
    }

    /**
     * Applies the change through the cluster's executors: files, LIO (re-read and re-planned under each node's lock),
     * the CIB patch (refused when the CIB's epoch moved since planning), the corosync reload.
     * {@code p.apply()}
     *
     * @throws org.sansdk.pacemaker.cib.CibChangedException when the CIB changed since planning (plan again)
     * @throws org.sansdk.lio.reconcile.LioLockedException  when another LIO writer held a node's lock past the bound
     */
    public void apply() {
        for (ChangePlan n : nodes) {
            for (FileChange f : n.files()) {
                f.plan().applyTo(cluster.executorFor(n.node()));
            }
        }
        for (ChangePlan n : nodes) {
            if (n.lio().map(l -> !l.isEmpty()).orElse(false)) {
                ChangePlanner.lio(cluster, n.node(), options).reconcile(ChangePlanner.reconciler(design, n.node(), options));
            }
        }
        for (ChangePlan n : nodes) {
            n.cib().filter(c -> !c.isEmpty()).ifPresent(c -> Pacemaker.on(cluster.executorFor(n.node())).apply(c));
        }
        if (reloadsCorosync()) {
            cluster.executorFor(reloadNode()).runChecked(ChangePlan.COROSYNC_RELOAD);
        }
    }

    /** Every node's summary, then the corosync step. {@code System.out.print(p.summary())} */
    public String summary() {
        StringBuilder sb = new StringBuilder("day-two change of " + design.clusterName() + (isEmpty() ? ": nothing to do\n" : "\n"));
        nodes.forEach(n -> sb.append(n.summary()));
        if (reloadsCorosync()) {
            sb.append("then: corosync-cfgtool -R on ").append(reloadNode()).append('\n');
        }
        return sb.toString();
    }

    /** Same as {@link #summary()}. */
    @Override
    public String toString() {
        return summary();
    }
}
