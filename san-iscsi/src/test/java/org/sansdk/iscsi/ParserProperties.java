package org.sansdk.iscsi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.sansdk.core.ParseException;

/** Garbage, truncations and line mutations give a model or a located ParseException, nothing else, quickly. */
class ParserProperties {
    static final Map<String, BiFunction<String, String, Object>> PARSERS = Map.of(
            "session", SessionListParser::parse,
            "tree", SessionTreeParser::parse,
            "node-list", NodeListParser::parse,
            "node-record", NodeRecordParser::parse,
            "iscsid-conf", IscsidConf::parse);

    static List<String> allFiles() {
        List<String> all = new ArrayList<>();
        for (List<String> l : List.of(Corpus.SESSION_FLAT, Corpus.SESSION_TREE, Corpus.NODE_LIST, Corpus.NODE_RECORD)) {
            l.forEach(f -> all.add("corpus/iscsiadm/" + f));
        }
        all.add(IscsidConfTest.DEBIAN);
        return all;
    }

    static void parsesOrFailsCleanly(String text) {
        for (Map.Entry<String, BiFunction<String, String, Object>> p : PARSERS.entrySet()) {
            assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
                try {
                    assertThat(p.getValue().apply("fuzz", text)).isNotNull();
                } catch (ParseException e) {
                    assertThat(e.line()).as(p.getKey() + ": " + e.getMessage()).isPositive();
                    assertThat(e.source()).isEqualTo("fuzz");
                }
            });
        }
    }

    @Provide
    Arbitrary<String> corpusFile() {
        return Arbitraries.of(allFiles());
    }

    @Property(tries = 200, seed = "20251128")
    void randomBytes(@ForAll byte[] bytes) {
        parsesOrFailsCleanly(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    @Property(tries = 200, seed = "20251128")
    void truncations(@ForAll("corpusFile") String file, @ForAll @IntRange(min = 0, max = 100_000) int cut) {
        String text = Corpus.read(file);
        parsesOrFailsCleanly(text.substring(0, cut % (text.length() + 1)));
    }

    @Property(tries = 200, seed = "20251128")
    void lineMutations(@ForAll("corpusFile") String file, @ForAll @IntRange(min = 0, max = 10_000) int line,
                       @ForAll @IntRange(min = 0, max = 3) int op, @ForAll @IntRange(min = 0, max = 200) int at) {
        List<String> lines = new ArrayList<>(List.of(Corpus.read(file).split("\n", -1)));
        int i = line % lines.size();
        String l = lines.get(i);
        switch (op) {
            case 0 -> lines.remove(i);
            case 1 -> lines.add(i, l);
            case 2 -> lines.set(i, l.substring(0, at % (l.length() + 1)) + "\u0000\t:[]" + l.substring(at % (l.length() + 1)));
            default -> lines.set(i, l.replace(':', ' '));
        }
        parsesOrFailsCleanly(String.join("\n", lines));
    }

    @Property(tries = 15, seed = "20251128")
    void largeGeneratedTreesParseWhole(@ForAll @IntRange(min = 1, max = 300) int sessions,
                                       @ForAll @IntRange(min = 0, max = 64) int luns) {
        String text = LargeCaptures.sessionP3(sessions, luns);
        SessionTree t = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> SessionTreeParser.parse("gen", text));
        assertThat(t.sessions()).hasSize(sessions);
        assertThat(t.sessions()).allSatisfy(s -> assertThat(s.disks()).hasSize(luns));
        assertThat(t.sessions().get(sessions - 1).sid()).isEqualTo(sessions);
    }

    @Test
    void largeCapturesParseFast() {
        String big = LargeCaptures.sessionP3(64, 16);
        SessionTree t = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> SessionTreeParser.parse("big", big));
        assertThat(t.sessions()).hasSize(64);
        assertThat(t.sessions().get(63).disks()).hasSize(16);
        assertThat(t.sessions().get(63).disks().get(15).disk()).hasValue("sd" + LargeCaptures.disk(63 * 16 + 15));
        String huge = LargeCaptures.sessionP3(1024, 64);
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> SessionTreeParser.parse("huge", huge))
                .sessions()).hasSize(1024);
        parsesOrFailsCleanly(big.substring(0, big.length() / 2));
    }
}
