package org.sansdk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.sansdk.core.ParseException;
import org.sansdk.core.SanException;
import org.sansdk.core.spi.OutputParser;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sanctl}: the command line of san-sdk, on picocli. {@code sanctl parse KIND FILE|-} prints the
 * canonical JSON of any supported tool output; every command answers {@code --help} with exit 0.
 *
 * <pre>{@code ./sanctl parse zpool-status examples/samples/zpool-status-resilver.txt}</pre>
 *
 * <p>Exit codes: 0 ok, 1 parse or command failure (message with file:line:column on stderr), 2 usage; a
 * command may add its own (listed in its {@code --help}).
 */
@Command(name = "sanctl", mixinStandardHelpOptions = true, versionProvider = Sanctl.Version.class,
        description = "san-sdk command line: parse tool outputs to JSON, plan and check SAN configuration.",
        synopsisSubcommandLabel = "COMMAND",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:parse or command failure (file:line:column on stderr)", "2:usage error"})
public final class Sanctl implements Callable<Integer> {
    /** Exit code for success. */
    public static final int OK = 0;
    /** Exit code for a parse or command failure. */
    public static final int FAILED = 1;
    /** Exit code for a usage error. */
    public static final int USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;
    private final TreeMap<String, OutputParser> parsers = new TreeMap<>();

    @Spec
    private CommandSpec spec;

    /** A CLI writing to the given streams, with every parser and command found on the class path. */
    public Sanctl(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        for (OutputParser p : ServiceLoader.load(OutputParser.class)) {
            OutputParser before = parsers.putIfAbsent(p.kind(), p);
            if (before != null) {
                throw new IllegalStateException("two parsers register kind " + p.kind() + ": "
                        + before.getClass().getName() + " and " + p.getClass().getName());
            }
        }
    }

    /** Entry point. */
    public static void main(String[] args) {
        System.exit(new Sanctl(System.out, System.err).run(List.of(args)));
    }

    /** The picocli command tree: {@code parse} with one sub-command per kind, the tool commands, man, completion. */
    public CommandLine commandLine() {
        return commandLine(name -> true);
    }

    /** Sub-commands that need no other part of the tree: `sanctl NAME …` builds only NAME's (start-up time). */
    private static final java.util.Set<String> STANDALONE = java.util.Set.of("parse", "schema", "corosync", "validate",
            "render", "iscsi", "lio", "pacemaker", "status", "exporter");

    /** The tree with only the top-level sub-commands {@code include} accepts (their help and errors are unchanged). */
    private CommandLine commandLine(java.util.function.Predicate<String> include) {
        CommandLine root = new CommandLine(this);
        if (include.test("parse")) {
            CommandLine parse = new CommandLine(new ParseGroup());
            for (OutputParser p : parsers.values()) {
                CommandLine kind = new CommandLine(new ParseKind(p, out, err));
                kind.getCommandSpec().usageMessage().description(p.description());
                parse.addSubcommand(p.kind(), kind);
            }
            root.addSubcommand("parse", parse);
        }
        if (include.test("schema")) {
            root.addSubcommand("schema", new CommandLine(new SchemaCommand(kinds(), out, err)));
        }
        if (include.test("corosync")) {
            root.addSubcommand("corosync", new CommandLine(new CorosyncCommand()));
        }
        if (include.test("validate")) {
            root.addSubcommand("validate", new CommandLine(new ValidateCommand()));
        }
        if (include.test("render")) {
            root.addSubcommand("render", new CommandLine(new RenderCommand(org.sansdk.cluster.design.SanDesignYaml::read,
                    List.of(org.sansdk.cluster.bundle.HostFilesContribution.debian12(), new org.sansdk.cluster.bundle.RulesContribution()))));
        }
        if (include.test("iscsi")) {
            root.addSubcommand("iscsi", new CommandLine(new IscsiCommand(out, err)));
        }
        if (include.test("lio")) {
            root.addSubcommand("lio", LioCommand.commandLine(out, err));
        }
        if (include.test("pacemaker")) {
            root.addSubcommand("pacemaker", PacemakerCommand.commandLine(out, err));
        }
        if (include.test("status")) {
            root.addSubcommand("status", new CommandLine(new StatusCommand(org.sansdk.cluster.design.SanDesignYaml::read,
                    StatusCommand.SSH)));
        }
        if (include.test("exporter")) {
            root.addSubcommand("exporter", new CommandLine(new ExporterCommand(org.sansdk.cluster.design.SanDesignYaml::read,
                    StatusCommand.SSH)));
        }
        if (include.test("man")) {
            root.addSubcommand("man", new CommandLine(new ManPage()));
        }
        if (include.test("cds-training")) {
            root.addSubcommand("cds-training", new CommandLine(new CdsTraining()));
        }
        if (include.test("completion")) {
            CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion());
            completion.getCommandSpec().usageMessage().hidden(false);
            root.addSubcommand("completion", completion);
        }
        root.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        root.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        root.setExecutionExceptionHandler((ex, cl, parsed) -> {
            if (ex instanceof ParseException) {
                err.println(ex.getMessage());
            } else if (ex instanceof SanException) {
                err.println(cl.getCommandName() + ": " + ex.getMessage());
            } else {
                throw ex;
            }
            return FAILED;
        });
        return root;
    }

    /** Runs one invocation and returns its exit code. */
    public int run(List<String> args) {
        if (args.isEmpty()) {
            commandLine().usage(err);
            return USAGE;
        }
        // `--version` needs no command tree either (picocli would build all of it first)
        if (args.size() == 1 && (args.get(0).equals("--version") || args.get(0).equals("-V"))) {
            try {
                for (String line : new Version().getVersion()) {
                    out.println(line);
                }
                return OK;
            } catch (IOException e) {
                err.println("sanctl: cannot read the version: " + e.getMessage());
                return FAILED;
            }
        }
        // the common call, `parse KIND FILE|-`, skips building the whole command tree (start-up time)
        if (args.size() == 3 && args.get(0).equals("parse") && parsers.containsKey(args.get(1))
                && (args.get(2).equals("-") || !args.get(2).startsWith("-"))) {
            ParseKind kind = new ParseKind(parsers.get(args.get(1)), out, err);
            kind.file = args.get(2);
            try {
                return kind.call();
            } catch (ParseException e) {
                err.println(e.getMessage());
                return FAILED;
            } catch (SanException e) {
                err.println(args.get(1) + ": " + e.getMessage());
                return FAILED;
            } catch (IOException e) {
                err.println("sanctl parse: cannot render JSON: " + e.getMessage());
                return FAILED;
            }
        }
        // `sanctl render …`, `sanctl lio …`: only that branch of the tree is built; man, completion and the
        // root's own help need all of it
        String first = args.get(0);
        CommandLine cl = STANDALONE.contains(first) ? commandLine(first::equals) : commandLine();
        return cl.execute(args.toArray(String[]::new));
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(err);
        return USAGE;
    }

    /** The registered parse kinds, sorted. */
    public List<String> kinds() {
        return new ArrayList<>(parsers.keySet());
    }

    /** {@code sanctl parse}: one sub-command per kind. */
    @Command(name = "parse", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "KIND",
            description = "Print the canonical JSON of a tool output (FILE, or - for stdin).",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:parsed", "1:refused: the message names file:line:column and what was expected", "2:usage error"})
    static final class ParseGroup implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getErr());
            return USAGE;
        }
    }

    /** {@code sanctl parse KIND FILE|-}. */
    @Command(mixinStandardHelpOptions = true,
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:parsed", "1:refused: the message names file:line:column and what was expected", "2:usage error"})
    static final class ParseKind implements Callable<Integer> {
        private final OutputParser parser;
        private final PrintStream out;
        private final PrintStream err;

        @Parameters(index = "0", paramLabel = "FILE", description = "the captured output, or - to read stdin")
        private String file;

        ParseKind(OutputParser parser, PrintStream out, PrintStream err) {
            this.parser = parser;
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() throws IOException {
            String source = file.equals("-") ? "<stdin>" : file;
            byte[] bytes;
            try {
                bytes = file.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(file));
            } catch (NoSuchFileException e) {
                err.println("sanctl parse: no such file: " + file);
                return FAILED;
            } catch (IOException e) {
                err.println("sanctl parse: cannot read " + file + ": " + e.getMessage());
                return FAILED;
            }
            Object model = parser.parse(source, ParseException.decodeUtf8(source, bytes));
            out.println(Json.write(model));
            return OK;
        }
    }


    /** {@code sanctl man}: the man page (roff) of the whole command tree. */
    @Command(name = "man", mixinStandardHelpOptions = true,
            description = "Print the sanctl(1) man page in roff: sanctl man > sanctl.1 && man -l sanctl.1")
    final class ManPage implements Callable<Integer> {
        @Override
        public Integer call() {
            out.print(ManPages.render(commandLine()));
            return OK;
        }
    }

    /**
     * {@code sanctl cds-training} (hidden): the launcher's one training run for its AppCDS archive. Renders
     * the help and man page and parses a small sample of every kind (errors ignored), so the archive holds
     * the classes a real run loads.
     */
    @Command(name = "cds-training", hidden = true, mixinStandardHelpOptions = true, description = "training run for the launcher's class-data archive")
    final class CdsTraining implements Callable<Integer> {
        @Override
        public Integer call() {
            java.io.PrintStream sink = new java.io.PrintStream(java.io.OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
            CommandLine cl = commandLine();
            cl.usage(sink);
            sink.print(ManPages.render(cl));
            for (OutputParser p : parsers.values()) {
                for (String ext : List.of(".txt", ".json", ".xml")) {
                    try (InputStream in = Sanctl.class.getResourceAsStream("/org/sansdk/cli/cds-training/" + p.kind() + ext)) {
                        if (in != null) {
                            String text = ParseException.decodeUtf8(p.kind(), in.readAllBytes());
                            sink.print(Json.write(p.parse(p.kind(), text)));
                        }
                    } catch (IOException | RuntimeException e) {
                        sink.print(e.getMessage());   // a training input may not parse; its classes loaded anyway
                    }
                }
            }
            // sanctl validate / render: the reference design read, checked and rendered in memory (nothing written)
            try (InputStream in = Sanctl.class.getResourceAsStream("/org/sansdk/cli/cds-training/reference.yml")) {
                if (in != null) {
                    org.sansdk.cluster.design.SanDesign d = org.sansdk.cluster.design.SanDesignYaml.parse("reference.yml",
                            new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    org.sansdk.cluster.rules.DesignRules.check(d).forEach(sink::println);
                    sink.print(org.sansdk.cluster.bundle.BundleRenderer.standard().render(d).report());
                }
            } catch (IOException | RuntimeException e) {
                sink.print(e.getMessage());
            }
            return OK;
        }
    }

    /** The version printed by {@code --version}, from the jar's build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Sanctl.class.getResourceAsStream("/org/sansdk/cli/version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"sanctl " + p.getProperty("version", "unknown") + " (san-sdk)",
                    "Java " + System.getProperty("java.version") + " " + System.getProperty("java.vm.name")};
        }
    }
}
