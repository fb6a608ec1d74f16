package org.sansdk.lio.reconcile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;
import org.sansdk.core.SanException;

/**
 * The node-level lock every change to a node's LIO configuration holds (LUN sync, reconcile, CHAP rotation): an
 * exclusive {@code flock(2)} on a file under {@code /run/lock}, taken on the node through the {@link Executor} (local
 * or SSH), so other tools that wrap their targetcli runs in {@code flock /run/lock/san-sdk-lio.lock targetcli ...}
 * serialise with this SDK. The caller re-reads the configuration under the lock before planning.
 * <p>How a lock is held across several commands when an executor only runs one argv to completion (no shell): a
 * holder process {@code flock -w WAIT -E 75 LOCK timeout LEASE dd if=FIFO_A of=FIFO_B} is run on a background
 * thread. {@code dd} opens {@code FIFO_A} only once {@code flock} has the lock, so a non-blocking open for writing
 * ({@code dd if=/dev/null of=FIFO_A oflag=nonblock}, which fails with ENXIO while nobody reads) tells this side the
 * lock is held. Then {@code dd} waits to open {@code FIFO_B}; reading it ({@code timeout 5 dd if=FIFO_B
 * of=/dev/null}) lets it finish, which releases the lock. Exit 75 of the holder means the wait ran out
 * ({@link LioLockedException}); {@code timeout LEASE} frees the lock should this process die while holding it.
 * Both FIFOs (mode 0600, unique per hold) are removed afterwards.
 *
 * <pre>{@code LioLock.standard().waitingAtMost(Duration.ofSeconds(30)).hold(ssh, () -> lio.config());}</pre>
 */
public final class LioLock {
    /** The lock file every SDK writer uses by default. */
    public static final Path DEFAULT_PATH = Path.of("/run/lock/san-sdk-lio.lock");
    /** How long a second writer waits by default. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);
    /** How long a hold may last by default (the targetcli batch timeout plus margin). */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(15);
    private static final int BUSY = 75;   // EX_TEMPFAIL

    private static final LioLock NONE = new LioLock(null, DEFAULT_WAIT, DEFAULT_LEASE);

    private final Path file;
    private final Duration wait;
    private final Duration lease;

    private LioLock(Path file, Duration wait, Duration lease) {
        this.file = file;
        this.wait = Objects.requireNonNull(wait, "wait");
        this.lease = Objects.requireNonNull(lease, "lease");
        if (wait.isNegative() || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("wait must be >= 0 and lease > 0");
        }
    }

    /** The default lock: {@link #DEFAULT_PATH}, waiting {@link #DEFAULT_WAIT}. {@code LioLock.standard()} */
    public static LioLock standard() {
        return at(DEFAULT_PATH);
    }

    /** A lock on another absolute file (tests, a node with another run directory). {@code LioLock.at(dir.resolve("lio.lock"))} */
    public static LioLock at(Path lockFile) {
        Objects.requireNonNull(lockFile, "lockFile");
        if (!lockFile.isAbsolute()) {
            throw new IllegalArgumentException("lock file must be absolute: " + lockFile);
        }
        return new LioLock(lockFile, DEFAULT_WAIT, DEFAULT_LEASE);
    }

    /**
     * No lock: for dry runs and replay tests, whose executors run nothing. Never for a real node.
     * {@code Lio.on(new RecordingExecutor()).lock(LioLock.none())}
     */
    public static LioLock none() {
        return NONE;
    }

    /** This lock waiting at most {@code bound} for another writer (whole seconds, rounded up). {@code lock.waitingAtMost(Duration.ofSeconds(5))} */
    public LioLock waitingAtMost(Duration bound) {
        return new LioLock(file, bound, lease);
    }

    /** This lock with another lease (how long one hold may last before the node frees it). {@code lock.lease(Duration.ofMinutes(30))} */
    public LioLock lease(Duration maxHold) {
        return new LioLock(file, wait, maxHold);
    }

    /** The lock file, empty for {@link #none()}. {@code lock.file()} */
    public java.util.Optional<Path> file() {
        return java.util.Optional.ofNullable(file);
    }

    /** How long a second writer waits. {@code lock.waitBound()} */
    public Duration waitBound() {
        return wait;
    }

