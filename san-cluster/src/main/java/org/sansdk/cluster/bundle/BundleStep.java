package org.sansdk.cluster.bundle;

import java.util.Objects;
import org.sansdk.core.Command;

/**
 * One command of the runbook on one node: the argv ({@link Command}, stdin and secrets included), why it runs, and
 * the line RUNBOOK.md prints for it (with {@code < FILE} where the stdin comes from a bundle file, never a secret).
 * Usage: {@code step.command().argv()}.
 *
 * @param node    the node it runs on
 * @param stage   its runbook stage
 * @param why     one line of reason
 * @param command the command
 * @param shell   the runbook's shell line (no secret in it)
 */
public record BundleStep(String node, Stage stage, String why, Command command, String shell) {
    /** Refuses nulls. Usage: see type. */
    public BundleStep {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(shell, "shell");
    }
}
