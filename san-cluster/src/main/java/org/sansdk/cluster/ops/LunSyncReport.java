package org.sansdk.cluster.ops;

import java.util.List;
import java.util.Objects;
import org.sansdk.lio.sync.SyncPlan;
import org.sansdk.lio.sync.Zvol;

/**
 * What a LUN sync of the client target did on the node that runs the pool. Usage: {@code cluster.syncLuns().plan().changes()}.
 *
 * @param node  the node (imports the pool, runs the client target)
 * @param zvols the zvols {@code zfs list} showed there
 * @param plan  the applied plan (empty when the target was in sync already); its findings say what was noticed
 * @param steps every step with its time
 */
public record LunSyncReport(String node, List<Zvol> zvols, SyncPlan plan, List<OperationStep> steps) {
    /** Copies. Usage: built by {@link ClusterOperations#syncLuns()}. */
    public LunSyncReport {
        Objects.requireNonNull(node, "node");
        zvols = List.copyOf(zvols);
        Objects.requireNonNull(plan, "plan");
        steps = List.copyOf(steps);
    }
}
