package org.sansdk.lio.sync;

import org.sansdk.core.ZfsName;
import org.sansdk.core.Iqn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sansdk.core.Command;
import org.sansdk.core.Plan;
import org.sansdk.core.Size;
import org.sansdk.lio.BlockStorageObject;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.LioValidator;
import org.sansdk.lio.Lun;
import org.sansdk.lio.MappedLun;
import org.sansdk.lio.NodeAcl;
import org.sansdk.lio.SaveconfigParser;
import org.sansdk.lio.SaveconfigWriter;
import org.sansdk.lio.Target;
import org.sansdk.lio.Tpg;
import org.sansdk.lio.targetcli.LioChange;

class LunSyncPlannerTest {
    static final String IQN = "iqn.2025-01.lab.home:san-client-target";
    static final String DS = "san-pool/iscsi/hypervisor";
    static final String A = "iqn.2025-01.lab.home:proxmox-a";
    static final String B = "iqn.2025-01.lab.home:proxmox-b";

    static LioConfig aclTarget() {
        Tpg tpg = Tpg.of(2).withNodeAcls(List.of(NodeAcl.of(A), NodeAcl.of(B)));
        return LioConfig.empty().withTarget(Target.iscsi(IQN, List.of(tpg)));
    }

    static Zvol z(String leaf, String size) {
        return Zvol.of(DS + "/" + leaf, Size.parse(size));
    }

