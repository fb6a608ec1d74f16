package org.sansdk.zfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sansdk.core.ParseException;

/**
 * Hand-written assertions for the corpus files that had none: each expected value (pool name, state, every
 * leaf's name/state/counters, scan figures, the errors line) was typed from the fixture text, not produced
 * by the parser. Leaves are written "NAME STATE READ WRITE CKSUM [notes]" in printed order.
 */
class ZpoolStatusCorpusHandTest {

    private static PoolStatus only(String file) {
        ZpoolStatusReport r = Corpus.parse(file);
        assertThat(r.result()).isEqualTo(ZpoolStatusReport.Result.POOLS);
        assertThat(r.pools()).hasSize(1);
        assertThat(r.complete()).isTrue();
        return r.pools().get(0);
    }

    /** Every leaf of the tree and the sections, as "name STATE r w c [note, ...]". */
    private static List<String> leaves(PoolStatus p) {
        return p.allVdevs().filter(Vdev::isLeaf).map(v -> {
            String s = v.name() + " " + v.state();
            if (v.errors().isPresent()) {
                ErrorCounters e = v.errors().get();
                s += " " + e.read() + " " + e.write() + " " + e.checksum();
            }
            if (!v.notes().isEmpty()) {
                s += " " + v.notes().stream().map(VdevNote::text).collect(Collectors.toList());
            }
            return s;
        }).collect(Collectors.toList());
    }

    private static long k(double v, int shift) {
        return Math.round(v * (1L << shift));
    }

    @Test
    void truenasResilverReplacing4() {
        PoolStatus p = only("asok-truenas-resilver-replacing-4.txt");
        assertThat(p.name()).isEqualTo("tank");
        assertThat(p.state()).isEqualTo(DeviceState.DEGRADED);
        ScanStatus s = p.scan().orElseThrow();
        // "7.84G / 18.4T scanned at 243M/s, 0B / 18.4T issued" / "0B resilvered, 0.00% done, no estimated ..."
        assertThat(s.function()).isEqualTo(ScanStatus.ScanFunction.RESILVER);
        assertThat(s.startedAt()).contains("Mon Mar 30 17:48:32 2026");
        assertThat(s.scanned()).hasValue(k(7.84, 30));
        assertThat(s.total()).hasValue(k(18.4, 40));
        assertThat(s.scanRate()).hasValue(243L << 20);
        assertThat(s.issued()).hasValue(0);
        assertThat(s.processed()).hasValue(0);
        assertThat(s.percentDone()).hasValue(0.0);
        assertThat(s.timeToGo()).isEmpty();
        assertThat(s.approximate()).containsExactlyInAnyOrder("scanned", "total", "scanRate");
        assertThat(leaves(p)).containsExactly(
                "ata-ST6000VN001-2BB186_ZCT2WLTH ONLINE 0 0 0",
                "ata-WDC_WD60EFZX-68B3FN0_WD-C81G6HGK ONLINE 0 0 0",
                "ata-WDC_WD60EFZX-68B3FN0_WD-C81EX39K ONLINE 0 0 0",
                "ata-WDC_WD8003FFBX-68B9AN0_VR368JHK ONLINE 0 0 0",
                "3176c860-44e4-4b34-9591-674d2dd2203e OFFLINE 0 0 0",
                "ata-WDC_WD8003FFBX-68B9AN0_VYH9LELM ONLINE 0 0 0");
        assertThat(p.find("replacing-4").orElseThrow().state()).isEqualTo(DeviceState.DEGRADED);
        assertThat(p.errors().orElseThrow().count()).hasValue(0);
    }

