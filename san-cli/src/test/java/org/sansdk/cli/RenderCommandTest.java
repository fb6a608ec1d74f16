package org.sansdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.cluster.design.BackendChap;
import org.sansdk.cluster.design.ChapLogin;
import org.sansdk.cluster.design.ClientService;
import org.sansdk.cluster.design.ClientVlanSpec;
import org.sansdk.cluster.design.CorosyncTiming;
import org.sansdk.cluster.design.DatasetSpec;
import org.sansdk.cluster.design.DesignSecret;
import org.sansdk.cluster.design.Disk;
import org.sansdk.cluster.design.Fencing;
import org.sansdk.cluster.design.IscsiAccess;
import org.sansdk.cluster.design.IscsiSettings;
import org.sansdk.cluster.design.Network;
import org.sansdk.cluster.design.Node;
import org.sansdk.cluster.design.NodeRole;
import org.sansdk.cluster.design.Placement;
import org.sansdk.cluster.design.Pool;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.cluster.design.SecretRef;
import org.sansdk.core.IpCidr;
import org.sansdk.core.Iqn;
import org.sansdk.core.SanException;
import org.sansdk.core.Secret;
import org.sansdk.zfs.HostId;
import picocli.CommandLine;

class RenderCommandTest {
    static final String PW = "Bmc-secret-value-9";

    @TempDir
    Path dir;

    /** A two-disk design like the document's; the fence password given or as a reference. */
    static SanDesign design(boolean givenSecret) {
        SanDesign.Builder b = SanDesign.builder().clusterName("san-cluster")
                .network(new Network("storage", 10, IpCidr.parse("10.10.10.0/24"), 9000))
                .network(new Network("management", 20, IpCidr.parse("10.20.20.0/24"), 1500))
                .clientVlan(ClientVlanSpec.builder("enduser", 30).subnet("10.30.30.0/24").vip("10.30.30.10/24")
                        .services(ClientService.NFS).build())
                .clientVlan(ClientVlanSpec.builder("hypervisor", 40).subnet("10.40.40.0/24").vip("10.40.40.10/24")
                        .services(ClientService.ISCSI).access(new IscsiAccess.GenerateNodeAcls(Optional.empty()))
                        .dataset("iscsi/hypervisor").build());
        for (String x : List.of("a", "b")) {
            int i = x.equals("a") ? 1 : 2;
            Node.Builder n = Node.builder("storage-" + x, NodeRole.STORAGE).nodeId(i).hostId(new HostId(0x100L + i))
                    .address("management", "10.20.20." + i + "/24").address("storage", "10.10.10." + i + "/24")
                    .corosyncLinks("management", "storage").backendTargetIqn(Iqn.parse("iqn.2025-01.lab.home:storage-" + x))
                    .initiatorIqn(Iqn.parse("iqn.2025-01.lab.home:initiator-" + x));
            n.disk(new Disk("/dev/disk/by-id/ata-" + x + "0", "data-" + x + "-0"));
            n.disk(new Disk("/dev/disk/by-id/ata-" + x + "1", "data-" + x + "-1"));
            b.node(n.build());
            DesignSecret pw = givenSecret ? DesignSecret.of(Secret.of(PW)) : new SecretRef("fence-" + x);
            b.fencing(new Fencing("storage-" + x, "fence_ipmilan", Map.of("ip", "10.20.20.10" + i), Map.of("password", pw),
                    Duration.ofSeconds(60)));
        }
        b.node(Node.builder("quorum", NodeRole.QUORUM).nodeId(3).address("management", "10.20.20.3/24")
                .address("storage", "10.10.10.3/24").corosyncLinks("management", "storage").build());
        return b.pool(new Pool("san-pool", Map.of("multihost", "on"), Map.of()))
                .dataset(new DatasetSpec("iscsi/hypervisor", Map.of()))
                .corosync(new CorosyncTiming(Duration.ofMillis(4000), Optional.empty(), Duration.ofMillis(1000), 20, Duration.ofMillis(650)))
                .iscsi(new IscsiSettings(Optional.of(Iqn.parse("iqn.2025-01.lab.home.client:t")), Duration.ofSeconds(5),
                        Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(2),
                        Optional.of(new BackendChap(new ChapLogin("repl", givenSecret ? DesignSecret.of(Secret.of("Chap-secret-8"))
                                : new SecretRef("backend-chap")), Optional.empty()))))
                .sysctl("net.ipv4.ip_nonlocal_bind", "1")
                .placement(new Placement("storage-a", 100, 200, Duration.ofSeconds(150), Duration.ofSeconds(90))).build();
    }

