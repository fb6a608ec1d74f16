package org.sansdk.pacemaker.cib;

import java.util.List;
import java.util.Map;

/**
 * An {@code <rsc_location>}: a score for a resource on a node, or rules.
 * Usage: {@code LocationConstraint.prefers("zfs-pool", "storage-a", "100")}.
 *
 * @param id                constraint id
 * @param rsc               resource id or null (with rscPattern or sets)
 * @param rscPattern        rsc-pattern regex or null
 * @param node              node name or null (with rules)
 * @param score             score or null (with rules)
 * @param role              role or null
 * @param resourceDiscovery always/never/exclusive or null
 * @param rules             rules (score per rule)
 * @param other             attributes without a typed component, kept as read (require-all, influence, lifetime, ...)
 * @param sets              resource sets
 */
public record LocationConstraint(String id, String rsc, String rscPattern, String node, String score, String role,
                                 String resourceDiscovery, List<Rule> rules, List<ResourceSet> sets, Map<String, String> other) implements Constraint {
    /** Copies. Usage: see type. */
    public LocationConstraint {
        rules = List.copyOf(rules);
        sets = List.copyOf(sets);
        other = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(other));
    }

    /** Without extra attributes. Usage: {@code new LocationConstraint(...)} with the typed components only. */
    public LocationConstraint(String id, String rsc, String rscPattern, String node, String score, String role, String resourceDiscovery, List<Rule> rules, List<ResourceSet> sets) {
        this(id, rsc, rscPattern, node, score, role, resourceDiscovery, rules, sets, Map.of());
    }

    /** A node preference with pcs's id pattern. Usage: {@code LocationConstraint.prefers("zfs-pool", "storage-a", "100")}. */
    public static LocationConstraint prefers(String rsc, String node, String score) {
        return new LocationConstraint("location-" + rsc + "-" + node + "-" + score, rsc, null, node, score, null, null, List.of(), List.of());
    }

    /** A rule {@code score: #uname eq node} with pcs's id pattern. Usage: {@code LocationConstraint.unameRule("zfs-pool", "-INFINITY", "quorum")}. */
    public static LocationConstraint unameRule(String rsc, String score, String node) {
        String id = "location-" + rsc;
        return new LocationConstraint(id, rsc, null, null, null, null, null,
                List.of(Rule.unameEquals(id + "-rule", score, node)), List.of());
    }
}
