package org.sansdk.zfs;

import java.time.Duration;

/** Short durations for {@link ScanStatus#describe()} and {@link PoolStatus#describe()}. */
final class ScanStatusText {
    private ScanStatusText() {
    }

    /** {@code 123h32m}, {@code 32m}, {@code 45s}. */
    static String duration(Duration d) {
        long s = Math.max(0, d.getSeconds());
        long h = s / 3600;
        long m = (s % 3600) / 60;
        if (h > 0) {
            return h + "h" + (m < 10 ? "0" : "") + m + "m";
        }
        if (m > 0) {
            return m + "m";
        }
        return s + "s";
    }
}
