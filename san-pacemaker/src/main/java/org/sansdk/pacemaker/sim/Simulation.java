package org.sansdk.pacemaker.sim;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sansdk.pacemaker.status.ClusterStatus;

/**
 * What {@code crm_simulate --output-as=xml} reports: status before, injected modifications, the planned actions,
 * the executed transition and the revised status.
 * Usage: {@code Simulation s = CrmSimulateParser.parse("crm_simulate", xml); s.after().orElseThrow().runningOn("zfs-pool")}.
 *
 * @param before        cluster status before the changes
 * @param modifications modify_node / inject_op / quorum entries as attribute maps (key "element" = element name)
 * @param actions       planned actions summary
 * @param transition    executed steps in order
 * @param after         revised status (present with {@code -S})
 * @param resultCode    status code (0 OK)
 */
public record Simulation(Optional<ClusterStatus> before, List<Map<String, String>> modifications, List<PlannedAction> actions,
                         List<TransitionStep> transition, Optional<ClusterStatus> after, int resultCode) {
    /** Copies. Usage: see type. */
    public Simulation {
        modifications = List.copyOf(modifications);
        actions = List.copyOf(actions);
        transition = List.copyOf(transition);
    }

    /** Fencing targets in the executed transition. Usage: {@code s.fencedNodes()}. */
    public List<String> fencedNodes() {
        return transition.stream().filter(t -> t.kind() == TransitionStep.Kind.FENCING).map(TransitionStep::node).toList();
    }

    /** Index of a one-shot resource op in the transition, or -1. Usage: {@code s.indexOf("zfs-pool", "start")}. */
    public int indexOf(String rsc, String op) {
        for (int i = 0; i < transition.size(); i++) {
            TransitionStep t = transition.get(i);
            if ((t.kind() == TransitionStep.Kind.RESOURCE || t.kind() == TransitionStep.Kind.PSEUDO) && rsc.equals(t.resource())
                    && op.equals(t.operation()) && t.intervalMs() == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Resources started or stopped by the transition (probes and monitors excluded). Usage: {@code s.movedResources()}. */
    public List<String> changedResources() {
        return transition.stream()
                .filter(t -> t.kind() == TransitionStep.Kind.RESOURCE && t.intervalMs() == 0
                        && !t.operation().equals("monitor"))
                .map(TransitionStep::resource).distinct().toList();
    }
}
