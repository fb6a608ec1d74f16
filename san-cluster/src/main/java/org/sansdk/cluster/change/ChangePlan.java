package org.sansdk.cluster.change;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sansdk.core.Command;
import org.sansdk.core.Plan;
import org.sansdk.lio.sync.SyncPlan;
import org.sansdk.pacemaker.cib.CibPatch;

/**
 * What changes on one node: the files it gets anew (iscsid.conf, the backend node record, corosync.conf), the
 * corosync activation, its LIO reconcile, and — on the node that applies it — the CIB patch. Only changes are in it:
 * a node that already runs what the design says has an empty plan.
 *
 * <pre>{@code System.out.println(nodePlan.summary()); nodePlan.plan().applyTo(executor);}</pre>
 *
 * @param node     the node
 * @param files    files to write, in order
 * @param corosync the corosync.conf change (empty when corosync is not compared or nothing changed)
 * @param lio      the LIO reconcile (storage nodes; empty when not compared)
 * @param cib      the CIB patch (only on the node that applies it; empty when nothing changes)
 */
public record ChangePlan(String node, List<FileChange> files, Optional<CorosyncChange> corosync, Optional<SyncPlan> lio,
                         Optional<CibPatch> cib) {

    /** The command that makes every corosync re-read corosync.conf (run once, after the file is on every node). */
    public static final Command COROSYNC_RELOAD = Command.of("corosync-cfgtool", "-R");

    /** Copies, refuses nulls. */
    public ChangePlan {
        Objects.requireNonNull(node, "node");
        files = List.copyOf(files);
        Objects.requireNonNull(corosync, "corosync");
        Objects.requireNonNull(lio, "lio");
        Objects.requireNonNull(cib, "cib");
    }

    /** True when nothing changes on this node. {@code p.isEmpty()} */
    public boolean isEmpty() {
        return files.isEmpty() && lio.map(SyncPlan::isEmpty).orElse(true) && cib.map(CibPatch::isEmpty).orElse(true);
    }

    /**
     * This node's steps as one plan: files, then the LIO batch, then the CIB patch (version-pinned,
     * {@code cibadmin --patch}); the corosync reload is the cluster plan's last step.
     * {@code p.plan().applyTo(executor)}
     */
    public Plan plan() {
        Plan.Builder b = Plan.builder("day-two change on " + node);
        files.forEach(f -> b.addAll(f.plan()));
        lio.filter(l -> !l.isEmpty()).ifPresent(l -> b.addAll(l.toPlan(node)));
        cib.filter(c -> !c.isEmpty()).ifPresent(c -> b.run(node, c.command(), "CIB patch pinned to epoch "
                + c.basedOn().epoch() + " (Pacemaker refuses it if the CIB moved)"));
        return b.build();
    }

    /** What changes, for people: one line per change, no secret. {@code System.out.println(p.summary())} */
    public String summary() {
        StringBuilder sb = new StringBuilder(node).append(isEmpty() ? ": no changes\n" : ":\n");
        for (FileChange f : files) {
            sb.append("  ").append(f.path()).append('\n');
            f.differences().forEach(d -> sb.append("    ").append(d).append('\n'));
        }
        corosync.filter(c -> !c.isEmpty()).ifPresent(c -> sb.append("  corosync: ").append(switch (c.activation()) {
            case RELOAD -> "reload (corosync-cfgtool -R once the file is on every node)";
            case RESTART -> "RESTART needed, node by node, for " + c.restartKeys() + " (not done by this plan)";
            case NONE -> "nothing";
        }).append('\n'));
        lio.filter(l -> !l.isEmpty() || !l.findings().isEmpty()).ifPresent(l -> {
            sb.append("  LIO: ").append(l.describe()).append('\n');
            l.toString().lines().forEach(x -> sb.append("    ").append(x).append('\n'));
        });
        cib.filter(c -> !c.isEmpty()).ifPresent(c -> {
            sb.append("  CIB: ").append(c.changes().size()).append(" change(s)\n");
            c.changes().forEach(x -> sb.append("    ").append(x.describe()).append('\n'));
            c.findings().forEach(x -> sb.append("    ! ").append(x).append('\n'));
        });
        return sb.toString();
    }

    /** Same as {@link #summary()}. */
    @Override
    public String toString() {
        return summary();
    }
}
