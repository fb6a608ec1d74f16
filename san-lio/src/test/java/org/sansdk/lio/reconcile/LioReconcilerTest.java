package org.sansdk.lio.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sansdk.core.Command;
import org.sansdk.core.IpCidr;
import org.sansdk.core.Iqn;
import org.sansdk.core.Plan;
import org.sansdk.core.Secret;
import org.sansdk.core.Size;
import org.sansdk.core.ZfsName;
import org.sansdk.lio.Chap;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.Lun;
import org.sansdk.lio.Portal;
import org.sansdk.lio.Target;
import org.sansdk.lio.Tpg;
import org.sansdk.lio.design.ClientTargetBuilder;
import org.sansdk.lio.design.ClientTargetSpec;
import org.sansdk.lio.design.ClientTpg;
import org.sansdk.lio.sync.ScsiIdentity;
import org.sansdk.lio.sync.SyncFinding;
import org.sansdk.lio.sync.SyncPlan;
import org.sansdk.lio.sync.Zvol;

/** Reconcile plans for the day-two changes the design makes: each touches only the object that changed. */
class LioReconcilerTest {
    static final String P = "iqn.2025-01.lab.home";
    static final String T = P + ":san-client-target";
    static final Secret PW_A = Secret.of("a-pw-4-secret");
    static final Secret PW_B = Secret.of("b-pw-5-secret");
    static final Secret PW_C = Secret.of("c-pw-6-secret");

    static ClientTpg hypervisor(List<ClientTpg.InitiatorAcl> acls) {
        return ClientTpg.iscsi("hypervisor", IpCidr.parse("10.40.40.10/24"), 3260,
                ZfsName.parse("san-pool/iscsi/hypervisor"), new ClientTpg.Acls(acls));
    }

    static ClientTpg.InitiatorAcl acl(String name, Secret pw) {
        return new ClientTpg.InitiatorAcl(Iqn.parse(P + ":" + name), Chap.of(name, pw));
    }

    static final ClientTpg LAB = ClientTpg.iscsi("lab", IpCidr.parse("10.50.50.10/24"), 3260,
            ZfsName.parse("san-pool/iscsi/lab"), new ClientTpg.Open(Chap.NONE));

    static List<Zvol> zvols() {
        return List.of(Zvol.of("san-pool/iscsi/hypervisor/vm-100-disk-0", Size.parse("32G")),
                Zvol.of("san-pool/iscsi/hypervisor/vm-101-disk-0", Size.parse("8G")),
                Zvol.of("san-pool/iscsi/lab/vm-300-disk-0", Size.parse("4G")));
    }

    static LioConfig built(List<ClientTpg> vlans) {
        List<ClientTpg> all = new ArrayList<>();
        all.add(ClientTpg.nonIscsi("enduser"));
        all.addAll(vlans);
        return ClientTargetBuilder.coldStart(new ClientTargetSpec(Iqn.parse(T), all), List.of(), zvols());
    }

    static LioConfig day1() {
        return built(List.of(hypervisor(List.of(acl("proxmox-a", PW_A), acl("proxmox-b", PW_B)))));
    }

    static SyncPlan plan(LioConfig current, LioConfig desired) {
        return LioReconciler.toward(desired).plan(current);
    }

    /** Applies the batch TEXT and re-plans: nothing left to do. */
    static LioConfig applyAndConverge(LioConfig current, LioConfig desired, SyncPlan p) {
        LioConfig after = TargetcliScript.apply(current, p.batch().script());
        assertThat(plan(after, desired).changes()).isEmpty();
        return after;
    }

    @Test
    void sameState_isEmpty() {
        assertThat(plan(day1(), day1()).changes()).isEmpty();
        assertThat(plan(day1(), day1()).findings()).isEmpty();
    }

