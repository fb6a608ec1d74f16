package org.sansdk.lio.design;

import org.sansdk.core.ZfsName;
import org.sansdk.core.IpCidr;
import org.sansdk.core.Iqn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sansdk.core.ParseException;
import org.sansdk.core.Secret;
import org.sansdk.lio.Chap;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.MappedLun;
import org.sansdk.lio.sync.SyncFinding;
import org.sansdk.lio.sync.SyncPlan;
import org.sansdk.lio.sync.Zvol;
import org.sansdk.lio.targetcli.LioChange;

class ClientAclSyncTest {
    static final String IQN = "iqn.2025-01.lab.home:san-client-target";
    static final String A = "iqn.2025-01.lab.home:proxmox-a";
    static final String C = "iqn.2025-01.lab.home:proxmox-c";

    static LioConfig twoLuns() {
        ClientTargetSpec spec = BuildersTest.designVlans(new ClientTpg.Acls(List.of(
                new ClientTpg.InitiatorAcl(Iqn.parse(A), Chap.NONE))));
        return ClientTargetBuilder.coldStart(spec, List.of(), List.of(
                Zvol.of("san-pool/iscsi/hypervisor/a", org.sansdk.core.Size.parse("1G")),
                Zvol.of("san-pool/iscsi/hypervisor/b", org.sansdk.core.Size.parse("1G"))));
    }

    @Test
    void plan_newInitiator_getsAclAndEveryLunUnderItsOwnNumber_extraReported() {
        LioConfig cfg = twoLuns();
        SyncPlan p = ClientAclSync.plan(cfg, Iqn.parse(IQN), 2, ClientAclSync.parseList("acls-hypervisor.conf",
                "# hypervisors\n" + C + "\n\n", Chap.NONE), ClientAclSync.ExtraAcls.KEEP);
        assertThat(p.changes()).containsExactly(new LioChange.CreateAcl(IQN, 2, C),
                new LioChange.CreateMappedLun(IQN, 2, C, 0, 0), new LioChange.CreateMappedLun(IQN, 2, C, 1, 1));
        assertThat(p.findings()).containsExactly(new SyncFinding.ExtraAcl(A, false));
        assertThat(p.after().target(IQN).orElseThrow().tpg(2).orElseThrow().acl(C).orElseThrow().mappedLuns())
                .extracting(MappedLun::index).containsExactly(0, 1);
        SyncPlan removing = ClientAclSync.plan(cfg, Iqn.parse(IQN), 2, List.of(new ClientTpg.InitiatorAcl(Iqn.parse(C), Chap.NONE)), ClientAclSync.ExtraAcls.REMOVE);
        assertThat(removing.changes()).endsWith(new LioChange.DeleteAcl(IQN, 2, A));
        assertThat(removing.after().target(IQN).orElseThrow().tpg(2).orElseThrow().acl(A)).isEmpty();
    }

    @Test
    void plan_rotatedPassword_resetsAuthOnly_thenConverges() {
        LioConfig cfg = twoLuns();
        Chap rotated = Chap.of("proxmox-a", Secret.of("new-secret-123"));
        SyncPlan p = ClientAclSync.plan(cfg, Iqn.parse(IQN), 2, List.of(new ClientTpg.InitiatorAcl(Iqn.parse(A), rotated)), ClientAclSync.ExtraAcls.KEEP);
        assertThat(p.changes()).containsExactly(new LioChange.SetAuth(IQN, 2, Optional.of(A), rotated),
                new LioChange.SetTpgAttributes(IQN, 2, java.util.Map.of("authentication", 1L)));
        assertThat(org.sansdk.lio.LioValidator.validate(p.after())).isEmpty();
        assertThat(p.batch().redactedScript()).doesNotContain("new-secret-123");
        assertThat(ClientAclSync.plan(p.after(), Iqn.parse(IQN), 2, List.of(new ClientTpg.InitiatorAcl(Iqn.parse(A), rotated)), ClientAclSync.ExtraAcls.KEEP)
                .changes()).isEmpty();
    }

