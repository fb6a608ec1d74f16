package org.sansdk.zfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.sansdk.core.ParseException;
import org.junit.jupiter.api.Test;

/** Hand-written checks of the values in particular corpus files (and of forms the corpus lacks). */
class ZpoolStatusParserTest {

    @Test
    void parse_truenasScrubInProgress_readsNewThreeLineProgress() {
        PoolStatus tank = Corpus.parse("asok-truenas-bootpool-compat-and-scrub-progress.txt").pool("tank").orElseThrow();
        ScanStatus scan = tank.scan().orElseThrow();
        assertThat(scan.function()).isEqualTo(ScanStatus.ScanFunction.SCRUB);
        assertThat(scan.inProgress()).isTrue();
        assertThat(scan.startedAt()).contains("Sun Mar 29 09:07:17 2026");
        assertThat(scan.percentDone()).hasValue(9.42);
        assertThat(scan.timeToGo()).contains(Duration.ofHours(8).plusMinutes(41).plusSeconds(54));
        assertThat(scan.total().getAsLong()).isEqualTo(Math.round(20.2 * (1L << 40)));
        assertThat(scan.issueRate().getAsLong()).isEqualTo(612L << 20);
        assertThat(tank.find("ata-WDC_WD60EFRX-68MYMN1_WD-WX31DB48X2ZY").orElseThrow().errors().orElseThrow().read())
                .isEqualTo(1);
        assertThat(tank.messageId()).contains("ZFS-8000-9P");
    }

    @Test
    void parse_degradedMirror_marksMissingLegUnavailWithFormerPath() {
        PoolStatus pool = Corpus.parse("zse-07-unavail.txt").pools().get(0);
        Vdev mirror = pool.dataVdevs().get(0);
        assertThat(mirror.kind()).isInstanceOf(VdevKind.Mirror.class);
        assertThat(mirror.state()).isEqualTo(DeviceState.DEGRADED);
        Vdev gone = mirror.children().get(0);
        assertThat(gone.state()).isEqualTo(DeviceState.UNAVAIL);
        assertThat(gone.errors().orElseThrow().checksum()).isEqualTo(100980);
        assertThat(gone.notes()).containsExactly(
                new VdevNote.Was("/dev/disk/by-id/ata-ST8000DM004-xxxxxx_redacted-part1"));
    }

    @Test
    void parse_draidRebalance_nestsReplacingInsideSpare() {
        PoolStatus pool = Corpus.parse("ozdocs-draid-rebalance-replacing-in-spare.txt").pools().get(0);
        Vdev draid = pool.dataVdevs().get(0);
        assertThat(draid.kind()).isEqualTo(new VdevKind.Draid(new DraidGeometry(1, 4, 11, 1),
                java.util.OptionalInt.of(0)));
        Vdev spare = draid.find("spare-6").orElseThrow();
        assertThat(spare.kind()).isInstanceOf(VdevKind.Spare.class);
        Vdev replacing = spare.children().get(0);
        assertThat(replacing.kind()).isInstanceOf(VdevKind.Replacing.class);
        assertThat(replacing.children()).extracting(Vdev::name).containsExactly("sdg", "sdl");
        assertThat(spare.children().get(1).kind())
                .isEqualTo(new VdevKind.Leaf(VdevKind.LeafType.DISTRIBUTED_SPARE));
        assertThat(pool.vdevs(AllocationClass.SPARE)).singleElement()
                .satisfies(v -> assertThat(v.state()).isEqualTo(DeviceState.INUSE));
    }

    @Test
    void parse_sequentialRebuild_readsRebuildVdevAndIssueRateWithoutAt() {
        ScanStatus scan = Corpus.parse("ozdocs-draid-sequential-rebuild-spare-6.txt").pools().get(0).scan().orElseThrow();
        assertThat(scan.rebuildVdev()).contains("draid1:4d:11c:1s-0");
        assertThat(scan.isRebuild()).isTrue();
        assertThat(scan.issueRate().getAsLong()).isEqualTo(Math.round(6.07 * (1L << 30)));
        assertThat(scan.percentDone()).hasValue(57.17);
        assertThat(scan.processed().getAsLong()).isEqualTo(326L << 30);
    }

    @Test
    void parse_permanentErrors_classifiesEveryForm() {
        assertThat(Corpus.parse("gh-zfs-2617-permanent-hex-dataset-object.txt").pools().get(0).errors().orElseThrow()
                .permanent()).containsExactly(new PermanentError.ObjectIds(0x39c, 0xb));
        assertThat(Corpus.parse("gh-zfs-9705-permanent-metadata-objects.txt").pools().get(0).errors().orElseThrow()
                .permanent()).containsExactly(new PermanentError.Metadata(0), new PermanentError.Metadata(0x39));
        assertThat(Corpus.parse("gh-zfs-5018-permanent-error-snapshot-cache-unavail.txt").pools().get(0).errors()
                .orElseThrow().permanent()).containsExactly(
                new PermanentError.DatasetFile("B_redux/B@2017_Mar_10", "/ata-ST32000542AS_5XW17Z49.img"));
        assertThat(Corpus.parse("jc-v3-unavail-permanent-errors.txt").pools().get(0).errors().orElseThrow()
                .permanent()).extracting(PermanentError::text)
                .containsExactly("/tank/data/aaa", "/tank/data/bbb", "/tank/data/ccc");
    }

