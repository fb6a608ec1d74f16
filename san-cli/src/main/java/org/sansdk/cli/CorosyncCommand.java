package org.sansdk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sansdk.core.ParseException;
import org.sansdk.core.SanException;
import org.sansdk.corosync.CheckReport;
import org.sansdk.corosync.CorosyncCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sanctl corosync check FILE}: every san-corosync rule over a corosync.conf (each finding with its
 * line and fix) and, when corosync is installed, what the real {@code corosync -t} says. The logic lives in
 * {@link CorosyncCheck}; this class only wires it to picocli.
 *
 * <pre>{@code sanctl corosync check /etc/corosync/corosync.conf}</pre>
 */
@Command(name = "corosync", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "corosync.conf checks (san-corosync).",
        subcommands = {CorosyncCommand.Check.class})
public final class CorosyncCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    /** For picocli. */
    public CorosyncCommand() {
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** {@code sanctl corosync check FILE}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check a corosync.conf against the san-corosync rules and, when installed, corosync -t.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:no error (warnings may be listed)", "1:a rule error, corosync -t refused the file, or it cannot be read",
                    "2:usage error"})
    static final class Check implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "the corosync.conf to check")
        private Path file;

        @Override
        public Integer call() {
            try {
                CheckReport r = CorosyncCheck.check(file);
                spec.commandLine().getOut().print(r.text());
                spec.commandLine().getOut().flush();
                return r.exitCode();
            } catch (ParseException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 1;
            } catch (SanException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 1;
            }
        }
    }
}
