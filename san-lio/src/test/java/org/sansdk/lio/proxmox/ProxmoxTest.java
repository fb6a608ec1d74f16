package org.sansdk.lio.proxmox;

import org.sansdk.core.Iqn;
import org.sansdk.core.ZfsName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sansdk.core.Plan;
import org.sansdk.core.SanException;
import org.sansdk.core.Violation;
import org.sansdk.lio.BlockStorageObject;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.Lun;
import org.sansdk.lio.MappedLun;
import org.sansdk.lio.NodeAcl;
import org.sansdk.lio.SaveconfigParser;
import org.sansdk.lio.Target;
import org.sansdk.lio.Tpg;
import org.sansdk.lio.sync.ScsiIdentity;

class ProxmoxTest {
    static final String IQN = "iqn.2025-01.lab.home:san-client-target";
    static final ProxmoxStorage STORAGE = new ProxmoxStorage(Iqn.parse(IQN), 2, ZfsName.parse("san-pool/iscsi/hypervisor"), "/dev/zvol");
    static final String VM100 = "/dev/zvol/san-pool/iscsi/hypervisor/vm-100-disk-0";
    static final String VM101 = "/dev/zvol/san-pool/iscsi/hypervisor/vm-101-disk-0";

    static LioConfig demoTarget() {
        Tpg tpg = Tpg.of(2).withAttribute("generate_node_acls", 1).withAttribute("authentication", 0);
        return LioConfig.empty().withTarget(Target.iscsi(IQN, List.of(Tpg.of(1), tpg)));
    }

    @Test
    void createLun_returnsExplicitNumberAndProxmoxName_inOneTargetcliRun() {
        ProxmoxLunService svc = new ProxmoxLunService("storage-a", STORAGE);
        ProxmoxLunService.Result r1 = svc.createLun(demoTarget(), VM100);
        ProxmoxLunService.Result r2 = svc.createLun(r1.after(), VM101);
        assertThat(r1.lun()).isZero();
        assertThat(r2.lun()).isEqualTo(1);
        assertThat(r1.plan().steps()).hasSize(1);
        String script = new String(((Plan.RunStep) r1.plan().steps().get(0)).command().stdin().orElseThrow(),
                StandardCharsets.US_ASCII);
        assertThat(script).contains("/backstores/block create name=san-pool-iscsi-hypervisor-vm-100-disk-0 dev=" + VM100)
                .contains("lun=0 add_mapped_luns=false").endsWith("saveconfig\nexit\n");
        BlockStorageObject so = (BlockStorageObject) r2.after().storageObjects().get(0);
        assertThat(so.wwn()).contains(ScsiIdentity.unitSerial("san-pool/iscsi/hypervisor/vm-100-disk-0"));
        assertThat(svc.lookup(r2.after(), VM101)).hasValue(1);
        assertThat(svc.listLuns(r2.after())).extracting(ProxmoxLunService.LunEntry::lun).containsExactly(0, 1);
        assertThat(ProxmoxConformance.check(r2.after(), STORAGE)).isEmpty();
        assertThatThrownBy(() -> svc.createLun(r2.after(), VM100)).isInstanceOfSatisfying(
                LunAlreadyExportedException.class, e -> assertThat(e.lun()).isZero())
                .hasMessageContaining("already exists");
        assertThat(svc.listLuns(r2.after())).extracting(ProxmoxLunService.LunEntry::toString).containsExactly(
                "lun 0 -> /backstores/block/san-pool-iscsi-hypervisor-vm-100-disk-0 (" + VM100 + ")",
                "lun 1 -> /backstores/block/san-pool-iscsi-hypervisor-vm-101-disk-0 (" + VM101 + ")");
        assertThatThrownBy(() -> svc.deleteLun(demoTarget(), VM100)).isInstanceOf(LunNotExportedException.class)
                .hasMessageContaining("no LUN exports it");
    }

    @Test
    void deleteLun_removesLunAndBackstore_resizeIsEmptyPlan() {
        ProxmoxLunService svc = new ProxmoxLunService("storage-a", STORAGE);
        LioConfig cfg = svc.createLun(svc.createLun(demoTarget(), VM100).after(), VM101).after();
        assertThat(svc.resize(cfg, VM101).plan().isEmpty()).isTrue();
        ProxmoxLunService.Result d = svc.deleteLun(cfg, VM100);
        assertThat(d.lun()).isZero();
        assertThat(d.after().storageObjects()).hasSize(1);
        assertThat(svc.lookup(d.after(), VM100)).isEmpty();
        assertThat(svc.lookup(d.after(), VM101)).hasValue(1);
        // the freed number is reused only by a later create, as Proxmox's provider would
        assertThat(svc.createLun(d.after(), VM100).lun()).isZero();
        assertThatThrownBy(() -> svc.createLun(cfg, "/dev/zvol/other/vm-1-disk-0")).isInstanceOf(SanException.class);
    }

