package org.sansdk.cluster.ops;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a planned failover did: every step with its time, each resource's arrival on the target, what did not
 * arrive within the bound. Usage: {@code if (!report.completed()) log(report.describe());}
 *
 * @param from       the node the resources ran on
 * @param to         the target node
 * @param method     how resources were moved ({@code standby} or {@code move constraint})
 * @param steps      every step in order
 * @param arrivals   resource id → time it was first seen started on the target, in arrival order
 * @param notArrived resources not running on the target when the bound passed (empty when completed)
 * @param total      time from the first command to the last resource's arrival (or to the bound)
 */
public record FailoverReport(String from, String to, String method, List<OperationStep> steps, Map<String, Duration> arrivals,
                             List<String> notArrived, Duration total) {
    /** Copies. Usage: built by {@link ClusterOperations#plannedFailover}. */
    public FailoverReport {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(method, "method");
        steps = List.copyOf(steps);
        arrivals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(arrivals));
        notArrived = List.copyOf(notArrived);
        Objects.requireNonNull(total, "total");
    }

    /** True when every resource arrived on the target. Usage: {@code report.completed()}. */
    public boolean completed() {
        return notArrived.isEmpty();
    }

    /** One line per step, then the total. Usage: {@code System.out.println(report.describe())}. */
    public String describe() {
        StringBuilder b = new StringBuilder("planned failover " + from + " -> " + to + " (" + method + ")\n");
        steps.forEach(s -> b.append("  ").append(s.describe()).append('\n'));
        b.append(String.format(java.util.Locale.ROOT, "  total %.3f s%s", total.toNanos() / 1e9,
                completed() ? "" : "; NOT on " + to + ": " + notArrived));
        return b.toString();
    }
}
