package org.sansdk.pacemaker.cib;

import java.util.Map;

/**
 * An {@code <lrm_rsc_op>}: one recorded operation result in the status section.
 * Usage: {@code op.rcCode() != 0}.
 *
 * @param id            op id (e.g. {@code zfs-pool_last_0}, {@code zfs-pool_monitor_5000})
 * @param operation     operation name
 * @param callId        call-id (-1 pending / unknown)
 * @param rcCode        rc-code (agent exit code; -1 unknown)
 * @param opStatus      op-status (0 done, 1 pending, 2 cancelled, 4 error...; -1 unknown)
 * @param intervalMs    interval in ms
 * @param lastRcChange  last-rc-change epoch seconds (0 unknown)
 * @param execTimeMs    exec-time ms (0 unknown)
 * @param onNode        on_node or null
 * @param exitReason    exit-reason or null
 * @param transitionKey transition-key or null
 * @param other         other attributes
 */
public record LrmOp(String id, String operation, int callId, int rcCode, int opStatus, long intervalMs,
                    long lastRcChange, long execTimeMs, String onNode, String exitReason, String transitionKey,
                    Map<String, String> other) {
    /** Copies. Usage: see type. */
    public LrmOp {
        other = other == null ? Map.of() : other;
    }

    /** True when the op did not end as expected (rc not 0, and not 7 for probes, or op-status not done). Usage: {@code op.isFailure()}. */
    public boolean isFailure() {
        if (opStatus > 0 && opStatus != 1) {
            return true;
        }
        boolean probe = operation != null && operation.equals("monitor") && intervalMs == 0;
        if (probe) {
            return rcCode != 0 && rcCode != 7 && rcCode != 8 && rcCode != -1;
        }
        return rcCode != 0 && rcCode != 8 && rcCode != -1;
    }
}
