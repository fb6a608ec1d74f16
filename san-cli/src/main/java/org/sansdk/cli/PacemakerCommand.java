package org.sansdk.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.sansdk.core.ParseException;
import org.sansdk.core.SanException;
import org.sansdk.core.Violation;
import org.sansdk.pacemaker.cib.Cib;
import org.sansdk.pacemaker.cib.CibChange;
import org.sansdk.pacemaker.cib.CibFinding;
import org.sansdk.pacemaker.cib.CibParser;
import org.sansdk.pacemaker.cib.CibPatch;
import org.sansdk.pacemaker.cib.PatchOption;
import org.sansdk.pacemaker.design.SanResourceSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sanctl pacemaker ...}: checks a CIB against the design's intent and computes version-pinned patches
 * (the former {@code org.sansdk.pacemaker.spi.PacemakerCliCommand}, same words, output and exit codes).
 *
 * <pre>{@code sanctl pacemaker check-intent cib.xml --storage storage-a,storage-b --quorum quorum --pool zfs-pool}</pre>
 *
 * <p>Exit codes: 0 ok, 1 violations found or refused input (parse errors as {@code file:line:column} on stderr; a
 * refused plan, e.g. deleting the pool resource), 2 usage error, 3 ({@code patch}) the patch deletes a resource or
 * leaves one without a recurring monitor.
 */
@Command(name = "pacemaker", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Pacemaker CIB: check the design's intent, compute a version-pinned cibadmin patch.",
        subcommands = {PacemakerCommand.CheckIntent.class, PacemakerCommand.Patch.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:violations found or refused input (file:line:column on stderr)", "2:usage error",
            "3:(patch) the patch deletes a resource or leaves one unmonitored"})
public final class PacemakerCommand implements Callable<Integer> {
    /** Exit code for success. */
    public static final int OK = 0;
    /** Exit code for violations found or refused input. */
    public static final int FAILED = 1;
    /** Exit code for a usage error. */
    public static final int USAGE = 2;
    /** Exit code of {@code patch} when the patch deletes a resource or leaves one without a recurring monitor. */
    public static final int DESTRUCTIVE = 3;

    private final PrintStream out;
    private final PrintStream err;

    @Spec
    private CommandSpec spec;

    /** The command writing to the given streams. {@code new CommandLine(new PacemakerCommand(System.out, System.err))} */
    public PacemakerCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * The picocli command line of {@code pacemaker} and its sub-commands, with the factory that gives them the streams.
     * {@code PacemakerCommand.commandLine(System.out, System.err).execute(args)}
     */
    public static CommandLine commandLine(PrintStream out, PrintStream err) {
        PacemakerCommand pm = new PacemakerCommand(out, err);
        CommandLine cl = new CommandLine(pm, new Factory(pm));
        cl.setOut(new java.io.PrintWriter(out, true, java.nio.charset.StandardCharsets.UTF_8));
        cl.setErr(new java.io.PrintWriter(err, true, java.nio.charset.StandardCharsets.UTF_8));
        return cl;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(err);
        return USAGE;
    }