    @Test
    void addingAVlan_touchesOnlyItsTpgAndBackstore_evenThoughTheDesignRenamesTheOldBackstores() {
        // with two iSCSI VLANs the design's backstore names get the VLAN prefix: the existing ones are found by device
        LioConfig desired = built(List.of(hypervisor(List.of(acl("proxmox-a", PW_A), acl("proxmox-b", PW_B))), LAB));
        SyncPlan p = plan(day1(), desired);
        String tpg3 = "/iscsi/" + T + "/tpg3";
        String serial = ScsiIdentity.unitSerial("san-pool/iscsi/lab/vm-300-disk-0");
        assertThat(TargetcliScript.lines(p.batch().script())).containsExactly(
                "/backstores/block create name=lab-vm-300-disk-0 dev=/dev/zvol/san-pool/iscsi/lab/vm-300-disk-0 wwn=" + serial,
                "/backstores/block/lab-vm-300-disk-0 set attribute emulate_tpu=1",
                "/iscsi/" + T + " create tag=3",
                tpg3 + "/portals delete ip_address=0.0.0.0 ip_port=3260",
                tpg3 + "/portals create ip_address=10.50.50.10 ip_port=3260",
                tpg3 + "/luns create storage_object=/backstores/block/lab-vm-300-disk-0 lun=0 add_mapped_luns=false",
                tpg3 + " set attribute authentication=0 cache_dynamic_acls=1 demo_mode_write_protect=0 generate_node_acls=1");
        assertThat(p.findings()).isEmpty();
        applyAndConverge(day1(), desired, p);
    }

    @Test
    void addingAnAcl_givesItsAclAuthAndMappings_only_withThePasswordOnlyOnStdin() {
        LioConfig desired = built(List.of(hypervisor(List.of(acl("proxmox-a", PW_A), acl("proxmox-b", PW_B),
                acl("proxmox-c", PW_C)))));
        SyncPlan p = plan(day1(), desired);
        String acls = "/iscsi/" + T + "/tpg2/acls";
        String c = P + ":proxmox-c";
        assertThat(TargetcliScript.lines(p.batch().script())).containsExactly(
                acls + " create wwn=" + c + " add_mapped_luns=false",
                acls + "/" + c + " set auth userid=proxmox-c password=" + PW_C.reveal(),
                acls + "/" + c + " set auth mutual_userid=",
                acls + "/" + c + " set auth mutual_password=",
                acls + "/" + c + " create mapped_lun=0 tpg_lun_or_backstore=0 write_protect=false",
                acls + "/" + c + " create mapped_lun=1 tpg_lun_or_backstore=1 write_protect=false");
        Plan run = p.toPlan("storage-a");
        Command cmd = ((Plan.RunStep) run.steps().get(0)).command();
        assertThat(String.join(" ", cmd.argv())).doesNotContain(PW_C.reveal());
        assertThat(cmd.stdinIsSecret()).isTrue();
        assertThat(run.toString()).doesNotContain(PW_C.reveal());
        assertThat(p.toString()).doesNotContain(PW_C.reveal()).contains("allow initiator " + c);
        assertThat(p.batch().redactedScript()).doesNotContain(PW_C.reveal());
        applyAndConverge(day1(), desired, p);
    }

    @Test
    void addingAPortal_isOneLine() {
        LioConfig current = day1();
        Target t = current.target(T).orElseThrow();
        Tpg tpg2 = t.tpg(2).orElseThrow();
        List<Portal> portals = new ArrayList<>(tpg2.portals());
        portals.add(Portal.of("10.41.41.10", 3260));
        LioConfig desired = current.withTarget(t.withTpg(tpg2.withPortals(portals)));
        SyncPlan p = plan(current, desired);
        assertThat(TargetcliScript.lines(p.batch().script())).containsExactly(
                "/iscsi/" + T + "/tpg2/portals create ip_address=10.41.41.10 ip_port=3260");
        applyAndConverge(current, desired, p);
    }

    @Test
    void aLunTheDesiredStateNumbersDifferently_keepsItsNumber_andSaysSo() {
        LioConfig current = day1();
        Target t = current.target(T).orElseThrow();
        Tpg tpg2 = t.tpg(2).orElseThrow();
        // desired: the two zvols swapped (LUN 0 <-> 1), as a design rendered from scratch in another order could say
        List<Lun> swapped = List.of(Lun.of(0, tpg2.luns().get(1).storageObject()), Lun.of(1, tpg2.luns().get(0).storageObject()));
        LioConfig desired = current.withTarget(t.withTpg(tpg2.withLuns(swapped)));
        SyncPlan p = plan(current, desired);
        assertThat(p.changes()).isEmpty();
        assertThat(p.findings()).hasSize(2).allMatch(f -> f instanceof SyncFinding.LunKept);
        assertThat(p.findings().get(0).describe()).contains("stays LUN 1 (desired 0)");
    }

