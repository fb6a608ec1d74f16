package org.sansdk.pacemaker.cib;

import java.util.List;

/**
 * An {@code <rsc_ticket>}: a resource depends on a cluster ticket.
 * Usage: {@code ticket.lossPolicy()}.
 *
 * @param id         constraint id
 * @param ticket     ticket name
 * @param rsc        resource or null (sets)
 * @param rscRole    rsc-role or null
 * @param lossPolicy stop, demote, fence, freeze or null
 * @param sets       resource sets
 */
public record TicketConstraint(String id, String ticket, String rsc, String rscRole, String lossPolicy,
                               List<ResourceSet> sets) implements Constraint {
    /** Copies. Usage: see type. */
    public TicketConstraint {
        sets = List.copyOf(sets);
    }
}