    /** {@code sanctl pacemaker check-intent}. */
    @Command(name = "check-intent", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Check STONITH, fencing per storage node, no self-fencing device, colocation and order with the pool,",
                "nothing on the quorum node."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the CIB keeps the design's intent", "1:violations found (one per line) or refused input",
                "2:usage error"})
    static final class CheckIntent implements Callable<Integer> {
        private final PacemakerCommand pm;

        @Parameters(index = "0", paramLabel = "CIB.xml", description = "the CIB (cibadmin -Q output or a CIB file)")
        String file;
        @Option(names = "--storage", paramLabel = "A,B", split = ",", defaultValue = "storage-a,storage-b",
                description = "the storage nodes (default: ${DEFAULT-VALUE})")
        List<String> storage;
        @Option(names = "--quorum", paramLabel = "NODE", defaultValue = "quorum", description = "the quorum node (default: ${DEFAULT-VALUE})")
        String quorum;
        @Option(names = "--pool", paramLabel = "RSC", defaultValue = SanResourceSet.POOL,
                description = "the pool resource (default: ${DEFAULT-VALUE})")
        String pool;

        CheckIntent(PacemakerCommand pm) {
            this.pm = pm;
        }

        @Override
        public Integer call() {
            return pm.guard(() -> {
                Cib cib = CibParser.parse(file, Files.readString(Path.of(file)));
                List<Violation> v = SanResourceSet.checkIntent(cib.configuration(), storage, quorum, pool);
                for (Violation x : v) {
                    pm.out.println(x);
                }
                if (v.isEmpty()) {
                    pm.out.println("ok: " + file + " (epoch " + cib.version() + ") keeps the design's intent");
                }
                return v.isEmpty() ? OK : FAILED;
            });
        }
    }

    /** {@code sanctl pacemaker patch}. */
    @Command(name = "patch", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Print the cibadmin --patch v2 diff from LIVE (cibadmin -Q) to DESIRED's configuration, pinned to",
                "LIVE's version; changed elements are modified in place; each change is a '# ...' line and each deletion,",
                "deleted or slower monitor a '# WARNING: ...' line on stderr. Deleting the pool resource is refused unless",
                "--allow-pool-deletion."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:patch printed", "1:refused input or plan (e.g. deleting the pool resource)", "2:usage error",
                "3:patch printed, and it deletes a resource or leaves one without a recurring monitor"})
    static final class Patch implements Callable<Integer> {
        private final PacemakerCommand pm;

        @Parameters(index = "0", paramLabel = "LIVE.xml", description = "the live CIB (cibadmin -Q)")
        String live;
        @Parameters(index = "1", paramLabel = "DESIRED.xml", description = "a CIB whose configuration is wanted")
        String desired;
        @Option(names = "--prune", description = "also delete live resources and constraints DESIRED does not have")
        boolean prune;
        @Option(names = "--allow-pool-deletion", description = "allow the patch to delete or re-create the pool resource")
        boolean allowPoolDeletion;

        Patch(PacemakerCommand pm) {
            this.pm = pm;
        }

        @Override
        public Integer call() {
            return pm.guard(() -> {
                Cib l = CibParser.parse(live, Files.readString(Path.of(live)));
                Cib d = CibParser.parse(desired, Files.readString(Path.of(desired)));
                List<PatchOption> options = new ArrayList<>();
                if (prune) {
                    options.add(PatchOption.PRUNE);
                }
                if (allowPoolDeletion) {
                    options.add(PatchOption.ALLOW_POOL_DELETION);
                }
                CibPatch p = CibPatch.between(l, d.configuration(), options.toArray(new PatchOption[0]));
                for (CibChange c : p.changes()) {
                    pm.err.println("# " + c.describe());
                }
                for (CibFinding f : p.findings()) {
                    pm.err.println("# WARNING: " + f.describe());
                }
                pm.out.print(p.toXml());
                return p.deletesResources() || p.leavesUnmonitored() ? DESTRUCTIVE : OK;
            });
        }
    }

    /**
     * Runs a sub-command body: a parse error is its located message, a refused input or unreadable file
     * {@code sanctl pacemaker: MESSAGE}, both on stderr with exit 1.
     */
    private int guard(Callable<Integer> body) {
        try {
            return body.call();
        } catch (ParseException e) {
            err.println(e.getMessage());
            return FAILED;
        } catch (IOException | SanException e) {
            err.println("sanctl pacemaker: " + e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            err.println("sanctl pacemaker: " + e.getMessage());
            return FAILED;
        }
    }

    /** Gives the sub-commands their parent (for its streams). */
    private static final class Factory implements CommandLine.IFactory {
        private final PacemakerCommand pm;

        Factory(PacemakerCommand pm) {
            this.pm = pm;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == CheckIntent.class) {
                return cls.cast(new CheckIntent(pm));
            }
            if (cls == Patch.class) {
                return cls.cast(new Patch(pm));
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
