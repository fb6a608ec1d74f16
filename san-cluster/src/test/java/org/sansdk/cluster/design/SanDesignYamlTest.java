package org.sansdk.cluster.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sansdk.core.IpCidr;
import org.sansdk.core.Iqn;
import org.sansdk.core.Size;
import org.sansdk.zfs.HostId;

class SanDesignYamlTest {
    static final Path REFERENCE = Path.of("..", "examples", "designs", "reference.yml");

    static String reference() throws IOException {
        return Files.readString(REFERENCE);
    }

    /** 1-based line of the first occurrence of {@code snippet} in {@code text}. */
    static int lineOf(String text, String snippet) {
        int i = text.indexOf(snippet);
        assertThat(i).as("snippet %s in the text", snippet).isNotNegative();
        return (int) text.substring(0, i).chars().filter(c -> c == '\n').count() + 1;
    }

    static String replaced(String text, String from, String to) {
        assertThat(text).contains(from);
        return text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    static DesignException.Problem onlyProblem(String text) {
        try {
            SanDesignYaml.parse("reference.yml", text);
        } catch (DesignException e) {
            assertThat(e.problems()).hasSize(1);
            return e.problems().get(0);
        }
        throw new AssertionError("no DesignException");
    }

    @Test
    void theReferenceDesignReadsAsWritten() {
        SanDesign d = SanDesignYaml.read(REFERENCE);
        assertThat(d.clusterName()).isEqualTo("san-cluster");
        assertThat(d.networks()).containsExactly(new Network("storage", 10, IpCidr.parse("10.10.10.0/24"), 9000),
                new Network("management", 20, IpCidr.parse("10.20.20.0/24"), 1500));
        ClientVlanSpec enduser = d.clientVlans().get(0);
        assertThat(enduser.name()).isEqualTo("enduser");
        assertThat(enduser.id()).isEqualTo(30);
        assertThat(enduser.mtu()).isEqualTo(9000);
        assertThat(enduser.vip()).isEqualTo(IpCidr.parse("10.30.30.10/24"));
        assertThat(enduser.services()).containsExactly(ClientService.NFS, ClientService.SMB);
        ClientVlanSpec hv = d.clientVlans().get(1);
        assertThat(hv.id()).isEqualTo(40);
        assertThat(hv.vip()).isEqualTo(IpCidr.parse("10.40.40.10/24"));
        assertThat(hv.services()).containsExactly(ClientService.ISCSI, ClientService.SSH);
        assertThat(hv.dataset()).contains("iscsi/hypervisor");
        assertThat(hv.access()).isEqualTo(new IscsiAccess.GenerateNodeAcls(Optional.of(
                new ChapLogin("proxmox-shared", new SecretRef("hypervisor-tpg-chap")))));

        Node a = d.node("storage-a").orElseThrow();
        assertThat(a.role()).isEqualTo(NodeRole.STORAGE);
        assertThat(a.nodeId()).isEqualTo(1);
        assertThat(a.hostId()).isEqualTo(new HostId(0x7d1c0a01L));
        assertThat(a.addresses()).containsExactly(
                java.util.Map.entry("management", IpCidr.parse("10.20.20.1/24")),
                java.util.Map.entry("storage", IpCidr.parse("10.10.10.1/24")),
                java.util.Map.entry("enduser", IpCidr.parse("10.30.30.1/24")),
                java.util.Map.entry("hypervisor", IpCidr.parse("10.40.40.1/24")));
        assertThat(a.backendTargetIqn()).contains(Iqn.parse("iqn.2025-01.lab.home:storage-a"));
        assertThat(a.initiatorIqn()).contains(Iqn.parse("iqn.2025-01.lab.home:initiator-a"));
        assertThat(a.disks()).hasSize(12);
        assertThat(a.disks().get(0)).isEqualTo(new Disk("/dev/disk/by-id/ata-REPLACE_STORAGE_A_DISK_00", "data-a-a"));
        assertThat(a.disks().get(11).partlabel()).isEqualTo("data-a-l");
        Node b = d.node("storage-b").orElseThrow();
        assertThat(b.disks()).hasSize(12);
        assertThat(b.address("storage")).contains(IpCidr.parse("10.10.10.2/24"));
        Node q = d.quorumNode().orElseThrow();
        assertThat(q.name()).isEqualTo("quorum");
        assertThat(q.corosyncLinks()).containsExactly("management", "storage");
        assertThat(q.address("storage")).contains(IpCidr.parse("10.10.10.3/24"));
        assertThat(d.qdevice()).isEmpty();

        assertThat(d.pool().name()).isEqualTo("san-pool");
        assertThat(d.pool().properties()).containsExactly(java.util.Map.entry("multihost", "on"),
                java.util.Map.entry("ashift", "12"), java.util.Map.entry("autotrim", "on"));
        assertThat(d.pool().filesystemProperties()).containsEntry("atime", "off").containsEntry("compression", "lz4");
        assertThat(d.datasets()).extracting(DatasetSpec::name).containsExactly("nfs", "smb", "iscsi", "iscsi/hypervisor", "k3s-pv");
        assertThat(d.datasets().get(0).nfs()).contains(new NfsShare("enduser", java.util.List.of("rw", "sync",
                "no_subtree_check", "root_squash")));
        assertThat(d.datasets().get(1).smb()).contains(new SmbShare("enduser", "shared", SmbShare.Access.READ_WRITE,
                java.util.List.of("@smbusers")));
        assertThat(d.datasets().get(2).nfs()).isEmpty();
        assertThat(d.datasets().get(4).nfs().orElseThrow().vlan()).isEqualTo("enduser");
        assertThat(d.zvols()).containsExactly(new ZvolSpec("iscsi/hypervisor/vm-disk-01", Size.parse("100G"),
                Optional.of(Size.parse("64K"))));
        assertThat(d.corosync()).isEqualTo(new CorosyncTiming(Duration.ofMillis(4000), Optional.empty(),
                Duration.ofMillis(1000), 20, Duration.ofMillis(650)));
        assertThat(d.iscsi().replacementTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(d.iscsi().loginTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.iscsi().noopOutInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(d.iscsi().clientTargetIqn()).contains(Iqn.parse("iqn.2025-01.lab.home.client:san-client-target"));
        assertThat(d.iscsi().backendChap().orElseThrow().forward()).isEqualTo(new ChapLogin("iscsi-repl-user",
                new SecretRef("backend-chap")));
        assertThat(d.fencing()).extracting(Fencing::node, Fencing::agent).containsExactly(
                org.assertj.core.groups.Tuple.tuple("storage-a", "fence_ipmilan"),
                org.assertj.core.groups.Tuple.tuple("storage-b", "fence_ipmilan"));
        assertThat(d.fencing().get(1).parameters()).containsEntry("ip", "10.20.20.102");
        assertThat(d.placement()).isEqualTo(new Placement("storage-a", 100, 200, Duration.ofSeconds(150), Duration.ofSeconds(90)));
        assertThat(d.zfsTunables()).containsEntry("zfs_multihost_interval", "1000").containsEntry("zfs_resilver_min_time_ms", "27000").doesNotContainKey("zfs_txg_timeout");
        assertThat(d.sysctl()).containsEntry("net.ipv4.ip_nonlocal_bind", "1")
                .containsEntry("net.ipv4.tcp_rmem", "4096 87380 16777216");
        assertThat(d.secretReferences().values()).extracting(SecretRef::name).containsExactly("hypervisor-tpg-chap",
                "backend-chap", "backend-mutual-chap", "fence-storage-a-password", "fence-storage-b-password");
    }

    @Test
    void anExportOnAVlanWithoutThatService_isLocatedAtItsVlanKey() throws IOException {
        String text = replaced(reference(), "    nfs: {vlan: enduser, options: [rw, sync, no_subtree_check, root_squash]}\n  - name: smb",
                "    nfs: {vlan: hypervisor, options: [rw]}\n  - name: smb");
        DesignException.Problem p = onlyProblem(text);
        assertThat(p.path()).isEqualTo("datasets[0].nfs.vlan");
        assertThat(p.message()).contains("does not offer nfs");
        String share = replaced(reference(), "share: shared,", "share: global,");
        assertThat(onlyProblem(share).path()).isEqualTo("datasets[1].smb.share");
        String on = replaced(reference(), "properties: {sharenfs: \"off\"}", "properties: {sharenfs: \"on\"}");
        assertThat(onlyProblem(on).message()).contains("exports to everyone");
    }

    @Test
    void anUnknownKeyIsRefusedWithItsLineAndTheNearestKey() throws IOException {
        String text = replaced(reference(), "    vlan: 10\n", "    vlna: 10\n");
        try {
            SanDesignYaml.parse("reference.yml", text);
            throw new AssertionError("accepted");
        } catch (DesignException e) {
            assertThat(e.problems()).extracting(DesignException.Problem::path)
                    .containsExactly("networks[0].vlna", "networks[0].vlan");
            DesignException.Problem p = e.problems().get(0);
            assertThat(p.line()).isEqualTo(lineOf(text, "vlna"));
            assertThat(p.column()).isEqualTo(5);
            assertThat(p.source()).isEqualTo("reference.yml");
            assertThat(p.message()).contains("did you mean 'vlan'?");
            assertThat(e.problems().get(1).message()).contains("required key 'vlan' is missing");
            assertThat(e.problems().get(1).line()).isEqualTo(lineOf(text, "  - name: storage "));
        }
    }

    @Test
    void aWrongTypeIsRefusedWithItsLine() throws IOException {
        String text = replaced(reference(), "    mtu: 1500\n", "    mtu: [1500]\n");
        DesignException.Problem p = onlyProblem(text);
        assertThat(p.path()).isEqualTo("networks[1].mtu");
        assertThat(p.line()).isEqualTo(lineOf(text, "mtu: [1500]"));
        assertThat(p.message()).contains("expected an integer, found a list");
        String t2 = replaced(reference(), "  token: 4000ms\n", "  token: 4000\n");
        DesignException.Problem p2 = onlyProblem(t2);
        assertThat(p2.path()).isEqualTo("corosync.token");
        assertThat(p2.line()).isEqualTo(lineOf(t2, "token: 4000\n"));
        assertThat(p2.message()).contains("a duration with its unit");
    }

    @Test
    void serviceOrdering_readsGroupOrByDependency_andRefusesAnythingElseAtItsLine() throws IOException {
        assertThat(SanDesignYaml.parse("reference.yml", reference()).serviceOrdering())
                .isEqualTo(org.sansdk.pacemaker.design.ServiceOrdering.GROUP);
        String by = replaced(reference(), "  preferred_node: storage-a\n", "  preferred_node: storage-a\n  service_ordering: by_dependency\n");
        assertThat(SanDesignYaml.parse("reference.yml", by).serviceOrdering())
                .isEqualTo(org.sansdk.pacemaker.design.ServiceOrdering.BY_DEPENDENCY);
        String bad = replaced(reference(), "  preferred_node: storage-a\n", "  preferred_node: storage-a\n  service_ordering: parallel\n");
        DesignException.Problem p = onlyProblem(bad);
        assertThat(p.path()).isEqualTo("placement.service_ordering");
        assertThat(p.line()).isEqualTo(lineOf(bad, "service_ordering: parallel"));
        assertThat(p.message()).contains("group or by_dependency").contains("'parallel'");
    }

    @Test
    void fenceSecrets_readsCibOrCibsecret_andRefusesAnythingElseAtItsLine() throws IOException {
        assertThat(SanDesignYaml.parse("reference.yml", reference()).fenceSecrets()).isEqualTo(FenceSecretStore.CIB);
        String with = reference().replace("\nplacement:\n", "\nfence_secrets: cibsecret\n\nplacement:\n");
        assertThat(with).isNotEqualTo(reference());
        assertThat(SanDesignYaml.parse("reference.yml", with).fenceSecrets()).isEqualTo(FenceSecretStore.CIBSECRET);
        String bad = reference().replace("\nplacement:\n", "\nfence_secrets: vault\n\nplacement:\n");
        DesignException.Problem p = onlyProblem(bad);
        assertThat(p.path()).isEqualTo("fence_secrets");
        assertThat(p.line()).isEqualTo(lineOf(bad, "fence_secrets: vault"));
        assertThat(p.message()).contains("cib or cibsecret").contains("'vault'");
    }

    @Test
    void aReservedPoolNameIsRefusedAtItsKey() throws IOException {
        // 'mirror' is a vdev keyword: zpool create refuses it as a pool name (the rule moved here from san-pacemaker)
        String text = replaced(reference(), "  name: san-pool\n", "  name: mirror\n");
        try {
            SanDesignYaml.parse("reference.yml", text);
            throw new AssertionError("no DesignException");
        } catch (DesignException e) {
            DesignException.Problem p = e.problems().stream().filter(x -> x.path().equals("pool.name")).findFirst().orElseThrow();
            assertThat(p.message()).contains("\"mirror\" is a reserved pool name");
            assertThat(p.line()).isEqualTo(lineOf(text, "  name: mirror\n"));
        }
    }

    @Test
    void aMissingRequiredKeyIsReportedAtItsMapping() throws IOException {
        String text = replaced(reference(), "  name: san-pool\n", "");
        DesignException.Problem p = onlyProblem(text);
        assertThat(p.path()).isEqualTo("pool.name");
        assertThat(p.line()).isEqualTo(lineOf(text, "  properties:\n    multihost"));
        assertThat(p.message()).contains("required key 'name' is missing");
    }

    @Test
    void aDuplicateKeyIsRefusedWithItsLine() throws IOException {
        String text = replaced(reference(), "  join: 1000ms\n", "  join: 1000ms\n  token: 3000ms\n");
        assertThatThrownBy(() -> SanDesignYaml.parse("reference.yml", text))
                .isInstanceOfSatisfying(DesignParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(lineOf(text, "  token: 3000ms"));
                    assertThat(e.keyPath()).isEqualTo("corosync.token");
                    assertThat(e.source()).isEqualTo("reference.yml");
                    assertThat(e.getMessage()).contains("duplicate key 'token'");
                });
    }

    @Test
    void malformedYamlAnAliasAndAnEmptyFileAreParseErrors() throws IOException {
        String bad = replaced(reference(), "cluster_name: san-cluster\n", "cluster_name: [san-cluster\n");
        assertThatThrownBy(() -> SanDesignYaml.parse("d.yml", bad)).isInstanceOfSatisfying(DesignParseException.class,
                e -> assertThat(e.line()).isGreaterThanOrEqualTo(lineOf(bad, "cluster_name: [")));
        String alias = replaced(reference(), "cluster_name: san-cluster\n", "cluster_name: &n san-cluster\n");
        String alias2 = replaced(alias, "  preferred_node: storage-a\n", "  preferred_node: *n\n");
        assertThatThrownBy(() -> SanDesignYaml.parse("d.yml", alias2)).isInstanceOfSatisfying(DesignParseException.class, e -> {
            assertThat(e.line()).isEqualTo(lineOf(alias2, "*n"));
            assertThat(e.keyPath()).isEqualTo("placement.preferred_node");
        });
        assertThatThrownBy(() -> SanDesignYaml.parse("d.yml", "")).isInstanceOfSatisfying(DesignParseException.class,
                e -> assertThat(e.line()).isEqualTo(1));
        assertThatThrownBy(() -> SanDesignYaml.parse("d.yml", "- a\n- b\n")).isInstanceOfSatisfying(DesignException.class,
                e -> assertThat(e.problems().get(0).message()).contains("expected a mapping"));
    }

    @Test
    void aPasswordWrittenInTheFileIsRefusedWithoutEchoingIt() throws IOException {
        String text = replaced(reference(), "password: {secret: backend-chap}", "password: hunter2-plain");
        DesignException.Problem p = onlyProblem(text);
        assertThat(p.path()).isEqualTo("iscsi.backend_chap.password");
        assertThat(p.line()).isEqualTo(lineOf(text, "hunter2-plain"));
        assertThat(p.message()).contains("never written in the design file").doesNotContain("hunter2");
    }

    @Test
    void consistencyProblemsAreLocatedInTheFile() throws IOException {
        String text = replaced(reference(), "    vip: 10.40.40.10/24\n", "    vip: 10.50.50.10/24\n");
        text = replaced(text, "      storage: 10.10.10.3/24", "      storage: 10.10.11.3/24");
        String t = text;
        assertThatThrownBy(() -> SanDesignYaml.parse("reference.yml", t)).isInstanceOfSatisfying(DesignException.class, e -> {
            assertThat(e.problems()).extracting(DesignException.Problem::path)
                    .containsExactly("client_vlans[1].vip", "nodes[2].addresses.storage");
            assertThat(e.problems()).extracting(DesignException.Problem::line)
                    .containsExactly(lineOf(t, "10.50.50.10"), lineOf(t, "10.10.11.3"));
        });
    }

    @Test
    void aBareAddressTakesItsNetworksPrefix() throws IOException {
        String text = replaced(reference(), "      management: 10.20.20.3/24\n", "      management: 10.20.20.3\n");
        SanDesign d = SanDesignYaml.parse("reference.yml", text);
        assertThat(d.quorumNode().orElseThrow().address("management")).contains(IpCidr.parse("10.20.20.3/24"));
        assertThat(List.of(d.quorumNode().orElseThrow().nodeId())).containsExactly(3);
    }
}
