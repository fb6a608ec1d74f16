package org.sansdk.zfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Hand-written assertions of notable values read in the corpus files.
 * Each expected value is copied from the fixture text named in the test.
 */
class ZpoolStatusCorpusValuesTest {

    private static PoolStatus only(String file) {
        ZpoolStatusReport r = Corpus.parse(file);
        assertThat(r.pools()).hasSize(1);
        return r.pools().get(0);
    }

    @Test
    void parse_solarisScrubNoneRequested_isNoScan() {
        // jc-v2: " scrub: none requested"
        ScanStatus s = only("jc-v2-solaris-unavail.txt").scan().orElseThrow();
        assertThat(s.function()).isEqualTo(ScanStatus.ScanFunction.NONE);
        assertThat(s.state()).isEqualTo(ScanStatus.ScanState.NONE_REQUESTED);
        assertThat(only("jc-v2-solaris-unavail.txt").find("c1t1d0").orElseThrow().notes())
                .containsExactly(new VdevNote.Aux("cannot open"));
    }

    @Test
    void parse_solarisScrubCompletedAfter_readsDurationAndErrorsButNoAmount() {
        // jc-v3: " scrub: scrub completed after 0h0m with 0 errors on Tue Feb  2 13:08:42 2010"
        ScanStatus s = only("jc-v3-unavail-permanent-errors.txt").scan().orElseThrow();
        assertThat(s.duration()).contains(Duration.ZERO);
        assertThat(s.errors()).hasValue(0);
        assertThat(s.processed()).isEmpty();
        // "c1t1d0    UNAVAIL      4     1     0  cannot open"
        Vdev c1t1d0 = only("jc-v3-unavail-permanent-errors.txt").find("c1t1d0").orElseThrow();
        assertThat(c1t1d0.errors()).contains(new ErrorCounters(4, 1, 0, false));
        assertThat(only("jc-v3-unavail-permanent-errors.txt").root().orElseThrow().notes())
                .containsExactly(new VdevNote.Aux("insufficient replicas"));
    }

    @Test
    void parse_oldResilverTwoLineProgress_readsScannedTotalRateAndResilvered() {
        // himm: "72.6M scanned out of 1.03T at 2.42M/s, 123h32m to go" / "72.2M resilvered, 0.01% done"
        PoolStatus p = only("himm-resilver-old-format-replacing-0.txt");
        ScanStatus s = p.scan().orElseThrow();
        assertThat(s.function()).isEqualTo(ScanStatus.ScanFunction.RESILVER);
        assertThat(s.startedAt()).contains("Sat Jan 12 11:29:36 2019");
        assertThat(s.scanned()).hasValue(Math.round(72.6 * (1 << 20)));
        assertThat(s.total()).hasValue(Math.round(1.03 * (1L << 40)));
        assertThat(s.scanRate()).hasValue(Math.round(2.42 * (1 << 20)));
        assertThat(s.timeToGo()).contains(Duration.ofHours(123).plusMinutes(32));
        assertThat(s.processed()).hasValue(Math.round(72.2 * (1 << 20)));
        assertThat(s.percentDone()).hasValue(0.01);
        Vdev replacing = p.find("replacing-0").orElseThrow();
        assertThat(replacing.kind()).isEqualTo(new VdevKind.Replacing(OptionalInt.of(0)));
        assertThat(replacing.children()).extracting(Vdev::name).containsExactly("4676737554230074290", "sdd");
        assertThat(replacing.children().get(0).notes()).containsExactly(
                new VdevNote.Was("/dev/disk/by-id/ata-TOSHIBA_DT01ACA300_365XDT3KS"));
        assertThat(replacing.children().get(1).notes()).containsExactly(new VdevNote.Resilvering());
    }

    @Test
    void parse_oldDurationsAndUnitlessAmounts_areConverted() {
        // freebsd: "scrub repaired 0 in 0h0m"; 1391: "scrub repaired 34K in 3h40m"; jc-v: "0 days 00:19:47"
        ScanStatus bsd = only("asok-freebsd-2012-spaces.txt").scan().orElseThrow();
        assertThat(bsd.processed()).hasValue(0);
        assertThat(bsd.duration()).contains(Duration.ZERO);
        ScanStatus zol = only("gh-zfs-1391-legacy-format-cache.txt").scan().orElseThrow();
        assertThat(zol.processed()).hasValue(34 * 1024);
        assertThat(zol.duration()).contains(Duration.ofHours(3).plusMinutes(40));
        ScanStatus days = Corpus.parse("jc-v-multipool-noblank.txt").pool("zint500").orElseThrow().scan().orElseThrow();
        assertThat(days.duration()).contains(Duration.ofMinutes(19).plusSeconds(47));
        ScanStatus canceled = Corpus.parse("jc-v-multipool-noblank.txt").pool("zhgstera6").orElseThrow().scan()
                .orElseThrow();
        assertThat(canceled.state()).isEqualTo(ScanStatus.ScanState.CANCELED);
        assertThat(canceled.endedAt()).contains("Fri Aug 19 15:33:19 2022");
    }

