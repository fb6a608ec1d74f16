package org.sansdk.zfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sansdk.core.ParseException;
import org.sansdk.core.testing.ParserContract;

/** The parser contract items (empty, kind, duplicates, trailing data, typed answers) and the JSON shapes. */
class ZpoolParserContractTest {

    private static final ObjectMapper M = new ObjectMapper();

    private static String resource(String path) {
        try (InputStream in = ZpoolParserContractTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ zpool status text

    @Test
    void status_emptyInput_isRefused() {
        ParserContract.emptyRefused(t -> ZpoolStatusParser.parse("empty", t));
    }

    @Test
    void status_noPoolsAllHealthyAndPoolHealthy_areDistinctResults() {
        ZpoolStatusReport none = ZpoolStatusParser.parse("a", "no pools available\n");
        ZpoolStatusReport all = ZpoolStatusParser.parse("b", "all pools are healthy\n");
        ZpoolStatusReport one = ZpoolStatusParser.parse("c", "pool 'tank' is healthy\n");
        assertThat(none.result()).isEqualTo(ZpoolStatusReport.Result.NO_POOLS_AVAILABLE);
        assertThat(all.result()).isEqualTo(ZpoolStatusReport.Result.ALL_POOLS_HEALTHY);
        assertThat(one.result()).isEqualTo(ZpoolStatusReport.Result.POOL_HEALTHY);
        assertThat(one.healthyPools()).containsExactly("tank");
        assertThat(ZpoolStatusJson.toJson(none).get("result").asText()).isEqualTo("no_pools_available");
        assertThat(ZpoolStatusJson.toJson(all).get("result").asText()).isEqualTo("all_pools_healthy");
        assertThat(ZpoolStatusJson.toJson(one).get("result").asText()).isEqualTo("pool_healthy");
        assertThat(ZpoolStatusJson.toJson(one).at("/healthy_pools/0").asText()).isEqualTo("tank");
    }

    @Test
    void status_xWithNamedPools_keepsHealthyNamesNextToTheBlocks() {
        // zpool status -x a tank: "pool 'a' is healthy" for a, a block for the unhealthy one
        String text = "pool 'a' is healthy\n" + Corpus.status("zse-11-degraded-no-scan.txt");
        ZpoolStatusReport r = ZpoolStatusParser.parse("x", text);
        assertThat(r.result()).isEqualTo(ZpoolStatusReport.Result.POOLS);
        assertThat(r.healthyPools()).containsExactly("a");
        assertThat(r.pools()).extracting(PoolStatus::name).containsExactly("broken");
    }

    @Test
    void status_twoBlocksOfTheSamePool_areRefusedNotOverwritten() {
        // a DEGRADED capture then an ONLINE one of the same pool: the last used to win
        String degraded = Corpus.status("zse-11-degraded-no-scan.txt");
        String online = degraded.replace("DEGRADED", "ONLINE").replace("UNAVAIL", "ONLINE");
        assertThatThrownBy(() -> ZpoolStatusParser.parse("cat", degraded + online))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(degraded.split("\n", -1).length);
                    assertThat(e.offendingLine()).isEqualTo("  pool: broken");
                    assertThat(e.expected()).contains("already at line 1");
                });
    }

    @Test
    void status_answerAfterPools_isRefused() {
        String text = Corpus.status("zse-11-degraded-no-scan.txt") + "no pools available\n";
        assertThatThrownBy(() -> ZpoolStatusParser.parse("cat", text)).isInstanceOf(ParseException.class);
    }

