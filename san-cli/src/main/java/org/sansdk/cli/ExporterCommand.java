package org.sansdk.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.sansdk.cluster.SanCluster;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.cluster.health.ClusterHealth;
import org.sansdk.cluster.health.Finding;
import org.sansdk.cluster.health.PrometheusText;
import org.sansdk.cluster.health.Severity;
import org.sansdk.core.Command;
import org.sansdk.core.SanException;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sanctl exporter DESIGN --listen HOST:PORT [--network management] [--user root] [--bound 8s]}: a Prometheus
 * exporter on the JDK's HTTP server. Each scrape of {@code /metrics} gathers the cluster's health anew (each node within
 * the bound; one gathering at a time, a scrape that arrives meanwhile waits for it) and answers with
 * {@link PrometheusText}. When gathering fails as a whole, the scrape still answers 200 with an {@code EXPORTER-ERROR}
 * finding carrying the error, so the failure is visible in Prometheus rather than a missing target.
 *
 * <pre>{@code sanctl exporter design.yml --listen 0.0.0.0:9664}</pre>
 */
@CommandLine.Command(name = "exporter", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serve the cluster's health as Prometheus metrics on /metrics (gathered on each scrape).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "1:the design cannot be read or the address not bound", "2:usage error"})
public final class ExporterCommand implements Callable<Integer> {
    private final Function<Path, SanDesign> reader;
    private final StatusCommand.Connector connector;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DESIGN", description = "the design file (YAML)")
    private Path design;

    @Option(names = "--listen", required = true, paramLabel = "HOST:PORT",
            description = "address and port to serve on (port 0: any free port, printed on start)")
    private String listen;

    @picocli.CommandLine.Mixin
    private ClusterAccess access = new ClusterAccess();

    @Option(names = "--bound", paramLabel = "DURATION", defaultValue = "8s", converter = StatusCommand.DurationConverter.class,
            description = "how long each node may take per scrape (default: 8s, under Prometheus' 10 s scrape timeout)")
    private Duration bound;

    /**
     * An exporter reading designs with {@code reader} and reaching clusters through {@code connector}.
     * Usage: {@code new ExporterCommand(SanDesignYaml::read, StatusCommand.SSH)}.
     */
    public ExporterCommand(Function<Path, SanDesign> reader, StatusCommand.Connector connector) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.connector = Objects.requireNonNull(connector, "connector");
    }

    /** Serves until the process is stopped. Usage: {@code new CommandLine(cmd).execute(args)}. */
    @Override
    public Integer call() throws InterruptedException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter e = spec.commandLine().getErr();
        Running r;
        try {
            r = start(reader.apply(design), address(listen), bound);
        } catch (SanException | java.io.UncheckedIOException | IllegalArgumentException x) {
            e.println("sanctl exporter: " + x.getMessage());
            e.flush();
            return 1;
        } catch (IOException x) {
            e.println("sanctl exporter: cannot listen on " + listen + ": " + x.getMessage());
            e.flush();
            return 1;
        }
        o.println("sanctl exporter: serving http://" + r.address().getHostString() + ":" + r.address().getPort() + "/metrics");
        o.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            r.close();
            stop.countDown();
        }, "sanctl-exporter-stop"));
        stop.await();
        return 0;
    }

    /** {@code HOST:PORT}, {@code [V6]:PORT} or {@code :PORT} (all addresses). */
    static InetSocketAddress address(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("--listen wants HOST:PORT, got '" + text + "'");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException x) {
            throw new IllegalArgumentException("--listen: not a port in '" + text + "'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--listen: port out of range in '" + text + "'");
        }
        return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }

    /** A started exporter: its bound address; {@link #close()} stops it. */
    public final class Running implements AutoCloseable {
        private final HttpServer server;

        private Running(HttpServer server) {
            this.server = server;
        }

        /** The address it serves on (the real port when 0 was asked). Usage: {@code r.address().getPort()}. */
        public InetSocketAddress address() {
            return server.getAddress();
        }

        /** Stops serving (waits up to 1 s for exchanges in progress). Usage: try-with-resources. */
        @Override
        public void close() {
            server.stop(1);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }

    /**
     * Starts serving {@code design}'s health on {@code address}. Usage: {@code try (var r = cmd.start(d, addr, bound)) {…}}.
     *
     * @throws IOException when the address cannot be bound
     */
    public Running start(SanDesign d, InetSocketAddress address, Duration perNode) throws IOException {
        Object gathering = new Object();
        HttpServer server = HttpServer.create(address, 0);
        server.createContext("/metrics", x -> {
            if (!x.getRequestMethod().equals("GET") && !x.getRequestMethod().equals("HEAD")) {
                send(x, 405, "text/plain; charset=utf-8", "GET /metrics\n");
                return;
            }
            String body;
            synchronized (gathering) {
                body = PrometheusText.write(scrape(d, perNode));
            }
            send(x, 200, PrometheusText.CONTENT_TYPE, body);
        });
        server.createContext("/", x -> send(x, x.getRequestURI().getPath().equals("/") ? 200 : 404, "text/plain; charset=utf-8",
                "sanctl exporter for " + d.clusterName() + ": metrics on /metrics\n"));
        server.setExecutor(Executors.newFixedThreadPool(2, t -> {
            Thread th = new Thread(t, "sanctl-exporter");
            th.setDaemon(true);
            return th;
        }));
        server.start();
        return new Running(server);
    }

    private ClusterHealth scrape(SanDesign d, Duration perNode) {
        Instant at = Instant.now();
        try {
            return access.connect(connector, d).status(perNode);
        } catch (RuntimeException x) {
            String what = x.getClass().getSimpleName() + (x.getMessage() == null ? "" : ": " + x.getMessage());
            return new ClusterHealth(d.clusterName(), at, List.of(), Optional.empty(), Optional.empty(), List.of(
                    new Finding(Severity.CRITICAL, "EXPORTER-ERROR", "", "gathering the health failed: " + what,
                            Command.of("sanctl", "status", String.valueOf(design)))));
        }
    }

    private static void send(HttpExchange x, int code, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        boolean head = x.getRequestMethod().equals("HEAD");
        x.sendResponseHeaders(code, head ? -1 : bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            if (!head) {
                out.write(bytes);
            }
        }
    }
}