    @Test
    void removingAnAcl_isReportedByDefault_andDoneOnlyWithExtrasRemove() {
        LioConfig desired = built(List.of(hypervisor(List.of(acl("proxmox-a", PW_A)))));
        SyncPlan keep = plan(day1(), desired);
        assertThat(keep.changes()).isEmpty();
        assertThat(keep.findings()).extracting(SyncFinding::describe).containsExactly(
                "ACL " + P + ":proxmox-b in " + T + " tpg2 is not in the desired state: kept (pass Extras.REMOVE to delete it)");
        SyncPlan remove = LioReconciler.toward(desired).extras(LioReconciler.Extras.REMOVE).plan(day1());
        assertThat(TargetcliScript.lines(remove.batch().script())).containsExactly(
                "/iscsi/" + T + "/tpg2/acls delete wwn=" + P + ":proxmox-b");
        LioConfig after = TargetcliScript.apply(day1(), remove.batch().script());
        assertThat(after).isEqualTo(desired);
    }

    @Test
    void switchingChapOff_clearsCredentialsAfterAuthenticationIsOff_andOnSetsThemBefore() {
        ClientTpg open = ClientTpg.iscsi("hypervisor", IpCidr.parse("10.40.40.10/24"), 3260,
                ZfsName.parse("san-pool/iscsi/hypervisor"), new ClientTpg.Open(Chap.of("shared", PW_A)));
        ClientTpg openNoChap = ClientTpg.iscsi("hypervisor", IpCidr.parse("10.40.40.10/24"), 3260,
                ZfsName.parse("san-pool/iscsi/hypervisor"), new ClientTpg.Open(Chap.NONE));
        LioConfig withChap = built(List.of(open));
        LioConfig without = built(List.of(openNoChap));
        String tpg2 = "/iscsi/" + T + "/tpg2";
        assertThat(TargetcliScript.lines(plan(withChap, without).batch().script())).containsExactly(
                tpg2 + " set attribute authentication=0",
                tpg2 + " set auth userid=",
                tpg2 + " set auth password=",
                tpg2 + " set auth mutual_userid=",
                tpg2 + " set auth mutual_password=");
        assertThat(TargetcliScript.lines(plan(without, withChap).batch().script())).containsExactly(
                tpg2 + " set auth userid=shared password=" + PW_A.reveal(),
                tpg2 + " set auth mutual_userid=",
                tpg2 + " set auth mutual_password=",
                tpg2 + " set attribute authentication=1");
        applyAndConverge(withChap, without, plan(withChap, without));
        applyAndConverge(without, withChap, plan(without, withChap));
    }

    @Test
    void tpgParametersEnableAndBackstoreAttributes_followTheDesiredKeysOnly() {
        LioConfig current = day1();
        Target t = current.target(T).orElseThrow();
        Tpg tpg2 = t.tpg(2).orElseThrow();
        Tpg changed = new Tpg(2, false, tpg2.attributes(), Map.of("HeaderDigest", "CRC32C,None"), tpg2.luns(),
                tpg2.portals(), tpg2.nodeAcls(), tpg2.chap(), tpg2.extra());
        LioConfig desired = current.withTarget(t.withTpg(changed));
        String tpg = "/iscsi/" + T + "/tpg2";
        assertThat(TargetcliScript.lines(plan(current, desired).batch().script())).containsExactly(
                tpg + " disable", tpg + " set parameter HeaderDigest=CRC32C,None");
        applyAndConverge(current, desired, plan(current, desired));
        // a saveconfig lists every kernel default: keys the desired state does not name are not compared
        Tpg withDefaults = tpg2.withAttribute("login_timeout", 15).withAttribute("netif_timeout", 2);
        LioConfig noisy = current.withTarget(t.withTpg(withDefaults));
        assertThat(plan(noisy, current).changes()).isEmpty();
    }

    @Test
    void aNewTarget_dropsTheTpg1AndWildcardPortalTargetcliAddsWhenTheDesiredStateHasNeither() {
        String iqn = P + ":backend";
        Tpg tpg2 = Tpg.of(2).withPortals(List.of(Portal.of("10.10.10.1", 3260)));
        LioConfig desired = LioConfig.empty().withTarget(Target.iscsi(iqn, List.of(tpg2)));
        SyncPlan p = plan(LioConfig.empty(), desired);
        assertThat(TargetcliScript.lines(p.batch().script())).containsExactly(
                "/iscsi create " + iqn,
                "/iscsi/" + iqn + " create tag=2",
                "/iscsi/" + iqn + "/tpg2/portals create ip_address=10.10.10.1 ip_port=3260",
                "/iscsi/" + iqn + " delete tag=1");
        applyAndConverge(LioConfig.empty(), desired, p);
    }
}
