package org.sansdk.pacemaker.cib;

import java.util.List;

/**
 * A {@code <fencing-level>} in the fencing topology: devices tried together, levels in index order.
 * Usage: {@code new FencingLevel("fl-storage-a-1", 1, "storage-a", null, null, null, List.of("fence-a"))}.
 *
 * @param id              XML id
 * @param index           level (1..9)
 * @param target          node name or null
 * @param targetPattern   node-name regex or null
 * @param targetAttribute node attribute name or null
 * @param targetValue     node attribute value or null
 * @param devices         device ids
 */
public record FencingLevel(String id, int index, String target, String targetPattern, String targetAttribute,
                           String targetValue, List<String> devices) {
    /** Copies. Usage: see type. */
    public FencingLevel {
        devices = List.copyOf(devices);
    }
}