    @Test
    void parse_trimStartedNote_keepsLocaleDate() {
        // pr8419: "(0% trimmed, started at Thu 21 Feb 2019 07:32:44 PM UTC)"
        Vdev sdd = Corpus.parse("gh-zfs-pr8419-t-trim-two-pools.txt").pool("rpool73ac2ec5b7134ca192b020681ab913d8")
                .orElseThrow().find("sdd").orElseThrow();
        assertThat(sdd.notes()).containsExactly(
                new VdevNote.Trim("0% trimmed, started at Thu 21 Feb 2019 07:32:44 PM UTC"));
        assertThat(sdd.errors()).contains(ErrorCounters.ZERO);
    }

    @Test
    void parse_draidVdev_readsGeometryAndDistributedSpare() {
        PoolStatus p = only("ozdocs-draid-online-dspare-avail.txt");
        Vdev draid = p.dataVdevs().get(0);
        assertThat(draid.kind()).isEqualTo(new VdevKind.Draid(new DraidGeometry(1, 4, 11, 1), OptionalInt.of(0)));
        assertThat(draid.children()).hasSize(11);
        Vdev spare = p.vdevs(AllocationClass.SPARE).get(0);
        assertThat(spare.name()).isEqualTo("draid1-0-0");
        assertThat(spare.kind()).isEqualTo(new VdevKind.Leaf(VdevKind.LeafType.DISTRIBUTED_SPARE));
        assertThat(spare.state()).isEqualTo(DeviceState.AVAIL);
    }

    @Test
    void parse_sequentialRebuild_hasSpareSixWithUnavailDiskAndResilveringDistributedSpare() {
        PoolStatus p = only("ozdocs-draid-sequential-rebuild-spare-6.txt");
        Vdev spare6 = p.find("spare-6").orElseThrow();
        assertThat(spare6.kind()).isEqualTo(new VdevKind.Spare(OptionalInt.of(6)));
        assertThat(spare6.state()).isEqualTo(DeviceState.DEGRADED);
        assertThat(spare6.children()).extracting(Vdev::name, Vdev::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("sdg", DeviceState.UNAVAIL),
                org.assertj.core.groups.Tuple.tuple("draid1-0-0", DeviceState.ONLINE));
        assertThat(p.vdevs(AllocationClass.SPARE).get(0).state()).isEqualTo(DeviceState.INUSE);
        assertThat(p.vdevs(AllocationClass.SPARE).get(0).notes()).containsExactly(new VdevNote.Aux("currently in use"));
    }

    @Test
    void parse_stuckSpareInUse_withoutSpareVdev() {
        // 7577: "sdd       INUSE     currently in use" but no spare-N in the tree
        PoolStatus p = only("gh-zfs-7577-spare-inuse-stuck.txt");
        assertThat(p.vdevs(AllocationClass.SPARE)).extracting(Vdev::name, Vdev::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sdd", DeviceState.INUSE));
        assertThat(p.allVdevs().filter(v -> v.kind() instanceof VdevKind.Spare)).isEmpty();
        assertThat(p.scan().orElseThrow().processed()).hasValue(Math.round(1.30 * (1L << 40)));
    }

    @Test
    void parse_faultedPoolWithIdLine_isImportShaped_andReadByTheImportParser() {
        // msg-72: "    id: 13783646421373024673" (zpool status never prints an id), "test FAULTED 0 0 2  corrupted data"
        String text = Corpus.status("ozdocs-msg-72-faulted-recovery-id.txt");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ZpoolStatusParser.parse("72", text))
                .isInstanceOfSatisfying(org.sansdk.core.ParseException.class,
                        e -> assertThat(e.offendingLine()).isEqualTo("    id: 13783646421373024673"));
        ImportCandidate c = ZpoolImportParser.parse("72", text).candidates().get(0);
        assertThat(c.id()).isEqualTo("13783646421373024673");
        assertThat(c.name()).isEqualTo("test");
        assertThat(c.state()).isEqualTo(DeviceState.FAULTED);
        assertThat(c.root().errors()).contains(new ErrorCounters(0, 0, 2, false));
        assertThat(c.root().notes()).containsExactly(new VdevNote.Aux("corrupted data"));
        assertThat(c.root().children()).extracting(Vdev::name).containsExactly("sda", "sdb");
        assertThat(c.action().orElseThrow()).contains("'zpool clear -F test'").hasLineCount(6);
        assertThat(c.see()).contains("https://openzfs.github.io/openzfs-docs/msg/ZFS-8000-72");
    }

