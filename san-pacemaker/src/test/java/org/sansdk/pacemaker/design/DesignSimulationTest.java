package org.sansdk.pacemaker.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.core.CommandResult;
import org.sansdk.pacemaker.Tools;
import org.sansdk.pacemaker.cib.Cib;
import org.sansdk.pacemaker.cib.CibWriter;
import org.sansdk.pacemaker.cib.Configuration;
import org.sansdk.pacemaker.ops.Pcs;
import org.sansdk.pacemaker.sim.CrmSimulate;
import org.sansdk.pacemaker.sim.CrmSimulateParser;
import org.sansdk.pacemaker.sim.Simulation;
import org.sansdk.pacemaker.sim.TransitionStep;
import org.sansdk.pacemaker.sim.VerifyResult;
import org.sansdk.pacemaker.status.ClusterStatus;
import org.sansdk.pacemaker.status.MonResource;

/**
 * Proves the design's intent with the real Pacemaker scheduler (crm_simulate) on the CIB we generate.
 * Every CIB written or produced along the way must pass crm_verify.
 */
class DesignSimulationTest {

    private static final List<String> SERVICES = List.of("zfs-pool", "vip-enduser", "vip-hypervisor", "sync-iscsi-luns",
            "nfs-server", "smb-server", "vip-cockpit", "cockpit-service");

    @TempDir
    Path dir;
    Path base;

    @BeforeEach
    void writeGeneratedCib() throws Exception {
        Configuration conf = SanResourceSet.configuration(DesignFixtures.documentExample().build());
        base = dir.resolve("generated.xml");
        Files.writeString(base, CibWriter.toXml(Cib.of(conf)));
        Path verify = dir.resolve("generated-online.xml");
        Files.writeString(verify, CibWriter.toXml(Cib.of(conf).withAllNodesOnline()));
        assertValid(verify);
    }

    private static void assertValid(Path cib) {
        VerifyResult r = VerifyResult.of(Tools.run(VerifyResult.command(cib)));
        assertThat(r.outcome()).as("crm_verify %s: %s", cib.getFileName(), r.messages()).isEqualTo(VerifyResult.Outcome.VALID);
    }

    private Simulation simulate(CrmSimulate sim, Path out) {
        return simulate(sim, out, true);
    }

    private Simulation simulate(CrmSimulate sim, Path out, boolean expectValid) {
        CommandResult r = Tools.runOk(sim.saveTo(out).toCommand());
        if (expectValid) {
            assertValid(out);
        }
        Simulation s = CrmSimulateParser.parse("crm_simulate", r.stdout());
        assertThat(s.resultCode()).isZero();
        return s;
    }

    /** All three nodes join: the cluster's first start. */
    private Path allUp() {
        Path s1 = dir.resolve("s1-all-up.xml");
        simulate(CrmSimulate.on(base).withQuorum().nodeUp("storage-a").nodeUp("storage-b").nodeUp("quorum"), s1);
        return s1;
    }

    private static void assertAllOn(ClusterStatus s, String node) {
        for (String r : SERVICES) {
            assertThat(s.runningOn(r)).as(r).containsExactly(node);
        }
    }

    /** No storage resource on the quorum node; a fencing device never on the node it fences (the quorum node may run it). */
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
    void allNodesUp_everythingOnPreferredStorageNode_nothingOnQuorum() {
        Simulation s = simulate(CrmSimulate.on(base).withQuorum().nodeUp("storage-a").nodeUp("storage-b").nodeUp("quorum"),
                dir.resolve("s1.xml"));
        ClusterStatus after = s.after().orElseThrow();
        assertAllOn(after, "storage-a");
        assertNothingOnQuorum(after);
        // each fencing device runs on a node it does not fence: the real scheduler spreads them (quorum node, storage-a)
        assertThat(after.runningOn("fence-storage-a")).containsExactly("quorum");
        assertThat(after.runningOn("fence-storage-b")).containsExactly("storage-a");
        assertThat(s.fencedNodes()).isEmpty();
        assertThat(s.indexOf("zfs-pool", "start")).isLessThan(s.indexOf("vip-enduser", "start"));
        assertThat(s.indexOf("zfs-pool", "start")).isLessThan(s.indexOf("vip-cockpit", "start"));
    }

