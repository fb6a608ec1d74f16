package org.sansdk.zfs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code scan:} (or Solaris-era {@code scrub:}) lines of a pool's status. An interface, so that figures
 * zpool adds later do not break callers; build one with {@link #builder(ScanFunction, ScanState)}.
 *
 * <p>{@code pool.scan().filter(ScanStatus::inProgress).ifPresent(s -> System.out.println(s.describe()));}
 */
public interface ScanStatus {

    /** Names of the byte figures that can be {@link #approximate() approximate}. */
    Set<String> FIGURES = Set.of("scanned", "issued", "total", "scanRate", "issueRate", "processed");

    /**
     * What ran: scrub, resilver, error scrub, or none.
     *
     * <p>{@code scan.function() == ScanStatus.ScanFunction.RESILVER}
     *
     * @return the function
     */
    ScanFunction function();

    /**
     * In progress, finished, canceled, paused, or none requested.
     *
     * <p>{@code scan.state()}
     *
     * @return the state
     */
    ScanState state();

    /**
     * For a sequential resilver (rebuild), the top-level vdev it runs on.
     *
     * <p>{@code scan.rebuildVdev()}
     *
     * @return the vdev
     */
    Optional<String> rebuildVdev();

    /**
     * Start time as printed (ctime format, local time of the host).
     *
     * <p>{@code scan.startedAt()}
     *
     * @return the time
     */
    Optional<String> startedAt();

    /**
     * End time as printed.
     *
     * <p>{@code scan.endedAt()}
     *
     * @return the time
     */
    Optional<String> endedAt();

    /**
     * Bytes scanned so far.
     *
     * <p>{@code scan.scanned()}
     *
     * @return bytes
     */
    OptionalLong scanned();

    /**
     * Bytes issued so far.
     *
     * <p>{@code scan.issued()}
     *
     * @return bytes
     */
    OptionalLong issued();

    /**
     * Bytes to scan.
     *
     * <p>{@code scan.total()}
     *
     * @return bytes
     */
    OptionalLong total();

    /**
     * Scan rate in bytes per second.
     *
     * <p>{@code scan.scanRate()}
     *
     * @return bytes per second
     */
    OptionalLong scanRate();

    /**
     * Issue rate in bytes per second.
     *
     * <p>{@code scan.issueRate()}
     *
     * @return bytes per second
     */
    OptionalLong issueRate();

    /**
     * Percent complete.
     *
     * <p>{@code scan.percentDone()}
     *
     * @return percent
     */
    OptionalDouble percentDone();

    /**
     * Estimated time left; empty when printed as "no estimated completion time".
     *
     * <p>{@code scan.timeToGo()}
     *
     * @return time left
     */
    Optional<Duration> timeToGo();

    /**
     * Bytes repaired (scrub) or resilvered (resilver).
     *
     * <p>{@code scan.processed()}
     *
     * @return bytes
     */
    OptionalLong processed();

    /**
     * How long a finished scan took.
     *
     * <p>{@code scan.duration()}
     *
     * @return the duration
     */
    Optional<Duration> duration();

    /**
     * Errors found by a finished scan.
     *
     * <p>{@code scan.errors()}
     *
     * @return the count
     */
    OptionalLong errors();

    /**
     * The lines as printed, without indentation (first line without {@code scan: }).
     *
     * <p>{@code scan.lines()}
     *
     * @return the lines
     */
    List<String> lines();

    /**
     * The figures that were printed rounded ({@code 82.1M}, {@code 4.23T}, {@code 1.2G/s}), by accessor
     * name: {@code scanned}, {@code issued}, {@code total}, {@code scanRate}, {@code issueRate},
     * {@code processed}; an exact {@code 0B} or {@code 0} is not listed.
     *
     * <p>{@code scan.approximate().contains("scanned")}
     *
     * @return the names, sorted
     */
    Set<String> approximate();

    /**
     * True when the named figure was printed rounded.
     *
     * <p>{@code scan.isApproximate("scanned")}
     *
     * @param figure one of {@link #FIGURES}
     * @return whether rounded
     */
    default boolean isApproximate(String figure) {
        return approximate().contains(figure);
    }

    /**
     * True while a scrub or resilver runs (or is paused).
     *
     * <p>{@code scan.inProgress()}
     *
     * @return whether running
     */
    default boolean inProgress() {
        return state() == ScanState.IN_PROGRESS || state() == ScanState.PAUSED;
    }

    /**
     * True when the scan is a sequential resilver (dRAID rebuild).
     *
     * <p>{@code scan.isRebuild()}
     *
     * @return whether a rebuild
     */
    default boolean isRebuild() {
        return rebuildVdev().isPresent();
    }

    /**
     * One short line for people: {@code resilver 0.01% done, 123h32m to go}, {@code scrub finished, 0 errors,
     * took 1h02m}, {@code scrub canceled}, {@code no scan requested}.
     *
     * <p>{@code pool.scan().map(ScanStatus::describe).orElse("no scan")}
     *
     * @return the summary
     */
    default String describe() {
        String what = switch (function()) {
            case NONE -> "scan";
            case SCRUB -> "scrub";
            case RESILVER -> isRebuild() ? "rebuild of " + rebuildVdev().get() : "resilver";
            case ERROR_SCRUB -> "error scrub";
        };
        StringBuilder sb = new StringBuilder(what);
        switch (state()) {
            case NONE_REQUESTED -> {
                return "no scan requested";
            }
            case IN_PROGRESS, PAUSED -> {
                if (state() == ScanState.PAUSED) {
                    sb.append(" paused,");
                }
                if (percentDone().isPresent()) {
                    sb.append(' ').append(String.format(Locale.ROOT, "%.2f", percentDone().getAsDouble()))
                            .append("% done");
                } else {
                    sb.append(state() == ScanState.PAUSED ? " progress unknown" : " in progress");
                }
                if (state() == ScanState.IN_PROGRESS) {
                    sb.append(timeToGo().map(t -> ", " + ScanStatusText.duration(t) + " to go")
                            .orElse(percentDone().isPresent() ? ", no estimated completion time" : ""));
                }
            }
            case FINISHED -> {
                sb.append(" finished");
                errors().ifPresent(e -> sb.append(", ").append(e).append(e == 1 ? " error" : " errors"));
                duration().ifPresent(d -> sb.append(", took ").append(ScanStatusText.duration(d)));
            }
            case CANCELED -> sb.append(" canceled");
            case UNKNOWN -> {
                return what + ": " + (lines().isEmpty() ? "not understood" : lines().get(0));
            }
        }
        return sb.toString();
    }

    /**
     * A builder with every figure exact and absent; set what is known.
     *
     * <p>{@code ScanStatus s = ScanStatus.builder(ScanFunction.SCRUB, ScanState.FINISHED).errors(0).build();}
     *
     * @param function what ran
     * @param state where it stands
     * @return the builder
     */
    static Builder builder(ScanFunction function, ScanState state) {
        return new Builder(function, state);
    }

    /**
     * A builder holding every value of this scan status, to change some.
     *
     * <p>{@code scan.toBuilder().endedAt("Sun Jan  4 10:00:00 2026").build()}
     *
     * @return the builder
     */
    default Builder toBuilder() {
        Builder b = new Builder(function(), state());
        b.rebuildVdev = rebuildVdev();
        b.startedAt = startedAt();
        b.endedAt = endedAt();
        b.scanned = scanned();
        b.issued = issued();
        b.total = total();
        b.scanRate = scanRate();
        b.issueRate = issueRate();
        b.percentDone = percentDone();
        b.timeToGo = timeToGo();
        b.processed = processed();
        b.duration = duration();
        b.errors = errors();
        b.lines = new ArrayList<>(lines());
        b.approximate = new TreeSet<>(approximate());
        return b;
    }

    /** Collects the values of a {@link ScanStatus}; figures not set stay empty. */
    final class Builder {
        private final ScanFunction function;
        private final ScanState state;
        private Optional<String> rebuildVdev = Optional.empty();
        private Optional<String> startedAt = Optional.empty();
        private Optional<String> endedAt = Optional.empty();
        private OptionalLong scanned = OptionalLong.empty();
        private OptionalLong issued = OptionalLong.empty();
        private OptionalLong total = OptionalLong.empty();
        private OptionalLong scanRate = OptionalLong.empty();
        private OptionalLong issueRate = OptionalLong.empty();
        private OptionalDouble percentDone = OptionalDouble.empty();
        private Optional<Duration> timeToGo = Optional.empty();
        private OptionalLong processed = OptionalLong.empty();
        private Optional<Duration> duration = Optional.empty();
        private OptionalLong errors = OptionalLong.empty();
        private List<String> lines = new ArrayList<>();
        private Set<String> approximate = new TreeSet<>();

        private Builder(ScanFunction function, ScanState state) {
            this.function = Objects.requireNonNull(function, "function");
            this.state = Objects.requireNonNull(state, "state");
        }

        /**
         * The top-level vdev of a sequential resilver.
         *
         * <p>{@code .rebuildVdev("draid1-0")}
         *
         * @param vdev the vdev
         * @return this
         */
        public Builder rebuildVdev(String vdev) {
            this.rebuildVdev = Optional.of(vdev);
            return this;
        }

        /**
         * Start time as printed.
         *
         * <p>{@code .startedAt("Sun Jan  4 09:00:00 2026")}
         *
         * @param time the time
         * @return this
         */
        public Builder startedAt(String time) {
            this.startedAt = Optional.of(time);
            return this;
        }

        /**
         * End time as printed.
         *
         * <p>{@code .endedAt("Sun Jan  4 10:00:00 2026")}
         *
         * @param time the time
         * @return this
         */
        public Builder endedAt(String time) {
            this.endedAt = Optional.of(time);
            return this;
        }

        /**
         * Bytes scanned.
         *
         * <p>{@code .scanned(1L << 30)}
         *
         * @param bytes bytes
         * @return this
         */
        public Builder scanned(long bytes) {
            this.scanned = OptionalLong.of(bytes);
            return this;
        }

        /**
         * Bytes issued.
         *
         * <p>{@code .issued(1L << 29)}
         *
         * @param bytes bytes
         * @return this
         */
        public Builder issued(long bytes) {
            this.issued = OptionalLong.of(bytes);
            return this;
        }

        /**
         * Bytes to scan.
         *
         * <p>{@code .total(1L << 40)}
         *
         * @param bytes bytes
         * @return this
         */
        public Builder total(long bytes) {
            this.total = OptionalLong.of(bytes);
            return this;
        }

        /**
         * Scan rate in bytes per second.
         *
         * <p>{@code .scanRate(100_000_000)}
         *
         * @param bytesPerSecond rate
         * @return this
         */
        public Builder scanRate(long bytesPerSecond) {
            this.scanRate = OptionalLong.of(bytesPerSecond);
            return this;
        }

        /**
         * Issue rate in bytes per second.
         *
         * <p>{@code .issueRate(90_000_000)}
         *
         * @param bytesPerSecond rate
         * @return this
         */
        public Builder issueRate(long bytesPerSecond) {
            this.issueRate = OptionalLong.of(bytesPerSecond);
            return this;
        }

        /**
         * Percent complete.
         *
         * <p>{@code .percentDone(42.5)}
         *
         * @param percent percent
         * @return this
         */
        public Builder percentDone(double percent) {
            this.percentDone = OptionalDouble.of(percent);
            return this;
        }

        /**
         * Estimated time left.
         *
         * <p>{@code .timeToGo(Duration.ofMinutes(90))}
         *
         * @param left time left
         * @return this
         */
        public Builder timeToGo(Duration left) {
            this.timeToGo = Optional.of(left);
            return this;
        }

        /**
         * Bytes repaired or resilvered.
         *
         * <p>{@code .processed(0)}
         *
         * @param bytes bytes
         * @return this
         */
        public Builder processed(long bytes) {
            this.processed = OptionalLong.of(bytes);
            return this;
        }

        /**
         * How long a finished scan took.
         *
         * <p>{@code .duration(Duration.ofMinutes(62))}
         *
         * @param took the duration
         * @return this
         */
        public Builder duration(Duration took) {
            this.duration = Optional.of(took);
            return this;
        }

        /**
         * Errors found by a finished scan.
         *
         * <p>{@code .errors(0)}
         *
         * @param count errors
         * @return this
         */
        public Builder errors(long count) {
            this.errors = OptionalLong.of(count);
            return this;
        }

        /**
         * The lines as printed.
         *
         * <p>{@code .lines(List.of("scrub repaired 0B in 00:01:02 with 0 errors on Sun Jan  4 10:00:00 2026"))}
         *
         * @param printed the lines
         * @return this
         */
        public Builder lines(List<String> printed) {
            this.lines = new ArrayList<>(printed);
            return this;
        }

        /**
         * Marks figures as printed rounded.
         *
         * <p>{@code .approximate("scanned", "total")}
         *
         * @param figures names from {@link ScanStatus#FIGURES}
         * @return this
         */
        public Builder approximate(String... figures) {
            this.approximate.addAll(List.of(figures));
            return this;
        }

        /**
         * The scan status.
         *
         * <p>{@code ScanStatus s = builder.build();}
         *
         * @return the value
         * @throws IllegalArgumentException when an approximate name is not one of {@link ScanStatus#FIGURES}
         */
        public ScanStatus build() {
            return new ScanStatusValue(function, state, rebuildVdev, startedAt, endedAt, scanned, issued, total,
                    scanRate, issueRate, percentDone, timeToGo, processed, duration, errors, lines, approximate);
        }
    }

    /** What a scan does. */
    enum ScanFunction {
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
    enum ScanState {
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
