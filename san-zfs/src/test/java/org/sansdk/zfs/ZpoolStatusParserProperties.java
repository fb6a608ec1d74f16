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

    @Property(tries = 300)
    void truncatedCorpusFile_givesReportOrParseException(@ForAll("corpusFile") String file,
                                                         @ForAll @IntRange(min = 0, max = 4000) int cut) {
        String text = Corpus.status(file);
        assertParsesOrFailsCleanly(text.substring(0, Math.min(cut, text.length())));
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
    void truncatedJson_givesReportOrParseException(@ForAll @IntRange(min = 0, max = 6000) int cut) {
        String json = Corpus.read("zpool-json", "man-zpool-status-j-c-vendor-model-size.json");
        try {
            ZpoolStatusJsonParser.parse("t.json", json.substring(0, Math.min(cut, json.length())));
        } catch (ParseException e) {
            assertThat(e.source()).isEqualTo("t.json");
        }
    }

    @Property(tries = 300)
    void randomTextToListParser_givesRowsOrParseException(@ForAll("tabbedText") String text) {
        try {
            java.util.List<ListRow> rows = ZfsListParser.parse("list", text, List.of("name", "used", "avail"));
            assertThat(rows).allSatisfy(r -> assertThat(r.values()).hasSize(3));
        } catch (ParseException e) {
            assertThat(e.line()).isPositive();
        }
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
