package org.sansdk.core;

import java.time.Duration;
import java.util.Objects;

/**
 * What a finished command gave back: exit code, full stdout and stderr (UTF-8), and how long it ran.
 *
 * <pre>{@code CommandResult r = executor.run(Command.of("zpool", "status", "-P")); if (r.isSuccess()) parse(r.stdout());}</pre>
 *
 * @param exitCode the process exit code
 * @param stdout   everything written to stdout
 * @param stderr   everything written to stderr
 * @param duration wall-clock run time
 */
public record CommandResult(int exitCode, String stdout, String stderr, Duration duration) {
    /** Validates the fields; null outputs become empty strings. */
    public CommandResult {
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
        duration = duration == null ? Duration.ZERO : duration;
    }

    /** A successful result with the given stdout (for replayed and dry-run executors). */
    public static CommandResult ok(String stdout) {
        return new CommandResult(0, stdout, "", Duration.ZERO);
    }

    /** A result with the given exit code and outputs. */
    public static CommandResult of(int exitCode, String stdout, String stderr) {
        return new CommandResult(exitCode, stdout, stderr, Duration.ZERO);
    }

    /** True when the exit code is 0. */
    public boolean isSuccess() {
        return exitCode == 0;
    }

    /** Returns this result, or throws {@link CommandFailedException} for {@code command} when it failed. */
    public CommandResult requireSuccess(Command command) {
        Objects.requireNonNull(command, "command");
        if (!isSuccess()) {
            throw new CommandFailedException(command, this);
        }
        return this;
    }

    @Override
    public String toString() {
        return "CommandResult[exitCode=" + exitCode + ", stdout=" + stdout.length() + " chars, stderr="
                + stderr.length() + " chars, duration=" + duration.toMillis() + "ms]";
    }
}
