package org.sansdk.zfs;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The {@code scan:} (or Solaris-era {@code scrub:}) lines of a pool's status.
 *
 * <p>{@code pool.scan().filter(ScanStatus::inProgress).ifPresent(s -> System.out.println(s.percentDone()));}
 *
 * @param function what ran: scrub, resilver, error scrub, or none
 * @param state in progress, finished, canceled, paused, or none requested
 * @param rebuildVdev for a sequential resilver (rebuild), the top-level vdev it runs on
 * @param startedAt start time as printed (ctime format, local time of the host)
 * @param endedAt end time as printed
 * @param scanned bytes scanned so far
 * @param issued bytes issued so far
 * @param total bytes to scan
 * @param scanRate scan rate in bytes per second
 * @param issueRate issue rate in bytes per second
 * @param percentDone percent complete
 * @param timeToGo estimated time left; empty when printed as "no estimated completion time"
 * @param processed bytes repaired (scrub) or resilvered (resilver)
 * @param duration how long a finished scan took
 * @param errors errors found by a finished scan
 * @param lines the lines as printed, without indentation (first line without {@code scan: })
 */
public record ScanStatus(ScanFunction function, ScanState state, Optional<String> rebuildVdev,
                         Optional<String> startedAt, Optional<String> endedAt,
                         OptionalLong scanned, OptionalLong issued, OptionalLong total,
                         OptionalLong scanRate, OptionalLong issueRate, OptionalDouble percentDone,
                         Optional<Duration> timeToGo, OptionalLong processed, Optional<Duration> duration,
                         OptionalLong errors, List<String> lines) {

    /** Validates and copies. */
    public ScanStatus {
        if (function == null || state == null) {
            throw new IllegalArgumentException("scan function and state are required");
        }
        rebuildVdev = orEmpty(rebuildVdev);
        startedAt = orEmpty(startedAt);
        endedAt = orEmpty(endedAt);
        scanned = orEmpty(scanned);
        issued = orEmpty(issued);
        total = orEmpty(total);
        scanRate = orEmpty(scanRate);
        issueRate = orEmpty(issueRate);
        percentDone = percentDone == null ? OptionalDouble.empty() : percentDone;
        timeToGo = orEmpty(timeToGo);
        processed = orEmpty(processed);
        duration = orEmpty(duration);
        errors = orEmpty(errors);
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    private static <T> Optional<T> orEmpty(Optional<T> o) {
        return o == null ? Optional.empty() : o;
    }

    private static OptionalLong orEmpty(OptionalLong o) {
        return o == null ? OptionalLong.empty() : o;
    }

    /**
     * True while a scrub or resilver runs (or is paused).
     *
     * <p>{@code scan.inProgress()}
     *
     * @return whether running
     */
    public boolean inProgress() {
        return state == ScanState.IN_PROGRESS || state == ScanState.PAUSED;
    }

    /**
     * True when the scan is a sequential resilver (dRAID rebuild).
     *
     * <p>{@code scan.isRebuild()}
     *
     * @return whether a rebuild
     */
    public boolean isRebuild() {
        return rebuildVdev.isPresent();
    }

    /** What a scan does. */
    public enum ScanFunction {
        /** Nothing has run. */
        NONE,
        /** Scrub: read and verify everything. */
        SCRUB,
        /** Resilver: copy to a new or returning device (healing or sequential). */
        RESILVER,
        /** Error scrub ({@code zpool scrub -e}): verify only blocks in the error log. */
        ERROR_SCRUB
    }

    /** Where a scan stands. */
    public enum ScanState {
        /** {@code none requested}. */
        NONE_REQUESTED,
        /** Running. */
        IN_PROGRESS,
        /** Paused ({@code zpool scrub -p}). */
        PAUSED,
        /** Completed. */
        FINISHED,
        /** Canceled ({@code zpool scrub -s}; zfs-fuse says {@code stopped}). */
        CANCELED,
        /** Printed in a form this library does not understand; see {@link ScanStatus#lines()}. */
        UNKNOWN
    }
}
