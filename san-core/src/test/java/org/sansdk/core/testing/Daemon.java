package org.sansdk.core.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.sansdk.core.SanException;

/**
 * A daemon started by a test in its own session ({@code setsid}), with its PID recorded, and stopped
 * (SIGTERM to its process group, then SIGKILL) on {@link #close()}. Output goes to a log file.
 *
 * <pre>{@code try (Daemon zfs = Daemon.start(List.of("zfs-fuse", "-n", "--no-kstat-mount"), log)) { ... }}</pre>
 */
public final class Daemon implements AutoCloseable {
    private final Process process;
    private final List<String> argv;
    private final Path log;

    private Daemon(Process process, List<String> argv, Path log) {
        this.process = process;
        this.argv = argv;
        this.log = log;
    }

    /** Starts {@code argv} under {@code setsid}, appending stdout and stderr to {@code logFile}. */
    public static Daemon start(List<String> argv, Path logFile) {
        List<String> cmd = new ArrayList<>();
        cmd.add("setsid");
        cmd.addAll(argv);
        try {
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            return new Daemon(p, List.copyOf(argv), logFile);
        } catch (IOException e) {
            throw new SanException("cannot start daemon " + argv + ": " + e.getMessage(), e);
        }
    }

    /** The daemon's PID (setsid execs the program in place, so this is the daemon itself). */
    public long pid() {
        return process.pid();
    }

    /** True while the process runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The log file. */
    public Path log() {
        return log;
    }

    /** Stops the daemon: SIGTERM to its process group, SIGKILL after {@code grace}. */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        signalGroup("TERM");
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                signalGroup("KILL");
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void signalGroup(String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, "--", "-" + process.pid())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops with a 10 second grace period. */
    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }

    @Override
    public String toString() {
        return "Daemon[pid=" + process.pid() + ", " + argv + "]";
    }
}
