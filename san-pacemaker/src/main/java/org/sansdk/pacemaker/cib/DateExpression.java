package org.sansdk.pacemaker.cib;

import java.util.Map;
import java.util.Optional;

/**
 * A {@code <date_expression>}: in_range, gt, lt or date_spec over ISO-8601 dates.
 * Usage: {@code new DateExpression("d1", "in_range", "2019-09-24", null, Optional.empty(), Map.of("months", "1"))}.
 *
 * @param id        XML id
 * @param operation in_range, gt, lt, date_spec
 * @param start     start date or null
 * @param end       end date or null
 * @param dateSpec  the {@code date_spec} attributes (hours, weekdays, ...) when present
 * @param duration  the {@code duration} attributes when present (empty map when absent)
 */
public record DateExpression(String id, String operation, String start, String end,
                             Optional<Map<String, String>> dateSpec, Map<String, String> duration)
        implements RuleExpression {
    /** Copies. Usage: see type. */
    public DateExpression {
        dateSpec = dateSpec == null ? Optional.empty() : dateSpec.map(Map::copyOf);
        duration = duration == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(duration));
    }
}
