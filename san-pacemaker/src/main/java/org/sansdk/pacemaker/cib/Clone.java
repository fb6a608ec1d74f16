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
 */
public record Clone(String id, boolean legacyMaster, List<NvSet> metaAttributes, Resource child) implements Resource {
    /** Copies. Usage: see type. */
    public Clone {
        metaAttributes = List.copyOf(metaAttributes);
    }

    /** True for a promotable clone (or legacy master). Usage: {@code clone.isPromotable()}. */
    public boolean isPromotable() {
        return legacyMaster || meta("promotable").map(v -> v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes")).orElse(false);
    }
}
