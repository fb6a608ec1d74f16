package org.sansdk.pacemaker.cib;

import java.util.List;
import java.util.Map;

/**
 * An {@code <rsc_order>}: {@code then} after {@code first}, with kind Mandatory/Optional/Serialize.
 * Usage: {@code OrderConstraint.mandatory("zfs-pool", "san-services")}.
 *
 * @param id          constraint id
 * @param first       first resource or null (sets)
 * @param then        then resource or null
 * @param firstAction first-action or null (= start)
 * @param thenAction  then-action or null
 * @param kind        Mandatory, Optional, Serialize or null (= Mandatory)
 * @param score       legacy score or null
 * @param symmetrical symmetrical or null
 * @param other             attributes without a typed component, kept as read (require-all, influence, lifetime, ...)
 * @param sets        resource sets
 */
public record OrderConstraint(String id, String first, String then, String firstAction, String thenAction, String kind,
                              String score, String symmetrical, List<ResourceSet> sets, Map<String, String> other) implements Constraint {
    /** Copies. Usage: see type. */
    public OrderConstraint {
        sets = List.copyOf(sets);
        other = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(other));
    }

    /** Without extra attributes. Usage: {@code new OrderConstraint(...)} with the typed components only. */
    public OrderConstraint(String id, String first, String then, String firstAction, String thenAction, String kind, String score, String symmetrical, List<ResourceSet> sets) {
        this(id, first, then, firstAction, thenAction, kind, score, symmetrical, sets, Map.of());
    }

    /** Mandatory start order with pcs's id and attribute pattern. Usage: {@code OrderConstraint.mandatory("a", "b")}. */
    public static OrderConstraint mandatory(String first, String then) {
        return new OrderConstraint("order-" + first + "-" + then + "-mandatory", first, then, "start", "start", null, null, null, List.of());
    }

    /** The effective kind. Usage: {@code order.effectiveKind()}. */
    public String effectiveKind() {
        if (kind != null) {
            return kind;
        }
        if (score != null && (score.equals("0") || score.equals("+0") || score.equals("-0"))) {
            return "Optional";
        }
        return "Mandatory";
    }
}
