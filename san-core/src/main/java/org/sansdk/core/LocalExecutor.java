package org.sansdk.core;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs commands on this host through commons-exec: arguments are passed with quoting off (argv goes to
 * the process exactly), every exit code is returned to the caller (we interpret them, not commons-exec),
 * stdout and stderr are pumped on their own threads so large outputs cannot deadlock, and a watchdog
 * kills the process when its timeout expires.
 *
 * <pre>{@code Executor local = new LocalExecutor(Duration.ofSeconds(30)); local.run(Command.of("zpool", "status", "-P"));}</pre>
 */
public final class LocalExecutor implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(LocalExecutor.class);
    /** Applied when a command carries no timeout of its own. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private final Duration defaultTimeout;
    private final Path workingDirectory;

    /** An executor with a 5 minute default timeout, running in the JVM's working directory. */
    public LocalExecutor() {
        this(DEFAULT_TIMEOUT);
    }

    /** An executor applying {@code defaultTimeout} to commands without their own. */
    public LocalExecutor(Duration defaultTimeout) {
        this(defaultTimeout, null);
    }

    /** An executor applying {@code defaultTimeout} and running commands in {@code workingDirectory}. */
    public LocalExecutor(Duration defaultTimeout, Path workingDirectory) {
        this.defaultTimeout = Objects.requireNonNull(defaultTimeout, "defaultTimeout");
        this.workingDirectory = workingDirectory;
    }

    @Override
    public CommandResult run(Command command) {
        CommandLine line = new CommandLine(command.program());
        for (String arg : command.argv().subList(1, command.argv().size())) {
            line.addArgument(arg, false);
        }
        Duration timeout = command.timeout().orElse(defaultTimeout);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PumpStreamHandler streams = new PumpStreamHandler(out, err,
                command.stdin().map(ByteArrayInputStream::new).orElse(null));
        streams.setStopTimeout(Duration.ofSeconds(5));
        ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(timeout).get();
        DefaultExecutor.Builder<?> builder = DefaultExecutor.builder().setExecuteStreamHandler(streams);
        if (workingDirectory != null) {
            builder.setWorkingDirectory(workingDirectory);
        }
        DefaultExecutor exec = builder.get();
        exec.setWatchdog(watchdog);
        exec.setExitValues(null); // every exit code is a result, not an exception
        Map<String, String> env = null;
        if (!command.env().isEmpty()) {
            env = new HashMap<>(System.getenv());
            env.putAll(command.env());
        }
        LOG.debug("run: {}", command);
        long start = System.nanoTime();
        int exit;
        try {
            exit = exec.execute(line, env);
        } catch (IOException e) {
            if (watchdog.killedProcess()) {
                throw new CommandTimeoutException(command, timeout);
            }
            throw new SanException("could not start " + PosixQuoting.quote(command.program()) + " ("
                    + command.redact(String.valueOf(e.getMessage())) + "); is it installed and on PATH? command: "
                    + command);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (watchdog.killedProcess()) {
            throw new CommandTimeoutException(command, timeout);
        }
        LOG.debug("exit {} after {} ms: {}", exit, took.toMillis(), command);
        return new CommandResult(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), took);
    }

    @Override
    public String toString() {
        return "LocalExecutor[defaultTimeout=" + defaultTimeout + "]";
    }
}