    @Test
    void aDesignThatBreaksARule_isNotRendered(@TempDir Path dir) {
        SanDesign ok = design(true);
        // storage-b without a fencing device: CLUSTER-STONITH is an error
        SanDesign broken = ok.toBuilder().fencing(List.of(ok.fencing().get(0))).build();
        Path out = dir.resolve("o");
        Run r = run(readerOf(broken), "design.yml", "--out", out.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("ERROR CLUSTER-STONITH").contains("nothing written");
        assertThat(out).doesNotExist();
    }

    record Run(int exit, String out, String err) {
    }

    private Run run(Function<Path, SanDesign> reader, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new RenderCommand(reader));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int rc = cl.execute(args);
        return new Run(rc, out.toString(), err.toString());
    }

    private static Function<Path, SanDesign> readerOf(SanDesign d) {
        return p -> {
            if (!p.getFileName().toString().equals("design.yml")) {
                throw new SanException("cannot read design " + p);
            }
            return d;
        };
    }

    @Test
    void rendersTheBundle_andPrintsASummaryWithoutSecrets() throws Exception {
        Path out = dir.resolve("out");
        Run r = run(readerOf(design(true)), "design.yml", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("rendered san-cluster: ").contains("  storage-a: ").contains("  quorum: 1 files (0 secret)")
                // 44.23 s before the model counted Pacemaker's 1 s wait before fencing and 0.15 s per action (five actions on the chain: +1.75 s)
                .contains("failover: unplanned 45.98 s").contains("rules: 1 finding(s)").doesNotContain(PW).doesNotContain("Chap-secret-8");
        assertThat(out.resolve("MANIFEST.tsv")).exists();
        assertThat(out.resolve("RUNBOOK.md")).exists();
        assertThat(out.resolve("quorum/etc/corosync/corosync.conf")).exists();
        assertThat(Files.readString(out.resolve("storage-a/root/san-bundle/cib.xml"))).contains(PW);
        assertThat(Files.readString(out.resolve("MANIFEST.tsv"))).doesNotContain(PW);
    }

    @Test
    void withoutSecrets_rendersWithoutThem_andNamesTheVariables() {
        Run r = run(readerOf(design(false)), "design.yml", "--out", dir.resolve("o").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("secrets not supplied (files rendered without them): SAN_SECRET_BACKEND_CHAP"
                + " SAN_SECRET_FENCE_A SAN_SECRET_FENCE_B");
    }

    @Test
    void secretsEnv_refusesAMissingSecret_byName() {
        // the test JVM's environment has no SAN_SECRET_FENCE_A
        Run r = run(readerOf(design(false)), "design.yml", "--out", dir.resolve("o").toString(), "--secrets-env");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("fence-a");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void badInputs_giveExitCodes() {
        assertThat(run(readerOf(design(true)), "other.yml", "--out", dir.resolve("o").toString()).err())
                .contains("cannot read design");
        assertThat(run(readerOf(design(true)), "design.yml", "--out", dir.resolve("o").toString(), "--machine-id",
                dir.resolve("none").toString()).exit()).isEqualTo(1);
        assertThat(run(readerOf(design(true)), "design.yml").exit()).isEqualTo(2);
        assertThat(run(readerOf(design(true)), "--help").exit()).isZero();
    }
}
