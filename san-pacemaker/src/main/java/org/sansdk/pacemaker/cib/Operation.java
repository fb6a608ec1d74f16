package org.sansdk.pacemaker.cib;

import java.util.List;
import java.util.Map;

/**
 * An {@code <op>} of a primitive: name, interval, timeout, role, on-fail, other attributes, attribute sets.
 * Usage: {@code Operation.of("zfs-pool-start-interval-0s", "start", "0s", "150s")}.
 *
 * @param id            XML id
 * @param name          monitor, start, stop, promote, demote, migrate_to, ...
 * @param interval      interval as written (e.g. "10s", "0")
 * @param timeout       timeout as written or null
 * @param role          role for monitors (Promoted/Unpromoted/Master/Slave) or null
 * @param onFail        on-fail or null
 * @param other         other attributes (start-delay, enabled, record-pending, ...)
 * @param attributeSets nested meta/instance attribute sets
 */
public record Operation(String id, String name, String interval, String timeout, String role, String onFail,
                        Map<String, String> other, List<NvSet> attributeSets) {
    /** Copies. Usage: see type. */
    public Operation {
        other = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(other == null ? Map.of() : other));
        attributeSets = List.copyOf(attributeSets == null ? List.of() : attributeSets);
    }

    /** A plain operation. Usage: {@code Operation.of("vip-monitor-interval-10s", "monitor", "10s", null)}. */
    public static Operation of(String id, String name, String interval, String timeout) {
        return new Operation(id, name, interval, timeout, null, null, Map.of(), List.of());
    }

    /** The interval in milliseconds (Pacemaker's units: ms, s, m, h, plain = seconds; ISO-8601 PT forms). Usage: {@code op.intervalMillis()}. */
    public long intervalMillis() {
        return Durations.toMillis(interval);
    }
}
