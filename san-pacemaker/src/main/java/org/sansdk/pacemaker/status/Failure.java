package org.sansdk.pacemaker.status;

/**
 * A {@code <failure>} (failed resource action).
 * Usage: {@code f.opKey()}.
 *
 * @param opKey      op key ({@code rsc_op_interval})
 * @param node       node
 * @param exitStatus exit status text
 * @param exitReason exit reason
 * @param exitCode   exit code
 * @param task       task or null
 * @param status     status text (Done, Error, Timed Out)
 */
public record Failure(String opKey, String node, String exitStatus, String exitReason, int exitCode, String task, String status) {
}
