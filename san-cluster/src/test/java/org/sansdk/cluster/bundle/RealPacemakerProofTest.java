package org.sansdk.cluster.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.cluster.map.ReferenceDesign;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.testing.RealTools;
import org.sansdk.core.testing.TestExecutors;
import org.sansdk.pacemaker.cib.Cib;
import org.sansdk.pacemaker.cib.CibParser;
import org.sansdk.pacemaker.cib.CibWriter;
import org.sansdk.pacemaker.cib.Configuration;
import org.sansdk.pacemaker.cib.Resource;
import org.sansdk.pacemaker.sim.CrmSimulate;
import org.sansdk.pacemaker.sim.CrmSimulateParser;
import org.sansdk.pacemaker.sim.Simulation;
import org.sansdk.pacemaker.sim.VerifyResult;
import org.sansdk.pacemaker.status.ClusterStatus;
import org.sansdk.pacemaker.status.MonResource;

/**
 * The rendered cib.xml through the real Pacemaker tools: crm_verify, then crm_simulate for the first start and for
 * the failure of the active node; and pcs-setup.sh run through /bin/sh against an empty CIB file with the real pcs.
 */
class RealPacemakerProofTest {
    static final Bundle BUNDLE = BundleRenderer.create().render(ReferenceDesign.resolved());
    static final List<String> SERVICES = List.of("zfs-pool", "vip-enduser", "vip-hypervisor", "sync-iscsi-luns", "nfs-server",
            "smb-server");

    @TempDir
    Path dir;
    Path cib;

    @BeforeEach
    void writeTheBundle() throws IOException {
        RealTools.requireFrom("crm_verify", "pacemaker-cli-utils");
        RealTools.requireFrom("crm_simulate", "pacemaker-cli-utils");
        BUNDLE.writeTo(dir.resolve("bundle"));
        cib = dir.resolve("bundle/storage-a/root/san-bundle/cib.xml");
    }

    private static VerifyResult verify(Path file) {
        return VerifyResult.of(TestExecutors.local().run(VerifyResult.command(file)));
    }

    /** The rendered file with the three nodes online (crm_verify checks placement too). */
    private Path online(Path file) throws IOException {
        Cib parsed = CibParser.parse(file.getFileName().toString(), Files.readString(file));
        Path p = dir.resolve("online-" + file.getFileName());
        Files.writeString(p, CibWriter.toXml(parsed.withAllNodesOnline()));
        return p;
    }

    private Simulation simulate(CrmSimulate sim, Path out) {
        CommandResult r = TestExecutors.local().runChecked(sim.saveTo(out).toCommand());
        assertThat(verify(out).outcome()).isEqualTo(VerifyResult.Outcome.VALID);
        return CrmSimulateParser.parse("crm_simulate", r.stdout());
    }

    private static void assertNothingOnQuorum(ClusterStatus s) {
        for (MonResource p : s.primitives()) {
            if (p.id().startsWith("fence-")) {
                assertThat(p.nodes()).as(p.id()).doesNotContain(p.id().substring("fence-".length()));
            } else {
                assertThat(p.nodes()).as(p.id()).doesNotContain("quorum");
            }
        }
    }

    @Test
    void crmVerifyAcceptsTheRenderedCib() throws IOException {
        // as rendered (no status section) crm_verify only warns that the nodes are unclean and there is no quorum
        VerifyResult asRendered = verify(cib);
        assertThat(asRendered.outcome()).as("%s", asRendered.messages()).isNotEqualTo(VerifyResult.Outcome.ERRORS);
        VerifyResult up = verify(online(cib));
        assertThat(up.outcome()).as("%s", up.messages()).isEqualTo(VerifyResult.Outcome.VALID);
    }

    @Test
    void placementPutsEveryServiceOnOneStorageNode() {
        Simulation s = simulate(CrmSimulate.on(cib).withQuorum().nodeUp("storage-a").nodeUp("storage-b").nodeUp("quorum"),
                dir.resolve("s1.xml"));
        ClusterStatus after = s.after().orElseThrow();
        for (String r : SERVICES) {
            assertThat(after.runningOn(r)).as(r).containsExactly("storage-a");   // the design's preferred node
        }
        assertNothingOnQuorum(after);
        assertThat(s.fencedNodes()).isEmpty();
        assertThat(s.indexOf("zfs-pool", "start")).isLessThan(s.indexOf("vip-enduser", "start"));
    }

