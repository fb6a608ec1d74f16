package org.sansdk.pacemaker.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sansdk.core.Command;
import org.sansdk.core.Secret;
import org.sansdk.core.ValidationException;
import org.sansdk.core.Violation;
import org.sansdk.pacemaker.cib.ColocationConstraint;
import org.sansdk.pacemaker.cib.Configuration;
import org.sansdk.pacemaker.cib.Group;
import org.sansdk.pacemaker.cib.LocationConstraint;
import org.sansdk.pacemaker.cib.NvSet;
import org.sansdk.pacemaker.cib.OrderConstraint;
import org.sansdk.pacemaker.cib.Primitive;
import org.sansdk.pacemaker.ops.Pcs;

class SanResourceSetTest {

    private static final List<String> STORAGE = List.of("storage-a", "storage-b");

    private static List<String> ruleIds(Runnable r) {
        try {
            r.run();
        } catch (ValidationException e) {
            return e.violations().stream().map(Violation::ruleId).toList();
        }
        return List.of();
    }

    @Test
    void configuration_documentExample_buildsPoolGroupsAndFencing() {
        Configuration c = SanResourceSet.configuration(DesignFixtures.documentExample().build());
        Primitive pool = (Primitive) c.resource("zfs-pool").orElseThrow();
        assertThat(pool.agent()).hasToString("ocf:heartbeat:ZFS");
        assertThat(pool.param("pool")).contains("san-pool");
        assertThat(pool.operations()).anySatisfy(o -> {
            assertThat(o.name()).isEqualTo("start");
            assertThat(o.timeout()).isEqualTo("150s");
        });
        Group services = (Group) c.resource("san-services").orElseThrow();
        assertThat(services.members()).extracting(Primitive::id)
                .containsExactly("vip-enduser", "vip-hypervisor", "sync-iscsi-luns", "nfs-server", "smb-server");
        assertThat(services.members().get(0).param("nic")).contains("eth-enduser");
        assertThat(services.members().get(3).agent()).hasToString("systemd:nfs-kernel-server");
        assertThat(((Group) c.resource("cockpit-group").orElseThrow()).members()).extracting(Primitive::id)
                .containsExactly("vip-cockpit", "cockpit-service");
        assertThat(c.constraints(ColocationConstraint.class)).extracting(ColocationConstraint::rsc)
                .containsExactly("san-services", "cockpit-group");
        assertThat(c.constraints(OrderConstraint.class)).extracting(OrderConstraint::then)
                .containsExactly("san-services", "cockpit-group");
        assertThat(c.constraints(LocationConstraint.class)).contains(LocationConstraint.prefers("zfs-pool", "storage-a", "100"),
                LocationConstraint.prefers("fence-storage-a", "storage-a", "-INFINITY"));
        assertThat(NvSet.lookup(c.rscDefaults(), "resource-stickiness")).contains("200");
        assertThat(c.property("stonith-enabled")).contains("true");
        assertThat(((Primitive) c.resource("fence-storage-b").orElseThrow()).param("pcmk_host_list")).contains("storage-b");
    }

    @Test
    void checkIntent_generatedConfiguration_hasNoViolations() {
        Configuration c = SanResourceSet.configuration(DesignFixtures.documentExample().build());
        assertThat(SanResourceSet.checkIntent(c, STORAGE, "quorum", "zfs-pool")).isEmpty();
    }

    @Test
    void checkIntent_withoutColocation_reportsServicesMayRunAwayFromPool() {
        Configuration c = SanResourceSet.configuration(DesignFixtures.documentExample().build());
        Configuration orderOnly = c.toBuilder().constraints(c.constraints().stream().filter(x -> !(x instanceof ColocationConstraint)).toList()).build();
        assertThat(SanResourceSet.checkIntent(orderOnly, STORAGE, "quorum", "zfs-pool"))
                .extracting(Violation::ruleId, Violation::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PCMK-INTENT-006", "resources.san-services"),
                        org.assertj.core.groups.Tuple.tuple("PCMK-INTENT-006", "resources.cockpit-group"));
    }

