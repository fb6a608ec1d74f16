package org.sansdk.zfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.sansdk.core.ParseException;

/** Garbage, truncations and shuffles of corpus files give a model or a located ParseException, nothing else. */
class ZpoolStatusParserProperties {

    private static final List<String> FILES = Corpus.names("zpool-status", ".txt");

    @Provide
    Arbitrary<String> corpusFile() {
        return Arbitraries.of(FILES);
    }

    @Property(tries = 300)
    void randomBytes_giveReportOrParseException(@ForAll byte[] bytes) {
        assertParsesOrFailsCleanly(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    /** A corpus file and a cut point inside it (0..length), so every try really truncates. */
    @Provide
    Arbitrary<String[]> corpusCut() {
        return Arbitraries.of(FILES).flatMap(f -> {
            String t = Corpus.status(f);
            return Arbitraries.integers().between(0, t.length()).map(c -> new String[] {f, t, Integer.toString(c)});
        });
    }

    @Property(tries = 300)
    void truncatedCorpusFile_isRefusedIncompleteOrEndsAfterAnErrorsPart(@ForAll("corpusCut") String[] fileTextCut) {
        String file = fileTextCut[0];
        String text = fileTextCut[1];
        int cut = Integer.parseInt(fileTextCut[2]);
        String prefix = text.substring(0, cut);
        ZpoolStatusReport r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                return ZpoolStatusParser.parse(file, prefix);
            } catch (ParseException e) {
                assertThat(e.line()).isPositive();
                return null;
            }
        });
        if (r == null || !r.complete() || text.substring(cut).isBlank()) {
            return;
        }
        if (!r.warnings().isEmpty()) {
            // the three hand-mangled corpus captures carry lines that are not zpool's (a '# zpool scrub test'
            // comment, '<snip>'): a cut inside such a line leaves a complete report that says, with a located
            // warning, that it read something unknown — not a silent answer
            return;
        }
        // parsed as complete although text follows: only a capture of fewer pools/entries may do that,
        // i.e. the prefix stops at the end of a line that closes an errors part
        String kept = prefix.stripTrailing();
        assertThat(text.charAt(kept.length())).as(file + " cut at " + cut).isEqualTo('\n');
        int k = (int) kept.chars().filter(c -> c == '\n').count() + 1;
        assertThat(ZpoolStatusCorpusTest.endsAfterErrorsPart(text.split("\n", -1), k))
                .as(file + " cut at " + cut + " parsed complete").isTrue();
    }

    /** A large status: one pool of n two-way mirrors, some legs degraded, with an exact counter. */
    static String bigStatus(int n, long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder("  pool: big\n state: DEGRADED\n  scan: none requested\nconfig:\n\n"
                + "\tNAME                 STATE     READ WRITE CKSUM\n\tbig                  DEGRADED     0     0     0\n");
        for (int m = 0; m < n; m++) {
            boolean bad = r.nextInt(10) == 0;
            sb.append(String.format("\t  mirror-%-12d %-8s     0     0     0%n", m, bad ? "DEGRADED" : "ONLINE"));
            sb.append(String.format("\t    sd%-14s ONLINE       0     0     0%n", "a" + m));
            sb.append(String.format("\t    sd%-14s %-8s     0     0 %5d%n", "b" + m, bad ? "FAULTED" : "ONLINE",
                    bad ? 12 : 0));
        }
        return sb.append("\nerrors: No known data errors\n").toString();
    }

    @Property(tries = 20)
    void largeStatus_parsesWholeAndEveryCutIsRefusedOrIncomplete(@ForAll @IntRange(min = 200, max = 3000) int n,
                                                                 @ForAll long seed,
                                                                 @ForAll @IntRange(min = 0, max = 1000) int permille) {
        String text = bigStatus(n, seed);
        ZpoolStatusReport whole = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> ZpoolStatusParser.parse("big", text));
        assertThat(whole.complete()).isTrue();
        assertThat(whole.pools().get(0).dataVdevs()).hasSize(n);
        int cut = (int) ((long) text.indexOf("\nerrors:") * permille / 1000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                assertThat(ZpoolStatusParser.parse("big", text.substring(0, cut)).complete()).isFalse();
            } catch (ParseException e) {
                assertThat(e.line()).isPositive();
            }
        });
    }

    @Property(tries = 100)
    void importParser_cutsGarbageAndCorpusText_giveReportOrParseException(@ForAll("importInput") String text) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                ZpoolImportReport r = ZpoolImportParser.parse("imp", text);
                ZpoolImportJson.toJson(r);
            } catch (ParseException e) {
                assertThat(e.source()).isEqualTo("imp");
                assertThat(e.line()).isPositive();
            }
        });
    }

    @Provide
    Arbitrary<String> importInput() {
        List<String> texts = List.of(Corpus.read("zfs-fuse", "import-listing-two-pools-named-tank.txt"),
                Corpus.read("zfs-fuse", "import-listing-degraded.txt"), Corpus.status("zse-05-features.txt"));
        return Arbitraries.oneOf(
                Arbitraries.of(texts).flatMap(t -> Arbitraries.integers().between(0, t.length()).map(c -> t.substring(0, c))),
                Arbitraries.strings().withChars("pol: id\n\tONLINE-0123").ofMaxLength(300));
    }

    @Property(tries = 300)
    void shuffledCorpusLines_giveReportOrParseException(@ForAll("corpusFile") String file, @ForAll long seed) {
        List<String> lines = new ArrayList<>(Arrays.asList(Corpus.status(file).split("\n", -1)));
        Collections.shuffle(lines, new Random(seed));
        assertParsesOrFailsCleanly(String.join("\n", lines));
    }

    @Property(tries = 300)
    void corpusWithRandomCharsFlipped_givesReportOrParseException(@ForAll("corpusFile") String file,
                                                                  @ForAll long seed) {
        char[] chars = Corpus.status(file).toCharArray();
        Random r = new Random(seed);
        for (int k = 0; k < 1 + r.nextInt(8) && chars.length > 0; k++) {
            chars[r.nextInt(chars.length)] = "\t \n:(0K-x".charAt(r.nextInt(9));
        }
        assertParsesOrFailsCleanly(new String(chars));
    }

    @Property(tries = 200)
    void truncatedProducerJson_isRefused(@ForAll("jsonCut") String[] docCut) {
        String json = docCut[0];
        int cut = Integer.parseInt(docCut[1]);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                ZpoolStatusJsonParser.parse("t.json", json.substring(0, cut));
                // only the whole document (at most its final newline missing) parses
                assertThat(json.substring(cut)).isBlank();
            } catch (ParseException e) {
                assertThat(e.source()).isEqualTo("t.json");
                assertThat(e.line()).isPositive();
            }
        });
    }

    @Provide
    Arbitrary<String[]> jsonCut() {
        return Arbitraries.of("status-j-degraded-strings.json", "status-j-int-flat-guidkey.json").flatMap(f -> {
            String json;
            try (var in = getClass().getResourceAsStream("/producer-json/" + f)) {
                json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            String doc = json;
            return Arbitraries.integers().between(0, doc.length()).map(c -> new String[] {doc, Integer.toString(c)});
        });
    }

    @Property(tries = 300)
    void randomTextToListParser_givesRowsOrParseException(@ForAll("tabbedText") String text) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                java.util.List<ListRow> rows = ZfsListParser.parse("list", text, List.of("name", "used", "avail"));
                assertThat(rows).allSatisfy(r -> assertThat(r.values()).hasSize(3));
            } catch (ParseException e) {
                assertThat(e.line()).isPositive();
            }
        });
    }

    @Property(tries = 5)
    void largeGarbage_givesReportOrParseException(@ForAll("largeGarbage") String text) {
        assertParsesOrFailsCleanly(text);
    }

    @Provide
    Arbitrary<String> largeGarbage() {
        return Arbitraries.strings().withChars("  \t\npool:stae ONLINEmirror-0 0 1.5K()").ofMinLength(50_000)
                .ofMaxLength(200_000);
    }

    @Provide
    Arbitrary<String> tabbedText() {
        return Arbitraries.strings().withChars("ab1K.\t\n-").ofMaxLength(200);
    }

    @Property(tries = 200)
    void garbageToJsonListGetAndHostIdParsers_givesResultOrParseException(@ForAll("jsonish") String text) {
        List<Runnable> parsers = List.of(
                () -> ZpoolStatusJsonParser.parse("fuzz", text),
                () -> ZfsJsonParser.rows("fuzz", text),
                () -> ZfsJsonParser.properties("fuzz", text),
                () -> ZfsGetParser.parse("fuzz", text),
                () -> HostId.parse("fuzz", text));
        for (Runnable parser : parsers) {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                try {
                    parser.run();
                } catch (ParseException e) {
                    assertThat(e.source()).isEqualTo("fuzz");
                    assertThat(e.line()).isPositive();
                }
            });
        }
    }

    @Provide
    Arbitrary<String> jsonish() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("{}[]\":,0123456789.eE-+ \n\tabcdefgnulltrue").ofMaxLength(300),
                Arbitraries.strings().ofMaxLength(100),
                Arbitraries.integers().between(0, 6000).map(cut -> {
                    String json = Corpus.read("zpool-json", "man-zfs-list-j-filesystem-snapshot.json");
                    return json.substring(0, Math.min(cut, json.length()));
                }));
    }

    private static void assertParsesOrFailsCleanly(String text) {
        // "never a hang": each parse must finish within 10 s (it takes well under a millisecond)
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> parsesOrFailsCleanly(text));
    }

    private static void parsesOrFailsCleanly(String text) {
        try {
            ZpoolStatusReport r = ZpoolStatusParser.parse("fuzz", text);
            assertThat(r.warnings()).allSatisfy(w -> assertThat(w.line()).isPositive());
            // and the JSON rendering of whatever was parsed works too
            ZpoolStatusJson.toJson(r);
        } catch (ParseException e) {
            assertThat(e.source()).isEqualTo("fuzz");
            assertThat(e.line()).isPositive();
            assertThat(e.expected()).isNotEmpty();
        }
    }
}
