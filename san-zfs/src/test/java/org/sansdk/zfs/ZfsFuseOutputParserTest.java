package org.sansdk.zfs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Values in the zfs-fuse 0.7.0 captures (corpus/zfs-fuse/README.md): the old pool-v23 format. */
class ZfsFuseOutputParserTest {

    private static PoolStatus parse(String file) {
        ZpoolStatusReport r = ZpoolStatusParser.parse(file, Corpus.read("zfs-fuse", file));
        assertThat(r.warnings()).isEmpty();
        return r.pools().get(0);
    }

    @Test
    void parse_scrubWithChecksumErrors_readsRoundedCounterAndRepairedAmount() {
        PoolStatus p = parse("scrub-checksum-repaired.txt");
        Vdev a = p.find("/tmp/zx/a").orElseThrow();
        // "/tmp/zx/a  ONLINE  0  0  1.61K": only CKSUM is rounded; the exact zeros are not flagged
        assertThat(a.errors().orElseThrow()).isEqualTo(new ErrorCounters(0, 0, 1649, false, false, true));
        assertThat(a.notes()).containsExactly(new VdevNote.Amount(197L << 20, "repaired", "197M"));
        assertThat(a.kind()).isEqualTo(new VdevKind.Leaf(VdevKind.LeafType.FILE));
        ScanStatus s = p.scan().orElseThrow();
        assertThat(s.function()).isEqualTo(ScanStatus.ScanFunction.SCRUB);
        assertThat(s.state()).isEqualTo(ScanStatus.ScanState.FINISHED);
        assertThat(p.messageId()).contains("ZFS-8000-9P");
    }

    @Test
    void parse_missingLeg_isUnavailGuidInsideSpareWithFormerPath() {
        PoolStatus p = parse("unavail-hot-spare-takes-over.txt");
        assertThat(p.state()).isEqualTo(DeviceState.DEGRADED);
        Vdev spare = p.find("spare-1").orElseThrow();
        assertThat(spare.kind()).isInstanceOf(VdevKind.Spare.class);
        Vdev gone = spare.children().get(0);
        assertThat(gone.name()).isEqualTo("5639297428360279448");
        assertThat(gone.state()).isEqualTo(DeviceState.UNAVAIL);
        assertThat(gone.notes()).containsExactly(new VdevNote.Was("/tmp/zx/b"));
        // the printed number is the GUID; "was /tmp/zx/b" (outside /dev) makes it a file vdev
        assertThat(gone.guid()).contains("5639297428360279448");
        assertThat(gone.kind()).isEqualTo(new VdevKind.Leaf(VdevKind.LeafType.FILE));
        assertThat(p.vdevs(AllocationClass.SPARE).get(0).state()).isEqualTo(DeviceState.INUSE);
        assertThat(p.scan().orElseThrow().percentDone()).hasValue(0.20);
    }

    @Test
    void parse_permanentErrorWithoutTrailingNewline_listsTheFile() {
        PoolStatus p = parse("permanent-error-file.txt");
        assertThat(p.errors().orElseThrow().permanent()).containsExactly(new PermanentError.File("/tmp/zx/pm/victim.dat"));
        assertThat(p.root().orElseThrow().errors().orElseThrow().checksum()).isEqualTo(3);
    }

    @Test
    void parse_replacingDuringResilver_nestsOldAndNewLeg() {
        PoolStatus p = parse("resilver-replacing-poll-2.txt");
        Vdev replacing = p.find("replacing-1").orElseThrow();
        assertThat(replacing.children()).extracting(Vdev::name).containsExactly("/tmp/zx/d", "/tmp/zx/b");
        assertThat(replacing.children().get(1).notes()).containsExactly(new VdevNote.Amount(273L << 20,
                "resilvered", "273M"));
        assertThat(p.scan().orElseThrow().duration()).contains(java.time.Duration.ZERO);
    }

    @Test
    void importListing_isRefusedByTheStatusParser_andReadByTheImportParser() {
        String text = Corpus.read("zfs-fuse", "import-listing-online.txt");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ZpoolStatusParser.parse("l", text))
                .isInstanceOfSatisfying(org.sansdk.core.ParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.expected()).contains("zpool import").contains("ZpoolImportParser");
                });
        ImportCandidate c = ZpoolImportParser.parse("l", text).candidates().get(0);
        assertThat(c.id()).isEqualTo("6348604160778364567");
        assertThat(c.name()).isEqualTo("ti");
        assertThat(c.state()).isEqualTo(DeviceState.ONLINE);
        assertThat(c.action()).contains("The pool can be imported using its name or numeric identifier.");
        assertThat(c.root().children().get(0).children()).extracting(Vdev::name).containsExactly("/tmp/zi/a", "/tmp/zi/b");
        assertThat(c.root().children().get(0).errors()).isEmpty();
        assertThat(c.vdevs(AllocationClass.SPARE)).singleElement()
                .satisfies(v -> assertThat(v.state()).isEqualTo(DeviceState.UNKNOWN));
        assertThat(c.complete()).isTrue();
    }

    @Test
    void degradedImportListing_marksMissingLegCannotOpen() {
        ImportCandidate c = ZpoolImportParser.parse("l", Corpus.read("zfs-fuse", "import-listing-degraded.txt"))
                .candidate("6348604160778364567").orElseThrow();
        assertThat(c.state()).isEqualTo(DeviceState.DEGRADED);
        Vdev b = c.allVdevs().filter(v -> v.name().equals("/tmp/zi/b")).findFirst().orElseThrow();
        assertThat(b.state()).isEqualTo(DeviceState.UNAVAIL);
        assertThat(b.notes()).containsExactly(new VdevNote.Aux("cannot open"));
        assertThat(c.see()).contains("http://www.sun.com/msg/ZFS-8000-2Q");
        assertThat(c.complete()).isTrue();
    }
}