    @Test
    void zfshaRaidz2MultipathWwid() {
        PoolStatus p = only("gh-zfsha17-raidz2-multipath-wwid.txt");
        assertThat(p.name()).isEqualTo("pool1");
        assertThat(p.state()).isEqualTo(DeviceState.ONLINE);
        assertThat(p.scan().orElseThrow().state()).isEqualTo(ScanStatus.ScanState.NONE_REQUESTED);
        assertThat(p.dataVdevs().get(0).name()).isEqualTo("raidz2-0");
        assertThat(leaves(p)).containsExactly("35000cca024a2089c ONLINE 0 0 0", "35000cca024a203a0 ONLINE 0 0 0",
                "35000cca024a1521c ONLINE 0 0 0", "35000cca024a3e008 ONLINE 0 0 0");
        assertThat(p.errors().orElseThrow().count()).hasValue(0);
    }

    @Test
    void himmResilvered4h8m() {
        PoolStatus p = only("himm-resilvered-4h8m.txt");
        assertThat(p.name()).isEqualTo("Data");
        ScanStatus s = p.scan().orElseThrow();
        // "resilvered 1.03T in 4h8m with 0 errors on Sat Jan 12 15:38:26 2019"
        assertThat(s.state()).isEqualTo(ScanStatus.ScanState.FINISHED);
        assertThat(s.processed()).hasValue(k(1.03, 40));
        assertThat(s.isApproximate("processed")).isTrue();
        assertThat(s.duration()).contains(Duration.ofHours(4).plusMinutes(8));
        assertThat(s.errors()).hasValue(0);
        assertThat(s.endedAt()).contains("Sat Jan 12 15:38:26 2019");
        assertThat(leaves(p)).containsExactly("sdd ONLINE 0 0 0", "ata-TOSHIBA_DT01ACA300_365XDR5KS ONLINE 0 0 0");
    }

    @Test
    void jcSparesWithSnippedScanLine() {
        PoolStatus p = only("jc-spares.txt");
        assertThat(p.state()).isEqualTo(DeviceState.ONLINE);
        // "scan: scrub repaired 0B in <snip>": the publisher cut the line; kept as printed, state UNKNOWN
        assertThat(p.scan().orElseThrow().lines()).containsExactly("scrub repaired 0B in <snip>");
        assertThat(leaves(p)).containsExactly("sdh ONLINE 0 0 0", "sdk ONLINE 0 0 0", "sdl ONLINE 0 0 0",
                "sdj ONLINE 0 0 0", "sdn ONLINE 0 0 0", "sdm ONLINE 0 0 0", "sdg ONLINE 0 0 0", "sdi ONLINE 0 0 0",
                "sdf AVAIL");
        assertThat(p.vdevs(AllocationClass.SPARE)).extracting(Vdev::name).containsExactly("sdf");
    }

    @Test
    void jcV4FeaturesWwn() {
        PoolStatus p = only("jc-v4-features-wwn.txt");
        assertThat(p.name()).isEqualTo("pool1");
        assertThat(p.status().orElseThrow()).startsWith("Some supported and requested features are not enabled");
        ScanStatus s = p.scan().orElseThrow();
        assertThat(s.processed()).hasValue(0);
        assertThat(s.approximate()).isEmpty();
        assertThat(s.duration()).contains(Duration.ofHours(11).plusMinutes(16).plusSeconds(3));
        assertThat(s.endedAt()).contains("Sun Feb 12 11:40:04 2023");
        assertThat(leaves(p)).containsExactly("wwn-0x5000c500c65ac66f ONLINE 0 0 0",
                "wwn-0x5000c500c5eee542 ONLINE 0 0 0", "wwn-0x5000c500e39e8af6 ONLINE 0 0 0",
                "wwn-0x5000c500e3b3a41e ONLINE 0 0 0");
    }

    @Test
    void msg8APermanentErrors() {
        PoolStatus p = only("ozdocs-msg-8A-permanent-errors-xv.txt");
        assertThat(p.state()).isEqualTo(DeviceState.ONLINE);
        assertThat(p.messageId()).contains("ZFS-8000-8A");
        assertThat(p.root().orElseThrow().errors()).contains(new ErrorCounters(0, 0, 2, false));
        assertThat(leaves(p)).containsExactly("sda ONLINE 0 0 2", "sdb ONLINE 0 0 0");
        assertThat(p.errors().orElseThrow().permanent()).extracting(PermanentError::text)
                .containsExactly("/export/example/foo");
    }

