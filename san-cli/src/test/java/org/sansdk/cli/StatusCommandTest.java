package org.sansdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sansdk.cluster.DistroFamily;
import org.sansdk.cluster.NodeCapabilities;
import org.sansdk.cluster.SanCluster;
import org.sansdk.cluster.design.CorosyncTiming;
import org.sansdk.cluster.design.Disk;
import org.sansdk.cluster.design.Fencing;
import org.sansdk.cluster.design.IscsiSettings;
import org.sansdk.cluster.design.Network;
import org.sansdk.cluster.design.Node;
import org.sansdk.cluster.design.NodeRole;
import org.sansdk.cluster.design.Placement;
import org.sansdk.cluster.design.Pool;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.core.CommandResult;
import org.sansdk.core.IpCidr;
import org.sansdk.core.Iqn;
import org.sansdk.core.ReplayExecutor;
import org.sansdk.core.SanException;
import org.sansdk.core.testing.RealTools;
import org.sansdk.zfs.HostId;
import picocli.CommandLine;

/**
 * {@code sanctl status} and {@code sanctl exporter} wired to a replayed cluster (captures recorded on the san-lab
 * cluster, see resources/status/SOURCES.md): the text, JSON and Prometheus outputs, exit codes by worst finding, the
 * exporter scraped over HTTP and its body checked by the real promtool.
 */
class StatusCommandTest {
    static final List<String> SESSIONS = List.of("iscsiadm", "-m", "session");

    static SanDesign design() {
        SanDesign.Builder b = SanDesign.builder().clusterName("san-lab")
                .network(new Network("management", 20, IpCidr.parse("10.99.20.0/24"), 1500))
                .network(new Network("storage", 10, IpCidr.parse("10.99.10.0/24"), 1500));
        for (String x : List.of("a", "b")) {
            int i = x.equals("a") ? 1 : 2;
            Node.Builder n = Node.builder("storage-" + x, NodeRole.STORAGE).nodeId(i).hostId(new HostId(0x5a1ab000L + i))
                    .address("management", "10.99.20." + i + "/24").address("storage", "10.99.10." + i + "/24")
                    .corosyncLinks("management", "storage").backendTargetIqn(Iqn.parse("iqn.2025-01.lab.san:storage-" + x))
                    .initiatorIqn(Iqn.parse("iqn.2025-01.lab.san:initiator-" + x));
            for (int d = 0; d < 2; d++) {
                n.disk(new Disk("/dev/disk/by-id/lab-" + x + "-" + d, "data-" + x + "-" + d));
            }
            b.node(n.build());
            b.fencing(new Fencing("storage-" + x, "fence_dummy", Map.of(), Map.of(), Duration.ofSeconds(60)));
        }
        b.node(Node.builder("quorum", NodeRole.QUORUM).nodeId(3).address("management", "10.99.20.3/24")
                .address("storage", "10.99.10.3/24").corosyncLinks("management", "storage").build());
        return b.pool(new Pool("lab-pool", Map.of(), Map.of()))
                .corosync(new CorosyncTiming(Duration.ofMillis(3000), Optional.empty(), Duration.ofMillis(1000), 20, Duration.ofMillis(650)))
                .iscsi(new IscsiSettings(Optional.empty(), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(2),
                        Duration.ofSeconds(2), Optional.empty()))
                .placement(new Placement("storage-a", 100, 200, Duration.ofSeconds(150), Duration.ofSeconds(90))).build();
    }

