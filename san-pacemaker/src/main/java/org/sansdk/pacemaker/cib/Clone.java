package org.sansdk.pacemaker.cib;

import java.util.List;

/**
 * A {@code <clone>} (promotable when meta {@code promotable=true}) or a legacy {@code <master>}.
 * Usage: {@code if (c.isPromotable()) ...}.
 *
 * @param id             clone id
 * @param legacyMaster   true when read from the pre-2.0 {@code <master>} element
 * @param metaAttributes meta attributes (clone-max, interleave, promotable, ...)
 * @param child          the cloned primitive or group
 * @param other          attributes other than id (description, ...), kept as read
 * @param unknown        child elements without a typed component, kept verbatim
 */
public record Clone(String id, boolean legacyMaster, List<NvSet> metaAttributes, Resource child, java.util.Map<String, String> other,
                    List<org.sansdk.pacemaker.xml.XmlElement> unknown) implements Resource {
    /** Copies. Usage: see type. */
    public Clone {
        metaAttributes = List.copyOf(metaAttributes);
        other = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(other));
        unknown = List.copyOf(unknown);
    }

    /** A clone with only the typed parts. Usage: {@code new Clone("d-clone", false, List.of(), primitive)}. */
    public Clone(String id, boolean legacyMaster, List<NvSet> metaAttributes, Resource child) {
        this(id, legacyMaster, metaAttributes, child, java.util.Map.of(), List.of());
    }

    /** True for a promotable clone (or legacy master). Usage: {@code clone.isPromotable()}. */
    public boolean isPromotable() {
        return legacyMaster || meta("promotable").map(v -> v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes")).orElse(false);
    }
}
