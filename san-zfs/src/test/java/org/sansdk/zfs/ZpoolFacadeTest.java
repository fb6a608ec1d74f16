package org.sansdk.zfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sansdk.core.ReplayExecutor;
import org.sansdk.core.SanException;

class ZpoolFacadeTest {

    @Test
    void status_runsStatusWithFullPathsAndParses() {
        ReplayExecutor ex = ReplayExecutor.builder().on(List.of("zpool", "status", "-P", "-v", "tank"),
                Corpus.status("asok-truenas-offline-partuuid.txt")).build();
        PoolStatus p = Zpool.on(ex).status("tank");
        assertThat(p.state()).isEqualTo(DeviceState.DEGRADED);
        assertThat(p.find("3176c860-44e4-4b34-9591-674d2dd2203e").orElseThrow().state()).isEqualTo(DeviceState.OFFLINE);
        assertThatThrownBy(() -> Zpool.on(ex).status("other")).isInstanceOf(SanException.class);
    }

    @Test
    void status_outputCutBeforeErrorsLine_isRefused() {
        String whole = Corpus.status("asok-truenas-offline-partuuid.txt");
        ReplayExecutor ex = ReplayExecutor.builder().on(List.of("zpool", "status", "-P", "-v", "tank"),
                whole.substring(0, whole.indexOf("errors:"))).build();
        assertThatThrownBy(() -> Zpool.on(ex).status("tank")).isInstanceOf(SanException.class)
                .hasMessageContaining("incomplete");
    }

    @Test
    void statusJson_runsJsonIntAndParses() {
        String doc;
        try (var in = getClass().getResourceAsStream("/producer-json/status-j-int-flat-guidkey.json")) {
            doc = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ReplayExecutor ex = ReplayExecutor.builder().on(List.of("zpool", "status", "-j", "--json-int", "-P",
                "greenwood"), doc).build();
        assertThat(Zpool.on(ex).statusJson("greenwood").dataVdevs()).extracting(Vdev::name).containsExactly("a");
    }

    @Test
    void zfsList_passesColumnsAndParsesInTheSameOrder() {
        ReplayExecutor ex = ReplayExecutor.builder()
                .on(List.of("zfs", "list", "-Hp", "-o", "name,volsize", "-t", "volume", "-r", "san-pool/iscsi"),
                        "san-pool/iscsi/vm-disk-01\t107374182400\n").build();
        List<ListRow> rows = Zfs.on(ex).list(List.of("name", "volsize"), "volume", "san-pool/iscsi");
        assertThat(rows.get(0).bytes("volsize")).hasValue(107374182400L);
    }
}
