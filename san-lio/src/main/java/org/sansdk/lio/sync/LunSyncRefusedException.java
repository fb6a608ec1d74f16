package org.sansdk.lio.sync;

import org.sansdk.core.SanException;

/**
 * The LUN sync planner refused to plan: the target or TPG is not in the configuration, the configuration holds
 * a storage object, LUN index or mapped LUN index twice (a plan would have to guess which one is meant, and could
 * renumber a LUN an initiator already uses), or the TPG has no free LUN index left. Nothing was planned.
 *
 * <pre>{@code try { planner.plan(cfg, zvols); } catch (LunSyncRefusedException e) { System.err.println(e.getMessage()); }}</pre>
 */
public class LunSyncRefusedException extends SanException {
    private static final long serialVersionUID = 1L;

    /** An exception saying what was refused and what to fix. {@code new LunSyncRefusedException("...")} */
    public LunSyncRefusedException(String message) {
        super(message);
    }
}
