package org.sansdk.corosync;

import java.util.Objects;
import org.sansdk.core.Violation;

/**
 * One broken {@link CorosyncRule} in a corosync.conf: where (dotted path and 1-based line, 0 when the
 * problem is not on one line) and what.
 *
 * <pre>{@code findings.forEach(f -> System.out.println(f.line() + ": " + f.rule().id() + " " + f.message()));}</pre>
 *
 * @param rule    the rule
 * @param path    dotted path such as {@code nodelist.node[2].ring1_addr}
 * @param line    1-based line in the file, 0 when none
 * @param message what is wrong here
 */
public record Finding(CorosyncRule rule, String path, int line, String message) {
    /** Validates. */
    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** The rule id. */
    public String ruleId() {
        return rule.id();
    }

    /** The rule's severity. */
    public Severity severity() {
        return rule.severity();
    }

    /** As a san-core {@link Violation} (message with the fix). */
    public Violation toViolation() {
        return new Violation(rule.id(), path, message + " (fix: " + rule.fix() + ")");
    }

    @Override
    public String toString() {
        return (line > 0 ? "line " + line + ": " : "") + "[" + rule.id() + " " + rule.severity() + "] "
                + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
