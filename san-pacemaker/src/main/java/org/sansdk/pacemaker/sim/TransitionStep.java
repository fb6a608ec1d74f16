package org.sansdk.pacemaker.sim;

/**
 * One executed step of the simulated transition, in the order crm_simulate ran it.
 * Usage: {@code step.kind() == TransitionStep.Kind.FENCING}.
 *
 * @param kind       step kind
 * @param resource   resource (resource steps) or null
 * @param operation  op (start, stop, monitor, ...) or the pseudo/cluster task
 * @param node       node (resource steps), fencing target, or null
 * @param intervalMs monitor interval (0 for one-shot ops)
 */
public record TransitionStep(Kind kind, String resource, String operation, String node, long intervalMs) {
    /** Closed family of transition elements. Usage: {@code TransitionStep.Kind.RESOURCE}. */
    public enum Kind {
        /** {@code rsc_action}: an agent call. */
        RESOURCE,
        /** {@code pseudo_action}: ordering point, or an implied stop on a fenced node. */
        PSEUDO,
        /** {@code fencing_action}. */
        FENCING,
        /** {@code cluster_action} (shutdown, clear_failcount...). */
        CLUSTER,
        /** {@code inject_attr} or anything else. */
        OTHER
    }

    /** True for an agent start/stop on a real node. Usage: {@code step.is("zfs-pool", "start")}. */
    public boolean is(String rsc, String op) {
        return kind == Kind.RESOURCE && rsc.equals(resource) && op.equals(operation) && intervalMs == 0;
    }
}