    @Test
    void storageAFails_isFencedThenEverythingRunsOnStorageB() {
        Path s1 = allUp();
        Simulation s = simulate(CrmSimulate.on(s1).withQuorum().fail("storage-a"), dir.resolve("s2.xml"));
        assertThat(s.fencedNodes()).containsExactly("storage-a");
        assertThat(s.actions()).anySatisfy(a -> {
            assertThat(a.isFencing()).isTrue();
            assertThat(a.node()).isEqualTo("storage-a");
        });
        int fence = s.transition().indexOf(s.transition().stream().filter(t -> t.kind() == TransitionStep.Kind.FENCING).findFirst().orElseThrow());
        assertThat(fence).isLessThan(s.indexOf("zfs-pool", "start"));
        ClusterStatus after = s.after().orElseThrow();
        assertAllOn(after, "storage-b");
        assertNothingOnQuorum(after);
    }

    @Test
    void storageAReturns_nothingMovesBack() {
        Path s1 = allUp();
        Path s2 = dir.resolve("s2.xml");
        simulate(CrmSimulate.on(s1).withQuorum().fail("storage-a"), s2);
        Simulation s = simulate(CrmSimulate.on(s2).withQuorum().nodeUp("storage-a"), dir.resolve("s3.xml"));
        // nothing moves back: the fencing devices already run on the quorum node and storage-b
        assertThat(s.changedResources()).isEmpty();
        assertThat(s.fencedNodes()).isEmpty();
        assertAllOn(s.after().orElseThrow(), "storage-b");
        assertNothingOnQuorum(s.after().orElseThrow());
    }

    @Test
    void standbyOfActiveNode_movesEverythingWithoutFencing() {
        Path s1 = allUp();
        Tools.runOk(Pcs.file(s1).nodeStandby("storage-a"));
        Simulation s = simulate(CrmSimulate.on(s1).withQuorum(), dir.resolve("s4.xml"));
        assertThat(s.fencedNodes()).isEmpty();
        assertThat(s.actions()).noneMatch(a -> a.isFencing());
        assertThat(s.after().orElseThrow().node("storage-a").orElseThrow().standby()).isTrue();
        assertAllOn(s.after().orElseThrow(), "storage-b");
        assertNothingOnQuorum(s.after().orElseThrow());
        // clean handoff: every service stops before the pool is exported, the pool is imported before any service starts
        int poolStop = s.indexOf("zfs-pool", "stop");
        int poolStart = s.indexOf("zfs-pool", "start");
        assertThat(poolStop).isNotNegative().isLessThan(poolStart);
        for (String svc : SERVICES.subList(1, SERVICES.size())) {
            assertThat(s.indexOf(svc, "stop")).as(svc + " stop").isBetween(0, poolStop);
            assertThat(s.indexOf(svc, "start")).as(svc + " start").isGreaterThan(poolStart);
        }
    }

    @Test
    void failedPoolMonitor_recoversTheChainInOrderOnTheSameNode() {
        Path s1 = allUp();
        Simulation s = simulate(CrmSimulate.on(s1).withQuorum().inject("zfs-pool", "monitor", 10000, "storage-a", 7),
                dir.resolve("s5.xml"));
        assertThat(s.fencedNodes()).isEmpty();
        assertThat(s.actions()).anySatisfy(a -> {
            assertThat(a.action()).isEqualTo("recover");
            assertThat(a.resource()).isEqualTo("zfs-pool");
        });
        int poolStop = s.indexOf("zfs-pool", "stop");
        int poolStart = s.indexOf("zfs-pool", "start");
        for (String svc : SERVICES.subList(1, SERVICES.size())) {
            assertThat(s.indexOf(svc, "stop")).as(svc + " stop").isBetween(0, poolStop);
            assertThat(s.indexOf(svc, "start")).as(svc + " start").isGreaterThan(poolStart);
        }
        // the group stops in reverse and starts in its own order
        assertThat(s.indexOf("smb-server", "stop")).isLessThan(s.indexOf("vip-enduser", "stop"));
        assertThat(s.indexOf("vip-enduser", "start")).isLessThan(s.indexOf("smb-server", "start"));
        assertAllOn(s.after().orElseThrow(), "storage-a");
        assertNothingOnQuorum(s.after().orElseThrow());
    }