    @Test
    void msgA5IncompatibleVersion() {
        PoolStatus p = only("ozdocs-msg-A5-incompatible-version.txt");
        assertThat(p.state()).isEqualTo(DeviceState.FAULTED);
        assertThat(p.see()).isEmpty();
        assertThat(p.root().orElseThrow().notes()).containsExactly(new VdevNote.Aux("incompatible version"));
        assertThat(p.dataVdevs().get(0).name()).isEqualTo("mirror");
        assertThat(leaves(p)).containsExactly("sda9 ONLINE 0 0 0", "sdb9 ONLINE 0 0 0");
        // "errors: No known errors" (sic)
        assertThat(p.errors().orElseThrow().count()).hasValue(0);
    }

    @Test
    void msgERErrata1_docsPageWithSecondCommand_isRefusedAsTwoAnswers() {
        // the page shows 'zpool status' and then '# zpool status -x' answering "all pools are healthy" (line 22)
        assertThatThrownBy(() -> Corpus.parse("ozdocs-msg-ER-errata1-misaligned.txt"))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(22);
                    assertThat(e.offendingLine()).isEqualTo("all pools are healthy");
                });
        // the first capture alone (up to its errors: line, line 18) is a whole status
        String all = Corpus.status("ozdocs-msg-ER-errata1-misaligned.txt");
        String end = "errors: No known data errors\n";
        String first = all.substring(0, all.indexOf(end) + end.length());
        ZpoolStatusReport r = ZpoolStatusParser.parse("errata1", first);
        PoolStatus p = r.pools().get(0);
        assertThat(p.status()).contains("Errata #1 detected.");
        assertThat(leaves(p)).containsExactly("vdev0 ONLINE 0 0 0", "vdev1 ONLINE 0 0 0", "vdev2 ONLINE 0 0 0",
                "vdev3 ONLINE 0 0 0");
        assertThat(p.complete()).isTrue();
    }

    @Test
    void msgERErrata4FileVdev() {
        PoolStatus p = only("ozdocs-msg-ER-errata4.txt");
        assertThat(p.status().orElseThrow()).startsWith("Errata #4 detected.");
        assertThat(p.action().orElseThrow()).hasLineCount(4);
        Vdev v = p.find("/root/vdev0").orElseThrow();
        assertThat(v.kind()).isEqualTo(new VdevKind.Leaf(VdevKind.LeafType.FILE));
        assertThat(leaves(p)).containsExactly("/root/vdev0 ONLINE 0 0 0");
    }

    @Test
    void zse01CorruptedWithoutErrorsLine_isMarkedIncomplete() {
        // the exporter's fixture ends after the config: no "errors:" line
        ZpoolStatusReport r = Corpus.parse("zse-01-corrupted.txt");
        PoolStatus p = r.pools().get(0);
        assertThat(p.name()).isEqualTo("dummy");
        assertThat(p.state()).isEqualTo(DeviceState.DEGRADED);
        assertThat(p.complete()).isFalse();
        assertThat(r.complete()).isFalse();
        assertThat(p.incomplete().orElseThrow()).contains("no 'errors:' line");
        assertThat(leaves(p)).containsExactly("loop0 ONLINE 0 0 0", "loop1 ONLINE 0 0 0", "loop2 ONLINE 0 0 0",
                "loop3 UNAVAIL 0 0 0 [corrupted data]");
        assertThat(p.scan().orElseThrow().endedAt()).contains("Sat Feb 10 20:34:42 2024");
    }

    @Test
    void zse03Resilvered21K() {
        PoolStatus p = only("zse-03-resilvered.txt");
        ScanStatus s = p.scan().orElseThrow();
        assertThat(s.processed()).hasValue(21 * 1024);
        assertThat(s.isApproximate("processed")).isTrue();
        assertThat(s.duration()).contains(Duration.ZERO);
        assertThat(leaves(p)).containsExactly("loop0 ONLINE 0 0 0", "loop1 ONLINE 0 0 0", "loop2 ONLINE 0 0 0",
                "loop3 ONLINE 0 0 0");
    }

    @Test
    void zse04ScrubProgress() {
        PoolStatus p = only("zse-04-scrub-progress.txt");
        assertThat(p.name()).isEqualTo("neptune");
        ScanStatus s = p.scan().orElseThrow();
        // "704G / 1.66T scanned at 5.67G/s, 0B / 1.66T issued" / "0B repaired, 0.00% done, no estimated ..."
        assertThat(s.state()).isEqualTo(ScanStatus.ScanState.IN_PROGRESS);
        assertThat(s.scanned()).hasValue(704L << 30);
        assertThat(s.total()).hasValue(k(1.66, 40));
        assertThat(s.scanRate()).hasValue(k(5.67, 30));
        assertThat(s.issued()).hasValue(0);
        assertThat(s.processed()).hasValue(0);
        assertThat(s.approximate()).containsExactlyInAnyOrder("scanned", "total", "scanRate");
        assertThat(leaves(p)).containsExactly("wwn-0x5000c500af8ec287-part2 ONLINE 0 0 0",
                "ata-TOSHIBA_HDWQ140_50SRK3F3FBJG-part1 ONLINE 0 0 0");
    }

    @Test
    void zse05TwoPools() {
        ZpoolStatusReport r = Corpus.parse("zse-05-features.txt");
        assertThat(r.pools()).extracting(PoolStatus::name).containsExactly("rpool", "wilbur");
        assertThat(r.complete()).isTrue();
        assertThat(r.pool("rpool").orElseThrow().scan().orElseThrow().duration())
                .contains(Duration.ofMinutes(15).plusSeconds(42));
        assertThat(r.pool("wilbur").orElseThrow().scan().orElseThrow().endedAt()).contains("Sun Feb 11 10:20:10 2024");
        assertThat(leaves(r.pool("wilbur").orElseThrow())).containsExactly(
                "ata-ST8000VN004-2M2101_WSD49ZDC-part1 ONLINE 0 0 0", "ata-ST8000VN004-2M2101_WSD4EYEW-part1 ONLINE 0 0 0");
    }

    @Test
    void zse08FeaturesAlt() {
        PoolStatus p = only("zse-08-features-alt.txt");
        assertThat(p.name()).isEqualTo("mypool");
        assertThat(p.scan().orElseThrow().duration()).contains(Duration.ofHours(8).plusMinutes(37).plusSeconds(48));
        assertThat(leaves(p)).containsExactly("ata-ST8000VN004-xxxxxx_redacted-part1 ONLINE 0 0 0",
                "ata-ST8000VN004-xxxxxx_redacted ONLINE 0 0 0");
    }

    @Test
    void zse09ScrubCanceled() {
        PoolStatus p = only("zse-09-scrub-cancel.txt");
        ScanStatus s = p.scan().orElseThrow();
        assertThat(s.function()).isEqualTo(ScanStatus.ScanFunction.SCRUB);
        assertThat(s.state()).isEqualTo(ScanStatus.ScanState.CANCELED);
        assertThat(s.endedAt()).contains("Sun Jan 18 12:18:11 2026");
    }

    @Test
    void zse11DegradedNoScan() {
        PoolStatus p = only("zse-11-degraded-no-scan.txt");
        assertThat(p.name()).isEqualTo("broken");
        assertThat(p.state()).isEqualTo(DeviceState.DEGRADED);
        assertThat(p.scan()).isEmpty();
        assertThat(p.messageId()).contains("ZFS-8000-4J");
        assertThat(leaves(p)).containsExactly("loop0 ONLINE 0 0 0", "loop1 UNAVAIL 0 0 0 [corrupted data]");
    }
}
