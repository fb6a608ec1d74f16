package org.sansdk.pacemaker.status;

/**
 * A {@code <failure>} (failed resource action).
 * Usage: {@code f.opKey()}, {@code f.lastRcChange()}.
 *
 * @param opKey        op key ({@code rsc_op_interval})
 * @param node         node
 * @param exitStatus   exit status text
 * @param exitReason   exit reason
 * @param exitCode     exit code
 * @param task         task or null
 * @param status       status text (Done, Error, Timed Out)
 * @param callId       the operation's call id ({@code call}), -1 when absent
 * @param intervalMs   the operation's interval in ms ({@code interval}: 0 for start/stop/probe, e.g. 10000 for a
 *                     10 s monitor), -1 when absent
 * @param lastRcChange when the result last changed ({@code last-rc-change}, as printed, e.g. {@code 2020-06-16 19:23:21Z}),
 *                     or null
 */
public record Failure(String opKey, String node, String exitStatus, String exitReason, int exitCode, String task, String status,
                      int callId, long intervalMs, String lastRcChange) {
    /** A failure without call id, interval and time. Usage: {@code new Failure(key, node, "not running", "", 7, "monitor", "Done")}. */
    public Failure(String opKey, String node, String exitStatus, String exitReason, int exitCode, String task, String status) {
        this(opKey, node, exitStatus, exitReason, exitCode, task, status, -1, -1, null);
    }
}
