package org.sansdk.zfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sansdk.core.CommandFailedException;
import org.sansdk.core.CommandResult;
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
        assertThatThrownBy(() -> Zpool.on(ex).status("tank")).isInstanceOfSatisfying(IncompleteCaptureException.class,
                e -> assertThat(e.pool()).isEqualTo("tank"));
    }

    @Test
    void status_noSuchPool_isPoolNotFound() {
        // what zfs-fuse 0.7 and OpenZFS print (ZfsFuseRealToolTest runs the real one)
        ReplayExecutor ex = ReplayExecutor.builder().on(List.of("zpool", "status", "-P", "-v", "gone"),
                CommandResult.of(1, "", "cannot open 'gone': no such pool\n")).build();
        assertThatThrownBy(() -> Zpool.on(ex).status("gone")).isInstanceOfSatisfying(PoolNotFoundException.class,
                e -> {
                    assertThat(e.pool()).isEqualTo("gone");
                    assertThat(e.exitCode()).isEqualTo(1);
                    assertThat(e).isInstanceOf(CommandFailedException.class);
                });
        ReplayExecutor other = ReplayExecutor.builder().on(List.of("zpool", "status", "-P", "-v", "gone"),
                CommandResult.of(1, "", "cannot open 'gone': I/O error\n")).build();
        assertThatThrownBy(() -> Zpool.on(other).status("gone")).isInstanceOf(CommandFailedException.class)
                .isNotInstanceOf(PoolNotFoundException.class);
        ReplayExecutor get = ReplayExecutor.builder().on(List.of("zpool", "get", "-Hp", "multihost", "san-pool", "gone"),
                CommandResult.of(1, "san-pool\tmultihost\ton\tlocal\n", "cannot open 'gone': no such pool\n")).build();
        assertThatThrownBy(() -> Zpool.on(get).poolGet(List.of("multihost"), "san-pool", "gone"))
                .isInstanceOfSatisfying(PoolNotFoundException.class, e -> assertThat(e.pool()).isEqualTo("gone"));
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
