package org.sansdk.pacemaker.cib;

import java.util.List;
import java.util.Map;

/**
 * An {@code <rsc_ticket>}: a resource depends on a cluster ticket.
 * Usage: {@code ticket.lossPolicy()}.
 *
 * @param id         constraint id
 * @param ticket     ticket name
 * @param rsc        resource or null (sets)
 * @param rscRole    rsc-role or null
 * @param lossPolicy stop, demote, fence, freeze or null
 * @param other             attributes without a typed component, kept as read (require-all, influence, lifetime, ...)
 * @param sets       resource sets
 */
public record TicketConstraint(String id, String ticket, String rsc, String rscRole, String lossPolicy,
                               List<ResourceSet> sets, Map<String, String> other) implements Constraint {
    /** Copies. Usage: see type. */
    public TicketConstraint {
        sets = List.copyOf(sets);
        other = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(other));
    }

    /** Without extra attributes. Usage: {@code new TicketConstraint(...)} with the typed components only. */
    public TicketConstraint(String id, String ticket, String rsc, String rscRole, String lossPolicy, List<ResourceSet> sets) {
        this(id, ticket, rsc, rscRole, lossPolicy, sets, Map.of());
    }
}
