package org.sansdk.core;

/**
 * Root of every exception san-sdk throws. Unchecked: callers catch the subtype they can act on.
 *
 * <pre>{@code try { zpool.status("san-pool"); } catch (SanException e) { log.warn(e.getMessage()); }}</pre>
 */
public class SanException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message saying what failed, where, and what to try. */
    public SanException(String message) {
        super(message);
    }

    /** Creates an exception wrapping its cause. */
    public SanException(String message, Throwable cause) {
        super(message, cause);
    }
}
