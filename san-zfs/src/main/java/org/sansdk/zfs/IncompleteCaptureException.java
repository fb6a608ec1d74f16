package org.sansdk.zfs;

import java.util.Objects;
import org.sansdk.core.SanException;

/**
 * A {@code zpool status} capture ended before the pool's end marker (its {@code errors:} line), so what is
 * missing is unknown; {@link Zpool#status(String)} refuses to return such a pool.
 *
 * <p>{@code catch (IncompleteCaptureException e) { retryLater(e.pool(), e.reason()); }}
 */
public class IncompleteCaptureException extends SanException {
    private static final long serialVersionUID = 1L;

    private final String pool;
    private final String reason;

    /**
     * Creates the exception.
     *
     * <p>{@code new IncompleteCaptureException("san-pool", pool.incomplete().get())}
     *
     * @param pool the pool
     * @param reason why the block is incomplete ({@link PoolStatus#incomplete()})
     */
    public IncompleteCaptureException(String pool, String reason) {
        super("zpool status output for pool '" + pool + "' is incomplete: " + reason);
        this.pool = Objects.requireNonNull(pool, "pool");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * The pool.
     *
     * <p>{@code e.pool()}
     *
     * @return the pool name
     */
    public String pool() {
        return pool;
    }

    /**
     * Why the capture is incomplete.
     *
     * <p>{@code e.reason()}
     *
     * @return the reason
     */
    public String reason() {
        return reason;
    }
}