    @Test
    void failedPoolStop_fencesStorageAThenMovesToStorageB() {
        Path s1 = allUp();
        Path s6 = dir.resolve("s6.xml");
        Simulation first = simulate(CrmSimulate.on(s1).withQuorum().inject("zfs-pool", "monitor", 10000, "storage-a", 7)
                .failOp("zfs-pool", "stop", 0, "storage-a", 1), s6, false);
        // the state after a failed stop is one crm_verify warns about: the node must be fenced
        VerifyResult v = VerifyResult.of(Tools.run(VerifyResult.command(s6).toBuilder().arg("-VVVV").build()));
        assertThat(v.outcome()).isEqualTo(VerifyResult.Outcome.WARNINGS);
        assertThat(String.join("\n", v.messages())).contains("storage-a will be fenced: zfs-pool failed there");
        assertThat(first.indexOf("zfs-pool", "stop")).isNotNegative();
        assertThat(first.indexOf("zfs-pool", "start")).isEqualTo(-1);
        Simulation s = simulate(CrmSimulate.on(s6).withQuorum(), dir.resolve("s7.xml"));
        assertThat(s.fencedNodes()).containsExactly("storage-a");
        assertThat(s.actions()).anySatisfy(a -> {
            assertThat(a.isFencing()).isTrue();
            assertThat(a.reason()).contains("zfs-pool failed");
        });
        int fence = 0;
        while (s.transition().get(fence).kind() != TransitionStep.Kind.FENCING) {
            fence++;
        }
        assertThat(fence).isLessThan(s.indexOf("zfs-pool", "start"));
        assertAllOn(s.after().orElseThrow(), "storage-b");
        assertNothingOnQuorum(s.after().orElseThrow());
    }

    @Test
    void designAsWritten_placesPoolAndServicesOnDifferentNodesAndCockpitOnQuorum() throws Exception {
        // the document's pcs commands (smart plug replaced by fence_dummy: pcs rejects external/smart-plug), in its order
        Path cib = dir.resolve("as-written.xml");
        Files.writeString(cib, Tools.runOk(org.sansdk.core.Command.of("cibadmin", "--empty")).stdout());
        for (String[] n : new String[][] {{"1", "storage-a"}, {"2", "storage-b"}, {"3", "quorum"}}) {
            Tools.runOk(org.sansdk.core.Command.builder("cibadmin").args("-C", "-o", "nodes", "-X",
                    "<node id=\"" + n[0] + "\" uname=\"" + n[1] + "\"/>").env("CIB_file", cib.toString()).build());
        }
        List<List<String>> doc = List.of(
                List.of("property", "set", "stonith-enabled=true"),
                List.of("stonith", "create", "fence-a", "fence_dummy", "pcmk_host_list=storage-a"),
                List.of("stonith", "create", "fence-b", "fence_dummy", "pcmk_host_list=storage-b"),
                List.of("resource", "create", "zfs-pool", "ocf:heartbeat:ZFS", "pool=san-pool", "op", "start", "timeout=150s", "op", "stop", "timeout=90s"),
                List.of("resource", "create", "vip-enduser", "ocf:heartbeat:IPaddr2", "ip=10.30.30.10", "cidr_netmask=24", "nic=eth-enduser", "op", "monitor", "interval=10s"),
                List.of("resource", "create", "nfs-server", "systemd:nfs-kernel-server", "op", "start", "timeout=30s", "op", "stop", "timeout=30s", "--force"),
                List.of("resource", "group", "add", "san-services", "vip-enduser", "nfs-server"),
                List.of("resource", "create", "vip-cockpit", "ocf:heartbeat:IPaddr2", "ip=10.20.20.10", "cidr_netmask=24", "nic=eth-mgmt", "op", "monitor", "interval=10s"),
                List.of("resource", "create", "cockpit-service", "systemd:cockpit.socket", "op", "start", "timeout=30s", "op", "stop", "timeout=30s", "--force"),
                List.of("resource", "group", "add", "cockpit-group", "vip-cockpit", "cockpit-service"),
                List.of("constraint", "order", "zfs-pool", "then", "san-services"),
                List.of("constraint", "order", "zfs-pool", "then", "cockpit-group"),
                List.of("constraint", "location", "san-services", "rule", "score=-INFINITY", "#uname", "eq", "quorum"),
                List.of("constraint", "location", "san-services", "prefers", "storage-a=100"),
                List.of("resource", "defaults", "update", "resource-stickiness=200"));
        for (List<String> args : doc) {
            Tools.runOk(org.sansdk.core.Command.builder("pcs").args("-f", cib.toString()).args(args).build());
        }
        // the document's smart plug agent does not exist: pcs refuses it
        CommandResult smart = Tools.run(org.sansdk.core.Command.of("pcs", "-f", cib.toString(), "stonith", "create", "fence-x",
                "external/smart-plug", "ip=smart-plug-a-ip", "plug=1", "pcmk_host_list=storage-a"));
        assertThat(smart.exitCode()).isEqualTo(1);
        Cib parsed = org.sansdk.pacemaker.cib.CibParser.parse("as-written", Files.readString(cib));
        assertThat(SanResourceSet.checkIntent(parsed.configuration(), List.of("storage-a", "storage-b"), "quorum", "zfs-pool"))
                .extracting(org.sansdk.core.Violation::ruleId)
                .contains("PCMK-INTENT-004", "PCMK-INTENT-005", "PCMK-INTENT-006");
        Simulation s = simulate(CrmSimulate.on(cib).withQuorum().nodeUp("storage-a").nodeUp("storage-b").nodeUp("quorum"),
                dir.resolve("as-written-up.xml"));
        ClusterStatus after = s.after().orElseThrow();
        // the real scheduler splits the pool from its services: the bug our colocation fixes
        assertThat(after.runningOn("zfs-pool")).isNotEqualTo(after.runningOn("vip-enduser"));
        assertThat(after.runningOn("vip-cockpit")).containsExactly("quorum");
    }

