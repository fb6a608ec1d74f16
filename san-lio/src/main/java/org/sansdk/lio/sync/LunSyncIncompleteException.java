package org.sansdk.lio.sync;

import java.util.Objects;
import org.sansdk.core.SanException;

/**
 * A LUN sync did not fully apply: the configuration re-read after the targetcli batch still needs changes
 * (targetcli keeps going after a failing line of a stdin batch, so this is how a failed line shows up).
 * {@link #remaining()} is the plan that is still to do.
 *
 * <pre>{@code try { lio.sync(planner, zvols); } catch (LunSyncIncompleteException e) { System.err.println(e.remaining()); }}</pre>
 */
public class LunSyncIncompleteException extends SanException {
    private static final long serialVersionUID = 1L;

    private final transient SyncPlan remaining;

    /** An exception carrying what is still to do. {@code new LunSyncIncompleteException(again)} */
    public LunSyncIncompleteException(SyncPlan remaining) {
        super("the LUN sync did not fully apply; still to do:\n" + Objects.requireNonNull(remaining, "remaining"));
        this.remaining = remaining;
    }

    /** The re-plan against the re-read configuration (not empty). {@code e.remaining().changes()} */
    public SyncPlan remaining() {
        return remaining;
    }
}
