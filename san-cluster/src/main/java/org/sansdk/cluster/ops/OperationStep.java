package org.sansdk.cluster.ops;

import java.time.Duration;
import java.util.Objects;

/**
 * One step of an operation's report: what was done or seen, and when (from the operation's start).
 * Usage: {@code report.steps().forEach(s -> System.out.println(s.describe()));}
 *
 * @param name   short name ({@code standby}, {@code arrived}, {@code zpool online}, …)
 * @param detail what exactly (node, resource, command, figures)
 * @param at     time since the operation started
 */
public record OperationStep(String name, String detail, Duration at) {
    /** Checks the parts. Usage: {@code new OperationStep("standby", "storage-a", Duration.ZERO)}. */
    public OperationStep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(at, "at");
    }

    /** {@code +1.234 s  standby  storage-a}. Usage: {@code step.describe()}. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "+%.3f s  %s  %s", at.toNanos() / 1e9, name, detail);
    }
}