    @Test
    void status_importScanOutput_isRefusedNamingTheImportParser() {
        String text = "   pool: tank\n     id: 1234567890123\n  state: ONLINE\n action: The pool can be imported "
                + "using its name or numeric identifier.\n config:\n\n\ttank        ONLINE\n\t  sda       ONLINE\n";
        assertThatThrownBy(() -> ZpoolStatusParser.parse("imp", text))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.expected()).contains("zpool import").contains("ZpoolImportParser");
                });
        assertThatThrownBy(() -> ZpoolStatusParser.parse("imp", "no pools available to import\n"))
                .isInstanceOf(ParseException.class).hasMessageContaining("zpool-import");
    }

    @Test
    void status_cutInsideTheTree_isIncompleteInModelAndJson() {
        String whole = Corpus.status("zse-07-unavail.txt");
        String cut = whole.substring(0, whole.indexOf("errors:"));
        ZpoolStatusReport r = ZpoolStatusParser.parse("cut", cut);
        assertThat(r.complete()).isFalse();
        ObjectNode json = ZpoolStatusJson.toJson(r);
        assertThat(json.get("complete").asBoolean()).isFalse();
        assertThat(json.at("/pools/mypool/incomplete").asText()).contains("errors:");
        assertThat(ZpoolStatusJson.toJson(ZpoolStatusParser.parse("w", whole)).get("complete").asBoolean()).isTrue();
    }

    // ------------------------------------------------------------------ approximate

    @Test
    void json_fromText_marksRoundedCountersAndScanFiguresApproximate() {
        // scrub-checksum-repaired: "/tmp/zx/a ONLINE 0 0 1.61K  197M repaired"
        ObjectNode json = ZpoolStatusJson.toJson(ZpoolStatusParser.parse("s",
                Corpus.read("zfs-fuse", "scrub-checksum-repaired.txt")));
        JsonNode a = json.at("/pools/tr/vdevs/tr/vdevs/mirror-0/vdevs/~1tmp~1zx~1a");
        assertThat(a.get("checksum_errors").asLong()).isEqualTo(1649);
        assertThat(a.get("_approximate")).containsExactly(M.getNodeFactory().textNode("checksum_errors"),
                M.getNodeFactory().textNode("scan_processed"));
        JsonNode b = json.at("/pools/tr/vdevs/tr/vdevs/mirror-0/vdevs/~1tmp~1zx~1b");
        assertThat(b.has("_approximate")).isFalse();
        // zse-04: "704G / 1.66T scanned at 5.67G/s, 0B / 1.66T issued"
        JsonNode scan = ZpoolStatusJson.toJson(Corpus.parse("zse-04-scrub-progress.txt")).at("/pools/neptune/scan_stats");
        assertThat(scan.get("examined").asLong()).isEqualTo(704L << 30);
        assertThat(scan.get("issued").asLong()).isZero();
        assertThat(scan.get("_approximate").toString()).isEqualTo("[\"to_examine\",\"examined\",\"scan_rate\"]");
    }

    // ------------------------------------------------------------------ text -> JSON like the producer

    @Test
    void json_fromText_usesProducerStatesClassesAndUrls() {
        ObjectNode k4 = ZpoolStatusJson.toJson(ZpoolStatusParser.parse("k4",
                Corpus.status("ozdocs-msg-K4-logs-degraded.txt")));
        assertThat(k4.get("source").asText()).isEqualTo("zpool status text");
        // zse-11: healthy leaf ONLINE (vdev_state_str), UNAVAIL -> CANT_OPEN, no scan line -> no scan_stats
        ObjectNode zse11 = ZpoolStatusJson.toJson(Corpus.parse("zse-11-degraded-no-scan.txt"));
        assertThat(zse11.at("/pools/broken/vdevs/broken/vdevs/mirror-0/vdevs/loop0/state").asText()).isEqualTo("ONLINE");
        assertThat(zse11.at("/pools/broken/vdevs/broken/vdevs/mirror-0/vdevs/loop1/state").asText())
                .isEqualTo("CANT_OPEN");
        assertThat(zse11.at("/pools/broken").has("scan_stats")).isFalse();
        // "scan: none requested" says nothing the producer would print: no invented {NONE, NONE}
        ObjectNode zfsha = ZpoolStatusJson.toJson(Corpus.parse("gh-zfsha17-raidz2-multipath-wwid.txt"));
        assertThat(zfsha.at("/pools/pool1").has("scan_stats")).isFalse();
        // zse-02 printed the legacy zfsonlinux.org URL; moreinfo is what zpool_main.c builds from the msgid
        ObjectNode zse02 = ZpoolStatusJson.toJson(Corpus.parse("zse-02-online-data-corruption.txt"));
        assertThat(zse02.at("/pools/jeremy/moreinfo").asText())
                .isEqualTo("https://openzfs.github.io/openzfs-docs/msg/ZFS-8000-8A");
        assertThat(zse02.at("/pools/jeremy/see_printed").asText()).isEqualTo("http://zfsonlinux.org/msg/ZFS-8000-8A");
        // finished scan: the ctime text is kept apart from start_time/end_time (integers in --json-int)
        JsonNode scan = zse02.at("/pools/jeremy/scan_stats");
        assertThat(scan.has("end_time")).isFalse();
        assertThat(scan.get("end_time_printed").asText()).isEqualTo("Sun Feb  4 20:54:25 2024");
    }

    @Test
    void json_fromText_faultedRootWithBadIntentLog_isCantOpenWithAux() {
        ObjectNode k4 = ZpoolStatusJson.toJson(ZpoolStatusParser.parse("k4",
                Corpus.status("ozdocs-msg-K4-logs-faulted-bad-intent-log.txt")));
        JsonNode root = k4.at("/pools/test/vdevs/test");
        assertThat(root.get("state").asText()).isEqualTo("CANT_OPEN");
        assertThat(root.get("aux").asText()).isEqualTo("BAD_LOG");
    }

    @Test
    void json_fromText_inUseSpareAndMissingVdev() {
        // unavail-hot-spare-takes-over: "spare-1" holds GUID 5639297428360279448 (was /tmp/zx/b) and spare /tmp/zx/c
        ObjectNode j = ZpoolStatusJson.toJson(ZpoolStatusParser.parse("u",
                Corpus.read("zfs-fuse", "unavail-hot-spare-takes-over.txt")));
        JsonNode spare1 = j.at("/pools/tr/vdevs/tr/vdevs/mirror-0/vdevs/spare-1/vdevs");
        JsonNode gone = spare1.get("5639297428360279448");
        assertThat(gone.get("guid").asText()).isEqualTo("5639297428360279448");
        assertThat(gone.get("vdev_type").asText()).isEqualTo("file");
        assertThat(gone.get("was").asText()).isEqualTo("/tmp/zx/b");
        assertThat(spare1.get("/tmp/zx/c").get("class").asText()).isEqualTo("spare");
        assertThat(j.at("/pools/tr/spares/~1tmp~1zx~1c/state").asText()).isEqualTo("INUSE");
        assertThat(j.at("/pools/tr/spares/~1tmp~1zx~1c/aux").asText()).isEqualTo("SPARED");
    }

    @Test
    void json_fromText_spareInUseByAnotherPool_hasUsedBy() {
        String text = "  pool: t\n state: ONLINE\nconfig:\n\n\tNAME   STATE     READ WRITE CKSUM\n"
                + "\tt      ONLINE       0     0     0\n\t  sda  ONLINE       0     0     0\n\tspares\n"
                + "\t  sdz  INUSE     in use by pool 'other'\n\nerrors: No known data errors\n";
        JsonNode sdz = ZpoolStatusJson.toJson(ZpoolStatusParser.parse("t", text)).at("/pools/t/spares/sdz");
        assertThat(sdz.get("used_by").asText()).isEqualTo("other");
        assertThat(sdz.get("state").asText()).isEqualTo("INUSE");
    }

    // ------------------------------------------------------------------ zpool status -j

    @Test
    void json_trailingDataAfterTheDocument_isRefused() {
        String doc = resource("/producer-json/status-j-degraded-strings.json");
        assertThatThrownBy(() -> ZpoolStatusJsonParser.parse("two.json", doc + doc))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.expected()).contains("nothing after it"));
        assertThatThrownBy(() -> ZpoolStatusJsonParser.parse("junk.json", doc + "garbage\n"))
                .isInstanceOf(ParseException.class);
        ParserContract.emptyRefused(t -> ZpoolStatusJsonParser.parse("e.json", t));
    }

    @Test
    void json_duplicateKey_isRefused() {
        String json = "{\"output_version\":{\"command\":\"zpool status\"},\"pools\":{\"t\":{\"name\":\"t\",\"state\":"
                + "\"DEGRADED\",\"state\":\"ONLINE\"}}}";
        assertThatThrownBy(() -> ZpoolStatusJsonParser.parse("dup.json", json))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.expected()).contains("each key once"));
    }

    @Test
    void json_producerOutput_passesThroughUnchanged() throws IOException {
        for (String f : new String[] {"status-j-degraded-strings.json", "status-j-int-flat-guidkey.json"}) {
            String doc = resource("/producer-json/" + f);
            ObjectNode out = ZpoolStatusJson.toJson(ZpoolStatusJsonParser.parse(f, doc));
            assertThat(out).as(f).isEqualTo(M.readTree(doc));
        }
    }

    @Test
    void json_producerOutput_modelReadsProducerStates() {
        ZpoolStatusReport s = ZpoolStatusJsonParser.parse("s",
                resource("/producer-json/status-j-degraded-strings.json"));
        PoolStatus tank = s.pool("tank").orElseThrow();
        assertThat(tank.find("sda").orElseThrow().state()).isEqualTo(DeviceState.ONLINE);
        assertThat(tank.find("sda").orElseThrow().errors().orElseThrow())
                .isEqualTo(new ErrorCounters(1608, 0, 12, true, false, false));
        assertThat(tank.find("sdb").orElseThrow().state()).isEqualTo(DeviceState.UNAVAIL);
        ZpoolStatusReport g = ZpoolStatusJsonParser.parse("g",
                resource("/producer-json/status-j-int-flat-guidkey.json"));
        PoolStatus green = g.pools().get(0);
        assertThat(green.name()).isEqualTo("greenwood");
        assertThat(green.root().orElseThrow().state()).isEqualTo(DeviceState.FAULTED); // CANT_OPEN + BAD_LOG
        assertThat(green.vdevs(AllocationClass.LOG).get(0).state()).isEqualTo(DeviceState.CLOSED);
    }

    // ------------------------------------------------------------------ zpool import

    private static final String IMPORT_TWO_TANKS = "   pool: tank\n     id: 1111111111111111111\n  state: ONLINE\n"
            + " action: The pool can be imported using its name or numeric identifier.\n config:\n\n"
            + "\ttank        ONLINE\n\t  mirror-0  ONLINE\n\t    sda     ONLINE\n\t    sdb     ONLINE\n\n"
            + "   pool: tank\n     id: 2222222222222222222\n  state: DEGRADED\n status: One or more devices are "
            + "missing from the system.\n action: The pool can be imported despite missing or damaged devices.  The\n"
            + "\tfault tolerance of the pool may be compromised if imported.\n"
            + "   see: https://openzfs.github.io/openzfs-docs/msg/ZFS-8000-2Q\n config:\n\n"
            + "\ttank        DEGRADED\n\t  mirror-0  DEGRADED\n\t    sdc     ONLINE\n\t    sdd     UNAVAIL  cannot open\n";

    @Test
    void import_twoPoolsNamedAlike_areTwoCandidatesKeyedById() {
        ZpoolImportReport r = ZpoolImportParser.parse("imp", IMPORT_TWO_TANKS);
        assertThat(r.result()).isEqualTo(ZpoolImportReport.Result.CANDIDATES);
        assertThat(r.named("tank")).extracting(ImportCandidate::id)
                .containsExactly("1111111111111111111", "2222222222222222222");
        assertThat(r.candidate("2222222222222222222").orElseThrow().state()).isEqualTo(DeviceState.DEGRADED);
        assertThat(r.complete()).isTrue();
        ObjectNode json = ZpoolImportJson.toJson(r);
        assertThat(json.at("/pools/1111111111111111111/state").asText()).isEqualTo("ONLINE");
        assertThat(json.at("/pools/2222222222222222222/vdevs/tank/vdevs/mirror-0/vdevs/sdd/state").asText())
                .isEqualTo("CANT_OPEN");
    }

    @Test
    void import_realZfsFuseListingOfTwoPoolsNamedTank_givesTwoCandidates() {
        // corpus/zfs-fuse/import-listing-two-pools-named-tank.txt: ids 4123668312770323154 and 18391958204127275513
        String text = Corpus.read("zfs-fuse", "import-listing-two-pools-named-tank.txt");
        ZpoolImportReport r = ZpoolImportParser.parse("two", text);
        assertThat(r.candidates()).extracting(ImportCandidate::name, ImportCandidate::id).containsExactly(
                org.assertj.core.groups.Tuple.tuple("tank", "4123668312770323154"),
                org.assertj.core.groups.Tuple.tuple("tank", "18391958204127275513"));
        ImportCandidate second = r.candidate("18391958204127275513").orElseThrow();
        assertThat(second.root().children().get(0).children()).extracting(Vdev::name)
                .containsExactly("/tmp/zt/d1/a", "/tmp/zt/d1/b");
        assertThat(second.action()).contains("The pool can be imported using its name or numeric identifier.");
        assertThat(r.complete()).isTrue();
        // the same text is not zpool status output
        assertThatThrownBy(() -> ZpoolStatusParser.parse("two", text)).isInstanceOf(ParseException.class);
        // concatenated with itself: the same ids twice
        assertThatThrownBy(() -> ZpoolImportParser.parse("twice", text + "\n" + text))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.line()).isEqualTo(23));
    }

    @Test
    void import_emptyStdout_isNoneOnlyWhenTheCallerSaysSo() {
        // OpenZFS: "no pools available to import" on stderr; zfs-fuse 0.7: nothing at all, exit 1
        assertThat(ZpoolImportParser.parse("i", "", "no pools available to import\n").result())
                .isEqualTo(ZpoolImportReport.Result.NO_POOLS_AVAILABLE_TO_IMPORT);
        assertThat(ZpoolImportParser.parse("i", "", "", ZpoolImportParser.EmptyStdout.MEANS_NO_POOLS).result())
                .isEqualTo(ZpoolImportReport.Result.NO_POOLS_AVAILABLE_TO_IMPORT);
        assertThatThrownBy(() -> ZpoolImportParser.parse("i", "", "")).isInstanceOf(ParseException.class);
    }

    @Test
    void import_contract_emptyDuplicateIdKindAndNoPools() {
        ParserContract.emptyRefused(t -> ZpoolImportParser.parse("e", t));
        String one = IMPORT_TWO_TANKS.substring(0, IMPORT_TWO_TANKS.indexOf("   pool: tank", 10));
        assertThatThrownBy(() -> ZpoolImportParser.parse("dup", one + one))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.expected()).contains("each pool id once"));
        assertThatThrownBy(() -> ZpoolImportParser.parse("st", Corpus.status("zse-11-degraded-no-scan.txt")))
                .isInstanceOf(ParseException.class).hasMessageContaining("zpool status");
        ZpoolImportReport none = ZpoolImportParser.parse("n", "no pools available to import\n");
        assertThat(none.result()).isEqualTo(ZpoolImportReport.Result.NO_POOLS_AVAILABLE_TO_IMPORT);
        assertThat(ZpoolImportJson.toJson(none).get("result").asText()).isEqualTo("no_pools_available_to_import");
    }

    @Test
    void import_cutListings_areRefusedOrIncomplete() {
        // after "config:", after the root row, inside the mirror, in the middle of the last line
        String t = IMPORT_TWO_TANKS;
        int second = t.indexOf("   pool: tank", 10);
        String[] cuts = {
            t.substring(0, t.indexOf(" config:", second) + 9),
            t.substring(0, t.indexOf("\ttank        DEGRADED\n", second) + 22),
            t.substring(0, t.indexOf("\t    sdd", second)),
            t.substring(0, t.length() - 8)
        };
        for (String cut : cuts) {
            try {
                assertThat(ZpoolImportParser.parse("cut", cut).complete()).as(cut).isFalse();
            } catch (ParseException e) {
                assertThat(e.line()).isPositive();
            }
        }
    }
}
