package org.sansdk.cluster.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.sansdk.cluster.design.AclEntry;
import org.sansdk.cluster.design.AnsibleInventoryImport;
import org.sansdk.cluster.design.ChapLogin;
import org.sansdk.cluster.design.ClientService;
import org.sansdk.cluster.design.ClientVlanSpec;
import org.sansdk.cluster.design.CorosyncTiming;
import org.sansdk.cluster.design.Disk;
import org.sansdk.cluster.design.Fencing;
import org.sansdk.cluster.design.IscsiAccess;
import org.sansdk.cluster.design.IscsiSettings;
import org.sansdk.cluster.design.Node;
import org.sansdk.cluster.design.Placement;
import org.sansdk.cluster.design.Pool;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.cluster.design.SanDesignYaml;
import org.sansdk.cluster.design.SecretRef;
import org.sansdk.cluster.design.SecretSource;
import org.sansdk.core.Iqn;
import org.sansdk.core.Secret;
import org.sansdk.zfs.HostId;

class DesignRulesTest {
    static final SanDesign REF = SanDesignYaml.read(Path.of("..", "examples", "designs", "reference.yml"));

    static List<DesignFinding> findings(SanDesign d, String id) {
        return DesignRules.check(d).stream().filter(f -> f.id().equals(id)).toList();
    }

    static SanDesign withNode(SanDesign d, String name, UnaryOperator<Node> change) {
        List<Node> nodes = new ArrayList<>();
        for (Node n : d.nodes()) {
            nodes.add(n.name().equals(name) ? change.apply(n) : n);
        }
        return d.toBuilder().nodes(nodes).build();
    }

    static Node copy(Node n, java.util.function.Consumer<Node.Builder> edit) {
        Node.Builder b = Node.builder(n.name(), n.role()).nodeId(n.nodeId()).hostId(n.hostId())
                .corosyncLinks(n.corosyncLinks().toArray(String[]::new));
        n.addresses().forEach(b::address);
        n.backendTargetIqn().ifPresent(b::backendTargetIqn);
        n.initiatorIqn().ifPresent(b::initiatorIqn);
        n.disks().forEach(b::disk);
        edit.accept(b);
        return b.build();
    }

    static Node dropLastDisk(Node n) {
        Node.Builder b = Node.builder(n.name(), n.role()).nodeId(n.nodeId()).hostId(n.hostId())
                .corosyncLinks(n.corosyncLinks().toArray(String[]::new));
        n.addresses().forEach(b::address);
        n.backendTargetIqn().ifPresent(b::backendTargetIqn);
        n.initiatorIqn().ifPresent(b::initiatorIqn);
        n.disks().subList(0, n.disks().size() - 1).forEach(b::disk);
        return b.build();
    }

    @Test
    void theReferenceDesignHasNoError() {
        List<DesignFinding> f = DesignRules.check(REF);
        assertThat(f).filteredOn(x -> x.severity() == Severity.ERROR).isEmpty();
        assertThat(DesignRules.hasErrors(f)).isFalse();
        // what remains is known and intended: the node name the design document uses, and secrets not yet supplied
        assertThat(f).extracting(DesignFinding::id).containsExactly("COROSYNC-NODE-NAMED-QUORUM", "CLUSTER-SECRETS-UNCHECKED");
    }

