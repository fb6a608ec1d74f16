package org.sansdk.cluster.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sansdk.cluster.design.CorosyncTiming;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.core.Command;
import org.sansdk.core.ValidationException;
import org.sansdk.corosync.CorosyncConf;
import org.sansdk.iscsi.ByPath;
import org.sansdk.iscsi.IscsidConf;
import org.sansdk.iscsi.NodeRecord;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.LioValidator;
import org.sansdk.lio.design.BackendTargetSpec;
import org.sansdk.lio.design.ClientTargetSpec;
import org.sansdk.lio.targetcli.LioChange;
import org.sansdk.lio.targetcli.TargetcliBatch;
import org.sansdk.pacemaker.cib.Configuration;
import org.sansdk.pacemaker.design.SanResourceSet;

class DesignMappingTest {
    static final String P = ReferenceDesign.PREFIX;
    final DesignMapping m = DesignMapping.of(ReferenceDesign.resolved());
    final DesignMapping unresolved = DesignMapping.of(ReferenceDesign.unresolved());

    @Test
    void corosync_hasEveryNodeOnItsTwoLinks_andLeavesConsensusToCorosync() {
        CorosyncConf c = m.corosync();
        assertThat(c.nodes()).extracting(CorosyncConf.Node::name).containsExactly("storage-a", "storage-b", "quorum");
        assertThat(c.nodes().get(0).addresses()).containsEntry(0, "10.20.20.1").containsEntry(1, "10.10.10.1");
        assertThat(c.nodes().get(2).addresses()).containsEntry(0, "10.20.20.3").containsEntry(1, "10.10.10.3");
        assertThat(c.nodes().get(1).nodeIdNumber()).hasValue(2);
        assertThat(c.value("totem.token")).hasValue("4000");
        assertThat(c.value("totem.join")).hasValue("1000");
        assertThat(c.value("totem.max_messages")).hasValue("20");
        assertThat(c.value("totem.consensus")).isEmpty();
        // corosync 3: 4000 + (3 - 2) × 650, consensus (int)(1.2 × 4650)
        assertThat(m.totemTiming().effectiveToken()).isEqualTo(Duration.ofMillis(4650));
        assertThat(m.totemTiming().consensus()).isEqualTo(Duration.ofMillis(5580));
        assertThat(m.corosyncFor("quorum")).isEqualTo(c);
    }