    @Test
    void reconcileAuth_rotatedTpgChapAndAclChap_inOnePlan_thenConverges() {
        String p = "iqn.2025-01.lab.home";
        java.util.function.Function<String, ClientTargetSpec> spec = pw -> new ClientTargetSpec(Iqn.parse(IQN), List.of(
                ClientTpg.iscsi("hv", IpCidr.parse("10.40.40.10/24"), 3260, ZfsName.parse("san-pool/iscsi/hv"), new ClientTpg.Open(
                        Chap.of("proxmox-shared", Secret.of("tpg-" + pw)))),
                ClientTpg.iscsi("lab", IpCidr.parse("10.50.50.10/24"), 3260, ZfsName.parse("san-pool/iscsi/lab"), new ClientTpg.Acls(List.of(
                        new ClientTpg.InitiatorAcl(Iqn.parse(A), Chap.of("proxmox-a", Secret.of("acl-" + pw))))))));
        LioConfig old = ClientTargetBuilder.coldStart(spec.apply("old-pw-1"), List.of(Iqn.parse(p + ":storage-a")), List.of());
        SyncPlan rotate = ClientTargetBuilder.reconcileAuth(old, spec.apply("new-pw-2"));
        assertThat(rotate.changes()).containsExactly(
                new LioChange.SetAuth(IQN, 1, Optional.empty(), Chap.of("proxmox-shared", Secret.of("tpg-new-pw-2"))),
                new LioChange.SetAuth(IQN, 2, Optional.of(A), Chap.of("proxmox-a", Secret.of("acl-new-pw-2"))));
        assertThat(rotate.toPlan("storage-a").steps()).hasSize(1);
        assertThat(rotate.toPlan("storage-a").toString()).doesNotContain("new-pw-2");
        assertThat(ClientTargetBuilder.reconcileAuth(rotate.after(), spec.apply("new-pw-2")).isEmpty()).isTrue();
        // dropping the TPG credential: enforcement off first, then the credential cleared
        ClientTargetSpec open = new ClientTargetSpec(Iqn.parse(IQN), List.of(ClientTpg.iscsi("hv", IpCidr.parse("10.40.40.10/24"), 3260, ZfsName.parse("san-pool/iscsi/hv"), new ClientTpg.Open(Chap.NONE)), spec.apply("new-pw-2").clientVlans().get(1)));
        SyncPlan off = ClientTargetBuilder.reconcileAuth(rotate.after(), open);
        assertThat(off.changes()).startsWith(new LioChange.SetTpgAttributes(IQN, 1, java.util.Map.of("authentication", 0L)),
                new LioChange.SetAuth(IQN, 1, Optional.empty(), Chap.NONE));
        assertThat(org.sansdk.lio.LioValidator.validate(off.after())).isEmpty();
    }

    @Test
    void parseList_badLine_isLocatedParseException() {
        assertThatThrownBy(() -> ClientAclSync.parseList("acls.conf", A + "\nproxmox-b\n", Chap.NONE))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.line()).isEqualTo(2));
        // a name targetcli could not take in a path is a parse error here, not a failure later in the plan
        assertThatThrownBy(() -> ClientAclSync.parseList("acls.conf", "# x\n" + A + ",b\n", Chap.NONE))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.line()).isEqualTo(2));
    }

    @Test
    void parseList_emptyOrDuplicate_isRefused_emptyOnlyAllowedWhenAsked() {
        org.sansdk.core.testing.ParserContract.emptyRefused(t -> ClientAclSync.parseList("acls.conf", t, Chap.NONE));
        assertThatThrownBy(() -> ClientAclSync.parseList("acls.conf", "# nobody yet\n", Chap.NONE))
                .isInstanceOfSatisfying(org.sansdk.core.ParseException.class,
                        e -> assertThat(e.expected()).contains("only comments and blank lines"));
        assertThat(ClientAclSync.parseListAllowingNone("acls.conf", "# nobody yet\n", Chap.NONE)).isEmpty();
        assertThatThrownBy(() -> ClientAclSync.parseList("acls.conf", A + "\n# again\n" + A + "\n", Chap.NONE))
                .isInstanceOfSatisfying(org.sansdk.core.ParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.expected()).isEqualTo("each initiator once (" + A + " is already listed at line 1)");
                });
    }
}
