package org.sansdk.zfs;

/**
 * READ / WRITE / CKSUM error counters of a vdev.
 *
 * <p>{@code ErrorCounters c = new ErrorCounters(0, 13, 0, false); c.total();}
 *
 * <p>Without {@code -p} zpool prints large counters rounded ({@code 1.57K}); such values are converted
 * with K=1024, rounded half up, and flagged approximate one by one ({@link #readApproximate()}, ...). An
 * exact figure ({@code 0}, {@code 12}) is never flagged.
 *
 * @param read read errors
 * @param write write errors
 * @param checksum checksum errors
 * @param readApproximate the READ column was printed rounded ({@code 1.57K})
 * @param writeApproximate the WRITE column was printed rounded
 * @param checksumApproximate the CKSUM column was printed rounded
 */
public record ErrorCounters(long read, long write, long checksum, boolean readApproximate,
                            boolean writeApproximate, boolean checksumApproximate) {
    /** All zero. */
    public static final ErrorCounters ZERO = new ErrorCounters(0, 0, 0, false, false, false);

    /** Validates the counters. */
    public ErrorCounters {
        if (read < 0 || write < 0 || checksum < 0) {
            throw new IllegalArgumentException("error counters cannot be negative");
        }
    }

    /**
     * Counters with one flag for all three (true: every counter is taken as rounded).
     *
     * <p>{@code new ErrorCounters(4, 1, 0, false)}
     *
     * @param read read errors
     * @param write write errors
     * @param checksum checksum errors
     * @param approximate whether all three were printed rounded
     */
    public ErrorCounters(long read, long write, long checksum, boolean approximate) {
        this(read, write, checksum, approximate, approximate, approximate);
    }

    /**
     * True when at least one counter was printed rounded.
     *
     * <p>{@code if (c.approximate()) ...}
     *
     * @return whether any counter is approximate
     */
    public boolean approximate() {
        return readApproximate || writeApproximate || checksumApproximate;
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
