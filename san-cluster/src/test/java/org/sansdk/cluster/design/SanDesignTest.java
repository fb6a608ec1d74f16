package org.sansdk.cluster.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.core.IpCidr;
import org.sansdk.core.Secret;

class SanDesignTest {

    @Test
    void aConsistentDesignBuildsWithItsDefaults() {
        SanDesign d = TestDesigns.small().placement(null).build();
        assertThat(d.storageNodes()).extracting(Node::name).containsExactly("storage-a", "storage-b");
        assertThat(d.quorumNode()).map(Node::name).contains("quorum");
        assertThat(d.peerOf("storage-a")).map(Node::name).contains("storage-b");
        assertThat(d.peerOf("quorum")).isEmpty();
        assertThat(d.placement().preferredNode()).isEqualTo("storage-a");
        assertThat(d.placement().stickiness()).isEqualTo(200);
        assertThat(d.pool().multihost()).isTrue();
        assertThat(d.clientVlan("hypervisor").orElseThrow().offers(ClientService.ISCSI)).isTrue();
    }

    @Test
    void everyProblemIsListedWithItsPath() {
        SanDesign.Builder b = TestDesigns.small();
        List<ClientVlanSpec> vlans = new java.util.ArrayList<>(b.build().clientVlans());
        vlans.set(1, ClientVlanSpec.builder("hypervisor", 30).subnet("10.40.40.0/24").mtu(9000).vip("10.50.50.10/24")
                .services(ClientService.ISCSI).build());
        b.clientVlans(vlans).clusterName("bad name");
        assertThatThrownBy(b::build).isInstanceOfSatisfying(DesignException.class, e -> assertThat(e.problems())
                .extracting(DesignException.Problem::path)
                .containsExactly("cluster_name", "client_vlans[1].id", "client_vlans[1].vip", "client_vlans[1].dataset"));
    }

    @Test
    void nodesAreCheckedAgainstNetworksAndRoles() {
        SanDesign d = TestDesigns.small().build();
        Node a = d.nodes().get(0);
        Node wrong = Node.builder("storage-a", NodeRole.STORAGE).nodeId(2).address("management", "10.20.21.1/24")
                .address("backend", "10.10.10.1/24").corosyncLinks("management", "enduser").build();
        assertThat(a.name()).isEqualTo("storage-a");
        SanDesign.Builder b = d.toBuilder().nodes(List.of(wrong, d.nodes().get(1)));
        assertThatThrownBy(b::build).isInstanceOfSatisfying(DesignException.class, e -> assertThat(e.problems())
                .extracting(DesignException.Problem::path)
                .containsExactly("nodes[0].addresses.management", "nodes[0].addresses.backend",
                        "nodes[0].corosync_links[1]", "nodes[0].backend_target_iqn", "nodes[0].initiator_iqn", "nodes[0].disks",
                        "nodes[1].node_id", "nodes"));
    }

    @Test
    void secretsResolveFromAMapOrTheEnvironmentOrFiles(@TempDir Path dir) throws Exception {
        SanDesign d = TestDesigns.small().build();
        assertThat(d.secretReferences()).containsOnlyKeys("client_vlans[1].chap.password", "iscsi.backend_chap.password",
                "iscsi.backend_chap.mutual_password", "fencing[0].secrets.password", "fencing[1].secrets.password");
        Files.writeString(dir.resolve("backend-chap"), "repl-secret-1\n");
        Files.writeString(dir.resolve("backend-mutual-chap"), "mutual-secret-2");
        SecretSource src = SecretSource.of(Map.of("hypervisor-tpg-chap", Secret.of("tpg-secret-33")))
                .orElse(SecretSource.environment(Map.of("SAN_SECRET_FENCE_STORAGE_A_PASSWORD", "ipmi-a",
                        "SAN_SECRET_FENCE_STORAGE_B_PASSWORD", "ipmi-b")))
                .orElse(SecretSource.files(dir));
        SanDesign ready = d.withSecrets(src);
        assertThat(ready.secretReferences()).isEmpty();
        assertThat(ready.iscsi().backendChap().orElseThrow().forward().password().value().reveal()).isEqualTo("repl-secret-1");
        assertThat(ready.iscsi().backendChap().orElseThrow().mutual().orElseThrow().password().value().reveal())
                .isEqualTo("mutual-secret-2");
        assertThat(ready.fencing().get(1).secrets().get("password").value().reveal()).isEqualTo("ipmi-b");
        assertThat(((IscsiAccess.GenerateNodeAcls) ready.clientVlans().get(1).access()).chap().orElseThrow().password()
                .value().reveal()).isEqualTo("tpg-secret-33");
        assertThat(ready.fencing().get(1).toString()).doesNotContain("ipmi-b").contains("****");
        assertThat(ready.toString()).doesNotContain("ipmi").doesNotContain("secret-");
    }

    @Test
    void everyMissingSecretIsNamedNeverGuessed() {
        SanDesign d = TestDesigns.small().build();
        assertThatThrownBy(() -> d.withSecrets(SecretSource.of(Map.of("backend-chap", Secret.of("x-secret-123")))))
                .isInstanceOfSatisfying(MissingSecretsException.class, e -> {
                    assertThat(e.names()).containsExactly("hypervisor-tpg-chap", "backend-mutual-chap",
                            "fence-storage-a-password", "fence-storage-b-password");
                    assertThat(e.usedAt().get("fence-storage-b-password")).containsExactly("fencing[1].secrets.password");
                    assertThat(e.getMessage()).doesNotContain("x-secret-123");
                });
        assertThatThrownBy(() -> d.fencing().get(0).secrets().get("password").value())
                .isInstanceOf(MissingSecretsException.class).hasMessageContaining("fence-storage-a-password");
    }

    @Test
    void aQdeviceReplacesTheQuorumNodeNotBoth() {
        SanDesign d = TestDesigns.small().build();
        SanDesign.Builder both = d.toBuilder().qdevice(new Qdevice("10.20.20.3", org.sansdk.corosync.QdeviceAlgorithm.FFSPLIT));
        assertThatThrownBy(both::build).isInstanceOfSatisfying(DesignException.class,
                e -> assertThat(e.problems()).extracting(DesignException.Problem::path).containsExactly("qdevice"));
        SanDesign q = both.nodes(d.storageNodes()).build();
        assertThat(q.quorumNode()).isEmpty();
        assertThat(q.qdevice()).isPresent();
        assertThat(IpCidr.parse("10.20.20.3/24").address()).isEqualTo(q.qdevice().orElseThrow().host());
    }
}