    @Test
    void parse_largeChecksumCounterAndWasNote() {
        // zse-07: "12345678901234567890   UNAVAIL  0  0 100980  was /dev/disk/by-id/ata-ST8000DM004-xxxxxx_redacted-part1"
        Vdev v = only("zse-07-unavail.txt").find("12345678901234567890").orElseThrow();
        assertThat(v.errors()).contains(new ErrorCounters(0, 0, 100980, false));
        assertThat(v.notes()).containsExactly(new VdevNote.Was("/dev/disk/by-id/ata-ST8000DM004-xxxxxx_redacted-part1"));
        // printed by its GUID: the number is the guid, "was /dev/..." makes it a disk
        assertThat(v.guid()).contains("12345678901234567890");
        assertThat(v.kind()).isEqualTo(new VdevKind.Leaf(VdevKind.LeafType.DISK));
    }

    @Test
    void parse_logsFaultedSection_keepsSectionNoteAndNoErrorsLine() {
        // K4 faulted: "logs   FAULTED 0 0 0  bad intent log", no "errors:" line
        PoolStatus p = only("ozdocs-msg-K4-logs-faulted-bad-intent-log.txt");
        ClassSection logs = p.section(AllocationClass.LOG).orElseThrow();
        assertThat(logs.state()).contains(DeviceState.FAULTED);
        assertThat(logs.notes()).containsExactly(new VdevNote.Aux("bad intent log"));
        assertThat(logs.vdevs()).extracting(Vdev::name).containsExactly("c5t3d0");
        assertThat(p.errors()).isEmpty();
    }

    @Test
    void parse_illumosLogsOfflineAndThreeWayMirror() {
        PoolStatus p = only("gh-smartos-249-illumos-logs-offline.txt");
        assertThat(p.dataVdevs().get(0).children()).extracting(Vdev::name)
                .containsExactly("c1t1d0s0", "c1t0d0s0", "c1t4d0s1");
        assertThat(p.vdevs(AllocationClass.LOG)).extracting(Vdev::name, Vdev::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("c1t2d0s4", DeviceState.OFFLINE));
        assertThat(p.scan().orElseThrow().duration()).contains(Duration.ofHours(11).plusMinutes(58));
        assertThat(p.scan().orElseThrow().endedAt()).contains("Fri Aug  9 20:02:23 2013");
    }

    @Test
    void parse_statusAndActionContinuationLines_areUnindentedAndJoined() {
        PoolStatus p = only("gh-zfs-1391-legacy-format-cache.txt");
        assertThat(p.status()).contains("The pool is formatted using a legacy on-disk format.  The pool can\n"
                + "still be used, but some features are unavailable.");
        assertThat(p.see()).isEmpty();
        assertThat(only("zse-06-removed.txt").action()).contains(
                "Online the device using zpool online' or replace the device with\n'zpool replace'.");
        assertThat(only("asok-raidz2-write-error.txt").see())
                .contains("https://openzfs.github.io/openzfs-docs/msg/ZFS-8000-9P");
    }

    @Test
    void parse_multiPoolWithoutBlankLines_givesThreePoolsInOrder() {
        assertThat(Corpus.parse("jc-v-multipool-noblank.txt").pools()).extracting(PoolStatus::name)
                .containsExactly("zhgstera6", "zint500", "zsam53");
        assertThat(Corpus.parse("himm-three-pools-file-vdev.txt").pool("default").orElseThrow().dataVdevs())
                .extracting(Vdev::name, Vdev::kind).containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "/var/lib/lxd/disks/default.img", new VdevKind.Leaf(VdevKind.LeafType.FILE)));
        assertThat(List.of(Corpus.parse("asok-truenas-bootpool-compat-and-scrub-progress.txt").pools().get(0)
                .dataVdevs().get(0).name())).containsExactly("ata-SuperMicro_SSD_SMC0515D91120B964037-part2");
    }
}
