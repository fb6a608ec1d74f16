package org.sansdk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.sansdk.cluster.bundle.Bundle;
import org.sansdk.cluster.bundle.BundleContribution;
import org.sansdk.cluster.bundle.BundleRenderer;
import org.sansdk.cluster.bundle.Sensitivity;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.cluster.design.SecretSource;
import org.sansdk.cluster.map.DesignMapping;
import org.sansdk.cluster.map.FailoverTiming;
import org.sansdk.cluster.map.MissingSecret;
import org.sansdk.core.SanException;
import org.sansdk.lio.chap.ChapEnvFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sanctl render DESIGN --out DIR [--secrets-env] [--machine-id FILE]}: reads a design, renders the per-node
 * bundle ({@link BundleRenderer}) and writes it under DIR, then prints a short summary (nodes, files per node, rule
 * findings, failover timing, secrets still to supply). No secret value is ever printed. The design reader is passed
 * in (the YAML reader lives in san-cluster's design package); so are the host-file contributions.
 *
 * <pre>{@code new CommandLine(new RenderCommand(SanDesignYaml::read)).execute("design.yml", "--out", "out")}</pre>
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render the per-node bundle of a design: every file with its path and mode, RUNBOOK.md, REPORT.md.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:rendered", "1:the design cannot be read, is invalid, lacks a secret with --secrets-env, or a"
                + " tool's rules refuse it", "2:usage error"})
public final class RenderCommand implements Callable<Integer> {
    private final Function<Path, SanDesign> reader;
    private final List<BundleContribution> contributions;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DESIGN", description = "the design file (YAML)")
    private Path design;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the bundle directory (created, 0700)")
    private Path out;

    @Option(names = "--secrets-env", description = "take every secret the design refers to from SAN_SECRET_<NAME>"
            + " environment variables (a missing one is an error); without it files are rendered without secrets")
    private boolean secretsEnv;

    @Option(names = "--machine-id", paramLabel = "FILE", description = "the target's /etc/machine-id, the passphrase of"
            + " the encrypted CHAP file")
    private Path machineId;

    /**
     * A render command reading designs with {@code reader}. Usage: {@code new RenderCommand(SanDesignYaml::read)}.
     */
    public RenderCommand(Function<Path, SanDesign> reader) {
        this(reader, List.of());
    }

    /**
     * A render command with contributions (NFS/SMB/sysctl/modprobe/CHAP file/packages renderers, design rules).
     * Usage: {@code new RenderCommand(SanDesignYaml::read, List.of(hostFiles))}.
     */
    public RenderCommand(Function<Path, SanDesign> reader, List<BundleContribution> contributions) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.contributions = List.copyOf(contributions);
    }

    /** Renders and prints the summary; see the exit codes. Usage: {@code new CommandLine(cmd).execute(args)}. */
    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter e = spec.commandLine().getErr();
        try {
            SanDesign d = reader.apply(design);
            if (secretsEnv) {
                d = d.withSecrets(SecretSource.environment());
            }
            // a design that breaks a rule is not rendered: its files could be deployed (sanctl validate lists them)
            List<org.sansdk.cluster.rules.DesignFinding> findings = org.sansdk.cluster.rules.DesignRules.check(d);
            if (org.sansdk.cluster.rules.DesignRules.hasErrors(findings)) {
                findings.stream().filter(f -> f.severity() == org.sansdk.cluster.rules.Severity.ERROR).forEach(e::println);
                e.println("sanctl render: the design breaks the rules above; nothing written");
                e.flush();
                return 1;
            }
            BundleRenderer r = BundleRenderer.create();
            for (BundleContribution c : contributions) {
                r = r.with(c);
            }
            if (machineId != null) {
                r = r.withMachineId(ChapEnvFile.passphraseFromFile(Files.readAllBytes(machineId)));
            }
            Bundle b = r.render(d);
            b.writeTo(out);
            o.print(summary(d, b));
            o.flush();
            return 0;
        } catch (IOException x) {
            e.println("sanctl render: cannot read " + machineId + ": " + x.getMessage());
            return 1;
        } catch (SanException | java.io.UncheckedIOException x) {
            e.println("sanctl render: " + x.getMessage());
            return 1;
        }
    }

    /** The summary lines (names and counts only). Usage: {@code RenderCommand.summary(design, bundle)}. */
    static String summary(SanDesign d, Bundle b) {
        StringBuilder sb = new StringBuilder();
        sb.append("rendered ").append(d.clusterName()).append(": ").append(b.files().size()).append(" files, ")
                .append(b.steps().size()).append(" commands\n");
        for (String n : b.nodes()) {
            long secret = b.files(n).stream().filter(f -> f.sensitivity() == Sensitivity.SECRET).count();
            sb.append("  ").append(n).append(": ").append(b.files(n).size()).append(" files (").append(secret)
                    .append(" secret), ").append(b.steps(n).size()).append(" commands\n");
        }
        String report = b.report();
        int from = report.indexOf("## Rules");
        int to = report.indexOf("## Failover timing");
        String rules = from >= 0 && to > from ? report.substring(from, to) : "";
        long findings = rules.lines().filter(l -> l.startsWith("- ") && !l.endsWith("no violation")
                && !l.equals("- no finding") && !l.startsWith("- none")).count();
        sb.append("rules: ").append(findings).append(" finding(s), see REPORT.md\n");
        FailoverTiming t = FailoverTiming.of(d);
        sb.append("failover: unplanned ").append(FailoverTiming.secs(t.unplanned())).append(", planned ")
                .append(FailoverTiming.secs(t.planned())).append(" (server side, REPORT.md has the breakdown)\n");
        List<MissingSecret> missing = DesignMapping.of(d).missingSecrets();
        if (!missing.isEmpty()) {
            sb.append("secrets not supplied (files rendered without them):");
            missing.forEach(s -> sb.append(' ').append(s.environmentVariable()));
            sb.append('\n');
        }
        return sb.toString();
    }
}
