package org.sansdk.lio.design;

import org.sansdk.core.ZfsName;
import org.sansdk.core.IpCidr;
import org.sansdk.core.Iqn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sansdk.core.Command;
import org.sansdk.core.Secret;
import org.sansdk.core.Size;
import org.sansdk.core.ValidationException;
import org.sansdk.lio.BlockStorageObject;
import org.sansdk.lio.Chap;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.LioValidator;
import org.sansdk.lio.Lun;
import org.sansdk.lio.MappedLun;
import org.sansdk.lio.NodeAcl;
import org.sansdk.lio.Portal;
import org.sansdk.lio.SaveconfigParser;
import org.sansdk.lio.SaveconfigWriter;
import org.sansdk.lio.Target;
import org.sansdk.lio.Tpg;
import org.sansdk.lio.sync.Zvol;
import org.sansdk.lio.targetcli.TargetcliBatch;

/** Built from the values in corpus/ansible-ha-san (host_vars/storage-a.yml, group_vars/.../iscsi.yml, all.yml). */
class BuildersTest {
    static final String PREFIX = "iqn.2025-01.lab.home";
    static final Secret REPL = Secret.of("CHANGEME-vault-this");
    static final Secret MUTUAL = Secret.of("CHANGEME-vault-this-too");

    static BackendTargetSpec storageA() {
        List<LocalDisk> disks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            disks.add(new LocalDisk("data-a-" + i, "/dev/disk/by-id/ata-PLACEHOLDER_DISK_A_" + i));
        }
        return new BackendTargetSpec(Iqn.parse(PREFIX + ":storage-a"), IpCidr.parse("10.10.10.1/24"), 3260, disks,
                Iqn.parse(PREFIX + ":initiator-b"),
                Chap.of("iscsi-repl-user", REPL).withMutual("iscsi-target-user", MUTUAL), BackendTargetSpec.Discard.KEEP);
    }

    @Test
    void backend_twelveDisks_lunsAndMappedLunsNumberedByPositionOnInterconnectPortalOnly() {
        LioConfig cfg = BackendTargetBuilder.config(storageA());
        Target t = cfg.target(PREFIX + ":storage-a").orElseThrow();
        Tpg tpg = t.tpg(1).orElseThrow();
        assertThat(tpg.portals()).containsExactly(Portal.of("10.10.10.1", 3260));
        assertThat(tpg.luns()).hasSize(12);
        assertThat(tpg.lun(11).orElseThrow().storageObject()).isEqualTo("/backstores/block/data-a-11");
        NodeAcl peer = tpg.acl(PREFIX + ":initiator-b").orElseThrow();
        assertThat(peer.mappedLuns()).allSatisfy(m -> assertThat(m.index()).isEqualTo(m.tpgLun()));
        assertThat(peer.mappedLuns()).hasSize(12);
        assertThat(peer.chap().hasMutual()).isTrue();
        assertThat(tpg.attribute("authentication")).contains(1L);
        assertThat(((BlockStorageObject) cfg.storageObjects().get(0)).dev())
                .isEqualTo("/dev/disk/by-id/ata-PLACEHOLDER_DISK_A_0");
        assertThat(LioValidator.validate(cfg)).isEmpty();
        // the cold-start file round-trips through the parser
        assertThat(SaveconfigParser.parse("x", SaveconfigWriter.write(cfg))).isEqualTo(cfg);
    }

    @Test
    void backend_batch_sendsChapOnlyThroughSecretStdin() {
        TargetcliBatch batch = BackendTargetBuilder.batch(storageA());
        Command cmd = batch.command();
        assertThat(cmd.argv()).containsExactly("targetcli");
        assertThat(cmd.stdinIsSecret()).isTrue();
        assertThat(cmd.toString()).doesNotContain(REPL.reveal());
        assertThat(batch.redactedScript()).doesNotContain(REPL.reveal()).doesNotContain(MUTUAL.reveal())
                .contains("/iscsi/" + PREFIX + ":storage-a/tpg1/portals delete ip_address=0.0.0.0 ip_port=3260");
        assertThat(batch.toPlan("storage-a", "backend").toString()).doesNotContain(REPL.reveal());
        assertThat(batch.script()).contains("set auth userid=iscsi-repl-user password=" + REPL.reveal()
                + " mutual_userid=iscsi-target-user mutual_password=" + MUTUAL.reveal());
        assertThat(batch.script().lines().filter(l -> l.equals("saveconfig")).count()).isEqualTo(1);
    }

    @Test
    void backend_script_numbersEveryLunAndMappingExplicitly_andBindsOnlyTheInterconnect() {
        List<String> lines = BackendTargetBuilder.batch(storageA()).script().lines().toList();
        String tpg = "/iscsi/" + PREFIX + ":storage-a/tpg1";
        for (int i = 0; i < 12; i++) {
            assertThat(lines).contains(tpg + "/luns create storage_object=/backstores/block/data-a-" + i + " lun=" + i
                    + " add_mapped_luns=false");
            assertThat(lines).contains(tpg + "/acls/" + PREFIX + ":initiator-b create mapped_lun=" + i
                    + " tpg_lun_or_backstore=" + i + " write_protect=false");
        }
        assertThat(lines).contains(tpg + "/acls create wwn=" + PREFIX + ":initiator-b add_mapped_luns=false");
        assertThat(lines).filteredOn(l -> l.contains("/portals create"))
                .containsExactly(tpg + "/portals create ip_address=10.10.10.1 ip_port=3260");
        assertThat(lines.indexOf(tpg + "/portals delete ip_address=0.0.0.0 ip_port=3260"))
                .isLessThan(lines.indexOf(tpg + "/portals create ip_address=10.10.10.1 ip_port=3260"));
    }

    @Test
    void backend_withoutChap_authenticationOff() {
        BackendTargetSpec s = storageA();
        BackendTargetSpec open = new BackendTargetSpec(s.targetIqn(), s.interconnectAddress(), 3260, s.disks(),
                s.peerInitiatorIqn(), Chap.NONE, BackendTargetSpec.Discard.KEEP);
        Tpg tpg = BackendTargetBuilder.config(open).targets().get(0).tpg(1).orElseThrow();
        assertThat(tpg.attribute("authentication")).contains(0L);
        assertThat(tpg.acl(s.peerInitiatorIqn().toString()).orElseThrow().chap().isEmpty()).isTrue();
    }

    @Test
    void backend_identicalMutualPassword_refused() {
        BackendTargetSpec s = storageA();
        BackendTargetSpec bad = new BackendTargetSpec(s.targetIqn(), s.interconnectAddress(), 3260, s.disks(),
                s.peerInitiatorIqn(), Chap.of("u", REPL).withMutual("m", Secret.of(REPL.reveal())), BackendTargetSpec.Discard.KEEP);
        assertThatThrownBy(() -> BackendTargetBuilder.changes(bad)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(v -> v.ruleId()).containsExactly("LIO-AUTH-004"));
    }

    static ClientTargetSpec designVlans(ClientTpg.Access hypervisorAccess) {
        return new ClientTargetSpec(Iqn.parse(PREFIX + ":san-client-target"), List.of(
                ClientTpg.nonIscsi("enduser"),
                ClientTpg.iscsi("hypervisor", IpCidr.parse("10.40.40.10/24"), 3260, ZfsName.parse("san-pool/iscsi/hypervisor"), hypervisorAccess)));
    }

    @Test
    void client_generateNodeAclsMode_tpgNumberedByPositionWithTpgChap() {
        ClientTargetSpec spec = designVlans(new ClientTpg.Open(Chap.of("proxmox-shared", Secret.of("s3cret-pw-1"))));
        List<Zvol> zvols = List.of(Zvol.of("san-pool/iscsi/hypervisor/vm-100-disk-0", Size.parse("32G")));
        LioConfig cfg = ClientTargetBuilder.coldStart(spec, Set.of(Iqn.parse(PREFIX + ":storage-a")), zvols);
        Tpg tpg = cfg.target(spec.targetIqn().toString()).orElseThrow().tpg(2).orElseThrow();
        assertThat(tpg.attributes()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("generate_node_acls", 1L,
                "demo_mode_write_protect", 0L, "cache_dynamic_acls", 1L, "authentication", 1L));
        assertThat(((BlockStorageObject) cfg.storageObjects().get(0)).attributes()).containsEntry("emulate_tpu", 1L);
        assertThat(tpg.chap().userid()).contains("proxmox-shared");
        assertThat(tpg.nodeAcls()).isEmpty();
        assertThat(tpg.portals()).containsExactly(Portal.of("10.40.40.10", 3260));
        assertThat(tpg.luns()).extracting(Lun::storageObject).containsExactly("/backstores/block/vm-100-disk-0");
        assertThat(cfg.target(spec.targetIqn().toString()).orElseThrow().tpg(1).orElseThrow().portals()).isEmpty();
    }

    @Test
    void client_openModeWithoutCredentials_authenticationOffAndNoTpgChap() {
        ClientTargetSpec spec = designVlans(new ClientTpg.Open(Chap.NONE));
        Tpg tpg = ClientTargetBuilder.coldStart(spec, Set.of(Iqn.parse(PREFIX + ":storage-a")), List.of())
                .target(spec.targetIqn().toString()).orElseThrow().tpg(2).orElseThrow();
        assertThat(tpg.attributes()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("generate_node_acls", 1L,
                "demo_mode_write_protect", 0L, "cache_dynamic_acls", 1L, "authentication", 0L));
        assertThat(tpg.chap().isEmpty()).isTrue();
        assertThat(ClientTargetBuilder.batch(spec, Set.of()).hasSecrets()).isFalse();
    }

    @Test
    void client_aclModeWithPerInitiatorChap_authenticationOnAndEachAclHasItsOwnCredential() {
        Chap a = Chap.of("proxmox-a", Secret.of("pw-proxmox-a-1"));
        Chap b = Chap.of("proxmox-b", Secret.of("pw-proxmox-b-1")).withMutual("san-target", Secret.of("pw-mutual-b-1"));
        ClientTargetSpec spec = designVlans(new ClientTpg.Acls(List.of(
                new ClientTpg.InitiatorAcl(Iqn.parse(PREFIX + ":proxmox-a"), a),
                new ClientTpg.InitiatorAcl(Iqn.parse(PREFIX + ":proxmox-b"), b))));
        LioConfig cfg = ClientTargetBuilder.coldStart(spec, Set.of(Iqn.parse(PREFIX + ":storage-a")),
                List.of(Zvol.of("san-pool/iscsi/hypervisor/vm-100-disk-0", Size.parse("32G"))));
        Tpg tpg = cfg.target(spec.targetIqn().toString()).orElseThrow().tpg(2).orElseThrow();
        assertThat(tpg.attributes()).containsEntry("authentication", 1L).containsEntry("generate_node_acls", 0L);
        assertThat(tpg.chap().isEmpty()).isTrue();
        assertThat(tpg.acl(PREFIX + ":proxmox-a").orElseThrow().chap()).isEqualTo(a);
        assertThat(tpg.acl(PREFIX + ":proxmox-b").orElseThrow().chap()).isEqualTo(b);
        assertThat(tpg.nodeAcls()).allSatisfy(acl -> assertThat(acl.mappedLuns()).containsExactly(MappedLun.of(0, 0)));
        assertThat(LioValidator.validate(cfg)).isEmpty();
        assertThat(ClientTargetBuilder.batch(spec, Set.of()).redactedScript()).doesNotContain("pw-proxmox")
                .doesNotContain("pw-mutual");
    }

    @Test
    void client_aclModeWithoutChap_authenticationOffAndMappedLunsEqual() {
        ClientTargetSpec spec = designVlans(new ClientTpg.Acls(List.of(
                new ClientTpg.InitiatorAcl(Iqn.parse(PREFIX + ":proxmox-a"), Chap.NONE),
                new ClientTpg.InitiatorAcl(Iqn.parse(PREFIX + ":proxmox-b"), Chap.NONE))));
        List<Zvol> zvols = List.of(Zvol.of("san-pool/iscsi/hypervisor/vm-100-disk-0", Size.parse("32G")),
                Zvol.of("san-pool/iscsi/hypervisor/vm-101-disk-0", Size.parse("32G")));
        LioConfig cfg = ClientTargetBuilder.coldStart(spec, Set.of(), zvols);
        Tpg tpg = cfg.target(spec.targetIqn().toString()).orElseThrow().tpg(2).orElseThrow();
        assertThat(tpg.attribute("authentication")).contains(0L);
        assertThat(tpg.acl(PREFIX + ":proxmox-b").orElseThrow().mappedLuns()).extracting(MappedLun::index)
                .containsExactly(0, 1);
    }

    @Test
    void client_twoIscsiVlans_backstoresPrefixedWithVlan() {
        ClientTargetSpec spec = new ClientTargetSpec(Iqn.parse(PREFIX + ":san-client-target"), List.of(
                ClientTpg.iscsi("hv1", IpCidr.parse("10.40.40.10/24"), 3260, ZfsName.parse("san-pool/iscsi/hv1"), new ClientTpg.Open(Chap.NONE)),
                ClientTpg.iscsi("hv2", IpCidr.parse("10.50.50.10/24"), 3260, ZfsName.parse("san-pool/iscsi/hv2"), new ClientTpg.Open(Chap.NONE))));
        List<Zvol> zvols = List.of(Zvol.of("san-pool/iscsi/hv1/vm-100-disk-0", Size.parse("1G")),
                Zvol.of("san-pool/iscsi/hv2/vm-100-disk-0", Size.parse("1G")));
        LioConfig cfg = ClientTargetBuilder.coldStart(spec, Set.of(), zvols);
        assertThat(cfg.storageObjects()).extracting(so -> so.name())
                .containsExactly("hv1-vm-100-disk-0", "hv2-vm-100-disk-0");
        assertThat(cfg.target(spec.targetIqn().toString()).orElseThrow().tpgs()).extracting(Tpg::tag).containsExactly(1, 2);
        // and separate IQN namespace from the backend targets, which keep their own backstores untouched
        LioConfig both = ClientTargetBuilder.coldStart(BackendTargetBuilder.config(storageA()), spec,
                Set.of(Iqn.parse(PREFIX + ":storage-a")), zvols);
        assertThat(both.targets()).extracting(Target::wwn)
                .containsExactly(PREFIX + ":storage-a", PREFIX + ":san-client-target");
        assertThat(both.target(PREFIX + ":storage-a")).isEqualTo(BackendTargetBuilder.config(storageA())
                .target(PREFIX + ":storage-a"));
    }

    @Test
    void client_extraTpg_dropsTargetclisDefaultWildcardPortalBeforeBindingTheVip() {
        // targetcli's "create tag=N" adds 0.0.0.0:3260 to the new TPG when no other TPG of the target has it
        // (tpg1's was deleted just before): left there, VLAN 2's LUNs would be reachable on every address
        ClientTargetSpec spec = new ClientTargetSpec(Iqn.parse(PREFIX + ":san-client-target"), List.of(
                ClientTpg.iscsi("hv1", IpCidr.parse("10.40.40.10/24"), 3260, ZfsName.parse("san-pool/iscsi/hv1"), new ClientTpg.Open(Chap.NONE)),
                ClientTpg.iscsi("hv2", IpCidr.parse("10.50.50.10/24"), 3260, ZfsName.parse("san-pool/iscsi/hv2"), new ClientTpg.Open(Chap.NONE))));
        List<String> lines = ClientTargetBuilder.batch(spec, Set.of()).script().lines().toList();
        String tpg2 = "/iscsi/" + PREFIX + ":san-client-target/tpg2";
        int create = lines.indexOf("/iscsi/" + PREFIX + ":san-client-target create tag=2");
        int drop = lines.indexOf(tpg2 + "/portals delete ip_address=0.0.0.0 ip_port=3260");
        int vip = lines.indexOf(tpg2 + "/portals create ip_address=10.50.50.10 ip_port=3260");
        assertThat(create).isNotNegative();
        assertThat(drop).isGreaterThan(create);
        assertThat(vip).isGreaterThan(drop);
        LioConfig cfg = ClientTargetBuilder.coldStart(spec, Set.of(), List.of());
        assertThat(cfg.target(spec.targetIqn().toString()).orElseThrow().tpgs()).allSatisfy(t ->
                assertThat(t.portals()).extracting(Portal::ipAddress).doesNotContain("0.0.0.0"));
    }

    @Test
    void client_syncOfEveryVlan_isOneTargetcliProcessAndConverges() {
        ClientTargetSpec spec = new ClientTargetSpec(Iqn.parse(PREFIX + ":san-client-target"), List.of(
                ClientTpg.nonIscsi("enduser"),
                ClientTpg.iscsi("hv1", IpCidr.parse("10.40.40.10/24"), 3260, ZfsName.parse("san-pool/iscsi/hv1"), new ClientTpg.Open(Chap.NONE)),
                ClientTpg.iscsi("hv2", IpCidr.parse("10.50.50.10/24"), 3260, ZfsName.parse("san-pool/iscsi/hv2"), new ClientTpg.Acls(List.of(
                        new ClientTpg.InitiatorAcl(Iqn.parse(PREFIX + ":proxmox-a"), Chap.NONE))))));
        LioConfig built = ClientTargetBuilder.batch(spec, Set.of()).applyTo(LioConfig.empty());
        List<Zvol> zvols = List.of(Zvol.of("san-pool/iscsi/hv1/vm-100-disk-0", Size.parse("1G")),
                Zvol.of("san-pool/iscsi/hv1/vm-101-disk-0", Size.parse("1G")),
                Zvol.of("san-pool/iscsi/hv2/vm-100-disk-0", Size.parse("1G")));
        org.sansdk.lio.sync.SyncPlan all = spec.planSync(built, zvols);
        assertThat(all.toPlan("storage-a").steps()).hasSize(1);
        assertThat(all.before()).isEqualTo(built);
        Target t = all.after().target(spec.targetIqn().toString()).orElseThrow();
        assertThat(t.tpg(2).orElseThrow().luns()).extracting(Lun::storageObject)
                .containsExactly("/backstores/block/hv1-vm-100-disk-0", "/backstores/block/hv1-vm-101-disk-0");
        assertThat(t.tpg(3).orElseThrow().luns()).extracting(Lun::storageObject)
                .containsExactly("/backstores/block/hv2-vm-100-disk-0");
        assertThat(t.tpg(3).orElseThrow().acl(PREFIX + ":proxmox-a").orElseThrow().mappedLuns())
                .containsExactly(MappedLun.of(0, 0));
        assertThat(spec.planSync(all.after(), zvols).isEmpty()).isTrue();
        assertThat(ClientTargetBuilder.coldStart(spec, Set.of(), zvols)).isEqualTo(all.after());
    }

    @Test
    void malformedAddressesAndNames_refusedBeforeAnyTargetcliLine() {
        // the typed values refuse them when the spec is built: an address without its prefix, a name that is not
        // an iSCSI name
        assertThatThrownBy(() -> IpCidr.parse("10.10.10.1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Iqn.parse("storage-a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("iqn., eui. or naa.");
        assertThatThrownBy(() -> Iqn.parse("proxmox-a")).isInstanceOf(IllegalArgumentException.class);
        // an IPv6 VIP is bracketed the way rtslib stores it
        ClientTargetSpec v6 = new ClientTargetSpec(Iqn.parse(PREFIX + ":san-client-target"), List.of(ClientTpg.iscsi("hv",
                IpCidr.parse("fd00::10/64"), 3260, ZfsName.parse("san-pool/iscsi/hv"), new ClientTpg.Acls(List.of(
                        new ClientTpg.InitiatorAcl(Iqn.parse(PREFIX + ":proxmox-a"), Chap.NONE))))));
        assertThat(ClientTargetBuilder.coldStart(v6, Set.of(), List.of()).target(PREFIX + ":san-client-target")
                .orElseThrow().tpg(1).orElseThrow().portals()).containsExactly(Portal.of("[fd00::10]", 3260));
        // what the types cannot see is still a validation error: a wildcard interconnect address
        BackendTargetSpec s = storageA();
        BackendTargetSpec wildcard = new BackendTargetSpec(s.targetIqn(), IpCidr.parse("0.0.0.0/0"), 3260, s.disks(),
                s.peerInitiatorIqn(), Chap.NONE, BackendTargetSpec.Discard.KEEP);
        assertThatThrownBy(() -> BackendTargetBuilder.changes(wildcard)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(v -> v.ruleId()).containsExactly("LIO-DESIGN-002"));
    }

    @Test
    void client_twoVlansWithTheSameName_refusedInsteadOfSharingATpgNumber() {
        ClientTpg hv = ClientTpg.iscsi("hv", IpCidr.parse("10.40.40.10/24"), 3260, ZfsName.parse("san-pool/iscsi/hv"), new ClientTpg.Open(Chap.NONE));
        ClientTargetSpec spec = new ClientTargetSpec(Iqn.parse(PREFIX + ":san-client-target"), List.of(hv, hv));
        assertThatThrownBy(() -> ClientTargetBuilder.changes(spec, Set.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.ruleId()).contains("LIO-DESIGN-009"));
    }

    @Test
    void client_mixedChapAcls_andBackendIqnReuse_refused() {
        ClientTargetSpec mixed = designVlans(new ClientTpg.Acls(List.of(
                new ClientTpg.InitiatorAcl(Iqn.parse(PREFIX + ":proxmox-a"), Chap.of("a", Secret.of("pw-a-123456"))),
                new ClientTpg.InitiatorAcl(Iqn.parse(PREFIX + ":proxmox-b"), Chap.NONE))));
        assertThatThrownBy(() -> ClientTargetBuilder.changes(mixed, Set.of(Iqn.parse(PREFIX + ":san-client-target"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.ruleId()).containsExactlyInAnyOrder("LIO-DESIGN-004", "LIO-AUTH-002"));
    }
}
