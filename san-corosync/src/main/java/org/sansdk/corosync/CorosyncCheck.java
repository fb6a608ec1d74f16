package org.sansdk.corosync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;
import org.sansdk.core.LocalExecutor;
import org.sansdk.core.SanException;

/**
 * {@code sanctl corosync check FILE}: parse a corosync.conf, apply every {@link CorosyncRule}, and ask the
 * real {@code corosync -t} when it is installed (it only accepts a file on a host that owns one of the node
 * addresses; elsewhere it says {@code No valid name found for local host}, which the report shows as is).
 *
 * <pre>{@code int rc = CorosyncCheck.check(Path.of("/etc/corosync/corosync.conf")).exitCode();}</pre>
 */
public final class CorosyncCheck {
    /** Marks a report for which corosync -t was not run (corosync not installed). */
    public static final ConfigCheck NOT_RUN = new ConfigCheck(-1, "corosync is not installed");

    private CorosyncCheck() {
    }

    /**
     * Checks a file on this machine (corosync -t through a {@link LocalExecutor} when installed).
     *
     * @throws org.sansdk.core.ParseException when the file is not a corosync.conf corosync could read
     * @throws SanException                   when the file cannot be read
     */
    public static CheckReport check(Path file) {
        return check(file, new LocalExecutor());
    }

    /**
     * Checks a file, running {@code corosync -t -c FILE} through {@code executor} (the file must exist where the
     * executor runs).
     *
     * @throws org.sansdk.core.ParseException when the file is not a corosync.conf corosync could read
     */
    public static CheckReport check(Path file, Executor executor) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SanException("cannot read " + file + ": " + e.getMessage(), e);
        }
        CorosyncConf conf = CorosyncConfParser.parse(file.toString(), bytes);
        return new CheckReport(file.toString(), CorosyncValidator.validate(conf), corosyncTest(file, executor));
    }

    private static ConfigCheck corosyncTest(Path file, Executor executor) {
        try {
            // is corosync there at all? its version query starts nothing and needs no config
            CommandResult which = executor.run(Command.of("corosync", "-v"));
            if (which.exitCode() != 0) {
                return NOT_RUN;
            }
        } catch (SanException e) {
            return NOT_RUN;
        }
        return Corosync.on(executor).test(file.toAbsolutePath());
    }
}