    static java.util.stream.Stream<SanResourceSpec> variants() {
        return java.util.stream.Stream.of(
                DesignFixtures.documentExample().build(),
                SanResourceSpec.builder().vip("enduser", "10.30.30.10/24", "eth-enduser").services(SanService.NFS)
                        .fencing(FencingDevice.of("storage-a", "fence_dummy", java.util.Map.of()))
                        .fencing(FencingDevice.of("storage-b", "fence_dummy", java.util.Map.of())).build(),
                SanResourceSpec.builder().pool("tank").storageNodes("san1", "san2").quorumNode("arbiter").preferredNode("san2", 50)
                        .stickiness(1000).vip("hypervisor", "10.40.40.10/24", "eth-hv").vip("v6", "fd00:40::10/64", "eth-hv")
                        .services(SanService.ISCSI)
                        .fencing(FencingDevice.ipmi("san1", "10.20.20.101", "admin", org.sansdk.core.Secret.of("pw1")))
                        .fencing(FencingDevice.ipmi("san2", "10.20.20.102", "admin", org.sansdk.core.Secret.of("pw2"))).build());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("variants")
    void generatedVariants_verifyCleanly_andStartEverythingOnThePreferredNode(SanResourceSpec d) throws Exception {
        Configuration conf = SanResourceSet.configuration(d);
        assertThat(SanResourceSet.checkIntent(conf, d.storageNodes(), d.quorumNode(), "zfs-pool")).isEmpty();
        Path online = dir.resolve("variant-online.xml");
        Files.writeString(online, CibWriter.toXml(Cib.of(conf).withAllNodesOnline()));
        assertValid(online);
        Path cib = dir.resolve("variant.xml");
        Files.writeString(cib, CibWriter.toXml(Cib.of(conf)));
        Simulation s = simulate(CrmSimulate.on(cib).withQuorum().nodeUp(d.storageNodes().get(0)).nodeUp(d.storageNodes().get(1))
                .nodeUp(d.quorumNode()), dir.resolve("variant-up.xml"));
        ClusterStatus after = s.after().orElseThrow();
        for (org.sansdk.pacemaker.cib.Primitive p : conf.primitives()) {
            if (!p.isFencingDevice()) {
                assertThat(after.runningOn(p.id())).as(p.id()).containsExactly(d.preferredNode());
            }
        }
        for (org.sansdk.pacemaker.cib.Primitive p : conf.primitives()) {
            if (p.isFencingDevice()) {
                assertThat(after.runningOn(p.id())).as(p.id()).hasSize(1).doesNotContainAnyElementsOf(SanResourceSet.fencedNodes(p));
            }
        }
    }

    @Test
    void simulate_commandArgv_isWhatTheToolExpects() {
        assertThat(CrmSimulate.on(Path.of("c.xml")).withQuorum().fail("storage-a").inject("zfs-pool", "monitor", 10000, "storage-a", 7)
                .saveTo(Path.of("o.xml")).toCommand().argv())
                .containsExactly("crm_simulate", "-x", "c.xml", "-S", "-q", "1", "-f", "storage-a", "-i", "zfs-pool_monitor_10000@storage-a=7",
                        "-O", "o.xml", "--output-as=xml");
    }
}
