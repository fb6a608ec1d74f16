package org.sansdk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.sansdk.cluster.SanCluster;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.cluster.health.ClusterHealth;
import org.sansdk.cluster.health.PrometheusText;
import org.sansdk.cluster.health.Severity;
import org.sansdk.core.SanException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sanctl status DESIGN [--network management] [--user root] [--bound 30s] [--json|--prometheus]}: reads every
 * node of the design over SSH ({@link SanCluster#overSsh}) and prints its {@link ClusterHealth}: the findings (default),
 * the JSON ({@code --json}) or the Prometheus text exposition ({@code --prometheus}). How a design becomes a cluster is
 * passed in, so tests (and other transports) give their own.
 *
 * <pre>{@code sanctl status design.yml --network management --user root}</pre>
 *
 * <p>Exit codes: 0 overall OK or INFO, 1 the design cannot be read or the cluster not built, 2 usage, 3 overall
 * WARNING, 4 overall CRITICAL.
 */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Read every node of the design (crm_mon, corosync, zpool, iscsiadm, LIO) and print the cluster's health.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:healthy (OK or INFO findings only)", "1:the design cannot be read or the cluster not reached at all",
            "2:usage error", "3:worst finding WARNING", "4:worst finding CRITICAL"})
public final class StatusCommand implements Callable<Integer> {
    /** Exit code when the worst finding is a warning. */
    public static final int WARNING = 3;
    /** Exit code when the worst finding is critical. */
    public static final int CRITICAL = 4;

    /** How a design (and the connection options) becomes a cluster. */
    @FunctionalInterface
    public interface Connector {
        /**
         * The cluster for a design. Usage: {@code (design, network, user) -> SanCluster.overSsh(design, network, user)}.
         *
         * @param design  the design
         * @param network the network whose addresses reach the nodes
         * @param user    the SSH user
         * @return the cluster
         */
        SanCluster connect(SanDesign design, String network, String user);
    }

    /** Connects over SSH at each node's address on the network. */
    public static final Connector SSH = SanCluster::overSsh;

    private final Function<Path, SanDesign> reader;
    private final Connector connector;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DESIGN", description = "the design file (YAML)")
    private Path design;

    @picocli.CommandLine.Mixin
    private ClusterAccess access = new ClusterAccess();

    @Option(names = "--bound", paramLabel = "DURATION", defaultValue = "PT30S", converter = DurationConverter.class,
            description = "how long each node may take to answer, e.g. 30s or PT30S (default: 30s)")
    private Duration bound;

    @ArgGroup(exclusive = true)
    private Format format;

    /** Output format options (one of). */
    static final class Format {
        @Option(names = "--json", description = "print the health as JSON")
        boolean json;
        @Option(names = "--prometheus", description = "print the health in Prometheus' text exposition format")
        boolean prometheus;
    }

    /**
     * A status command reading designs with {@code reader} and reaching clusters through {@code connector}.
     * Usage: {@code new StatusCommand(SanDesignYaml::read, StatusCommand.SSH)}.
     */
    public StatusCommand(Function<Path, SanDesign> reader, Connector connector) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.connector = Objects.requireNonNull(connector, "connector");
    }

    /** Gathers and prints; see the exit codes. Usage: {@code new CommandLine(cmd).execute(args)}. */
    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter e = spec.commandLine().getErr();
        ClusterHealth h;
        try {
            SanDesign d = reader.apply(design);
            h = access.connect(connector, d).status(bound);
        } catch (SanException | java.io.UncheckedIOException x) {
            e.println("sanctl status: " + x.getMessage());
            e.flush();
            return 1;
        }
        if (format != null && format.prometheus) {
            o.print(PrometheusText.write(h));
        } else if (format != null && format.json) {
            o.println(Json.write(jsonModel(h)));
        } else {
            o.print(h.describe());
        }
        o.flush();
        return exitCode(h.overall());
    }

    /** 0 for OK and INFO, {@link #WARNING}, {@link #CRITICAL}. Usage: {@code StatusCommand.exitCode(h.overall())}. */
    public static int exitCode(Severity s) {
        return switch (s) {
            case OK, INFO -> 0;
            case WARNING -> WARNING;
            case CRITICAL -> CRITICAL;
        };
    }

    /** A finding as printed in JSON: the command as its argv. */
    record FindingJson(Severity severity, String code, String node, String message, List<String> command) {
    }

    /** A scan as printed in JSON. */
    record ScanJson(String function, String state, Double percent, Duration eta, String describe) {
    }

    /** The pool as printed in JSON. */
    record PoolJson(String name, String node, String state, List<ClusterHealth.Leg> legs, Optional<ScanJson> scan, long errors,
                    List<String> command) {
    }

    /** The JSON shape of {@code sanctl status --json}. */
    record HealthJson(String cluster, Instant gatheredAt, Severity overall, List<FindingJson> findings,
                      List<ClusterHealth.NodeHealth> nodes, Optional<ClusterHealth.PacemakerView> pacemaker, Optional<PoolJson> pool) {
    }

    /** The model {@code --json} prints. Usage: {@code Json.write(StatusCommand.jsonModel(h))}. */
    static HealthJson jsonModel(ClusterHealth h) {
        List<FindingJson> findings = h.findings().stream()
                .map(f -> new FindingJson(f.severity(), f.code(), f.node(), f.message(), f.command().argv())).toList();
        Optional<PoolJson> pool = h.pool().map(p -> new PoolJson(p.name(), p.node(), p.state(), p.legs(),
                p.scan().map(s -> new ScanJson(s.function(), s.state(), s.percent().isPresent() ? s.percent().getAsDouble() : null,
                        s.eta().orElse(null), s.describe())), p.errors(), p.command().argv()));
        return new HealthJson(h.clusterName(), h.gatheredAt(), h.overall(), findings, h.nodes(), h.pacemaker(), pool);
    }


    /** {@code 30s}, {@code 500ms}, {@code 2m} or ISO-8601 {@code PT30S}. */
    static final class DurationConverter implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String v) {
            Duration d = parse(v);
            if (d.isNegative() || d.isZero()) {
                throw new picocli.CommandLine.TypeConversionException("a bound must be positive: '" + v + "'");
            }
            return d;
        }

        private static Duration parse(String v) {
            String s = v.trim().toLowerCase(java.util.Locale.ROOT);
            try {
                if (s.startsWith("pt")) {
                    return Duration.parse(v.trim().toUpperCase(java.util.Locale.ROOT));
                }
                if (s.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
                }
                if (s.endsWith("s")) {
                    return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1)));
                }
                if (s.endsWith("m")) {
                    return Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1)));
                }
            } catch (RuntimeException e) {
                throw new picocli.CommandLine.TypeConversionException("not a duration: '" + v + "' (e.g. 30s, 500ms, 2m, PT30S)");
            }
            throw new picocli.CommandLine.TypeConversionException("not a duration: '" + v + "' (e.g. 30s, 500ms, 2m, PT30S)");
        }
    }
}