    @Test
    void activeNodeFailureIsFencedThenMoved() {
        Path s1 = dir.resolve("s1.xml");
        simulate(CrmSimulate.on(cib).withQuorum().nodeUp("storage-a").nodeUp("storage-b").nodeUp("quorum"), s1);
        Simulation s = simulate(CrmSimulate.on(s1).withQuorum().fail("storage-a"), dir.resolve("s2.xml"));
        assertThat(s.fencedNodes()).containsExactly("storage-a");
        ClusterStatus after = s.after().orElseThrow();
        for (String r : SERVICES) {
            assertThat(after.runningOn(r)).as(r).containsExactly("storage-b");
        }
        assertNothingOnQuorum(after);
        int fence = s.transition().indexOf(s.transition().stream()
                .filter(t -> t.kind() == org.sansdk.pacemaker.sim.TransitionStep.Kind.FENCING).findFirst().orElseThrow());
        assertThat(fence).isLessThan(s.indexOf("zfs-pool", "start"));
    }

    @Test
    void standbyOfTheActiveNodeMovesEverythingWithoutFencing() {
        RealTools.requireFrom("pcs", "pcs");
        Path s1 = dir.resolve("s1.xml");
        simulate(CrmSimulate.on(cib).withQuorum().nodeUp("storage-a").nodeUp("storage-b").nodeUp("quorum"), s1);
        TestExecutors.local().runChecked(org.sansdk.pacemaker.ops.Pcs.file(s1).nodeStandby("storage-a"));
        Simulation s = simulate(CrmSimulate.on(s1).withQuorum(), dir.resolve("s3.xml"));
        assertThat(s.fencedNodes()).isEmpty();
        ClusterStatus after = s.after().orElseThrow();
        for (String r : SERVICES) {
            assertThat(after.runningOn(r)).as(r).containsExactly("storage-b");
        }
        assertNothingOnQuorum(after);
        // the planned sequence the timing model adds up: services stop, pool export, pool import, services start
        int poolStop = s.indexOf("zfs-pool", "stop");
        int poolStart = s.indexOf("zfs-pool", "start");
        assertThat(poolStop).isNotNegative().isLessThan(poolStart);
        for (String svc : SERVICES.subList(1, SERVICES.size())) {
            assertThat(s.indexOf(svc, "stop")).as(svc + " stop").isBetween(0, poolStop);
            assertThat(s.indexOf(svc, "start")).as(svc + " start").isGreaterThan(poolStart);
        }
    }

    @Test
    void pcsScriptBuildsTheSameConfiguration() throws IOException {
        RealTools.requireFrom("pcs", "pcs");
        RealTools.requireFrom("cibadmin", "pacemaker-cli-utils");
        Path bundle = dir.resolve("bundle/storage-a");
        String script = Files.readString(bundle.resolve("root/san-bundle/pcs-setup.sh"));
        // the live-cluster lines become file operations: the work CIB starts as an empty CIB with the three nodes
        Path work = dir.resolve("work.xml");
        String body = script.replace(BundleRenderer.PCS_WORK, work.toString())
                .replace(BundleRenderer.NODE_DIR + "/pcs-stdin/", bundle.resolve("root/san-bundle/pcs-stdin") + "/")
                .replace("pcs cluster cib " + work + "\n", "")
                .replace("pcs cluster cib-push " + work + " --config\n", "")
                .replace("rm -f " + work + "\n", "");
        assertThat(body).doesNotContain(" " + BundleRenderer.NODE_DIR);
        Files.writeString(work, TestExecutors.local().runChecked(Command.of("cibadmin", "--empty")).stdout());
        for (String n : List.of("1:storage-a", "2:storage-b", "3:quorum")) {
            String[] p = n.split(":");
            TestExecutors.local().runChecked(Command.builder("cibadmin").args("-C", "-o", "nodes", "-X",
                    "<node id=\"" + p[0] + "\" uname=\"" + p[1] + "\"/>").env("CIB_file", work.toString()).build());
        }
        Path sh = dir.resolve("pcs-setup-local.sh");
        Files.writeString(sh, body, StandardCharsets.UTF_8);
        CommandResult r = TestExecutors.local().run(Command.builder("/bin/sh").args("-e", sh.toString())
                .timeout(java.time.Duration.ofMinutes(4)).build());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(verify(online(work)).outcome()).isEqualTo(VerifyResult.Outcome.VALID);
        Configuration built = CibParser.parse("work", Files.readString(work)).configuration();
        Configuration rendered = CibParser.parse("cib.xml", Files.readString(dir.resolve("bundle/storage-a/root/san-bundle/cib.xml")))
                .configuration();
        assertThat(built.resources()).extracting(Resource::id).containsExactlyElementsOf(
                rendered.resources().stream().map(Resource::id).toList());
        assertThat(built.constraints()).hasSameSizeAs(rendered.constraints());
        // the fence password came in through cibadmin's stdin file, never an argv
        assertThat(Files.readString(work)).contains("Bmc-a-password-3");
        assertThat(script).doesNotContain("Bmc-a-password-3");
    }
}
