package org.sansdk.pacemaker.cib;

import java.util.List;
import java.util.Optional;

/**
 * An attribute set: {@code instance_attributes}, {@code meta_attributes}, {@code utilization},
 * {@code cluster_property_set} or a node's {@code instance_attributes}; may carry a rule and a score.
 * Usage: {@code primitive.instanceAttributes().get(0).value("pool")}.
 *
 * @param kind  element name, e.g. {@code meta_attributes}
 * @param id    XML id (null when {@code idRef} is used)
 * @param idRef {@code id-ref} to a set defined elsewhere, or null
 * @param score score attribute (ordering among sets) or null
 * @param rule  optional rule deciding when the set applies
 * @param pairs the name/value pairs
 */
public record NvSet(String kind, String id, String idRef, String score, Optional<Rule> rule, List<NvPair> pairs) {
    /** Copies. Usage: {@code new NvSet("meta_attributes", "x-meta", null, null, Optional.empty(), List.of())}. */
    public NvSet {
        rule = rule == null ? Optional.empty() : rule;
        pairs = List.copyOf(pairs);
    }

    /** A simple unconditional set. Usage: {@code NvSet.of("instance_attributes", "vip-ia", List.of(...))}. */
    public static NvSet of(String kind, String id, List<NvPair> pairs) {
        return new NvSet(kind, id, null, null, Optional.empty(), pairs);
    }

    /**
     * The value of the first pair with that name, as displayed ({@code ****} for a {@link NvValue.SecretValue}: use
     * {@link #pair} for the typed value). Usage: {@code set.value("ip")}.
     */
    public Optional<String> value(String name) {
        return pair(name).map(NvPair::displayValue);
    }

    /** The first pair with that name. Usage: {@code set.pair("password").map(NvPair::isSecret)}. */
    public Optional<NvPair> pair(String name) {
        for (NvPair p : pairs) {
            if (p.name().equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * The value of a name in the first unconditional set of a list that has it.
     * Usage: {@code NvSet.lookup(cib.configuration().crmConfig(), "stonith-enabled")}.
     */
    public static Optional<String> lookup(List<NvSet> sets, String name) {
        for (NvSet s : sets) {
            if (s.rule().isPresent()) {
                continue;
            }
            Optional<String> v = s.value(name);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }
}
