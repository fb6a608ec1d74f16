package org.sansdk.pacemaker.status;

/**
 * One {@code <operation_history>} entry of crm_mon's node history.
 * Usage: {@code op.rc() != 0}.
 *
 * @param node       node name
 * @param resource   resource id
 * @param call       call id
 * @param task       start, stop, monitor, ...
 * @param rc         agent rc
 * @param rcText     rc text
 * @param intervalMs interval ms (0 when absent)
 * @param execTimeMs exec time ms
 */
public record OperationHistory(String node, String resource, int call, String task, int rc, String rcText, long intervalMs,
                               long execTimeMs) {
}
