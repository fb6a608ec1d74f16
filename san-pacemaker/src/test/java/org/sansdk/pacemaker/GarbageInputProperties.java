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
import org.sansdk.pacemaker.ops.QuorumStatus;
import org.sansdk.pacemaker.sim.CrmSimulateParser;
import org.sansdk.pacemaker.status.CrmMonParser;

/** Mutated real outputs give a model or a located ParseException, never anything else. */
class GarbageInputProperties {

    private static final List<String> CIBS = List.of("pcmk-cli-crm_mon.xml", "pcs-cib-all.xml", "pcmk-sched-per-op-failcount.xml",
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

    private static void modelOrParseException(BiFunction<String, String, Object> parser, String text) {
        try {
            assertThat(parser.apply("mutated", text)).isNotNull();
        } catch (ParseException e) {
            assertThat(e.source()).isEqualTo("mutated");
            assertThat(e.line()).isPositive();
            assertThat(e.column()).isPositive();
            assertThat(e.expected()).isNotBlank();
        }
    }

    @Property(tries = 300)
    void cibParser_mutatedCib_givesModelOrParseException(@ForAll("cibFile") String file, @ForAll @IntRange(min = 0, max = 5) int kind,
                                                         @ForAll long seed) {
        modelOrParseException(CibParser::parse, mutate(Fixtures.read("cib/" + file), kind, seed));
    }

    @Property(tries = 300)
    void crmMonParser_mutatedOutput_givesModelOrParseException(@ForAll("monFile") String file, @ForAll @IntRange(min = 0, max = 5) int kind,
                                                               @ForAll long seed) {
        modelOrParseException(CrmMonParser::parse, mutate(Fixtures.read("crm_mon/" + file), kind, seed));
    }

    @Property(tries = 200)
    void otherParsers_mutatedInput_giveModelOrParseException(@ForAll("monFile") String file, @ForAll @IntRange(min = 0, max = 5) int kind,
                                                             @ForAll long seed) {
        String text = mutate(Fixtures.read("crm_mon/" + file), kind, seed);
        modelOrParseException(CrmSimulateParser::parse, text);
        modelOrParseException(FencingHistory::parse, text);
        modelOrParseException(CibParser::parse, text);
        modelOrParseException(QuorumStatus::parse, mutate(Fixtures.read("corosync/gh-hace171-quorumtool-s-corosync3-qdevice.txt"), kind, seed));
    }

    @Property(tries = 200)
    void parsers_arbitraryText_giveModelOrParseException(@ForAll String text) {
        modelOrParseException(CibParser::parse, text);
        modelOrParseException(CrmMonParser::parse, text);
        modelOrParseException(CrmSimulateParser::parse, text);
        modelOrParseException(QuorumStatus::parse, text);
    }
}