    static String res(String name) {
        try (InputStream in = StatusCommandTest.class.getResourceAsStream("/status/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ReplayExecutor.Builder node(String n) {
        return ReplayExecutor.builder().on(List.of("crm_mon", "-1", "--output-as=xml"), res("healthy-crm_mon-" + n + ".xml"))
                .on(List.of("corosync-quorumtool", "-s"), res("healthy-quorumtool-" + n + ".txt"))
                .on(List.of("corosync-cfgtool", "-s"), res("healthy-cfgtool-" + n + ".txt"));
    }

    /** The lab cluster replayed; storage-a's zpool answers from {@code zpool}; records the options it was called with. */
    static StatusCommand.Connector replay(String zpool, List<String> calls) {
        return (d, network, user) -> {
            calls.add(network + "/" + user);
            List<String> status = List.of("zpool", "status", "-v", "lab-pool");
            Map<String, org.sansdk.core.Executor> inv = new LinkedHashMap<>();
            inv.put("storage-a", node("storage-a").on(status, res(zpool))
                    .on(SESSIONS, "tcp: [1] 10.99.10.2:3260,1 iqn.2025-01.lab.san:storage-b (non-flash)\n").build());
            inv.put("storage-b", node("storage-b").on(status, CommandResult.of(1, "", "cannot open 'lab-pool': no such pool\n"))
                    .on(SESSIONS, "tcp: [2] 10.99.10.1:3260,1 iqn.2025-01.lab.san:storage-a (non-flash)\n").build());
            inv.put("quorum", node("quorum").build());
            Map<String, NodeCapabilities> caps = new LinkedHashMap<>();
            for (Node n : d.nodes()) {
                caps.put(n.name(), new NodeCapabilities(n.name(), DistroFamily.DEBIAN, "debian", Optional.of("12"), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of()));
            }
            return SanCluster.of(d, inv, caps);
        };
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(StatusCommand.Connector connector, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cl = new CommandLine(new StatusCommand(p -> design(), connector));
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Promtool promtool(String body) throws IOException, InterruptedException {
        Path p = RealTools.requireFrom("promtool", "prometheus");
        Process pr = new ProcessBuilder(p.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (OutputStream in = pr.getOutputStream()) {
            in.write(body.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(pr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(pr.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Promtool(pr.exitValue(), out);
    }

    record Promtool(int exit, String output) {
    }

    @Test
    void healthyClusterPrintsOkAndExitsZero() {
        List<String> calls = new ArrayList<>();
        Run r = run(replay("healthy-zpool-storage-a.txt", calls), "design.yml", "--network", "storage", "--user", "admin");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("san-lab: OK\n");
        assertThat(calls).containsExactly("storage/admin");
    }

    @Test
    void degradedPoolExitsWithWarningAndNamesThePeersLegs() {
        Run r = run(replay("degraded-zpool-storage-a.txt", new ArrayList<>()), "design.yml");
        assertThat(r.exit()).isEqualTo(StatusCommand.WARNING);
        assertThat(r.out()).startsWith("san-lab: WARNING\n  WARNING POOL-DEGRADED [storage-a] pool lab-pool is DEGRADED on storage-a;"
                + " storage-b's legs: data-b-0 OFFLINE, data-b-1 OFFLINE (zpool status -v lab-pool)");
    }

    @Test
    void jsonCarriesFindingsWithTheirArgvAndTheViews() throws Exception {
        Run r = run(replay("degraded-zpool-storage-a.txt", new ArrayList<>()), "design.yml", "--json");
        assertThat(r.exit()).isEqualTo(StatusCommand.WARNING);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("cluster").asText()).isEqualTo("san-lab");
        assertThat(j.get("overall").asText()).isEqualTo("WARNING");
        assertThat(j.get("findings").get(0).get("code").asText()).isEqualTo("POOL-DEGRADED");
        assertThat(j.get("findings").get(0).get("command").toString()).isEqualTo("[\"zpool\",\"status\",\"-v\",\"lab-pool\"]");
        assertThat(j.get("pool").get("state").asText()).isEqualTo("DEGRADED");
        assertThat(j.get("pool").get("legs").get(1).get("owner").asText()).isEqualTo("storage-b");
        assertThat(j.get("pacemaker").get("dc").asText()).isEqualTo("storage-a");
        assertThat(j.get("nodes")).hasSize(3);
        assertThat(j.get("nodes").get(2).get("corosync").get("total_votes").asInt()).isEqualTo(3);
    }

    @Test
    void prometheusOutputIsAcceptedByPromtool() throws Exception {
        Run r = run(replay("degraded-zpool-storage-a.txt", new ArrayList<>()), "design.yml", "--prometheus");
        assertThat(r.exit()).isEqualTo(StatusCommand.WARNING);
        assertThat(r.out()).contains("zfs_pool_health{pool=\"lab-pool\"} 1\n", "ha_cluster_corosync_quorate 1\n");
        Promtool p = promtool(r.out());
        assertThat(p.exit()).as(p.output()).isZero();
        assertThat(p.output()).isBlank();
    }

    @Test
    void usageAndFailures() {
        assertThat(run(replay("healthy-zpool-storage-a.txt", new ArrayList<>()), "design.yml", "--json", "--prometheus").exit())
                .isEqualTo(2);
        assertThat(run(replay("healthy-zpool-storage-a.txt", new ArrayList<>()), "design.yml", "--bound", "0s").exit()).isEqualTo(2);
        Run failed = run((d, n, u) -> {
            throw new SanException("no address on network 'nowhere' for [storage-a, storage-b, quorum]");
        }, "design.yml", "--network", "nowhere");
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.err()).isEqualTo("sanctl status: no address on network 'nowhere' for [storage-a, storage-b, quorum]\n");
    }

    @Test
    void sanctlRegistersStatusAndExporter() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertThat(new Sanctl(ps, ps).run(List.of("status", "--help"))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: sanctl status", "--prometheus", "--json");
        out.reset();
        assertThat(new Sanctl(ps, ps).run(List.of("exporter", "--help"))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: sanctl exporter", "--listen");
    }

    @Test
    void exporterGathersOnEachScrapeAndPromtoolAcceptsTheBody() throws Exception {
        List<String> calls = new ArrayList<>();
        ExporterCommand cmd = new ExporterCommand(p -> design(), replay("degraded-zpool-storage-a.txt", calls));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (ExporterCommand.Running r = cmd.start(design(), new InetSocketAddress("127.0.0.1", 0), Duration.ofSeconds(5))) {
            URI metrics = URI.create("http://127.0.0.1:" + r.address().getPort() + "/metrics");
            HttpResponse<String> first = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> second = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
            assertThat(first.body()).contains("zfs_pool_health{pool=\"lab-pool\"} 1\n",
                    "san_health_finding{code=\"POOL-DEGRADED\",node=\"storage-a\",severity=\"warning\"} 1\n");
            assertThat(second.body()).isEqualTo(first.body());
            assertThat(calls).hasSize(2);
            Promtool p = promtool(first.body());
            assertThat(p.exit()).as(p.output()).isZero();
            assertThat(p.output()).isBlank();
            HttpResponse<String> other = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + r.address().getPort()
                    + "/nothing")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(other.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void exporterServesAGatheringFailureAsAFinding() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        ExporterCommand cmd = new ExporterCommand(p -> design(), (d, n, u) -> {
            tries.incrementAndGet();
            throw new SanException("no address on network 'management' for [quorum]");
        });
        HttpClient http = HttpClient.newHttpClient();
        try (ExporterCommand.Running r = cmd.start(design(), new InetSocketAddress("127.0.0.1", 0), Duration.ofSeconds(5))) {
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + r.address().getPort()
                    + "/metrics")).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(res.statusCode()).isEqualTo(200);
            assertThat(res.body()).contains("san_health_finding{code=\"EXPORTER-ERROR\",node=\"\",severity=\"critical\"} 1\n",
                    "san_health_overall{cluster=\"san-lab\"} 3\n");
            assertThat(tries.get()).isEqualTo(1);
            Promtool p = promtool(res.body());
            assertThat(p.exit()).as(p.output()).isZero();
        }
    }

    @Test
    void listenAddresses() {
        assertThat(ExporterCommand.address("127.0.0.1:9664").getPort()).isEqualTo(9664);
        assertThat(ExporterCommand.address(":0").getAddress().isAnyLocalAddress()).isTrue();
        assertThat(ExporterCommand.address("[::1]:80").getAddress().isLoopbackAddress()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ExporterCommand.address("localhost"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HOST:PORT");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ExporterCommand.address("h:70000"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range");
    }
}
