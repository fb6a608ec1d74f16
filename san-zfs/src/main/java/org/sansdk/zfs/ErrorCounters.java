package org.sansdk.zfs;

/**
 * READ / WRITE / CKSUM error counters of a vdev.
 *
 * <p>{@code ErrorCounters c = new ErrorCounters(0, 13, 0, false); c.total();}
 *
 * <p>Without {@code -p} zpool prints large counters rounded ({@code 1.57K}); such values are converted
 * with K=1024, rounded half up, and {@link #approximate()} is true.
 *
 * @param read read errors
 * @param write write errors
 * @param checksum checksum errors
 * @param approximate true when at least one counter was printed in rounded form
 */
public record ErrorCounters(long read, long write, long checksum, boolean approximate) {
    /** All zero. */
    public static final ErrorCounters ZERO = new ErrorCounters(0, 0, 0, false);

    /** Validates the counters. */
    public ErrorCounters {
        if (read < 0 || write < 0 || checksum < 0) {
            throw new IllegalArgumentException("error counters cannot be negative");
        }
    }

    /**
     * Sum of the three counters.
     *
     * <p>{@code if (c.total() > 0) ...}
     *
     * @return read + write + checksum
     */
    public long total() {
        return read + write + checksum;
    }
}