    @Test
    void plan_newZvols_getFreeIndicesInNameOrderAndEqualMappedLuns() {
        SyncPlan p = LunSyncPlanner.forTpg(Iqn.parse(IQN), 2, ZfsName.parse(DS)).plan(aclTarget(),
                List.of(z("vm-101-disk-0", "8G"), z("vm-100-disk-0", "32G")));
        List<LioChange.CreateLun> luns = p.changes().stream().filter(c -> c instanceof LioChange.CreateLun)
                .map(c -> (LioChange.CreateLun) c).toList();
        assertThat(luns).extracting(LioChange.CreateLun::index, LioChange.CreateLun::storageObject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "/backstores/block/vm-100-disk-0"),
                        org.assertj.core.groups.Tuple.tuple(1, "/backstores/block/vm-101-disk-0"));
        LioConfig after = p.after();
        Tpg tpg = after.target(IQN).orElseThrow().tpg(2).orElseThrow();
        for (NodeAcl acl : tpg.nodeAcls()) {
            assertThat(acl.mappedLuns()).extracting(MappedLun::index, MappedLun::tpgLun)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 0), org.assertj.core.groups.Tuple.tuple(1, 1));
        }
        BlockStorageObject so = (BlockStorageObject) after.storageObject("/backstores/block/vm-100-disk-0").orElseThrow();
        assertThat(so.dev()).isEqualTo("/dev/zvol/san-pool/iscsi/hypervisor/vm-100-disk-0");
        assertThat(so.attributes()).containsEntry("emulate_tpu", 1L);
        assertThat(so.wwn()).contains(ScsiIdentity.unitSerial(DS + "/vm-100-disk-0"));
        assertThat(LioValidator.validate(after)).isEmpty();
    }

    @Test
    void plan_afterApplying_isEmpty() {
        List<Zvol> zvols = List.of(z("vm-100-disk-0", "32G"), z("vm-101-disk-0", "8G"), z("vm-102-disk-1", "1G"));
        LunSyncPlanner planner = LunSyncPlanner.forTpg(Iqn.parse(IQN), 2, ZfsName.parse(DS));
        SyncPlan first = planner.plan(aclTarget(), zvols);
        assertThat(first.isEmpty()).isFalse();
        SyncPlan again = planner.plan(first.after(), zvols);
        assertThat(again.changes()).isEmpty();
        // also through the saveconfig.json text, as a cold start would
        LioConfig reread = SaveconfigParser.parse("x", first.saveconfigJson());
        assertThat(planner.plan(reread, zvols).changes()).isEmpty();
    }

    @Test
    void plan_existingLunsKeepNumbers_newZvolFillsTheGap() {
        LioConfig cfg = LunSyncPlanner.forTpg(Iqn.parse(IQN), 2, ZfsName.parse(DS)).plan(aclTarget(),
                List.of(z("a", "1G"), z("b", "1G"), z("c", "1G"))).after();
        // b disappears, d appears: a=0 and c=2 keep their numbers; d takes 1 only if b's LUN is gone
        SyncPlan keep = LunSyncPlanner.forTpg(Iqn.parse(IQN), 2, ZfsName.parse(DS)).plan(cfg, List.of(z("a", "1G"), z("c", "1G"), z("d", "1G")));
        assertThat(keep.findings()).anySatisfy(f -> assertThat(f).isInstanceOf(SyncFinding.OrphanLun.class));
        assertThat(keep.changes()).filteredOn(c -> c instanceof LioChange.CreateLun)
                .extracting(c -> ((LioChange.CreateLun) c).index()).containsExactly(3);
        SyncPlan remove = LunSyncPlanner.forTpg(Iqn.parse(IQN), 2, ZfsName.parse(DS)).removeMissing()
                .plan(cfg, List.of(z("a", "1G"), z("c", "1G"), z("d", "1G")));
        // the freed LUN 1 is not reused in the same plan (an initiator may still cache it)
        assertThat(remove.changes()).filteredOn(c -> c instanceof LioChange.CreateLun)
                .extracting(c -> ((LioChange.CreateLun) c).index()).containsExactly(3);
        assertThat(remove.changes()).contains(new LioChange.DeleteLun(IQN, 2, 1),
                new LioChange.DeleteBackstore("block", "b"));
        Tpg tpg = remove.after().target(IQN).orElseThrow().tpg(2).orElseThrow();
        assertThat(tpg.luns()).extracting(Lun::index).containsExactly(0, 2, 3);
        assertThat(tpg.acl(A).orElseThrow().mappedLuns()).extracting(MappedLun::tpgLun).containsExactly(0, 2, 3);
    }

    @Test
    void plan_removeMissingWithNoZvolListedUnderTheDataset_removesNothing() {
        // an empty listing (pool not imported, wrong dataset, zfs error) must not unexport every disk
        LioConfig cfg = LunSyncPlanner.forTpg(Iqn.parse(IQN), 2, ZfsName.parse(DS)).plan(aclTarget(), List.of(z("a", "1G"), z("b", "1G"))).after();
        SyncPlan p = LunSyncPlanner.forTpg(Iqn.parse(IQN), 2, ZfsName.parse(DS)).removeMissing()
                .plan(cfg, List.of(Zvol.of("san-pool/other/x", Size.parse("1G"))));
        assertThat(p.changes()).isEmpty();
        assertThat(p.findings()).filteredOn(f -> f instanceof SyncFinding.OrphanLun)
                .extracting(f -> ((SyncFinding.OrphanLun) f).removed()).containsExactly(false, false);
        assertThat(p.toString()).contains("no zvol listed under " + DS);
        // with one zvol still listed, the other one's LUN goes
        assertThat(LunSyncPlanner.forTpg(Iqn.parse(IQN), 2, ZfsName.parse(DS)).removeMissing().plan(cfg, List.of(z("a", "1G"))).changes())
                .contains(new LioChange.DeleteLun(IQN, 2, 1));
    }

    @Test
    void plan_autoMappedLunWithOtherNumber_reportedAndFixedOnlyWhenAsked() {
        LioConfig cfg = LunSyncPlanner.forTpg(Iqn.parse(IQN), 2, ZfsName.parse(DS)).plan(aclTarget(), List.of(z("a", "1G"), z("b", "1G"))).after();
        // simulate targetcli's auto mapping: B sees TPG LUN 1 as mapped LUN 5
        Tpg tpg = cfg.target(IQN).orElseThrow().tpg(2).orElseThrow();
        NodeAcl b = tpg.acl(B).orElseThrow().withMappedLuns(List.of(MappedLun.of(0, 0), MappedLun.of(5, 1)));
        List<NodeAcl> acls = new ArrayList<>(tpg.nodeAcls());
        acls.set(1, b);
        LioConfig skewed = cfg.withTarget(cfg.target(IQN).orElseThrow().withTpg(tpg.withNodeAcls(acls)));
        SyncPlan report = LunSyncPlanner.forTpg(Iqn.parse(IQN), 2, ZfsName.parse(DS)).plan(skewed, List.of(z("a", "1G"), z("b", "1G")));
        assertThat(report.changes()).isEmpty();
        assertThat(report.findings()).containsExactly(new SyncFinding.MappedLunMismatch(B, 5, 1, false));
        SyncPlan fix = LunSyncPlanner.forTpg(Iqn.parse(IQN), 2, ZfsName.parse(DS)).fixMappedLuns()
                .plan(skewed, List.of(z("a", "1G"), z("b", "1G")));
        assertThat(fix.changes()).containsExactly(new LioChange.DeleteMappedLun(IQN, 2, B, 5),
                new LioChange.CreateMappedLun(IQN, 2, B, 1, 1));
    }

    @Test
    void plan_newZvol_skipsIndicesAnAclAlreadyUsesAsMappedLun_soItCanBeMappedUnderItsOwnNumber() {
        LioConfig cfg = LunSyncPlanner.forTpg(Iqn.parse(IQN), 2, ZfsName.parse(DS)).plan(aclTarget(), List.of(z("a", "1G"), z("b", "1G"))).after();
        // targetcli's auto mapping left B seeing TPG LUN 1 as mapped LUN 2
        Tpg tpg = cfg.target(IQN).orElseThrow().tpg(2).orElseThrow();
        List<NodeAcl> acls = new ArrayList<>(tpg.nodeAcls());
        acls.set(1, tpg.acl(B).orElseThrow().withMappedLuns(List.of(MappedLun.of(0, 0), MappedLun.of(2, 1))));
        LioConfig skewed = cfg.withTarget(cfg.target(IQN).orElseThrow().withTpg(tpg.withNodeAcls(acls)));
        SyncPlan p = LunSyncPlanner.forTpg(Iqn.parse(IQN), 2, ZfsName.parse(DS)).plan(skewed, List.of(z("a", "1G"), z("b", "1G"), z("c", "1G")));
        assertThat(p.changes()).filteredOn(c -> c instanceof LioChange.CreateLun)
                .extracting(c -> ((LioChange.CreateLun) c).index()).containsExactly(3);
        assertThat(p.changes()).contains(new LioChange.CreateMappedLun(IQN, 2, A, 3, 3),
                new LioChange.CreateMappedLun(IQN, 2, B, 3, 3));
        assertThat(p.findings()).noneMatch(f -> f instanceof SyncFinding.MappedLunConflict);
    }

    @Test
    void plan_outOfRangeIndicesInTheConfig_areIgnoredForNumberingWithoutErrors() {
        // a hand-edited file may carry LUN 2147483647 (the parser keeps it, the validator flags it): no 256 MB
        // bitmap and no index error, the new zvol still gets LUN 0
        LioConfig cfg = LioConfig.empty().plusStorageObject(BlockStorageObject.of("x", "/dev/sdx"))
                .withTarget(Target.iscsi(IQN, List.of(Tpg.of(2).withLuns(List.of(Lun.of(Integer.MAX_VALUE,
                        "/backstores/block/x"), Lun.of(-1, "/backstores/block/x"))).withNodeAcls(List.of(
                        NodeAcl.of(A).withMappedLuns(List.of(MappedLun.of(-5, 7), MappedLun.of(Integer.MAX_VALUE, 7))))))));
        SyncPlan p = LunSyncPlanner.forTpg(Iqn.parse(IQN), 2, ZfsName.parse(DS)).plan(cfg, List.of(z("a", "1G")));
        assertThat(p.changes()).contains(new LioChange.CreateLun(IQN, 2, 0, "/backstores/block/a"),
                new LioChange.CreateMappedLun(IQN, 2, A, 0, 0));
    }

    @Test
    void plan_generateNodeAclsMode_createsNoMappedLuns() {
        Tpg tpg = Tpg.of(1).withAttribute("generate_node_acls", 1);
        LioConfig cfg = LioConfig.empty().withTarget(Target.iscsi(IQN, List.of(tpg)));
        SyncPlan p = LunSyncPlanner.forTpg(Iqn.parse(IQN), 1, ZfsName.parse(DS)).plan(cfg, List.of(z("a", "1G")));
        assertThat(p.changes()).noneMatch(c -> c instanceof LioChange.CreateMappedLun);
    }

    @Test
    void plan_generateNodeAclsModeWithAnExplicitAcl_mapsItToo() {
        // LIO uses an explicit ACL before a generated one even with generate_node_acls=1: without mappings that
        // initiator would see none of the new disks
        Tpg tpg = Tpg.of(1).withAttribute("generate_node_acls", 1).withNodeAcls(List.of(NodeAcl.of(A)));
        LioConfig cfg = LioConfig.empty().withTarget(Target.iscsi(IQN, List.of(tpg)));
        SyncPlan p = LunSyncPlanner.forTpg(Iqn.parse(IQN), 1, ZfsName.parse(DS)).plan(cfg, List.of(z("a", "1G")));
        assertThat(p.changes()).contains(new LioChange.CreateMappedLun(IQN, 1, A, 0, 0));
        assertThat(LunSyncPlanner.forTpg(Iqn.parse(IQN), 1, ZfsName.parse(DS)).plan(p.after(), List.of(z("a", "1G"))).isEmpty()).isTrue();
    }

    @Test
    void plan_grownZvolAndNestedZvol_reported() {
        SyncPlan p = LunSyncPlanner.forTpg(Iqn.parse(IQN), 2, ZfsName.parse(DS)).previous(List.of(z("a", "1G")))
                .plan(aclTarget(), List.of(z("a", "2G"), Zvol.of(DS + "/sub/x", Size.parse("1G")),
                        Zvol.of("san-pool/other/y", Size.parse("1G"))));
        assertThat(p.findings()).contains(new SyncFinding.GrownZvol(DS + "/a", Size.parse("1G"), Size.parse("2G")));
        assertThat(p.findings()).anySatisfy(f -> assertThat(f.describe()).contains("sub/x").contains("skipped"));
        assertThat(p.changes()).filteredOn(c -> c instanceof LioChange.CreateLun).hasSize(1);
    }

    @Test
    void plan_backstoreNameTakenByOtherDevice_isReportedNotOverwritten() {
        LioConfig cfg = aclTarget().plusStorageObject(BlockStorageObject.of("a", "/dev/sdz"));
        SyncPlan p = LunSyncPlanner.forTpg(Iqn.parse(IQN), 2, ZfsName.parse(DS)).plan(cfg, List.of(z("a", "1G")));
        assertThat(p.changes()).isEmpty();
        assertThat(p.findings()).containsExactly(new SyncFinding.NameConflict(DS + "/a", "a", "/dev/sdz"));
    }

    @Test
    void toPlan_rendersOneTargetcliProcessWithExplicitNumbersAndOneSaveconfig() {
        SyncPlan p = LunSyncPlanner.forTpg(Iqn.parse(IQN), 2, ZfsName.parse(DS)).naming(BackstoreNaming.vlan("hypervisor"))
                .plan(aclTarget(), List.of(z("vm-100-disk-0", "1G")));
        Plan plan = p.toPlan("storage-a");
        assertThat(plan.steps()).hasSize(1);
        Command cmd = ((Plan.RunStep) plan.steps().get(0)).command();
        assertThat(cmd.argv()).containsExactly("targetcli");
        String script = new String(cmd.stdin().orElseThrow(), java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(script).isEqualTo(p.batch().script());
        assertThat(script.lines().toList()).containsExactly(
                "/backstores/block create name=hypervisor-vm-100-disk-0 dev=/dev/zvol/" + DS + "/vm-100-disk-0 wwn="
                        + ScsiIdentity.unitSerial(DS + "/vm-100-disk-0"),
                "/backstores/block/hypervisor-vm-100-disk-0 set attribute emulate_tpu=1",
                "/iscsi/" + IQN + "/tpg2/luns create storage_object=/backstores/block/hypervisor-vm-100-disk-0 lun=0"
                        + " add_mapped_luns=false",
                "/iscsi/" + IQN + "/tpg2/acls/" + A + " create mapped_lun=0 tpg_lun_or_backstore=0 write_protect=false",
                "/iscsi/" + IQN + "/tpg2/acls/" + B + " create mapped_lun=0 tpg_lun_or_backstore=0 write_protect=false",
                "saveconfig", "exit");
    }

    @Test
    void plan_emptyPlan_rendersNoStep() {
        SyncPlan p = LunSyncPlanner.forTpg(Iqn.parse(IQN), 2, ZfsName.parse(DS)).plan(aclTarget(), List.of());
        assertThat(p.toPlan("storage-a").isEmpty()).isTrue();
        assertThat(p.toString()).isEqualTo("# no changes\n");
    }

    @Test
    void unitSerial_isStableAndGivesLioNaa() {
        String s = ScsiIdentity.unitSerial("san-pool/iscsi/vm-100-disk-0");
        assertThat(s).isEqualTo(ScsiIdentity.unitSerial("san-pool/iscsi/vm-100-disk-0"))
                .isNotEqualTo(ScsiIdentity.unitSerial("san-pool/iscsi/vm-100-disk-1"))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        String naa = ScsiIdentity.naaFor(s);
        assertThat(naa).startsWith("naa.6001405").hasSize(4 + 32);
        assertThat(naa.substring(11, 36)).isEqualTo(s.replace("-", "").substring(0, 25));
    }

    @Test
    void emptyConfiguration_writesRtslibsEmptyFile() {
        assertThat(SaveconfigWriter.write(LioConfig.empty())).isEqualTo(
                "{\n  \"fabric_modules\": [],\n  \"storage_objects\": [],\n  \"targets\": []\n}\n");
    }

    @Test
    void zvol_spaceInNameIsAccepted_leadingSlashOrSnapshotRefused() {
        // OpenZFS allows spaces in dataset names
        assertThat(Zvol.of(DS + "/my disk", Size.ofBytes(1024)).leaf()).isEqualTo("my disk");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Zvol.of("/tank/vm", Size.ofBytes(1024)))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Zvol.of("tank/vm@snap", Size.ofBytes(1024)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void plan_zvolNameTargetcliCannotTake_isSkippedWithAFinding_othersStillExported() {
        SyncPlan p = LunSyncPlanner.forTpg(Iqn.parse(IQN), 2, ZfsName.parse(DS)).plan(aclTarget(), List.of(z("my disk", "1G"), z("ok", "1G")));
        assertThat(p.changes()).filteredOn(c -> c instanceof LioChange.CreateLun)
                .extracting(c -> ((LioChange.CreateLun) c).storageObject()).containsExactly("/backstores/block/ok");
        assertThat(p.findings()).anySatisfy(f -> assertThat(f.describe()).contains("my disk").contains("skipped"));
    }

    @Test
    void toPlan_thousandZvolsWithTwoAcls_isStillOneTargetcliProcessWithOneSaveconfig() {
        List<Zvol> zvols = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            zvols.add(z("vm-" + (100 + i) + "-disk-0", "1G"));
        }
        SyncPlan p = LunSyncPlanner.forTpg(Iqn.parse(IQN), 2, ZfsName.parse(DS)).plan(aclTarget(), zvols);
        Plan plan = p.toPlan("storage-a");
        assertThat(plan.steps()).hasSize(1);
        Command cmd = ((Plan.RunStep) plan.steps().get(0)).command();
        assertThat(cmd.argv()).containsExactly("targetcli");
        List<String> lines = new String(cmd.stdin().orElseThrow(), java.nio.charset.StandardCharsets.US_ASCII)
                .lines().toList();
        assertThat(lines).filteredOn(l -> l.equals("saveconfig")).hasSize(1);
        assertThat(lines.get(lines.size() - 2)).isEqualTo("saveconfig");
        assertThat(lines).filteredOn(l -> l.contains("/luns create ")).hasSize(1000)
                .allSatisfy(l -> assertThat(l).containsPattern(" lun=\\d+ add_mapped_luns=false$"));
        assertThat(lines).filteredOn(l -> l.contains(" create mapped_lun=")).hasSize(2000)
                .allSatisfy(l -> assertThat(l).containsPattern("mapped_lun=(\\d+) tpg_lun_or_backstore=\\1 "));
    }

    @Test
    void verify_partiallyAppliedBatch_listsWhatIsMissing() {
        LunSyncPlanner planner = LunSyncPlanner.forTpg(Iqn.parse(IQN), 2, ZfsName.parse(DS));
        List<Zvol> zvols = List.of(z("a", "1G"), z("b", "1G"));
        SyncPlan p = planner.plan(aclTarget(), zvols);
        planner.verify(p.after(), zvols);
        // the batch stopped after the first two lines (backstores only)
        LioConfig partial = org.sansdk.lio.targetcli.TargetcliBatch.of(p.changes().subList(0, 2)).applyTo(aclTarget());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> planner.verify(partial, zvols))
                .isInstanceOf(org.sansdk.core.SanException.class).hasMessageContaining("create LUN 0");
    }

    @Test
    void plan_configWithAnObjectTwice_isRefusedNotResolvedByWhicheverMapEntryWins() {
        // the parser refuses these files; a configuration built in code can still hold them
        LioConfig twoBackstores = aclTarget().plusStorageObject(BlockStorageObject.of("a", "/dev/zvol/" + DS + "/a"))
                .plusStorageObject(BlockStorageObject.of("a", "/dev/sdz"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LunSyncPlanner.forTpg(Iqn.parse(IQN), 2, ZfsName.parse(DS))
                .plan(twoBackstores, List.of(z("a", "1G"))))
                .isInstanceOf(org.sansdk.core.SanException.class)
                .hasMessageContaining("storage object /backstores/block/a twice");
        LioConfig cfg = LunSyncPlanner.forTpg(Iqn.parse(IQN), 2, ZfsName.parse(DS)).plan(aclTarget(), List.of(z("a", "1G"))).after();
        Tpg tpg = cfg.target(IQN).orElseThrow().tpg(2).orElseThrow();
        LioConfig twoLuns = cfg.withTarget(cfg.target(IQN).orElseThrow().withTpg(tpg.withLuns(List.of(
                Lun.of(0, "/backstores/block/a"), Lun.of(0, "/backstores/block/a")))));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LunSyncPlanner.forTpg(Iqn.parse(IQN), 2, ZfsName.parse(DS))
                .plan(twoLuns, List.of(z("a", "1G"))))
                .isInstanceOf(org.sansdk.core.SanException.class).hasMessageContaining("holds LUN 0 twice");
        List<NodeAcl> acls = new ArrayList<>(tpg.nodeAcls());
        acls.set(0, tpg.acl(A).orElseThrow().withMappedLuns(List.of(MappedLun.of(0, 0), MappedLun.of(0, 0))));
        LioConfig twoMapped = cfg.withTarget(cfg.target(IQN).orElseThrow().withTpg(tpg.withNodeAcls(acls)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LunSyncPlanner.forTpg(Iqn.parse(IQN), 2, ZfsName.parse(DS))
                .plan(twoMapped, List.of(z("a", "1G"))))
                .isInstanceOf(org.sansdk.core.SanException.class)
                .hasMessageContaining("ACL for " + A + " in tpg2 of " + IQN + " holds mapped LUN 0 twice");
    }
}
