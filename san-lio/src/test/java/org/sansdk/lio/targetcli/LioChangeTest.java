package org.sansdk.lio.targetcli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sansdk.core.SanException;
import org.sansdk.core.Secret;
import org.sansdk.lio.Chap;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.Portal;

class LioChangeTest {
    static final String IQN = "iqn.2025-01.lab.home:t";

    @Test
    void createIscsiTarget_likeTargetcli_addsTpg1WithWildcardPortal() {
        LioConfig c = new LioChange.CreateIscsiTarget(IQN).apply(LioConfig.empty());
        assertThat(c.target(IQN).orElseThrow().tpg(1).orElseThrow().portals()).containsExactly(Portal.of("0.0.0.0", 3260));
    }

    @Test
    void createTpg_likeTargetcli_addsWildcardPortalOnlyWhenNoOtherTpgOfTheTargetHasIt() {
        LioConfig fresh = new LioChange.CreateIscsiTarget(IQN).apply(LioConfig.empty());
        // tpg1 still holds 0.0.0.0:3260: "Default portal not created, TPGs within a target cannot share ip:port"
        assertThat(new LioChange.CreateTpg(IQN, 2).apply(fresh).target(IQN).orElseThrow().tpg(2).orElseThrow()
                .portals()).isEmpty();
        LioConfig dropped = new LioChange.DeletePortal(IQN, 1, "0.0.0.0", 3260).apply(fresh);
        assertThat(new LioChange.CreateTpg(IQN, 2).apply(dropped).target(IQN).orElseThrow().tpg(2).orElseThrow()
                .portals()).containsExactly(Portal.of("0.0.0.0", 3260));
    }

