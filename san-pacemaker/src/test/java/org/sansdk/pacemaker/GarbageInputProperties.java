package org.sansdk.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.sansdk.core.ParseException;
import org.sansdk.pacemaker.cib.CibParser;
import org.sansdk.pacemaker.ops.FencingHistory;
import org.sansdk.corosync.QuorumToolParser;
import org.sansdk.pacemaker.sim.CrmSimulateParser;
import org.sansdk.pacemaker.status.CrmMonParser;

/** Mutated real outputs give a model or a located ParseException, never anything else. */
class GarbageInputProperties {

    private static final List<String> CIBS = List.of("pcmk-cli-crm_mon.xml", "pcs-cib-all.xml", "pcs-cib-large.xml", "pcmk-sched-per-op-failcount.xml",
            "pcmk-sched-tags-coloc-order-2.xml", "hace-cibadmin-saphana-sles.xml", "pcmk-sched-location-date-rules-1.xml");
    private static final List<String> MONS = List.of("pcmk-cli-basic.xml", "hace-crm_mon-xml-legacy-1.1.18-saphana.xml",
            "pcs-crm_mon.all_resources.xml", "pcmk-cli-partially-active.xml");

    @Provide
    Arbitrary<String> cibFile() {
        return Arbitraries.of(CIBS);
    }

    @Provide
    Arbitrary<String> monFile() {
        return Arbitraries.of(MONS);
    }

    static String mutate(String text, int kind, long seed) {
        Random r = new Random(seed);
        if (text.isEmpty()) {
            return text;
        }
        int at = r.nextInt(text.length());
        switch (kind) {
            case 0:
                return text.substring(0, at);
            case 1: {
                String junk = List.of("<", ">", "&", "\"", "'", "<x", "</", "&lt", "]]>", "<!--", "\u0000", "é", "=\"", "/>",
                        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "&e;").get(r.nextInt(16));
                return text.substring(0, at) + junk + text.substring(at);
            }
            case 2: {
                List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
                Collections.shuffle(lines, r);
                return String.join("\n", lines);
            }
            case 3: {
                List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
                lines.remove(r.nextInt(lines.size()));
                return String.join("\n", lines);
            }
            case 4: {
                // replace one attribute value by something non-numeric or empty
                int q = text.indexOf("=\"", at);
                if (q < 0) {
                    return text;
                }
                int end = text.indexOf('"', q + 2);
                return end < 0 ? text : text.substring(0, q + 2) + List.of("", "x", "-1", "99999999999999999999", "INFINITY").get(r.nextInt(5)) + text.substring(end);
            }
            default: {
                List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
                int i = r.nextInt(lines.size());
                lines.add(i, lines.get(r.nextInt(lines.size())));
                return String.join("\n", lines);
            }
        }
    }

    private static final java.time.Duration BOUND = java.time.Duration.ofSeconds(10);

    /** A model or a located ParseException, within 10 s (a hang fails the property). */
    private static void modelOrParseException(BiFunction<String, String, Object> parser, String text) {
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(BOUND, () -> {
            try {
                assertThat(parser.apply("mutated", text)).isNotNull();
            } catch (ParseException e) {
                assertThat(e.source()).isEqualTo("mutated");
                assertThat(e.line()).isPositive();
                assertThat(e.column()).isPositive();
                assertThat(e.expected()).isNotBlank();
            }
        });
    }

    private static final List<String> SIMS = List.of("sim-pcmk-sched-stonith-4.xml", "sim-pcmk-sched-migrate-start.xml");

    @Provide
    Arbitrary<String> simFile() {
        return Arbitraries.of(SIMS);
    }

    @Property(tries = 300, seed = "4201")
    void cibParser_mutatedCib_givesModelOrParseException(@ForAll("cibFile") String file, @ForAll @IntRange(min = 0, max = 5) int kind,
                                                         @ForAll long seed) {
        modelOrParseException(CibParser::parse, mutate(Fixtures.read("cib/" + file), kind, seed));
    }

    @Property(tries = 300, seed = "4202")
    void crmMonParser_mutatedOutput_givesModelOrParseException(@ForAll("monFile") String file, @ForAll @IntRange(min = 0, max = 5) int kind,
                                                               @ForAll long seed) {
        modelOrParseException(CrmMonParser::parse, mutate(Fixtures.read("crm_mon/" + file), kind, seed));
    }

    /** Each parser fed its OWN format, mutated: crm_simulate its captured XML, stonith_admin a history, quorumtool its text. */
    @Property(tries = 200, seed = "4203")
    void otherParsers_ownFormatMutated_giveModelOrParseException(@ForAll("simFile") String file, @ForAll @IntRange(min = 0, max = 5) int kind,
                                                                 @ForAll long seed) {
        modelOrParseException(CrmSimulateParser::parse, mutate(Fixtures.read("crm_simulate/" + file), kind, seed));
        modelOrParseException(FencingHistory::parse, mutate(Fixtures.FENCE_HISTORY, kind, seed));
        modelOrParseException(QuorumToolParser::parseStatus, mutate(Fixtures.read("corosync/gh-hace171-quorumtool-s-corosync3-qdevice.txt"), kind, seed));
    }

    /** Each parser fed the other tools' outputs, mutated: refused or read, never anything else. */
    @Property(tries = 100, seed = "4204")
    void parsers_otherKindsMutated_giveModelOrParseException(@ForAll("monFile") String file, @ForAll @IntRange(min = 0, max = 5) int kind,
                                                             @ForAll long seed) {
        String text = mutate(Fixtures.read("crm_mon/" + file), kind, seed);
        modelOrParseException(CrmSimulateParser::parse, text);
        modelOrParseException(FencingHistory::parse, text);
        modelOrParseException(CibParser::parse, text);
        modelOrParseException(QuorumToolParser::parseStatus, text);
    }

    @Property(tries = 200, seed = "4205")
    void parsers_arbitraryText_giveModelOrParseException(@ForAll String text) {
        modelOrParseException(CibParser::parse, text);
        modelOrParseException(CrmMonParser::parse, text);
        modelOrParseException(CrmSimulateParser::parse, text);
        modelOrParseException(FencingHistory::parse, text);
        modelOrParseException(QuorumToolParser::parseStatus, text);
    }

    @Provide
    Arbitrary<String> large() {
        Arbitrary<String> noise = Arbitraries.strings().withCharRange(' ', '~').withChars('\n', '\t', '\u00e9', '\u4e00')
                .ofMinLength(50_000).ofMaxLength(300_000);
        // a real file repeated or cut: big inputs with real structure
        Arbitrary<String> bigReal = Arbitraries.integers().between(1, 4).map(n -> Fixtures.read("cib/pcs-cib-large.xml").repeat(n));
        Arbitrary<String> deep = Arbitraries.integers().between(1_000, 20_000).map(n -> "<cib>".repeat(n));
        return Arbitraries.oneOf(noise, bigReal, deep);
    }

    @Property(tries = 12, seed = "4206")
    void parsers_largeInputs_giveModelOrParseExceptionInTime(@ForAll("large") String text, @ForAll @IntRange(min = 0, max = 5) int kind,
                                                            @ForAll long seed) {
        String t = mutate(text, kind, seed);
        modelOrParseException(CibParser::parse, t);
        modelOrParseException(CrmMonParser::parse, t);
        modelOrParseException(QuorumToolParser::parseStatus, t);
    }
}