    @Test
    void theCorpusInventoryIsFlaggedForItsOneLinkQuorumNodeAndWhatElseIsWrong() throws URISyntaxException {
        Path dir = Path.of(DesignRulesTest.class.getResource("/ansible-ha-san/inventory.yml").toURI()).getParent();
        List<DesignFinding> f = DesignRules.check(AnsibleInventoryImport.read(dir).design());
        assertThat(f).filteredOn(x -> x.severity() == Severity.ERROR)
                .extracting(DesignFinding::id, DesignFinding::where)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("CLUSTER-COROSYNC-LINKS", "nodes[2].corosync_links"),
                        org.assertj.core.groups.Tuple.tuple("CLUSTER-STONITH", "fencing"),
                        org.assertj.core.groups.Tuple.tuple("CLUSTER-IQN-NAMESPACE", "iscsi.client_target_iqn"),
                        org.assertj.core.groups.Tuple.tuple("CLUSTER-IQN-NAMESPACE", "iscsi.client_target_iqn"),
                        org.assertj.core.groups.Tuple.tuple("CLUSTER-NONLOCAL-BIND", "sysctl.net.ipv4.ip_nonlocal_bind"),
                        org.assertj.core.groups.Tuple.tuple("COROSYNC-LINK-MISMATCH", "corosync.conf nodelist"),
                        org.assertj.core.groups.Tuple.tuple("COROSYNC-CONSENSUS", "corosync.conf totem.consensus"),
                        org.assertj.core.groups.Tuple.tuple("PCMK-FENCE-001", "pacemaker fencing"));
        assertThat(f).filteredOn(x -> x.id().equals("CLUSTER-COROSYNC-LINKS")).singleElement()
                .satisfies(x -> assertThat(x.reason()).contains("quorum has corosync links [management]"));
        assertThat(f).filteredOn(x -> x.id().equals("COROSYNC-CONSENSUS")).singleElement()
                .satisfies(x -> assertThat(x.reason()).contains("4800").contains("5580"));
    }

    @Test
    void mirrorsPairEachLocalDiskWithThePeersSameNumberedLun() {
        assertThat(findings(REF, "CLUSTER-MIRROR")).isEmpty();
        assertThat(DesignRules.remoteLeg(REF, REF.node("storage-a").orElseThrow(), 11)).contains(
                "/dev/disk/by-path/ip-10.10.10.2:3260-iscsi-iqn.2025-01.lab.home:storage-b-lun-11");
        SanDesign fewer = withNode(REF, "storage-b", DesignRulesTest::dropLastDisk);
        assertThat(findings(fewer, "CLUSTER-MIRROR")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.where()).isEqualTo("nodes[0].disks[11]");
        });
        SanDesign clash = withNode(REF, "storage-b", n -> {
            Node.Builder b = Node.builder(n.name(), n.role()).nodeId(n.nodeId()).hostId(n.hostId())
                    .corosyncLinks(n.corosyncLinks().toArray(String[]::new));
            n.addresses().forEach(b::address);
            n.backendTargetIqn().ifPresent(b::backendTargetIqn);
            n.initiatorIqn().ifPresent(b::initiatorIqn);
            for (int i = 0; i < 12; i++) {
                b.disk(new Disk(n.disks().get(i).device(), REF.node("storage-a").orElseThrow().disks().get(i).partlabel()));
            }
            return b.build();
        });
        assertThat(findings(clash, "CLUSTER-MIRROR")).hasSize(24).allMatch(f -> f.severity() == Severity.WARNING);
    }

    @Test
    void multihostNeedsDistinctNonZeroHostIds() {
        assertThat(findings(REF, "CLUSTER-MULTIHOST")).isEmpty();
        SanDesign same = withNode(REF, "storage-b", n -> copy(n, b -> b.hostId(new HostId(0x7d1c0a01L))));
        assertThat(findings(same, "CLUSTER-MULTIHOST")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        SanDesign off = REF.toBuilder().pool(new Pool("san-pool", Map.of("multihost", "off"), Map.of())).build();
        assertThat(findings(off, "CLUSTER-MULTIHOST")).extracting(DesignFinding::severity).containsExactly(Severity.ERROR);
        assertThat(findings(off, "ZFS-CREATE-002")).hasSize(1);
    }

    @Test
    void replacementTimeoutMustBeShorterThanTheMultihostWindow() {
        assertThat(findings(REF, "CLUSTER-ISCSI-TIMEOUT")).isEmpty();
        SanDesign slow = REF.toBuilder().iscsi(REF.iscsi().withReplacementTimeout(Duration.ofSeconds(10))).build();
        assertThat(findings(slow, "CLUSTER-ISCSI-TIMEOUT")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.reason()).contains("10000 ms");
        });
        SanDesign wider = slow.toBuilder().zfsTunable("zfs_multihost_fail_intervals", "20").build();
        assertThat(findings(wider, "CLUSTER-ISCSI-TIMEOUT")).isEmpty();
    }

    @Test
    void poolStartMustOutlastFencingPlusTheActivityCheck() {
        assertThat(findings(REF, "CLUSTER-POOL-START")).isEmpty();
        Placement p = REF.placement();
        SanDesign tight = REF.toBuilder().placement(new Placement(p.preferredNode(), p.preferenceScore(), p.stickiness(),
                Duration.ofSeconds(80), p.poolStopTimeout())).build();
        assertThat(findings(tight, "CLUSTER-POOL-START")).singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("60 s").contains("20000 ms"));
        SanDesign enough = REF.toBuilder().placement(new Placement(p.preferredNode(), p.preferenceScore(), p.stickiness(),
                Duration.ofSeconds(81), p.poolStopTimeout())).build();
        assertThat(findings(enough, "CLUSTER-POOL-START")).isEmpty();
    }

    @Test
    void everyNodeHasTheSameCorosyncLinksWithAnAddressOnEach() {
        assertThat(findings(REF, "CLUSTER-COROSYNC-LINKS")).isEmpty();
        SanDesign oneLink = withNode(REF, "quorum", n -> copy(n, b -> b.corosyncLinks("management")));
        assertThat(findings(oneLink, "CLUSTER-COROSYNC-LINKS")).singleElement()
                .satisfies(f -> assertThat(f.where()).isEqualTo("nodes[2].corosync_links"));
        assertThat(findings(oneLink, "COROSYNC-LINK-MISMATCH")).hasSize(1);
        Node q = REF.quorumNode().orElseThrow();
        Node noStorageAddr = Node.builder("quorum", q.role()).nodeId(3).address("management", "10.20.20.3/24")
                .corosyncLinks("management", "storage").build();
        SanDesign missing = withNode(REF, "quorum", n -> noStorageAddr);
        assertThat(findings(missing, "CLUSTER-COROSYNC-LINKS")).extracting(DesignFinding::where)
                .contains("nodes[2].corosync_links[1]");
    }

    @Test
    void bothStorageNodesNeedExactlyOneFencingDevice() {
        assertThat(findings(REF, "CLUSTER-STONITH")).isEmpty();
        SanDesign one = REF.toBuilder().fencing(List.of(REF.fencing().get(0))).build();
        assertThat(findings(one, "CLUSTER-STONITH")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.reason()).contains("storage-b");
        });
        assertThat(findings(one, "PCMK-FENCE-001")).hasSize(1);
    }

    @Test
    void nothingRunsOnTheQuorumNode() {
        assertThat(DesignRules.check(REF)).noneMatch(f -> f.id().startsWith("PCMK-") || f.id().equals("CLUSTER-QUORUM-NODE"));
        SanDesign client = withNode(REF, "quorum", n -> copy(n, b -> b.address("enduser", "10.30.30.3/24")));
        assertThat(findings(client, "CLUSTER-QUORUM-NODE")).singleElement()
                .satisfies(f -> assertThat(f.where()).isEqualTo("nodes[2].addresses.enduser"));
        List<Fencing> f = new ArrayList<>(REF.fencing());
        f.add(new Fencing("quorum", "fence_ipmilan", Map.of("ip", "10.20.20.103"), Map.of(), Duration.ofSeconds(60)));
        SanDesign fenceQuorum = REF.toBuilder().fencing(f).build();
        assertThat(findings(fenceQuorum, "CLUSTER-STONITH")).singleElement()
                .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.WARNING));
        assertThat(findings(fenceQuorum, "PCMK-FENCE-003")).hasSize(1);
    }

    @Test
    void backendAndClientTargetsLiveInSeparateIqnNamespaces() {
        assertThat(findings(REF, "CLUSTER-IQN-NAMESPACE")).isEmpty();
        IscsiSettings s = REF.iscsi();
        SanDesign shared = REF.toBuilder().iscsi(new IscsiSettings(Optional.of(Iqn.parse("iqn.2025-01.lab.home:san-client-target")),
                s.replacementTimeout(), s.loginTimeout(), s.noopOutInterval(), s.noopOutTimeout(), s.backendChap())).build();
        assertThat(findings(shared, "CLUSTER-IQN-NAMESPACE")).hasSize(2);
        SanDesign reused = REF.toBuilder().iscsi(new IscsiSettings(Optional.of(Iqn.parse("iqn.2025-01.lab.home:storage-a")),
                s.replacementTimeout(), s.loginTimeout(), s.noopOutInterval(), s.noopOutTimeout(), s.backendChap())).build();
        assertThat(findings(reused, "CLUSTER-IQN-NAMESPACE")).extracting(DesignFinding::reason)
                .anyMatch(r -> r.contains("reuses storage-a's backend target IQN"));
        assertThat(DesignRules.check(reused)).anyMatch(f -> f.layer() == Layer.LIO && f.id().equals("LIO-DESIGN-004"));
    }

    @Test
    void vipPortalsNeedNonlocalBind() {
        assertThat(findings(REF, "CLUSTER-NONLOCAL-BIND")).isEmpty();
        SanDesign without = REF.toBuilder().removeSysctl("net.ipv4.ip_nonlocal_bind").build();
        assertThat(findings(without, "CLUSTER-NONLOCAL-BIND")).singleElement()
                .satisfies(f -> assertThat(f.where()).isEqualTo("sysctl.net.ipv4.ip_nonlocal_bind"));
    }

    @Test
    void oneLayer3NetworkHasOneMtu() {
        assertThat(findings(REF, "CLUSTER-MTU")).isEmpty();
        List<ClientVlanSpec> vlans = new ArrayList<>(REF.clientVlans());
        vlans.add(ClientVlanSpec.builder("backup", 50).subnet("10.10.10.0/25").mtu(1500).vip("10.10.10.100/25")
                .services(ClientService.NFS).build());
        SanDesign overlap = REF.toBuilder().clientVlans(vlans).build();
        assertThat(findings(overlap, "CLUSTER-MTU")).singleElement().satisfies(f -> {
            assertThat(f.where()).isEqualTo("client_vlans[2].mtu");
            assertThat(f.reason()).contains("MTU 1500").contains("MTU 9000");
        });
    }

    @Test
    void chapIsPresentWhereTheTpgsNeedIt() {
        assertThat(findings(REF, "CLUSTER-CHAP")).isEmpty();
        ClientVlanSpec hv = REF.clientVlans().get(1);
        ClientVlanSpec mixed = ClientVlanSpec.builder(hv.name(), hv.id()).subnet(hv.subnet()).mtu(hv.mtu()).vip(hv.vip())
                .services(ClientService.ISCSI).dataset(hv.dataset().orElseThrow())
                .access(new IscsiAccess.Acls(List.of(
                        AclEntry.of(Iqn.parse("iqn.2025-01.lab.home:proxmox-a"), new ChapLogin("pa", new SecretRef("pa"))),
                        AclEntry.of(Iqn.parse("iqn.2025-01.lab.home:proxmox-b"))))).build();
        SanDesign d = REF.toBuilder().clientVlans(List.of(REF.clientVlans().get(0), mixed)).build();
        assertThat(findings(d, "CLUSTER-CHAP")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.reason()).contains("only 1 of 2");
        });
        ClientVlanSpec open = ClientVlanSpec.builder(hv.name(), hv.id()).subnet(hv.subnet()).mtu(hv.mtu()).vip(hv.vip())
                .services(ClientService.ISCSI).dataset(hv.dataset().orElseThrow())
                .access(new IscsiAccess.GenerateNodeAcls(Optional.empty())).build();
        SanDesign noChap = REF.toBuilder().clientVlans(List.of(REF.clientVlans().get(0), open)).build();
        assertThat(findings(noChap, "CLUSTER-CHAP")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void removedAndUnsafeZfsTunablesAreWarned() {
        assertThat(findings(REF, "CLUSTER-ZFS-TUNABLE")).isEmpty();
        SanDesign old = REF.toBuilder().zfsTunable("zfs_resilver_delay", "0").zfsTunable("zfs_nocacheflush", "1").build();
        assertThat(findings(old, "CLUSTER-ZFS-TUNABLE")).extracting(DesignFinding::where)
                .containsExactly("zfs_tunables.zfs_resilver_delay", "zfs_tunables.zfs_nocacheflush");
    }

    @Test
    void corosyncTimingGoesThroughSanCorosyncsValidator() {
        assertThat(findings(REF, "COROSYNC-CONSENSUS")).isEmpty();
        CorosyncTiming t = REF.corosync();
        SanDesign doc = REF.toBuilder().corosync(new CorosyncTiming(t.token(), Optional.of(Duration.ofMillis(4800)), t.join(),
                t.maxMessages(), t.tokenCoefficient())).build();
        assertThat(findings(doc, "COROSYNC-CONSENSUS")).singleElement()
                .satisfies(f -> assertThat(f.layer()).isEqualTo(Layer.COROSYNC));
    }

    @Test
    void suppliedChapSecretsGoThroughSanIscsisRulesWithoutBeingPrinted() {
        Map<String, Secret> same = Map.of("backend-chap", Secret.of("Same-Secret-123"), "backend-mutual-chap",
                Secret.of("Same-Secret-123"), "hypervisor-tpg-chap", Secret.of("tpg-secret-4567"),
                "fence-storage-a-password", Secret.of("x"), "fence-storage-b-password", Secret.of("y"));
        List<DesignFinding> f = DesignRules.check(REF.withSecrets(SecretSource.of(same)));
        assertThat(f).filteredOn(x -> x.layer() == Layer.ISCSI && x.severity() == Severity.ERROR).isNotEmpty();
        assertThat(f.toString()).doesNotContain("Same-Secret-123").doesNotContain("tpg-secret-4567");
        Map<String, Secret> good = new java.util.HashMap<>(same);
        good.put("backend-mutual-chap", Secret.of("Other-Secret-89"));
        assertThat(DesignRules.check(REF.withSecrets(SecretSource.of(good)))).noneMatch(x -> x.layer() == Layer.ISCSI);
    }

    @Test
    void aQdeviceDesignIsCheckedWithoutAQuorumNode() {
        SanDesign q = REF.toBuilder().nodes(REF.storageNodes())
                .qdevice(new org.sansdk.cluster.design.Qdevice("10.20.20.3", org.sansdk.corosync.QdeviceAlgorithm.FFSPLIT)).build();
        List<DesignFinding> f = DesignRules.check(q);
        assertThat(f).filteredOn(x -> x.severity() == Severity.ERROR).isEmpty();
        assertThat(f).extracting(DesignFinding::id).contains("CLUSTER-PACEMAKER-QDEVICE").doesNotContain("COROSYNC-NODE-NAMED-QUORUM");
    }
}
