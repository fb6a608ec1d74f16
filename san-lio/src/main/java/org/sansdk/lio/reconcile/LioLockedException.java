package org.sansdk.lio.reconcile;

import java.nio.file.Path;
import java.time.Duration;
import org.sansdk.core.SanException;

/**
 * Another writer held the node's LIO lock for longer than this writer was allowed to wait, or this writer's own
 * hold ended before its change did (its lease ran out). Nothing was changed by this writer in the first case.
 *
 * <pre>{@code try { lio.sync(spec, zvols); } catch (LioLockedException e) { log(e.lockFile() + " busy for " + e.bound()); }}</pre>
 */
public class LioLockedException extends SanException {
    private static final long serialVersionUID = 1L;
    private final transient Path lockFile;
    private final transient Duration bound;

    /** {@code new LioLockedException(lockFile, bound, "why")} */
    public LioLockedException(Path lockFile, Duration bound, String message) {
        super(message);
        this.lockFile = lockFile;
        this.bound = bound;
    }

    /** The lock file (on the node). {@code e.lockFile()} */
    public Path lockFile() {
        return lockFile;
    }

    /** How long this writer waited (or was allowed to hold). {@code e.bound()} */
    public Duration bound() {
        return bound;
    }
}
