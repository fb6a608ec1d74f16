package org.sansdk.zfs;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The {@link ScanStatus} the parsers and {@link ScanStatus.Builder} create: a record, so two readings of the
 * same scan are equal.
 */
record ScanStatusValue(ScanFunction function, ScanState state, Optional<String> rebuildVdev,
                         Optional<String> startedAt, Optional<String> endedAt,
                         OptionalLong scanned, OptionalLong issued, OptionalLong total,
                         OptionalLong scanRate, OptionalLong issueRate, OptionalDouble percentDone,
                         Optional<Duration> timeToGo, OptionalLong processed, Optional<Duration> duration,
                         OptionalLong errors, List<String> lines, Set<String> approximate)
        implements ScanStatus {

    /**
     * A scan status with every figure exact (JSON input with integers, or tests).
     *
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
    ScanStatusValue(ScanFunction function, ScanState state, Optional<String> rebuildVdev,
                      Optional<String> startedAt, Optional<String> endedAt,
                      OptionalLong scanned, OptionalLong issued, OptionalLong total,
                      OptionalLong scanRate, OptionalLong issueRate, OptionalDouble percentDone,
                      Optional<Duration> timeToGo, OptionalLong processed, Optional<Duration> duration,
                      OptionalLong errors, List<String> lines) {
        this(function, state, rebuildVdev, startedAt, endedAt, scanned, issued, total, scanRate, issueRate,
                percentDone, timeToGo, processed, duration, errors, lines, Set.of());
    }

    /** Validates and copies. */
    ScanStatusValue {
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

    private static <T> Optional<T> orEmpty(Optional<T> o) {
        return o == null ? Optional.empty() : o;
    }

    private static OptionalLong orEmpty(OptionalLong o) {
        return o == null ? OptionalLong.empty() : o;
    }
}