    /**
     * Runs {@code body} while holding the lock on the node behind {@code executor}; the lock is released afterwards,
     * also when {@code body} throws. {@code lock.hold(ssh, () -> lio.sync(spec, zvols))}
     *
     * @throws LioLockedException when another writer held it longer than {@link #waitBound()} (body not run), or
     *                            the lease ran out before {@code body} ended
     */
    public <T> T hold(Executor executor, Supplier<T> body) {
        Objects.requireNonNull(executor, "executor");
        if (file == null) {
            return body.get();
        }
        String id = UUID.randomUUID().toString();
        String acquired = file + "." + id + ".acquired";
        String release = file + "." + id + ".release";
        executor.runChecked(Command.of("mkfifo", "-m", "600", "--", acquired, release));
        try {
            Command holder = Command.builder("flock").args("-w", seconds(wait), "-E", Integer.toString(BUSY),
                    file.toString(), "timeout", seconds(lease), "dd", "if=" + acquired, "of=" + release, "status=none")
                    .timeout(wait.plus(lease).plusSeconds(30)).build();
            CompletableFuture<CommandResult> held = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    held.complete(executor.run(holder));
                } catch (RuntimeException e) {
                    held.completeExceptionally(e);
                }
            }, "san-sdk-lio-lock");
            t.setDaemon(true);
            t.start();
            try {
                awaitAcquired(executor, acquired, release, held);
            } catch (LioLockedException e) {
                throw e;   // another writer held it all along, or the deadline path already let ours go
            } catch (RuntimeException | Error e) {
                // the probe failed (an SSH hiccup) or we were interrupted while the holder may already have the lock:
                // let it go now, or it stays held until its lease ends (minutes) and every other writer times out
                boolean interrupted = Thread.interrupted();
                try {
                    if (executor.run(probe(acquired)).isSuccess()) {
                        executor.run(Command.of("timeout", "5", "dd", "if=" + release, "of=/dev/null", "status=none"));
                    }
                } catch (RuntimeException r) {
                    e.addSuppressed(r);
                } finally {
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
                throw e;
            }
            T out;
            try {
                out = body.get();
            } catch (RuntimeException | Error e) {
                try {
                    releaseHold(executor, release, held);
                } catch (RuntimeException r) {
                    e.addSuppressed(r);
                }
                throw e;
            }
            releaseHold(executor, release, held);
            return out;
        } finally {
            executor.run(Command.of("rm", "-f", "--", acquired, release));
        }
    }

    private void awaitAcquired(Executor executor, String acquired, String release, CompletableFuture<CommandResult> held) {
        Command probe = probe(acquired);
        long deadline = System.nanoTime() + wait.plusSeconds(30).toNanos();
        long sleep = 20;
        while (true) {
            if (executor.run(probe).isSuccess()) {
                return;
            }
            if (held.isDone()) {
                CommandResult r = result(held);
                if (r.exitCode() == BUSY) {
                    throw new LioLockedException(file, wait, "LIO lock " + file + " is held by another writer: waited "
                            + seconds(wait) + " s (the bound) without getting it; nothing was changed");
                }
                throw new SanException("LIO lock holder on " + file + " ended before the lock was taken: exit "
                        + r.exitCode() + (r.stderr() == null || r.stderr().isBlank() ? "" : ": " + r.stderr().strip()));
            }
            if (System.nanoTime() > deadline) {
                // the holder may still get the lock later and would then wait for us until its lease ends: if it holds
                // it now, let it go before giving up (a later one finds no FIFO writer and ends at its wait bound)
                if (executor.run(probe).isSuccess()) {
                    executor.run(Command.of("timeout", "5", "dd", "if=" + release,
                            "of=/dev/null", "status=none"));
                }
                throw new LioLockedException(file, wait, "LIO lock " + file + ": no answer from the lock holder within "
                        + seconds(wait) + " s + 30 s");
            }
            sleepMillis(sleep);
            sleep = Math.min(200, sleep * 2);
        }
    }

    /** Opens the acquired-FIFO for writing without blocking: succeeds only while the holder (which has the lock) reads it. */
    private static Command probe(String acquired) {
        return Command.of("dd", "if=/dev/null", "of=" + acquired, "oflag=nonblock", "status=none");
    }

    private void releaseHold(Executor executor, String release, CompletableFuture<CommandResult> held) {
        CommandResult r = executor.run(Command.of("timeout", "5", "dd", "if=" + release, "of=/dev/null", "status=none"));
        try {
            held.get(10, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // reported below through r
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!r.isSuccess()) {
            throw new LioLockedException(file, lease, "LIO lock " + file + " was no longer held when the change ended"
                    + " (lease " + seconds(lease) + " s ran out, or the holder was killed): another writer may have"
                    + " run at the same time; re-read and re-plan");
        }
    }

    private static CommandResult result(CompletableFuture<CommandResult> held) {
        try {
            return held.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException re ? re : new SanException("LIO lock holder failed", c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SanException("interrupted while waiting for the LIO lock", e);
        }
    }

    private static void sleepMillis(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SanException("interrupted while waiting for the LIO lock", e);
        }
    }

    private static String seconds(Duration d) {
        long s = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
        return Long.toString(s);
    }

    /** {@code toString}: the file and bounds. */
    @Override
    public String toString() {
        return file == null ? "LioLock[none]" : "LioLock[" + file + ", wait " + seconds(wait) + " s, lease "
                + seconds(lease) + " s]";
    }
}
