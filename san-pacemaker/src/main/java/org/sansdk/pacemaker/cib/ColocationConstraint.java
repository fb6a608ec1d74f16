package org.sansdk.pacemaker.cib;

import java.util.List;
import java.util.Map;

/**
 * An {@code <rsc_colocation>}: {@code rsc} placed relative to {@code withRsc}.
 * Usage: {@code ColocationConstraint.with("san-services", "zfs-pool")}.
 *
 * @param id            constraint id
 * @param rsc           dependent resource or null (with sets)
 * @param withRsc       primary resource or null
 * @param score         score
 * @param rscRole       rsc-role or null
 * @param withRscRole   with-rsc-role or null
 * @param nodeAttribute node-attribute or null
 * @param other             attributes without a typed component, kept as read (require-all, influence, lifetime, ...)
 * @param sets          resource sets
 */
public record ColocationConstraint(String id, String rsc, String withRsc, String score, String rscRole, String withRscRole,
                                   String nodeAttribute, List<ResourceSet> sets, Map<String, String> other) implements Constraint {
    /** Copies. Usage: see type. */
    public ColocationConstraint {
        sets = List.copyOf(sets);
        other = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(other));
    }

    /** Without extra attributes. Usage: {@code new ColocationConstraint(...)} with the typed components only. */
    public ColocationConstraint(String id, String rsc, String withRsc, String score, String rscRole, String withRscRole, String nodeAttribute, List<ResourceSet> sets) {
        this(id, rsc, withRsc, score, rscRole, withRscRole, nodeAttribute, sets, Map.of());
    }

    /** {@code rsc} must run where {@code withRsc} runs (INFINITY), pcs's id pattern. Usage: {@code ColocationConstraint.with("a", "b")}. */
    public static ColocationConstraint with(String rsc, String withRsc) {
        return new ColocationConstraint("colocation-" + rsc + "-" + withRsc + "-INFINITY", rsc, withRsc, "INFINITY", null, null, null, List.of());
    }
}
