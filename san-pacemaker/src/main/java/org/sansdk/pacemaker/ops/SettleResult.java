package org.sansdk.pacemaker.ops;

import org.sansdk.core.CommandResult;

/**
 * The outcome of waiting for the cluster to settle ({@code crm_resource --wait}): settled, or timed out
 * (exit 124, CRM_EX_TIMEOUT) with pending actions, or failed.
 * Usage: {@code SettleResult r = SettleResult.of(executor.run(Pcs.waitForSettle(Duration.ofMinutes(2))));}
 *
 * @param outcome  outcome
 * @param exitCode crm_resource exit code
 * @param detail   stderr text (pending actions when timed out)
 */
public record SettleResult(Outcome outcome, int exitCode, String detail) {
    /** Closed set of outcomes. Usage: {@code SettleResult.Outcome.SETTLED}. */
    public enum Outcome {
        /** no pending actions. */
        SETTLED,
        /** the timeout expired with actions still pending. */
        TIMED_OUT,
        /** crm_resource failed (not connected, ...). */
        FAILED
    }

    /** Classifies a result. Usage: {@code SettleResult.of(result)}. */
    public static SettleResult of(CommandResult r) {
        Outcome o = r.exitCode() == 0 ? Outcome.SETTLED : r.exitCode() == 124 ? Outcome.TIMED_OUT : Outcome.FAILED;
        return new SettleResult(o, r.exitCode(), r.stderr().strip());
    }
}
