package org.sansdk.cluster.change;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.sansdk.core.Plan;

/**
 * One configuration file a node gets anew, with what differs (never a secret value: a secret key shows only that it
 * changes) and the plan that writes it (atomic, with its mode).
 *
 * <pre>{@code change.differences().forEach(System.out::println); change.plan().applyTo(executor);}</pre>
 *
 * @param node        the node
 * @param path        the file
 * @param differences one line per changed setting
 * @param plan        the write (a {@link Plan.WriteFileStep}, secret content marked)
 */
public record FileChange(String node, Path path, List<String> differences, Plan plan) {
    /** Copies, refuses nulls. */
    public FileChange {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(path, "path");
        differences = List.copyOf(differences);
        Objects.requireNonNull(plan, "plan");
    }
}