    @Test
    void checkIntent_stonithDisabledAndNoQuorumBans_reportsEach() {
        Configuration c = SanResourceSet.configuration(DesignFixtures.documentExample().build());
        Configuration broken = c.toBuilder().crmConfig(List.of(NvSet.of("cluster_property_set", "cib-bootstrap-options", List.of(new org.sansdk.pacemaker.cib.NvPair("p", "stonith-enabled", "false"))))).constraints(c.constraints().stream().filter(x -> !(x instanceof LocationConstraint)).toList()).build();
        List<String> ids = SanResourceSet.checkIntent(broken, STORAGE, "quorum", "zfs-pool").stream().map(Violation::ruleId).toList();
        assertThat(ids).contains("PCMK-INTENT-001", "PCMK-INTENT-004", "PCMK-INTENT-005");
        // the pool and both groups; fencing devices are exempt (the quorum node may run them)
        assertThat(SanResourceSet.checkIntent(broken, STORAGE, "quorum", "zfs-pool")).filteredOn(v -> v.ruleId().equals("PCMK-INTENT-005"))
                .extracting(Violation::path).containsExactly("resources.zfs-pool", "resources.san-services", "resources.cockpit-group");
        assertThatThrownBy(() -> SanResourceSet.requireIntent(broken, STORAGE, "quorum", "zfs-pool"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("PCMK-INTENT-001");
    }

    @Test
    void configuration_noFencingForStorageB_isRefusedWithIntent003() {
        SanResourceSpec d = DesignFixtures.documentExample().build();
        SanResourceSpec oneFence = new SanResourceSpec(d.poolName(), d.importTimeout(), d.exportTimeout(),
                d.poolMonitor(), d.storageNodes(), d.quorumNode(), d.preferredNode(), d.preferenceScore(), d.stickiness(), d.vips(),
                d.services(), d.cockpit(), d.fencing().subList(0, 1));
        assertThatThrownBy(() -> SanResourceSet.configuration(oneFence)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                    assertThat(v.ruleId()).isEqualTo("PCMK-INTENT-003");
                    assertThat(v.message()).contains("storage-b");
                }));
    }

    private static Configuration generated() {
        return SanResourceSet.configuration(DesignFixtures.documentExample().build());
    }

    private static Configuration with(Configuration c, List<org.sansdk.pacemaker.cib.NvSet> props, List<org.sansdk.pacemaker.cib.Resource> rs,
                                      List<org.sansdk.pacemaker.cib.Constraint> cs) {
        return c.toBuilder().crmConfig(props).resources(rs).constraints(cs).build();
    }

    private static List<org.sansdk.pacemaker.cib.Constraint> without(Configuration c, java.util.function.Predicate<org.sansdk.pacemaker.cib.Constraint> drop) {
        return c.constraints().stream().filter(drop.negate()).toList();
    }

