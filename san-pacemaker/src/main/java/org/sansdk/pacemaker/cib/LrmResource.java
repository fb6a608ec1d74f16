package org.sansdk.pacemaker.cib;

import java.util.List;

/**
 * An {@code <lrm_resource>}: a resource's operation history on one node.
 * Usage: {@code lrm.ops().get(0).operation()}.
 *
 * @param id       resource id (clone instances as {@code rsc:N})
 * @param agent    agent as recorded (may be null in old CIBs)
 * @param ops      operation history
 */
public record LrmResource(String id, ResourceAgent agent, List<LrmOp> ops) {
    /** Copies. Usage: see type. */
    public LrmResource {
        ops = List.copyOf(ops);
    }
}