    @Test
    void corosync_refusesTheDocumentsConsensus4800() {
        SanDesign doc = ReferenceDesign.builder().corosync(new CorosyncTiming(Duration.ofMillis(4000),
                Optional.of(Duration.ofMillis(4800)), Duration.ofMillis(1000), 20, Duration.ofMillis(650))).build();
        assertThatThrownBy(() -> DesignMapping.of(doc).corosync()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("COROSYNC-CONSENSUS");
    }

    @Test
    void corosync_writesANonDefaultTokenCoefficient() {
        SanDesign d = ReferenceDesign.builder().corosync(new CorosyncTiming(Duration.ofMillis(4000), Optional.empty(),
                Duration.ofMillis(1000), 20, Duration.ofMillis(1000))).build();
        assertThat(DesignMapping.of(d).corosync().value("totem.token_coefficient")).hasValue("1000");
        assertThat(DesignMapping.of(d).totemTiming().effectiveToken()).isEqualTo(Duration.ofMillis(5000));
    }

    @Test
    void iscsidConf_hasTheDesignTimeouts_andNoSecret() {
        IscsidConf c = m.iscsidConf("storage-a");
        assertThat(c.replacementTimeout()).hasValue(Duration.ofSeconds(5));
        assertThat(c.loginTimeout()).hasValue(Duration.ofSeconds(10));
        assertThat(c.noopOutInterval()).hasValue(Duration.ofSeconds(2));
        assertThat(c.noopOutTimeout()).hasValue(Duration.ofSeconds(2));
        assertThat(c.value("node.startup")).hasValue("automatic");
        assertThat(c.sessionChap()).isEmpty();
        assertThat(c.render()).doesNotContain("Backend-chap-secret-1").doesNotContain("password");
        assertThat(c.warnings()).isEmpty();
        // no comment after a value on any line
        c.render().lines().filter(l -> !l.startsWith("#")).forEach(l -> assertThat(l).doesNotContain("#"));
    }

    @Test
    void initiatorAndNodeRecord_pointAtThePeersBackendTarget() {
        assertThat(m.initiatorName("storage-b").iqn().toString()).isEqualTo(P + ":initiator-b");
        NodeRecord r = m.backendNodeRecord("storage-a");
        assertThat(r.value("node.name")).hasValue(P + ":storage-b");
        assertThat(r.value("node.conn[0].address")).hasValue("10.10.10.2");
        assertThat(r.value("node.conn[0].port")).hasValue("3260");
        assertThat(r.value("node.tpgt")).hasValue("1");
        assertThat(r.value("iface.initiatorname")).hasValue(P + ":initiator-a");
        assertThat(r.value("node.session.auth.username")).hasValue("iscsi-repl-user");
        assertThat(r.value("node.session.auth.username_in")).hasValue("iscsi-target-user");
        assertThat(r.secret("node.session.auth.password").orElseThrow().reveal()).isEqualTo("Backend-chap-secret-1");
        assertThat(r.secret("node.session.auth.password_in").orElseThrow().reveal()).isEqualTo("Backend-mutual-secret-2");
        assertThat(m.backendNodeRecordPath("storage-a").toString())
                .isEqualTo("/etc/iscsi/nodes/" + P + ":storage-b/10.10.10.2,3260,1/default");
    }

    @Test
    void nodeRecord_withoutSecrets_keepsTheUsersAndLeavesThePasswordsOut() {
        NodeRecord r = unresolved.backendNodeRecord("storage-b");
        assertThat(r.value("node.name")).hasValue(P + ":storage-a");
        assertThat(r.value("node.session.auth.authmethod")).hasValue("CHAP");
        assertThat(r.value("node.session.auth.username")).hasValue("iscsi-repl-user");
        assertThat(r.keys()).doesNotContain("node.session.auth.password", "node.session.auth.password_in");
    }

    @Test
    void backendTarget_exportsEachDiskAsItsLun_onTheStorageAddress_toThePeerOnly() {
        BackendTargetSpec s = m.backendTarget("storage-a");
        assertThat(s.targetIqn().toString()).isEqualTo(P + ":storage-a");
        assertThat(s.portalAddress()).isEqualTo("10.10.10.1");
        assertThat(s.peerInitiatorIqn().toString()).isEqualTo(P + ":initiator-b");
        assertThat(s.disks()).hasSize(12);
        assertThat(s.disks().get(0).device()).isEqualTo("/dev/disk/by-id/ata-SSD_A_0");
        assertThat(s.disks().get(11).name()).isEqualTo("data-a-l");
        assertThat(s.chap().userid()).hasValue("iscsi-repl-user");
        LioConfig cfg = TargetcliBatch.of(m.backendTargetChanges("storage-a")).applyTo(LioConfig.empty());
        assertThat(LioValidator.validate(cfg)).isEmpty();
        assertThat(TargetcliBatch.of(m.backendTargetChanges("storage-b")).script())
                .contains("/iscsi/" + P + ":storage-b/tpg1/portals create ip_address=10.10.10.2 ip_port=3260")
                .contains("/iscsi/" + P + ":storage-b/tpg1/acls create wwn=" + P + ":initiator-a")
                .contains("tpg1/luns create storage_object=/backstores/block/data-b-l lun=11");
    }

    @Test
    void backendTarget_withoutSecrets_hasNoChapLine_butKeepsAuthenticationOn() {
        List<LioChange> ch = unresolved.backendTargetChanges("storage-a");
        TargetcliBatch b = TargetcliBatch.of(ch);
        assertThat(b.hasSecrets()).isFalse();
        assertThat(b.script()).contains("set attribute authentication=1").doesNotContain("set auth");
    }

    @Test
    void clientTarget_hasATpgPerVlanPosition_portalOnTheVip_andItsOwnIqn() {
        ClientTargetSpec s = m.clientTarget().orElseThrow();
        assertThat(s.targetIqn().toString()).isEqualTo("iqn.2025-01.lab.home.client:san-client-target");
        assertThat(s.iscsiVlans()).hasSize(1);
        assertThat(s.tagOf(s.iscsiVlans().get(0))).isEqualTo(2);
        assertThat(s.iscsiVlans().get(0).dataset().toString()).isEqualTo("san-pool/iscsi/hypervisor");
        String script = TargetcliBatch.of(m.clientTargetChanges()).script();
        assertThat(script).contains("tpg2/portals create ip_address=10.40.40.10 ip_port=3260")
                .contains("generate_node_acls=1").contains("userid=proxmox-shared");
        String noSecrets = TargetcliBatch.of(unresolved.clientTargetChanges()).script();
        assertThat(noSecrets).contains("tpg2 set attribute authentication=1").doesNotContain("proxmox-shared");
        assertThat(s.targetIqn()).isNotIn(m.backendIqns());
    }

    @Test
    void pacemaker_keepsTheIntent_withTheDesignsNodeIdsAndVips() {
        Configuration c = m.pacemakerConfiguration();
        assertThat(SanResourceSet.checkIntent(c, List.of("storage-a", "storage-b"), "quorum", SanResourceSet.POOL)).isEmpty();
        assertThat(c.nodes()).extracting(n -> n.id() + "=" + n.uname()).containsExactly("1=storage-a", "2=storage-b", "3=quorum");
        assertThat(m.pacemaker().vips()).extracting(v -> v.vip().address()).containsExactly("10.30.30.10", "10.40.40.10");
        assertThat(m.pacemaker().importTimeout()).isEqualTo(Duration.ofSeconds(150));
        assertThat(m.pacemaker().fencing()).extracting(f -> f.params().get("ip")).containsExactly("10.20.20.101", "10.20.20.102");
        assertThat(unresolved.pacemaker().fencing().get(0).secrets()).isEmpty();
    }

    @Test
    void zpoolCreate_pairsEachLocalPartitionWithThePeersSameNumberedLun() {
        Command c = m.zpoolCreate();
        List<String> argv = c.argv();
        assertThat(argv.subList(0, 2)).containsExactly("zpool", "create");
        assertThat(argv).containsSubsequence("-o", "multihost=on", "-o", "ashift=12", "-o", "autotrim=on");
        assertThat(argv).containsSubsequence("-O", "compression=lz4", "-O", "xattr=sa", "-O", "atime=off");
        List<List<String>> mirrors = new ArrayList<>();
        for (int i = 0; i < argv.size(); i++) {
            if (argv.get(i).equals("mirror")) {
                mirrors.add(argv.subList(i + 1, i + 3));
            }
        }
        assertThat(mirrors).hasSize(12);
        assertThat(mirrors.get(0)).containsExactly("/dev/disk/by-partlabel/data-a-a",
                "/dev/disk/by-path/ip-10.10.10.2:3260-iscsi-" + P + ":storage-b-lun-0-part1");
        assertThat(mirrors.get(11)).containsExactly("/dev/disk/by-partlabel/data-a-l",
                "/dev/disk/by-path/ip-10.10.10.2:3260-iscsi-" + P + ":storage-b-lun-11-part1");
        // the by-path name is san-iscsi's codec: it parses back to the peer's target and LUN
        ByPath back = ByPath.parse(mirrors.get(5).get(1).substring(ByPath.DIR.length()));
        assertThat(back.target()).isEqualTo(P + ":storage-b");
        assertThat(back.lun()).isEqualTo(5);
        assertThat(argv.indexOf("san-pool")).isLessThan(argv.indexOf("mirror"));
    }

    @Test
    void datasets_followTheDesign_thenZvols() {
        List<String> lines = m.datasetCreates().stream().map(Command::toString).toList();
        assertThat(lines).containsExactly("zfs create san-pool/nfs", "zfs create san-pool/smb", "zfs create san-pool/iscsi",
                "zfs create san-pool/iscsi/hypervisor", "zfs create san-pool/k3s-pv",
                "zfs create -V 107374182400 -o volblocksize=64K san-pool/iscsi/hypervisor/vm-disk-01");
    }

    @Test
    void missingSecrets_namesEveryReference_withItsVariable() {
        assertThat(unresolved.missingSecrets()).extracting(MissingSecret::name).containsExactly("hypervisor-tpg-chap",
                "backend-chap", "backend-mutual-chap", "fence-storage-a-password", "fence-storage-b-password");
        assertThat(unresolved.missingSecrets().get(1).environmentVariable()).isEqualTo("SAN_SECRET_BACKEND_CHAP");
        assertThat(unresolved.missingSecrets().get(1).usedAt()).containsExactly("iscsi.backend_chap.password");
        assertThat(m.missingSecrets()).isEmpty();
    }

    @Test
    void badMappings_areTypedAndNamed() {
        assertThatThrownBy(() -> DesignMapping.of(ReferenceDesign.resolved(), "interconnect"))
                .isInstanceOf(MappingException.class).hasMessageContaining("interconnect");
        assertThatThrownBy(() -> m.iscsidConf("quorum")).isInstanceOf(MappingException.class)
                .hasMessageContaining("not a storage node");
        assertThatThrownBy(() -> m.initiatorName("nope")).isInstanceOf(MappingException.class).hasMessageContaining("nope");
    }
}