    @Test
    void apply_refusesWhatTargetcliRefuses() {
        LioConfig c = TargetcliBatch.of(List.of(new LioChange.CreateIscsiTarget(IQN),
                new LioChange.CreateBlockBackstore("d", "/dev/sda", "s", Map.of()),
                new LioChange.CreateLun(IQN, 1, 0, "/backstores/block/d"),
                new LioChange.CreateAcl(IQN, 1, "iqn.2025-01.lab.home:i"),
                new LioChange.CreateMappedLun(IQN, 1, "iqn.2025-01.lab.home:i", 0, 0))).applyTo(LioConfig.empty());
        assertThatThrownBy(() -> new LioChange.CreateIscsiTarget(IQN).apply(c)).isInstanceOf(SanException.class);
        assertThatThrownBy(() -> new LioChange.CreateLun(IQN, 1, 0, "/backstores/block/d").apply(c))
                .hasMessageContaining("LUN 0 already exists");
        assertThatThrownBy(() -> new LioChange.CreateLun(IQN, 1, 1, "/backstores/block/x").apply(c))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> new LioChange.CreateMappedLun(IQN, 1, "iqn.2025-01.lab.home:i", 0, 0).apply(c))
                .hasMessageContaining("mapped LUN 0 already exists");
        assertThatThrownBy(() -> new LioChange.CreateMappedLun(IQN, 1, "iqn.2025-01.lab.home:i", 3, 3).apply(c))
                .hasMessageContaining("LUN 3 does not exist");
        assertThatThrownBy(() -> new LioChange.CreateBlockBackstore("d", "/dev/sdb", "s2", Map.of()).apply(c))
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> new LioChange.CreateAcl(IQN, 1, "iqn.2025-01.lab.home:i").apply(c))
                .hasMessageContaining("already exists");
        // deleting the backstore takes its LUN and the mapping with it, as rtslib does
        LioConfig gone = new LioChange.DeleteBackstore("block", "d").apply(c);
        assertThat(gone.target(IQN).orElseThrow().tpg(1).orElseThrow().luns()).isEmpty();
        assertThat(gone.target(IQN).orElseThrow().tpg(1).orElseThrow().acl("iqn.2025-01.lab.home:i").orElseThrow()
                .mappedLuns()).isEmpty();
    }

    @Test
    void everyChange_refusesTokensThatWouldInjectAnotherTargetcliLine() {
        // the batch is one stdin script run as root: a newline in any field would add a command of its own
        String evil = IQN + "\n/backstores/block delete name=d0";
        String init = "iqn.2025-01.lab.home:i";
        List<org.assertj.core.api.ThrowableAssert.ThrowingCallable> builds = List.of(
                () -> new LioChange.DeleteLun(evil, 1, 0),
                () -> new LioChange.CreateTpg(evil, 2),
                () -> new LioChange.SetTpgAttributes(evil, 1, Map.of("authentication", 1L)),
                () -> new LioChange.SetTpgAttributes(IQN, 1, Map.of("authentication=1\n/iscsi delete x", 1L)),
                () -> new LioChange.CreateBlockBackstore("d", "/dev/sda", "s", Map.of("emulate_tpu 1\nexit", 1L)),
                () -> new LioChange.CreatePortal(evil, 1, "10.0.0.1", 3260),
                () -> new LioChange.DeletePortal(evil, 1, "0.0.0.0", 3260),
                () -> new LioChange.DeletePortal(IQN, 1, "0.0.0.0 ip_port=1\nexit", 3260),
                () -> new LioChange.CreateMappedLun(IQN, 1, init, 0, 0).targetcli().length(),
                () -> new LioChange.DeleteMappedLun(evil, 1, init, 0),
                () -> new LioChange.CreateAcl(evil, 1, init),
                () -> new LioChange.DeleteAcl(evil, 1, init),
                () -> new LioChange.SetAuth(evil, 1, Optional.empty(), Chap.of("u", Secret.of("pw-123456"))),
                () -> new LioChange.SetAuth(IQN, 1, Optional.of(init + " x"), Chap.of("u", Secret.of("pw-123456"))),
                () -> new LioChange.CreateLun(IQN, -1, 0, "/backstores/block/d"),
                () -> new LioChange.CreateLun(IQN, 1, 70000, "/backstores/block/d"));
        for (int i = 0; i < builds.size(); i++) {
            if (i == 8) {
                continue; // the valid control case below
            }
            assertThatThrownBy(builds.get(i)).as("case %d", i).isInstanceOf(SanException.class);
        }
        assertThat(new LioChange.CreateMappedLun(IQN, 1, init, 0, 0).targetcli()).doesNotContain("\n");
    }

    @Test
    void pathTokens_refuseCharactersConfigshellCannotParseInAPath() {
        // configshell's path grammar is [A-Za-z0-9:_.[]@-] and '/': a '+' or ',' would split the path
        assertThatThrownBy(() -> new LioChange.CreateBlockBackstore("a+b", "/dev/sda", "s", Map.of("emulate_tpu", 1L)))
                .isInstanceOf(SanException.class);
        assertThatThrownBy(() -> new LioChange.CreateAcl(IQN, 1, "iqn.2025-01.lab.home:a,b"))
                .isInstanceOf(SanException.class);
    }

    @Test
    void tokens_unsafeForConfigshell_refusedWithoutEchoingSecrets() {
        assertThatThrownBy(() -> new LioChange.CreateBlockBackstore("a b", "/dev/sda", "s", Map.of()))
                .isInstanceOf(SanException.class).hasMessageContaining("'a b'");
        assertThatThrownBy(() -> new LioChange.SetAuth(IQN, 1, Optional.empty(), Chap.of("u", Secret.of("has space"))))
                .isInstanceOf(SanException.class).hasMessageNotContaining("has space");
        assertThatThrownBy(() -> new LioChange.SetAuth(IQN, 1, Optional.empty(), Chap.of("u", Secret.of("a=b"))))
                .isInstanceOf(SanException.class);
        // configshell's value grammar stops at ^ { } | (the rest of the line would be lost or misparsed)
        for (String pw : List.of("ab^cd1234", "ab{cd}1234", "ab|cd1234", "ab#cd1234")) {
            assertThatThrownBy(() -> new LioChange.SetAuth(IQN, 1, Optional.empty(), Chap.of("u", Secret.of(pw))))
                    .as(pw).isInstanceOf(SanException.class).hasMessageNotContaining(pw);
        }
        assertThat(new LioChange.SetAuth(IQN, 1, Optional.empty(), Chap.of("u", Secret.of("?;&*$!,_+/.<>()~@:%[]-aZ9")))
                .targetcli().lines().findFirst().orElseThrow()).endsWith("password=?;&*$!,_+/.<>()~@:%[]-aZ9");
        LioChange ok = new LioChange.SetAuth(IQN, 1, Optional.empty(), Chap.of("u", Secret.of("Pa$$w0rd!")));
        // the parts not given are cleared, each on its own line: "k1= k2=" would read "k2=" as k1's value
        assertThat(ok.targetcli().lines()).containsExactly("/iscsi/" + IQN + "/tpg1 set auth userid=u password=Pa$$w0rd!",
                "/iscsi/" + IQN + "/tpg1 set auth mutual_userid=", "/iscsi/" + IQN + "/tpg1 set auth mutual_password=");
        assertThat(ok.toString()).doesNotContain("Pa$$w0rd!");
        assertThat(ok.describe()).doesNotContain("Pa$$w0rd!");
        assertThat(new LioChange.SetDiscoveryAuth(Chap.NONE).targetcli().lines()).containsExactly(
                "/iscsi set discovery_auth enable=0", "/iscsi set discovery_auth userid=",
                "/iscsi set discovery_auth password=", "/iscsi set discovery_auth mutual_userid=",
                "/iscsi set discovery_auth mutual_password=");
        // removing CHAP from an ACL clears all four values instead of printing an empty "set auth"
        assertThat(new LioChange.SetAuth(IQN, 1, Optional.of("iqn.2025-01.lab.home:i"), Chap.NONE).targetcli().lines())
                .hasSize(4).allSatisfy(l -> assertThat(l).matches(".*/acls/iqn.2025-01.lab.home:i set auth [a-z_]+="));
    }

    @Test
    void attributes_iterateInNameOrder_soTheModelAndItsPrintedFormsDoNotDependOnMapOfOrder() {
        // Map.of iterates in a per-JVM random order; the change keeps the names sorted
        java.util.Map<String, Long> attrs = java.util.Map.of("netif_timeout", 2L, "authentication", 1L,
                "generate_node_acls", 0L, "login_timeout", 15L, "cache_dynamic_acls", 0L, "default_cmdsn_depth", 64L);
        var set = new LioChange.SetTpgAttributes("iqn.2025-01.lab.home:t", 1, attrs);
        assertThat(set.attributes().keySet()).containsExactly("authentication", "cache_dynamic_acls",
                "default_cmdsn_depth", "generate_node_acls", "login_timeout", "netif_timeout");
        org.sansdk.lio.LioConfig after = set.apply(org.sansdk.lio.LioConfig.empty().withTarget(
                org.sansdk.lio.Target.iscsi("iqn.2025-01.lab.home:t", java.util.List.of(org.sansdk.lio.Tpg.of(1)))));
        assertThat(after.targets().get(0).tpgs().get(0).attributes().keySet()).containsExactly("authentication",
                "cache_dynamic_acls", "default_cmdsn_depth", "generate_node_acls", "login_timeout", "netif_timeout");
        var bs = new LioChange.CreateBlockBackstore("d0", "/dev/sdb", "0b5c3f1e-7d2a-4c55-9e1f-6a7b8c9d0e1f",
                java.util.Map.of("emulate_tpu", 1L, "block_size", 512L, "queue_depth", 128L, "emulate_3pc", 1L));
        assertThat(bs.attributes().keySet()).containsExactly("block_size", "emulate_3pc", "emulate_tpu", "queue_depth");
    }
}
