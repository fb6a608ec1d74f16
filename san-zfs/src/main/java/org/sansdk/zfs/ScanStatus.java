package org.sansdk.zfs;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

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
 * @param approximate the figures that were printed rounded ({@code 82.1M}, {@code 4.23T}, {@code 1.2G/s}),
 *                    by accessor name: {@code scanned}, {@code issued}, {@code total}, {@code scanRate},
 *                    {@code issueRate}, {@code processed}; an exact {@code 0B} or {@code 0} is not listed
 */
public record ScanStatus(ScanFunction function, ScanState state, Optional<String> rebuildVdev,
                         Optional<String> startedAt, Optional<String> endedAt,
                         OptionalLong scanned, OptionalLong issued, OptionalLong total,
                         OptionalLong scanRate, OptionalLong issueRate, OptionalDouble percentDone,
                         Optional<Duration> timeToGo, OptionalLong processed, Optional<Duration> duration,
                         OptionalLong errors, List<String> lines, Set<String> approximate) {

    /** Names of the byte figures that can be {@link #approximate() approximate}. */
    public static final Set<String> FIGURES = Set.of("scanned", "issued", "total", "scanRate", "issueRate",
            "processed");

    /**
     * A scan status with every figure exact (JSON input with integers, or tests).
     *
     * <p>{@code new ScanStatus(SCRUB, FINISHED, ..., lines)}
     *
     * @param function what ran
     * @param state where it stands
     * @param rebuildVdev rebuild vdev
     * @param startedAt start
     * @param endedAt end
     * @param scanned scanned bytes
     * @param issued issued bytes
     * @param total total bytes
     * @param scanRate scan rate
     * @param issueRate issue rate
     * @param percentDone percent
     * @param timeToGo time left
     * @param processed repaired/resilvered bytes
     * @param duration duration
     * @param errors errors
     * @param lines printed lines
     */
    public ScanStatus(ScanFunction function, ScanState state, Optional<String> rebuildVdev,
                      Optional<String> startedAt, Optional<String> endedAt,
                      OptionalLong scanned, OptionalLong issued, OptionalLong total,
                      OptionalLong scanRate, OptionalLong issueRate, OptionalDouble percentDone,
                      Optional<Duration> timeToGo, OptionalLong processed, Optional<Duration> duration,
                      OptionalLong errors, List<String> lines) {
        this(function, state, rebuildVdev, startedAt, endedAt, scanned, issued, total, scanRate, issueRate,
                percentDone, timeToGo, processed, duration, errors, lines, Set.of());
    }

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
        approximate = approximate == null ? Set.of()
                : java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(approximate));
        for (String f : approximate) {
            if (!FIGURES.contains(f)) {
                throw new IllegalArgumentException("not a scan figure: " + f);
            }
        }
    }

    /**
     * True when the named figure was printed rounded.
     *
     * <p>{@code scan.isApproximate("scanned")}
     *
     * @param figure one of {@link #FIGURES}
     * @return whether rounded
     */
    public boolean isApproximate(String figure) {
        return approximate.contains(figure);
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