    @Test
    void deleteLun_backstoreStillExportedByAnotherTpg_keepsTheBackstore() {
        ProxmoxLunService svc = new ProxmoxLunService("storage-a", STORAGE);
        LioConfig cfg = svc.createLun(demoTarget(), VM100).after();
        String so = cfg.target(IQN).orElseThrow().tpg(2).orElseThrow().lun(0).orElseThrow().storageObject();
        // the same backstore is also LUN 0 of tpg1 (deleting the backstore would pull it from under tpg1's initiators)
        Target t = cfg.target(IQN).orElseThrow();
        LioConfig shared = cfg.withTarget(t.withTpg(t.tpg(1).orElseThrow().withLuns(List.of(Lun.of(0, so)))));
        ProxmoxLunService.Result d = svc.deleteLun(shared, VM100);
        assertThat(d.after().storageObject(so)).isPresent();
        assertThat(d.after().target(IQN).orElseThrow().tpg(1).orElseThrow().luns()).hasSize(1);
        String script = new String(((Plan.RunStep) d.plan().steps().get(0)).command().stdin().orElseThrow(),
                StandardCharsets.US_ASCII);
        assertThat(script).contains("luns delete lun=0").doesNotContain("/backstores/block delete");
    }

    @Test
    void check_designMultiVlanNamesAndAclMode_reportEveryViolation() {
        BlockStorageObject vlanNamed = BlockStorageObject.of("hypervisor-vm-100-disk-0", VM100);
        BlockStorageObject legacy = BlockStorageObject.of("vm-101-disk-0", VM101);
        Tpg tpg = Tpg.of(2).withLuns(List.of(Lun.of(0, vlanNamed.path()), Lun.of(1, legacy.path()),
                        Lun.of(2, "/backstores/fileio/f"), Lun.of(3, "/backstores/block/gone")))
                .withNodeAcls(List.of(NodeAcl.of("iqn.2025-01.lab.home:proxmox-a")
                        .withMappedLuns(List.of(MappedLun.of(0, 0), MappedLun.of(4, 1)))));
        LioConfig cfg = LioConfig.empty().plusStorageObject(vlanNamed).plusStorageObject(legacy)
                .withTarget(Target.iscsi(IQN, List.of(tpg)));
        List<Violation> v = ProxmoxConformance.check(cfg, STORAGE);
        assertThat(v).extracting(Violation::ruleId).containsExactly("PVE-ACL-001", "PVE-NAME-001", "PVE-NAME-001",
                "PVE-LUN-001", "PVE-LUN-002", "PVE-ACL-002");
        assertThat(v.get(1).message()).contains("not found by Proxmox");
        assertThat(v.get(2).message()).contains("legacy fallback");
    }

    @Test
    void check_missingTargetOrTpg_andBadTpgName() {
        assertThat(ProxmoxConformance.check(LioConfig.empty(), STORAGE)).extracting(Violation::ruleId)
                .containsExactly("PVE-TARGET-001");
        assertThat(ProxmoxConformance.check(demoTarget(), new ProxmoxStorage(Iqn.parse(IQN), ProxmoxStorage.parseTpg("tpg7"), ZfsName.parse("p"), null)))
                .extracting(Violation::ruleId).containsExactly("PVE-TPG-002");
        // a lio_tpg that is not tpgN never becomes a storage: refused when read, naming the rule
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProxmoxStorage.parseTpg("portal1"))
                .isInstanceOf(org.sansdk.core.SanException.class).hasMessageStartingWith("PVE-TPG-001");
    }

    @Test
    void checkAll_corpusYastFixture_flagsFileioLunAndMappedLun7() {
        LioConfig cfg = SaveconfigParser.parse("f", org.sansdk.lio.CorpusAccess.saveconfig(
                "yast-lio-server-fixture-tpg5-mapped-lun7.json"));
        assertThat(ProxmoxConformance.checkAll(cfg)).extracting(Violation::ruleId)
                .containsExactly("PVE-ACL-001", "PVE-LUN-001", "PVE-ACL-002");
    }
}
