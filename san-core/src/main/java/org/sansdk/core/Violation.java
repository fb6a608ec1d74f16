package org.sansdk.core;

import java.util.Objects;

/**
 * One broken rule found by a validation: the rule id (stable, documented, greppable), the path of the
 * offending element inside the model, and a message saying what is wrong and what to do.
 *
 * <pre>{@code new Violation("LIO-LUN-001", "targets[0].tpgs[0].luns[3]", "storage object /backstores/block/x does not exist")}</pre>
 *
 * @param ruleId  stable rule id, for example {@code LIO-LUN-001}
 * @param path    where in the model
 * @param message what is wrong
 */
public record Violation(String ruleId, String path, String message) {
    /** Validates the fields. */
    public Violation {
        Objects.requireNonNull(ruleId, "ruleId");
        path = path == null ? "" : path;
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return "[" + ruleId + "] " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
