package org.sansdk.pacemaker.cib;

import java.util.List;
import java.util.Map;

/**
 * A {@code <resource_set>} inside a constraint.
 * Usage: {@code set.resources()}.
 *
 * @param id         XML id (null with idRef)
 * @param idRef      id-ref or null
 * @param resources  referenced resource ids in order
 * @param sequential sequential attribute or null
 * @param requireAll require-all attribute or null
 * @param role       role or null
 * @param action     action or null
 * @param other      other attributes (kind, score, ordering)
 */
public record ResourceSet(String id, String idRef, List<String> resources, String sequential, String requireAll,
                          String role, String action, Map<String, String> other) {
    /** Copies. Usage: see type. */
    public ResourceSet {
        resources = List.copyOf(resources);
        other = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(other == null ? Map.of() : other));
    }
}