    /** Each intent rule broken alone on the generated configuration gives exactly that rule (and can fail). */
    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> singleBreaks() {
        Configuration c = generated();
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("PCMK-INTENT-001", "crm_config.stonith-enabled",
                        with(c, List.of(NvSet.of("cluster_property_set", "cib-bootstrap-options",
                                List.of(new org.sansdk.pacemaker.cib.NvPair("x", "stonith-enabled", "false")))), c.resources(), c.constraints())),
                org.junit.jupiter.params.provider.Arguments.of("PCMK-INTENT-002", "resources.zfs-pool",
                        with(c, c.crmConfig(), c.resources().stream().filter(r -> !r.id().equals("zfs-pool")).toList(),
                                without(c, x -> x instanceof LocationConstraint l && "zfs-pool".equals(l.rsc())))),
                org.junit.jupiter.params.provider.Arguments.of("PCMK-INTENT-003", "resources",
                        with(c, c.crmConfig(), c.resources().stream().filter(r -> !r.id().equals("fence-storage-b")).toList(),
                                without(c, x -> x instanceof LocationConstraint l && "fence-storage-b".equals(l.rsc())))),
                org.junit.jupiter.params.provider.Arguments.of("PCMK-INTENT-004", "resources.fence-storage-a",
                        with(c, c.crmConfig(), c.resources(), without(c, x -> x instanceof LocationConstraint l
                                && "fence-storage-a".equals(l.rsc()) && "storage-a".equals(l.node())))),
                org.junit.jupiter.params.provider.Arguments.of("PCMK-INTENT-005", "resources.zfs-pool",
                        with(c, c.crmConfig(), c.resources(), without(c, x -> x instanceof LocationConstraint l
                                && "zfs-pool".equals(l.rsc()) && !l.rules().isEmpty()))),
                org.junit.jupiter.params.provider.Arguments.of("PCMK-INTENT-008", "resources.colocation-san-services-zfs-pool-INFINITY",
                        with(c, c.crmConfig(), c.resources(), java.util.stream.Stream.concat(c.constraints().stream(),
                                c.constraints().stream().filter(x -> x instanceof ColocationConstraint col && "san-services".equals(col.rsc())))
                                .toList())),
                org.junit.jupiter.params.provider.Arguments.of("PCMK-INTENT-009", "resources.zfs-pool",
                        with(c, c.crmConfig(), c.resources().stream().map(r -> !r.id().equals("zfs-pool") ? r
                                : (org.sansdk.pacemaker.cib.Resource) Primitive.builder("zfs-pool", ((Primitive) r).agent())
                                        .op("monitor", "10s", null).build()).toList(), c.constraints())),
                org.junit.jupiter.params.provider.Arguments.of("PCMK-INTENT-006", "resources.cockpit-group",
                        with(c, c.crmConfig(), c.resources(), without(c, x -> x instanceof ColocationConstraint col
                                && "cockpit-group".equals(col.rsc())))),
                org.junit.jupiter.params.provider.Arguments.of("PCMK-INTENT-007", "resources.san-services",
                        with(c, c.crmConfig(), c.resources(), without(c, x -> x instanceof OrderConstraint o && "san-services".equals(o.then())))));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} {1}")
    @org.junit.jupiter.params.provider.MethodSource("singleBreaks")
    void checkIntent_oneRuleBroken_reportsExactlyThatRule(String ruleId, String path, Configuration broken) {
        assertThat(SanResourceSet.checkIntent(broken, STORAGE, "quorum", "zfs-pool")).extracting(Violation::ruleId, Violation::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ruleId, path));
        assertThatThrownBy(() -> SanResourceSet.requireIntent(broken, STORAGE, "quorum", "zfs-pool"))
                .isInstanceOf(ValidationException.class).hasMessageContaining(ruleId);
    }

    @Test
    void checkIntent_fencingDeviceDisabledOrBannedFromThePeer_cannotFence() {
        Configuration c = generated();
        List<org.sansdk.pacemaker.cib.Resource> disabled = c.resources().stream().map(r -> !r.id().equals("fence-storage-b") ? r
                : (org.sansdk.pacemaker.cib.Resource) Primitive.builder("fence-storage-b", ((Primitive) r).agent())
                        .instance("pcmk_host_list", "storage-b").meta("target-role", "Stopped").op("monitor", "60s", null).build()).toList();
        assertThat(SanResourceSet.checkIntent(with(c, c.crmConfig(), disabled, c.constraints()), STORAGE, "quorum", "zfs-pool"))
                .singleElement().satisfies(v -> {
                    assertThat(v.ruleId()).isEqualTo("PCMK-INTENT-003");
                    assertThat(v.message()).contains("storage-b", "disabled");
                });
        // banned from the peer only: the quorum node still runs it (it was the fencing delegate on the real 3-node cluster)
        List<org.sansdk.pacemaker.cib.Constraint> bannedFromPeer = new java.util.ArrayList<>(c.constraints());
        bannedFromPeer.add(LocationConstraint.prefers("fence-storage-a", "storage-b", "-INFINITY"));
        assertThat(SanResourceSet.checkIntent(with(c, c.crmConfig(), c.resources(), bannedFromPeer), STORAGE, "quorum", "zfs-pool")).isEmpty();
        List<org.sansdk.pacemaker.cib.Constraint> bannedEverywhere = new java.util.ArrayList<>(bannedFromPeer);
        bannedEverywhere.add(LocationConstraint.prefers("fence-storage-a", "quorum", "-INFINITY"));
        assertThat(SanResourceSet.checkIntent(with(c, c.crmConfig(), c.resources(), bannedEverywhere), STORAGE, "quorum", "zfs-pool"))
                .extracting(Violation::ruleId, Violation::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PCMK-INTENT-003", "resources"));
    }

    @Test
    void generated_fencingDevicesBannedOnlyFromTheNodeTheyFence_andMayRunOnQuorum() {
        Configuration c = generated();
        assertThat(c.constraints(LocationConstraint.class)).filteredOn(l -> l.rsc().startsWith("fence-"))
                .extracting(LocationConstraint::rsc, LocationConstraint::node, LocationConstraint::score)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("fence-storage-a", "storage-a", "-INFINITY"),
                        org.assertj.core.groups.Tuple.tuple("fence-storage-b", "storage-b", "-INFINITY"));
        assertThat(SanResourceSet.checkIntent(c, STORAGE, "quorum", "zfs-pool")).isEmpty();
    }

    @Test
    void checkIntent_emptyGroup_isIntent010() {
        Configuration c = generated();
        List<org.sansdk.pacemaker.cib.Resource> rs = new java.util.ArrayList<>(c.resources());
        rs.add(new org.sansdk.pacemaker.cib.Group("empty-g", List.of(), List.of()));
        assertThat(SanResourceSet.checkIntent(with(c, c.crmConfig(), rs, c.constraints()), STORAGE, "quorum", "zfs-pool"))
                .filteredOn(v -> v.path().equals("resources.empty-g")).extracting(Violation::ruleId)
                .containsExactly("PCMK-INTENT-010", "PCMK-INTENT-005", "PCMK-INTENT-006", "PCMK-INTENT-007");
    }

    @Test
    void checkIntent_advisoryOrderOrColocationScoreBelowInfinity_doesNotCount() {
        Configuration c = generated();
        List<org.sansdk.pacemaker.cib.Constraint> weak = new java.util.ArrayList<>(without(c, x -> (x instanceof OrderConstraint o
                && "san-services".equals(o.then())) || (x instanceof ColocationConstraint col && "san-services".equals(col.rsc()))));
        weak.add(new OrderConstraint("o-weak", "zfs-pool", "san-services", "start", "start", "Optional", null, null, List.of()));
        weak.add(new ColocationConstraint("c-weak", "san-services", "zfs-pool", "1000", null, null, null, List.of()));
        assertThat(SanResourceSet.checkIntent(with(c, c.crmConfig(), c.resources(), weak), STORAGE, "quorum", "zfs-pool"))
                .extracting(Violation::ruleId).containsExactlyInAnyOrder("PCMK-INTENT-006", "PCMK-INTENT-007");
    }

    @Test
    void validateDesign_smartPlugAgentFromTheDocument_isRejected() {
        SanResourceSpec d = SanResourceSpec.builder().vip("enduser", "10.30.30.10/24", "eth-enduser")
                .fencing(FencingDevice.of("storage-a", "external/smart-plug", Map.of("ip", "smart-plug-a-ip", "plug", "1")))
                .fencing(FencingDevice.of("storage-b", "fence_dummy", Map.of())).build();
        assertThat(ruleIds(() -> SanResourceSet.validateDesign(d, a -> !a.equals("external/smart-plug")))).containsExactly("PCMK-FENCE-002");
        assertThatThrownBy(() -> SanResourceSet.validateDesign(d, a -> !a.equals("external/smart-plug")))
                .hasMessageContaining("no such cluster-glue plugin");
    }

    @Test
    void installedFenceAgents_realNode_knowsFenceDummyAndRejectsTheSmartPlug() {
        java.util.function.Predicate<String> installed = SanResourceSet.installedFenceAgents(org.sansdk.pacemaker.Tools.executor());
        assertThat(installed.test("fence_dummy")).isTrue();
        assertThat(installed.test("fence_ipmilan")).isTrue();
        assertThat(installed.test("fence_no_such_agent")).isFalse();
        // crm_resource prints placeholder metadata (exit 0) for this one; the plugin file decides
        assertThat(installed.test("external/smart-plug")).isFalse();
        assertThat(installed.test("external/../../../bin/sh")).isFalse();
        SanResourceSet.validateDesign(DesignFixtures.documentExample().build(), installed);
    }

    @Test
    void validateDesign_missingFencingAndLowStickiness_listsAllRules() {
        // build() itself validates (all rules but "agent installed", which needs the nodes)
        assertThat(ruleIds(() -> SanResourceSpec.builder().pool("mirror").stickiness(100).preferredNode("storage-a", 100)
                .vip("enduser", "10.30.30.10/24", "eth-enduser").vip("enduser", "10.30.30.10/24", "eth-x")
                .fencing(FencingDevice.of("storage-a", "fence_ipmilan", Map.of())).build()))
                .containsExactlyInAnyOrder("PCMK-DESIGN-004", "PCMK-FENCE-001", "PCMK-VIP-001", "PCMK-VIP-001");
        assertThat(ruleIds(() -> DesignFixtures.documentExample().fencing(FencingDevice.of("storage-a", "meatware", Map.of())).build()))
                .containsExactlyInAnyOrder("PCMK-FENCE-001", "PCMK-FENCE-002");
        assertThat(ruleIds(() -> SanResourceSet.validateDesign(DesignFixtures.documentExample().build(), a -> false)))
                .containsExactly("PCMK-FENCE-002", "PCMK-FENCE-002");
    }

    @Test
    void validateDesign_quorumNodeAmongStorageNodes_isRejected() {
        assertThat(ruleIds(() -> DesignFixtures.documentExample().quorumNode("storage-b").build())).containsExactly("PCMK-DESIGN-002");
    }

    @Test
    void build_nullQuorumNodeOrNoFencing_refusedAtBuildNotAtPlanTime() {
        // before: both built; the error only came from configuration()/plan()
        assertThat(ruleIds(() -> DesignFixtures.documentExample().quorumNode(null).build())).containsExactly("PCMK-DESIGN-002");
        assertThat(ruleIds(() -> SanResourceSpec.builder().vip("enduser", "10.30.30.10/24", "eth-enduser").build()))
                .containsExactly("PCMK-FENCE-001", "PCMK-FENCE-001");
    }

    @Test
    void configuration_noVipNoServices_hasNoEmptyGroupAndNoConstraintOnIt() throws Exception {
        // the builder refuses this design (PCMK-VIP-002); the record constructor does not validate, the renderer must still not emit an empty group
        assertThat(ruleIds(() -> DesignFixtures.documentExample().build())).isEmpty();
        SanResourceSpec ok = DesignFixtures.documentExample().build();
        SanResourceSpec bare = new SanResourceSpec(ok.poolName(), ok.importTimeout(), ok.exportTimeout(), ok.poolMonitor(), ok.storageNodes(),
                ok.quorumNode(), ok.preferredNode(), ok.preferenceScore(), ok.stickiness(), List.of(), java.util.Set.of(), java.util.Optional.empty(),
                ok.fencing());
        assertThat(ruleIds(() -> SanResourceSpec.builder().fencing(ok.fencing().get(0)).fencing(ok.fencing().get(1)).build()))
                .containsExactly("PCMK-VIP-002");
        Configuration c = SanResourceSet.configuration(bare);
        assertThat(c.resources()).extracting(org.sansdk.pacemaker.cib.Resource::id).containsExactly("fence-storage-a", "fence-storage-b", "zfs-pool");
        assertThat(c.constraints()).noneMatch(x -> String.valueOf(x).contains("san-services"));
        assertThat(SanResourceSet.pcsCommands(bare, Pcs.live())).noneMatch(cmd -> cmd.argv().contains("san-services"));
        // the real crm_verify accepts it (it refused the empty <group> before: Relax-NG)
        java.nio.file.Path f = java.nio.file.Files.createTempFile("bare", ".xml");
        try {
            java.nio.file.Files.writeString(f, org.sansdk.pacemaker.cib.CibWriter.toXml(org.sansdk.pacemaker.cib.Cib.of(c).withAllNodesOnline()));
            org.sansdk.core.CommandResult r = org.sansdk.pacemaker.Tools.run(org.sansdk.pacemaker.sim.VerifyResult.command(f));
            assertThat(r.exitCode()).as(r.stderr()).isZero();
        } finally {
            java.nio.file.Files.deleteIfExists(f);
        }
    }

    @Test
    void validateDesign_documentExample_passes() {
        SanResourceSet.validateDesign(DesignFixtures.documentExample().poolTimeouts(Duration.ofSeconds(150), Duration.ofSeconds(90)).build(),
                a -> a.equals("fence_dummy"));
    }

    @Test
    void pcsCommands_fencePassword_goesToCibadminStdinNotArgv() {
        SanResourceSpec d = DesignFixtures.documentExample().build();
        FencingDevice ipmi = FencingDevice.of("storage-a", "fence_ipmilan", Map.of("ip", "10.20.20.101", "username", "admin"))
                .withSecret("password", Secret.of("hunter2"));
        SanResourceSpec withIpmi = new SanResourceSpec(d.poolName(), d.importTimeout(), d.exportTimeout(), d.poolMonitor(),
                d.storageNodes(), d.quorumNode(), d.preferredNode(), d.preferenceScore(), d.stickiness(), d.vips(), d.services(),
                d.cockpit(), List.of(ipmi, d.fencing().get(1)));
        List<Command> cmds = SanResourceSet.pcsCommands(withIpmi, Pcs.live());
        assertThat(cmds).allSatisfy(c -> assertThat(String.join(" ", c.argv()) + c.env() + c).doesNotContain("hunter2"));
        Command stonith = cmds.stream().filter(c -> c.program().equals("cibadmin")).findFirst().orElseThrow();
        assertThat(stonith.argv()).containsExactly("cibadmin", "--create", "--scope", "resources", "--xml-pipe");
        assertThat(stonith.stdinIsSecret()).isTrue();
        assertThat(new String(stonith.stdin().orElseThrow(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("id=\"fence-storage-a\"", "name=\"password\" value=\"hunter2\"", "value=\"10.20.20.101\"", "value=\"storage-a\"");
        // fence-storage-b (fence_dummy, no secret) is still a pcs command
        assertThat(cmds).anySatisfy(c -> assertThat(c.argv()).startsWith("pcs", "stonith", "create", "fence-storage-b", "fence_dummy"));
        Command optIn = SanResourceSet.pcsCommands(withIpmi, Pcs.live().withSecretsOnArgv()).stream()
                .filter(c -> c.argv().contains("fence-storage-a") && c.argv().contains("create")).findFirst().orElseThrow();
        assertThat(optIn.argv()).contains("password=hunter2", "ip=10.20.20.101", "pcmk_host_list=storage-a");
        assertThat(optIn.toString()).doesNotContain("hunter2").contains("password=****");
        assertThat(ipmi.toString()).doesNotContain("hunter2");
        Configuration conf = SanResourceSet.configuration(withIpmi);
        Primitive fence = (Primitive) conf.resource("fence-storage-a").orElseThrow();
        // typed: the model holds the Secret (shown as ****), the CIB XML for Pacemaker holds the value
        assertThat(fence.param("password")).contains("****");
        assertThat(fence.instanceAttributes().get(0).pair("password").orElseThrow().content())
                .isEqualTo(new org.sansdk.pacemaker.cib.NvValue.SecretValue(org.sansdk.core.Secret.of("hunter2")));
        assertThat(org.sansdk.pacemaker.cib.CibWriter.resourceXml(fence)).contains("name=\"password\" value=\"hunter2\"");
        assertThat(conf.toString()).doesNotContain("hunter2").contains("name=password, value=****");
    }

    @Test
    void pcsCommands_documentExample_coloctesAndBansEveryResource() {
        List<List<String>> argv = SanResourceSet.pcsCommands(DesignFixtures.documentExample().build(), Pcs.live()).stream()
                .map(Command::argv).toList();
        assertThat(argv).contains(
                List.of("pcs", "constraint", "colocation", "add", "san-services", "with", "zfs-pool", "INFINITY"),
                List.of("pcs", "constraint", "order", "start", "zfs-pool", "then", "start", "cockpit-group"),
                List.of("pcs", "constraint", "location", "zfs-pool", "rule", "score=-INFINITY", "#uname", "eq", "quorum"),
                List.of("pcs", "constraint", "location", "fence-storage-a", "avoids", "storage-a=INFINITY"),
                List.of("pcs", "resource", "defaults", "update", "resource-stickiness=200"));
        assertThat(argv).filteredOn(a -> a.contains("systemd:smbd")).singleElement()
                .satisfies(a -> assertThat(a).endsWith("--group", "san-services", "--force"));
    }
}
