package org.sansdk.core.spi;

import java.io.PrintStream;
import java.util.List;

/**
 * A {@code sanctl} sub-command contributed by a tool module ({@code sanctl lio plan-sync …}). Registered in
 * {@code META-INF/services/org.sansdk.core.spi.CliCommand}.
 *
 * <pre>{@code int rc = command.run(List.of("check-proxmox", "saveconfig.json"), System.out, System.err);}</pre>
 */
public interface CliCommand {
    /** The first word after {@code sanctl}, for example {@code lio}. */
    String name();

    /** Usage lines shown by {@code sanctl --help}. */
    String usage();

    /** Runs the command with the words after its name; returns 0 ok, 1 failure, 2 usage error. */
    int run(List<String> args, PrintStream out, PrintStream err);
}