    @Test
    void parse_errorCountAndUnavailableList_areBothKept() {
        PoolErrors e = Corpus.parse("zse-02-online-data-corruption.txt").pools().get(0).errors().orElseThrow();
        assertThat(e.count()).hasValue(1);
        assertThat(e.listUnavailable()).contains("permission denied");
        assertThat(Corpus.parse("ozdocs-msg-HC-io-failures.txt").pools().get(0).errors().orElseThrow().count())
                .hasValue(1);
    }

    @Test
    void parse_classSections_specialWithTrailingTabLogsCacheSpares() {
        PoolStatus special = Corpus.parse("gh-zfs-10612-special-trailing-tab.txt").pools().get(0);
        assertThat(special.vdevs(AllocationClass.SPECIAL)).extracting(Vdev::name).containsExactly("/tmp/1.raw");
        assertThat(special.vdevs(AllocationClass.SPECIAL).get(0).kind())
                .isEqualTo(new VdevKind.Leaf(VdevKind.LeafType.FILE));
        PoolStatus logs = Corpus.parse("ozdocs-msg-K4-logs-degraded.txt").pools().get(0);
        ClassSection log = logs.section(AllocationClass.LOG).orElseThrow();
        assertThat(log.state()).contains(DeviceState.DEGRADED);
        assertThat(log.vdevs().get(0).notes()).containsExactly(new VdevNote.Aux("cannot open"));
        PoolStatus cache = Corpus.parse("gh-zfs-5018-permanent-error-snapshot-cache-unavail.txt").pools().get(0);
        assertThat(cache.vdevs(AllocationClass.CACHE).get(0).state()).isEqualTo(DeviceState.UNAVAIL);
        PoolStatus spares = Corpus.parse("gh-libzetta-64-file-vdev-spare-avail.txt").pools().get(0);
        assertThat(spares.vdevs(AllocationClass.SPARE).get(0).errors()).isEmpty();
        assertThat(spares.vdevs(AllocationClass.SPARE).get(0).state()).isEqualTo(DeviceState.AVAIL);
    }

    @Test
    void parse_oldFormats_readSolarisScrubLineAndPerDeviceAmounts() {
        PoolStatus p = Corpus.parse("ozdocs-msg-9P-old-replacing-resilver.txt").pools().get(0);
        assertThat(p.scan().orElseThrow().function()).isEqualTo(ScanStatus.ScanFunction.RESILVER);
        assertThat(p.scan().orElseThrow().percentDone()).hasValue(0.14);
        Vdev replacing = p.dataVdevs().get(0).children().get(0);
        assertThat(replacing.kind()).isEqualTo(new VdevKind.Replacing(java.util.OptionalInt.empty()));
        assertThat(replacing.children().get(1).notes())
                .containsExactly(new VdevNote.Amount(59904, "resilvered", "58.5K"));
        ScanStatus done = Corpus.parse("jc-v3-unavail-permanent-errors.txt").pools().get(0).scan().orElseThrow();
        assertThat(done.state()).isEqualTo(ScanStatus.ScanState.FINISHED);
        assertThat(done.endedAt()).contains("Tue Feb  2 13:08:42 2010");
    }

    @Test
    void parse_scriptColumnsAndTrimNotes_areSeparated() {
        Vdev lun = Corpus.parse("gh-zfs-pr12206-c-media-vendor-iscsi.txt").pools().get(0).dataVdevs().get(0);
        assertThat(lun.columns()).containsEntry("media", "iscsi").containsEntry("vendor", "SolidFir");
        assertThat(lun.notes()).isEmpty();
        ZpoolStatusReport two = Corpus.parse("gh-zfs-pr8419-t-trim-two-pools.txt");
        assertThat(two.pool("vpool2").orElseThrow().dataVdevs().get(0).notes())
                .containsExactly(new VdevNote.Trim("trim unsupported"));
    }

