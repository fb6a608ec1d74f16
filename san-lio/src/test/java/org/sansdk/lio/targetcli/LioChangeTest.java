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
    void tokens_unsafeForConfigshell_refusedWithoutEchoingSecrets() {
        assertThatThrownBy(() -> new LioChange.CreateBlockBackstore("a b", "/dev/sda", "s", Map.of()))
                .isInstanceOf(SanException.class).hasMessageContaining("'a b'");
        assertThatThrownBy(() -> new LioChange.SetAuth(IQN, 1, Optional.empty(), Chap.of("u", Secret.of("has space"))))
                .isInstanceOf(SanException.class).hasMessageNotContaining("has space");
        assertThatThrownBy(() -> new LioChange.SetAuth(IQN, 1, Optional.empty(), Chap.of("u", Secret.of("a=b"))))
                .isInstanceOf(SanException.class);
        LioChange ok = new LioChange.SetAuth(IQN, 1, Optional.empty(), Chap.of("u", Secret.of("Pa$$w0rd!")));
        assertThat(ok.targetcli()).isEqualTo("/iscsi/" + IQN + "/tpg1 set auth userid=u password=Pa$$w0rd!");
        assertThat(ok.toString()).doesNotContain("Pa$$w0rd!");
        assertThat(ok.describe()).doesNotContain("Pa$$w0rd!");
        assertThat(new LioChange.SetDiscoveryAuth(Chap.NONE).targetcli()).isEqualTo("/iscsi set discovery_auth enable=0");
    }
}
