package org.sansdk.cluster.health;

import java.util.Objects;
import org.sansdk.core.Command;

/**
 * One thing {@link ClusterHealth} noticed, with the command an operator runs to see it for themselves.
 * Usage: {@code new Finding(Severity.WARNING, "LINK-DOWN", "storage-a", "link 1 to storage-b disconnected",
 * Command.of("corosync-cfgtool", "-s"))}.
 *
 * @param severity how bad
 * @param code     stable code ({@code POOL-DEGRADED}, {@code NODE-UNCLEAN}, … see {@link ClusterHealth})
 * @param node     the node it concerns or where it was seen; empty for the whole cluster
 * @param message  what was seen, in words, with the names and figures from the source
 * @param command  the argv that shows it (run on {@code node})
 */
public record Finding(Severity severity, String code, String node, String message, Command command)
        implements Comparable<Finding> {
    /** Refuses nulls. Usage: see type. */
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(command, "command");
    }

    /** Worst first, then code, node and message: the order {@link ClusterHealth#findings()} keeps. Usage: {@code list.sort(null)}. */
    @Override
    public int compareTo(Finding o) {
        int c = o.severity.compareTo(severity);
        if (c == 0) {
            c = code.compareTo(o.code);
        }
        if (c == 0) {
            c = node.compareTo(o.node);
        }
        return c != 0 ? c : message.compareTo(o.message);
    }

    /** {@code CRITICAL POOL-NOT-IMPORTED [storage-b] message (crm_mon -1 --output-as=xml)}. */
    @Override
    public String toString() {
        return severity + " " + code + (node.isEmpty() ? "" : " [" + node + "]") + " " + message + " ("
                + String.join(" ", command.argv()) + ")";
    }
}