    @Test
    void parse_timestampBeforePools_isAcceptedWithoutWarning() {
        String text = "Wed Nov 25 07:00:00 UTC 2026\n" + Corpus.status("zse-10-new-pool.txt");
        ZpoolStatusReport r = ZpoolStatusParser.parse("t", text);
        assertThat(r.warnings()).isEmpty();
        assertThat(r.pools()).extracting(PoolStatus::name).containsExactly("milton");
        // a timestamp alone is not an answer of zpool status (cut before the pools?)
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ZpoolStatusParser.parse("t", "1764054000\n"))
                .isInstanceOf(org.sansdk.core.ParseException.class);
    }

    @Test
    void parse_removeAndCheckpointSections_areKeptAsPrinted() {
        // line formats from OpenZFS zpool_main.c print_removal_status / print_checkpoint_status
        String text = "  pool: t\n state: ONLINE\n  scan: none requested\n"
                + "remove: Removal of vdev 1 copied 3.80G in 0h1m, completed on Wed Nov 25 07:00:00 2026\n"
                + "\t13.5K memory used for removed device mappings\n"
                + "checkpoint: created Wed Nov 25 07:10:00 2026, consumes 1.20M\n"
                + "config:\n\n\tNAME        STATE     READ WRITE CKSUM\n\tt           ONLINE       0     0     0\n"
                + "\t  sda       ONLINE       0     0     0\n\t  sdb       ONLINE       0     0     0  (removing)\n"
                + "\nerrors: No known data errors\n";
        PoolStatus p = ZpoolStatusParser.parse("t", text).pools().get(0);
        assertThat(p.otherSections()).containsEntry("remove", "Removal of vdev 1 copied 3.80G in 0h1m, completed on "
                + "Wed Nov 25 07:00:00 2026\n13.5K memory used for removed device mappings")
                .containsEntry("checkpoint", "created Wed Nov 25 07:10:00 2026, consumes 1.20M");
        assertThat(p.find("sdb").orElseThrow().notes()).containsExactly(new VdevNote.Removing());
    }

    @Test
    void parse_slowColumnBeforeNotesAndScriptColumnsAfter() {
        // -s prints SLOW right after CKSUM (" %5s"), notes follow, -c output comes last (print_status_config)
        String text = "  pool: t\n state: DEGRADED\nconfig:\n\n"
                + "\tNAME        STATE     READ WRITE CKSUM  SLOW  vendor\n"
                + "\tt           DEGRADED     0     0     0     -\n"
                + "\t  mirror-0  DEGRADED     0     0     0     -\n"
                + "\t    sda     ONLINE       0     0     0     3  (resilvering)  ATA\n"
                + "\t    sdb     UNAVAIL      0     0     0     0  cannot open  ATA\n";
        PoolStatus p = ZpoolStatusParser.parse("t", text).pools().get(0);
        Vdev sda = p.find("sda").orElseThrow();
        assertThat(sda.columns()).containsEntry("SLOW", "3").containsEntry("vendor", "ATA");
        assertThat(sda.notes()).containsExactly(new VdevNote.Resilvering());
        assertThat(p.find("sdb").orElseThrow().notes()).containsExactly(new VdevNote.Aux("cannot open"));
        assertThat(p.dataVdevs().get(0).columns()).containsExactly(java.util.Map.entry("SLOW", "-"));
    }

    @Test
    void parse_designDocResilverExampleLine_readsPercentAndTimeToGo() {
        // the one-line form quoted in the design document, section 9 (old ZFS wording)
        String text = "  pool: san-pool\n state: DEGRADED\n  scan: resilver in progress, 45.2% done, 00:12:30 to go\n";
        ScanStatus s = ZpoolStatusParser.parse("design", text).pools().get(0).scan().orElseThrow();
        assertThat(s.inProgress()).isTrue();
        assertThat(s.percentDone()).hasValue(45.2);
        assertThat(s.timeToGo()).contains(Duration.ofMinutes(12).plusSeconds(30));
    }

    @Test
    void parse_noPoolsAvailable_isItsOwnResult() {
        ZpoolStatusReport r = Corpus.parse("gh-zfs-1957-no-pools-available.txt");
        assertThat(r.result()).isEqualTo(ZpoolStatusReport.Result.NO_POOLS_AVAILABLE);
        assertThat(r.pools()).isEmpty();
    }

    @Test
    void parse_roundedCounters_areConvertedAndFlaggedApproximate() {
        String text = "  pool: t\n state: ONLINE\nconfig:\n\n\tNAME   STATE     READ WRITE CKSUM\n"
                + "\tt      ONLINE       0     0     0\n\t  sda  ONLINE    1.57K     0   12M  too many errors\n";
        Vdev sda = ZpoolStatusParser.parse("t", text).pools().get(0).dataVdevs().get(0);
        // "1.57K 0 12M": READ and CKSUM rounded, WRITE exact
        assertThat(sda.errors().orElseThrow()).isEqualTo(new ErrorCounters(1608, 0, 12L << 20, true, false, true));
        assertThat(sda.notes()).containsExactly(new VdevNote.Aux("too many errors"));
    }

    @Test
    void parse_rowWithoutState_throwsLocatedParseException() {
        String text = "  pool: t\n state: ONLINE\nconfig:\n\n\tNAME   STATE     READ WRITE CKSUM\n"
                + "\tt      ONLINE       0     0     0\n\t  sda  BROKEN  0 0 0\n";
        assertThatThrownBy(() -> ZpoolStatusParser.parse("x.txt", text))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(7);
                    assertThat(e.column()).isEqualTo(9);
                    assertThat(e.offendingLine()).contains("BROKEN");
                    assertThat(e.getMessage()).startsWith("x.txt:7:9: expected a vdev state");
                });
    }

    @Test
    void parse_textThatIsNotStatus_throwsParseException() {
        assertThatThrownBy(() -> ZpoolStatusParser.parse("x", "hello\nworld\n"))
                .isInstanceOf(ParseException.class).hasMessageContaining("pool:");
    }
}
