package org.sansdk.cluster.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.core.IpCidr;
import org.sansdk.core.Iqn;
import org.sansdk.core.Secret;

class AnsibleInventoryImportTest {

    static Path corpus() {
        try {
            return Path.of(AnsibleInventoryImportTest.class.getResource("/ansible-ha-san/inventory.yml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theCorpusInventoryImportsWithItsValues() {
        AnsibleInventoryImport imp = AnsibleInventoryImport.read(corpus());
        SanDesign d = imp.design();
        assertThat(d.clusterName()).isEqualTo("san-cluster");
        // group_vars/all.yml: vlans
        assertThat(d.networks()).containsExactly(new Network("storage", 10, IpCidr.parse("10.10.10.0/24"), 9000),
                new Network("management", 20, IpCidr.parse("10.20.20.0/24"), 1500));
        assertThat(d.clientVlans()).extracting(ClientVlanSpec::name, ClientVlanSpec::id, ClientVlanSpec::vip)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("enduser", 30, IpCidr.parse("10.30.30.10/24")),
                        org.assertj.core.groups.Tuple.tuple("hypervisor", 40, IpCidr.parse("10.40.40.10/24")));
        ClientVlanSpec hv = d.clientVlan("hypervisor").orElseThrow();
        assertThat(hv.services()).containsExactly(ClientService.ISCSI, ClientService.SSH);
        assertThat(hv.dataset()).contains("iscsi/hypervisor");
        // "{{ iscsi_iqn_prefix }}:proxmox-a", the prefix from group_vars/storage_nodes/iscsi.yml
        assertThat(hv.access()).isEqualTo(new IscsiAccess.Acls(java.util.List.of(
                AclEntry.of(Iqn.parse("iqn.2025-01.lab.home:proxmox-a")), AclEntry.of(Iqn.parse("iqn.2025-01.lab.home:proxmox-b")))));
        // host_vars
        Node a = d.node("storage-a").orElseThrow();
        assertThat(a.nodeId()).isEqualTo(1);
        assertThat(a.address("management")).contains(IpCidr.parse("10.20.20.1/24"));
        assertThat(a.address("storage")).contains(IpCidr.parse("10.10.10.1/24"));
        assertThat(a.address("hypervisor")).contains(IpCidr.parse("10.40.40.1/24"));
        assertThat(a.backendTargetIqn()).contains(Iqn.parse("iqn.2025-01.lab.home:storage-a"));
        assertThat(a.initiatorIqn()).contains(Iqn.parse("iqn.2025-01.lab.home:initiator-a"));
        assertThat(a.disks()).hasSize(12);
        assertThat(a.disks().get(0)).isEqualTo(new Disk("/dev/disk/by-id/ata-PLACEHOLDER_DISK_A_0", "data-a-0"));
        assertThat(a.disks().get(11)).isEqualTo(new Disk("/dev/disk/by-id/ata-PLACEHOLDER_DISK_A_11", "data-a-11"));
        Node b = d.node("storage-b").orElseThrow();
        assertThat(b.backendTargetIqn()).contains(Iqn.parse("iqn.2025-01.lab.home:storage-b"));
        assertThat(b.disks().get(5).device()).isEqualTo("/dev/disk/by-id/ata-PLACEHOLDER_DISK_B_5");
        Node q = d.quorumNode().orElseThrow();
        assertThat(q.nodeId()).isEqualTo(3);
        assertThat(q.addresses()).containsExactly(Map.entry("management", IpCidr.parse("10.20.20.3/24")));
        assertThat(q.corosyncLinks()).containsExactly("management");
        assertThat(a.corosyncLinks()).containsExactly("management", "storage");
        // group_vars/storage_nodes/zfs.yml
        assertThat(d.pool().name()).isEqualTo("san-pool");
        assertThat(d.pool().properties()).containsExactly(Map.entry("ashift", "12"), Map.entry("multihost", "on"),
                Map.entry("autotrim", "on"), Map.entry("autoreplace", "on"));
        assertThat(d.datasets()).extracting(DatasetSpec::name).containsExactly("nfs", "smb", "iscsi", "k3s-pv");
        // services.yml: nfs_exports to 10.30.30.0/24 (the enduser VLAN) and the 'shared' SMB share of /san-pool/smb
        List<String> exportOptions = List.of("rw", "sync", "no_subtree_check", "root_squash", "sec=sys");
        assertThat(d.datasets().get(0).nfs()).contains(new NfsShare("enduser", exportOptions));
        assertThat(d.datasets().get(3).nfs()).contains(new NfsShare("enduser", exportOptions));
        assertThat(d.datasets().get(1).smb()).contains(new SmbShare("enduser", "shared", SmbShare.Access.READ_WRITE,
                List.of("@smbusers")));
        assertThat(d.datasets().get(2).nfs()).isEmpty();
        assertThat(imp.ignored()).extracting(AnsibleInventoryImport.Ignored::key).doesNotContain("nfs_exports", "smb_shares");
        assertThat(d.zfsTunables()).containsEntry("zfs_vdev_scheduler", "none").containsEntry("zfs_nocacheflush", "1");
        assertThat(d.sysctl()).containsEntry("net.ipv4.tcp_congestion_control", "bbr");
        // corosync and iSCSI
        assertThat(d.corosync().token()).isEqualTo(Duration.ofMillis(4000));
        assertThat(d.corosync().consensus()).contains(Duration.ofMillis(4800));
        assertThat(d.iscsi().replacementTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(d.iscsi().clientTargetIqn()).contains(Iqn.parse("iqn.2025-01.lab.home:san-client-target"));
        assertThat(d.iscsi().backendChap().orElseThrow().forward().user()).isEqualTo("iscsi-repl-user");
        assertThat(d.placement().preferredNode()).isEqualTo("storage-a");
        assertThat(d.placement().stickiness()).isEqualTo(200);
        // fencing: IPMI for storage-a; storage-b's kasa plug is reported, not invented
        assertThat(d.fencing()).hasSize(1);
        assertThat(d.fencing().get(0).agent()).isEqualTo("fence_ipmilan");
        assertThat(d.fencing().get(0).parameters()).containsEntry("ip", "10.20.20.101").containsEntry("username", "bmcadmin");
        // passwords in clear are not copied: references to supply
        assertThat(d.secretReferences().values()).extracting(SecretRef::name).containsExactly("iscsi_chap_password",
                "iscsi_mutual_chap_password", "stonith_nodes.storage-a.password");
        assertThat(imp.ignored()).extracting(AnsibleInventoryImport.Ignored::toString)
                .contains("group_vars/storage_nodes/cluster.yml:31: stonith_nodes.storage-b: fencing method 'kasa' has no agent "
                        + "in fence-agents the design can name; not imported: give this node's fencing device explicitly")
                .contains("group_vars/all.yml:12: hacluster_password: not part of the design model")
                .contains("group_vars/all.yml:90: vip_cockpit: not part of the design model")
                .anyMatch(s -> s.startsWith("group_vars/storage_nodes/iscsi.yml:14: iscsi_chap_password: password written in clear"))
                .noneMatch(s -> s.contains("CHANGEME"));
    }

    static Path inventory(Path dir, String allYml, String storageYml, String hostA) throws IOException {
        Files.writeString(dir.resolve("inventory.yml"), """
                all:
                  children:
                    storage_nodes:
                      hosts:
                        storage-a:
                        storage-b:
                    quorum_node:
                      hosts:
                        quorum:
                """);
        Files.createDirectories(dir.resolve("group_vars"));
        Files.createDirectories(dir.resolve("host_vars"));
        Files.writeString(dir.resolve("group_vars/all.yml"), allYml);
        Files.writeString(dir.resolve("group_vars/storage_nodes.yml"), storageYml);
        Files.writeString(dir.resolve("host_vars/storage-a.yml"), hostA);
        Files.writeString(dir.resolve("host_vars/storage-b.yml"), """
                mgmt_ip: 10.20.20.2
                storage_ip: 10.10.10.2
                iscsi_target_iqn: "{{ iscsi_iqn_prefix }}:storage-b"
                iscsi_initiator_name: "{{ iscsi_iqn_prefix }}:initiator-b"
                local_data_disks:
                  - {device: /dev/disk/by-id/ata-B0, label: data-b-0}
                """);
        Files.writeString(dir.resolve("host_vars/quorum.yml"), "mgmt_ip: 10.20.20.3\nstorage_ip: 10.10.10.3\n");
        return dir;
    }

    static final String ALL = """
            cluster_name: small
            vlans:
              storage: {id: 10, subnet: 10.10.10.0/24, mtu: 9000}
              management: {id: 20, subnet: 10.20.20.0/24, mtu: 1500}
            client_vlans:
              - name: hypervisor
                id: 40
                subnet: 10.40.40.0/24
                vip: 10.40.40.10
                services: [iscsi]
                generate_node_acls: true
                iscsi_chap_user: proxmox-shared
                iscsi_chap_password: !vault |
                  $ANSIBLE_VAULT;1.1;AES256
                  62313365396662343061393464336163383764373764613633653634306231386433626436623361
                iscsi_dataset: "iscsi/hypervisor"
            corosync_nodes:
              - {name: storage-a, nodeid: 1}
              - {name: storage-b, nodeid: 2}
              - {name: quorum, nodeid: 3}
            """;
    static final String STORAGE = """
            iscsi_iqn_prefix: iqn.2025-01.lab.home
            zfs_pool_name: tank
            stonith_nodes:
              storage-a:
                method: ipmi
                ip: 10.20.20.101
                user: admin
                password: !vault |
                  $ANSIBLE_VAULT;1.1;AES256
                  3631
            """;
    static final String HOST_A = """
            mgmt_ip: 10.20.20.1
            storage_ip: 10.10.10.1
            iscsi_target_iqn: "{{ iscsi_iqn_prefix }}:storage-a"
            iscsi_initiator_name: "{{ iscsi_iqn_prefix }}:initiator-a"
            zfs_pool_name: "{{ pool_override }}"
            pool_override: host-pool
            local_data_disks:
              - {device: /dev/disk/by-id/ata-A0, label: data-a-0}
            """;

    @Test
    void vaultValuesBecomeReferencesAndHostVarsWin(@TempDir Path dir) throws IOException {
        AnsibleInventoryImport imp = AnsibleInventoryImport.read(inventory(dir, ALL, STORAGE, HOST_A));
        SanDesign d = imp.design();
        assertThat(d.pool().name()).isEqualTo("host-pool");
        assertThat(d.secretReferences()).containsExactly(
                Map.entry("client_vlans[0].chap.password", new SecretRef("client_vlans[0].iscsi_chap_password")),
                Map.entry("fencing[0].secrets.password", new SecretRef("stonith_nodes.storage-a.password")));
        assertThat(d.clientVlans().get(0).vip()).isEqualTo(IpCidr.parse("10.40.40.10/24"));
        assertThat(imp.ignored()).noneMatch(i -> i.reason().contains("in clear"));
        assertThat(imp.ignored()).extracting(AnsibleInventoryImport.Ignored::toString)
                .contains("group_vars/storage_nodes.yml:2: zfs_pool_name: overridden by host_vars/storage-a.yml:5");
        SanDesign ready = d.withSecrets(SecretSource.of(Map.of("client_vlans[0].iscsi_chap_password", Secret.of("tpg-123456789"),
                "stonith_nodes.storage-a.password", Secret.of("ipmi-987654321"))));
        assertThat(ready.fencing().get(0).secrets().get("password").value().reveal()).isEqualTo("ipmi-987654321");
        assertThat(d.toString() + imp.ignored()).doesNotContain("ANSIBLE_VAULT").doesNotContain("3631");
        assertThat(ready.clientVlans().get(0).access()).isInstanceOfSatisfying(IscsiAccess.GenerateNodeAcls.class,
                g -> assertThat(g.chap().map(ChapLogin::user)).isEqualTo(Optional.of("proxmox-shared")));
    }

    @Test
    void aFilterIsATypedErrorNamingFileAndLine(@TempDir Path dir) throws IOException {
        String hostA = HOST_A.replace("\"{{ iscsi_iqn_prefix }}:storage-a\"", "\"{{ iscsi_iqn_prefix | lower }}:storage-a\"");
        inventory(dir, ALL, STORAGE, hostA);
        assertThatThrownBy(() -> AnsibleInventoryImport.read(dir)).isInstanceOfSatisfying(DesignParseException.class, e -> {
            assertThat(e.source()).isEqualTo("host_vars/storage-a.yml");
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.keyPath()).isEqualTo("iscsi_target_iqn");
            assertThat(e.getMessage()).contains("not evaluated").contains("{{ iscsi_iqn_prefix | lower }}");
        });
    }

    @Test
    void anUnknownVariableIsATypedErrorNamingFileAndLine(@TempDir Path dir) throws IOException {
        inventory(dir, ALL, STORAGE, HOST_A.replace("{{ pool_override }}", "{{ no_such_var }}"));
        assertThatThrownBy(() -> AnsibleInventoryImport.read(dir)).isInstanceOfSatisfying(DesignParseException.class, e -> {
            assertThat(e.source()).isEqualTo("host_vars/storage-a.yml");
            assertThat(e.line()).isEqualTo(5);
            assertThat(e.getMessage()).contains("'no_such_var' is not defined");
        });
    }

    @Test
    void aReferenceCycleIsATypedErrorNamingFileAndLine(@TempDir Path dir) throws IOException {
        inventory(dir, ALL, STORAGE, HOST_A.replace("pool_override: host-pool", "pool_override: \"{{ zfs_pool_name }}\""));
        assertThatThrownBy(() -> AnsibleInventoryImport.read(dir)).isInstanceOfSatisfying(DesignParseException.class, e -> {
            assertThat(e.source()).isEqualTo("host_vars/storage-a.yml");
            assertThat(e.line()).isEqualTo(6);
            assertThat(e.getMessage()).contains("zfs_pool_name -> pool_override -> zfs_pool_name");
        });
    }

    @Test
    void aVaultValueIsNeverInterpolated(@TempDir Path dir) throws IOException {
        String storage = STORAGE + "secret_pool: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  3132\n";
        inventory(dir, ALL, storage, HOST_A.replace("{{ pool_override }}", "{{ secret_pool }}"));
        assertThatThrownBy(() -> AnsibleInventoryImport.read(dir)).isInstanceOfSatisfying(DesignParseException.class,
                e -> assertThat(e.getMessage()).contains("never decrypted").doesNotContain("3132"));
    }

    @Test
    void aWrongTypeIsLocatedInItsFile(@TempDir Path dir) throws IOException {
        inventory(dir, ALL.replace("id: 10,", "id: ten,"), STORAGE, HOST_A);
        assertThatThrownBy(() -> AnsibleInventoryImport.read(dir)).isInstanceOfSatisfying(DesignException.class, e -> {
            assertThat(e.problems().get(0).source()).isEqualTo("group_vars/all.yml");
            assertThat(e.problems().get(0).line()).isEqualTo(3);
            assertThat(e.problems().get(0).path()).isEqualTo("vlans.storage.id");
        });
    }
}
