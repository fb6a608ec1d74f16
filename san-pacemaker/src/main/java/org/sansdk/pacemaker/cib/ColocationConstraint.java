package org.sansdk.pacemaker.cib;

import java.util.List;

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
 * @param sets          resource sets
 */
public record ColocationConstraint(String id, String rsc, String withRsc, String score, String rscRole, String withRscRole,
                                   String nodeAttribute, List<ResourceSet> sets) implements Constraint {
    /** Copies. Usage: see type. */
    public ColocationConstraint {
        sets = List.copyOf(sets);
    }

    /** {@code rsc} must run where {@code withRsc} runs (INFINITY), pcs's id pattern. Usage: {@code ColocationConstraint.with("a", "b")}. */
    public static ColocationConstraint with(String rsc, String withRsc) {
        return new ColocationConstraint("colocation-" + rsc + "-" + withRsc + "-INFINITY", rsc, withRsc, "INFINITY", null, null, null, List.of());
    }
}
