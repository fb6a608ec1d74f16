package org.sansdk.zfs;

import java.time.Duration;
import java.util.Objects;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;
import org.sansdk.core.SanException;

/**
 * Follows a scrub or resilver: polls {@code zpool status POOL} through an {@link Executor}, reports each
 * reading to a {@link Listener}, and returns when the scan is no longer running.
 *
 * <p>{@code ScanStatus end = ScanTracker.builder(executor, "san-pool").interval(Duration.ofSeconds(10)).build()
 *        .run(s -> System.out.println(s.percentDone()));}
 *
 * <p>It stops with {@link Listener#onError} (and rethrows) when the command fails, the output does not
 * parse, the pool disappears, or {@code maxPolls} readings pass without the scan ending.
 */
public final class ScanTracker {

    /** Receives readings. */
    @FunctionalInterface
    public interface Listener {
        /**
         * A reading while the scan runs (percent, bytes, time to go).
         *
         * <p>{@code s -> log.info("{}% done", s.percentDone())}
         *
         * @param scan the reading
         */
        void onProgress(ScanStatus scan);

        /**
         * The scan is over (finished, canceled, or none running).
         *
         * <p>{@code listener.onFinished(scan)}
         *
         * @param scan the last reading
         */
        default void onFinished(ScanStatus scan) {
        }

        /**
         * Tracking failed.
         *
         * <p>{@code listener.onError(e)}
         *
         * @param error why
         */
        default void onError(SanException error) {
        }
    }

    /** Waits between polls; tests pass a no-op. */
    @FunctionalInterface
    public interface Sleeper {
        /**
         * Sleeps.
         *
         * <p>{@code Sleeper real = d -> Thread.sleep(d.toMillis());}
         *
         * @param duration how long
         * @throws InterruptedException when interrupted
         */
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Executor executor;
    private final String pool;
    private final Command command;
    private final Duration interval;
    private final Sleeper sleeper;
    private final int maxPolls;
    private final int awaitStartPolls;

    private ScanTracker(Builder b) {
        this.awaitStartPolls = b.awaitStartPolls;
        this.executor = b.executor;
        this.pool = b.pool;
        this.command = b.command != null ? b.command : ZpoolCommands.status(b.pool, DevicePaths.SHORT);
        this.interval = b.interval;
        this.sleeper = b.sleeper;
        this.maxPolls = b.maxPolls;
    }

    /**
     * Starts a tracker.
     *
     * <p>{@code ScanTracker.builder(executor, "san-pool")}
     *
     * @param executor where {@code zpool status} runs
     * @param pool the pool
     * @return the builder
     */
    public static Builder builder(Executor executor, String pool) {
        return new Builder(executor, pool);
    }

    /**
     * Polls until the scan ends.
     *
     * <p>{@code ScanStatus last = tracker.run(listener);}
     *
     * @param listener receives readings
     * @return the last reading (finished, canceled or none)
     * @throws SanException when tracking fails (after {@link Listener#onError})
     */
    public ScanStatus run(Listener listener) {
        Objects.requireNonNull(listener, "listener");
        java.util.List<String> firstLines = null;
        boolean started = false;
        for (int poll = 1; ; poll++) {
            ScanStatus scan;
            try {
                scan = readOnce();
            } catch (SanException e) {
                listener.onError(e);
                throw e;
            }
            if (firstLines == null) {
                firstLines = scan.lines();
            }
            boolean unchanged = scan.lines().equals(firstLines);
            if (!scan.inProgress() && (started || !unchanged || poll > awaitStartPolls)) {
                listener.onFinished(scan);
                return scan;
            }
            if (scan.inProgress()) {
                started = true;
                listener.onProgress(scan);
            }
            if (poll >= maxPolls) {
                SanException e = new SanException("scan on pool '" + pool + "' still running after " + maxPolls
                        + " polls; last reading: " + scan.lines());
                listener.onError(e);
                throw e;
            }
            try {
                sleeper.sleep(interval);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                SanException e = new SanException("interrupted while tracking the scan on pool '" + pool + "'", ie);
                listener.onError(e);
                throw e;
            }
        }
    }

    private ScanStatus readOnce() {
        CommandResult r = executor.runChecked(command);
        ZpoolStatusReport report = ZpoolStatusParser.parse(pool + ": " + String.join(" ", command.argv()),
                r.stdout());
        PoolStatus p = report.pool(pool).orElseThrow(() -> new SanException("pool '" + pool
                + "' is not in the output of " + command));
        return p.scan().orElseGet(() -> ScanStatus.builder(ScanStatus.ScanFunction.NONE,
                ScanStatus.ScanState.NONE_REQUESTED).build());
    }

    /** Options. */
    public static final class Builder {
        private final Executor executor;
        private final String pool;
        private Command command;
        private Duration interval = Duration.ofSeconds(10);
        private Sleeper sleeper = d -> Thread.sleep(d.toMillis());
        private int maxPolls = 100_000;
        private int awaitStartPolls;

        private Builder(Executor executor, String pool) {
            this.executor = Objects.requireNonNull(executor, "executor");
            this.pool = Objects.requireNonNull(pool, "pool");
        }

        /**
         * Time between polls (default 10 s).
         *
         * <p>{@code .interval(Duration.ofSeconds(30))}
         *
         * @param d the interval
         * @return this
         */
        public Builder interval(Duration d) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException("interval must be >= 0");
            }
            this.interval = d;
            return this;
        }

        /**
         * How to wait (default {@code Thread.sleep}).
         *
         * <p>{@code .sleeper(d -> {})}
         *
         * @param s the sleeper
         * @return this
         */
        public Builder sleeper(Sleeper s) {
            this.sleeper = Objects.requireNonNull(s);
            return this;
        }

        /**
         * Give up after this many readings of a running scan.
         *
         * <p>{@code .maxPolls(360)}
         *
         * @param n at least 1
         * @return this
         */
        public Builder maxPolls(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxPolls must be >= 1");
            }
            this.maxPolls = n;
            return this;
        }

        /**
         * Right after {@code zpool scrub}/{@code replace} the status may still show the previous scan: keep
         * polling up to this many times while the reading is unchanged and no scan runs (default 0).
         *
         * <p>{@code .awaitStart(5)}
         *
         * @param polls readings to wait for a scan to start
         * @return this
         */
        public Builder awaitStart(int polls) {
            if (polls < 0) {
                throw new IllegalArgumentException("awaitStart must be >= 0");
            }
            this.awaitStartPolls = polls;
            return this;
        }

        /**
         * The status command (default {@code zpool status -v POOL}).
         *
         * <p>{@code .command(ZpoolCommands.status("san-pool"))}
         *
         * @param c the command
         * @return this
         */
        public Builder command(Command c) {
            this.command = Objects.requireNonNull(c);
            return this;
        }

        /**
         * Builds the tracker.
         *
         * <p>{@code builder.build()}
         *
         * @return the tracker
         */
        public ScanTracker build() {
            return new ScanTracker(this);
        }
    }
}
