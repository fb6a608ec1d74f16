package org.sansdk.pacemaker.cib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sansdk.core.ParseException;
import org.sansdk.core.ParseWarning;
import org.sansdk.core.SanException;
import org.sansdk.pacemaker.Fixtures;

/** Shapes a real cluster refuses or that change meaning are located findings, never silently accepted. */
class CibFindingsTest {
    static String withResources(String resources) {
        return Fixtures.read("cib/pcs-cib-empty-3.9.xml").replace("<resources/>", "<resources>\n" + resources + "\n    </resources>");
    }

    static int lineOf(String text, String needle) {
        String[] ls = text.split("\n", -1);
        for (int i = 0; i < ls.length; i++) {
            if (ls[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle);
    }

    static final String DUP_GROUP = """
                  <group id="g">
                    <primitive id="m" class="ocf" provider="pacemaker" type="Dummy"/>
                    <primitive id="m" class="ocf" provider="heartbeat" type="IPaddr2"/>
                  </group>""";

    @Test
    void groupWithTwoMembersOfTheSameId_warnsAtTheSecond_keepsBoth() {
        String xml = withResources(DUP_GROUP);
        Cib cib = CibParser.parse("dup.xml", xml);
        int second = lineOf(xml, "type=\"IPaddr2\"");
        assertThat(cib.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(second);
            assertThat(w.message()).contains("duplicate id 'm'").contains("line " + (second - 1));
        });
        Group g = (Group) cib.configuration().resource("g").orElseThrow();
        assertThat(g.members()).extracting(p -> p.agent().toString()).containsExactly("ocf:pacemaker:Dummy", "ocf:heartbeat:IPaddr2");
        assertThat(cib.configuration().duplicateIds()).containsExactly("m");
    }

    @Test
    void duplicateIds_patchRefusesToPlan() {
        Cib cib = CibParser.parse("dup.xml", withResources(DUP_GROUP));
        Cib empty = CibParser.parse("empty", Fixtures.read("cib/pcs-cib-empty-3.9.xml"));
        assertThatThrownBy(() -> CibPatch.between(empty, cib.configuration())).isInstanceOf(SanException.class)
                .hasMessageContaining("desired configuration uses ids more than once [m]");
    }

    @Test
    void idUsedByAResourceAndAConstraint_warns() {
        String xml = withResources("      <primitive id=\"test\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\"/>")
                .replace("<constraints/>", "<constraints><rsc_location id=\"test\" rsc=\"test\" node=\"n1\" score=\"10\"/></constraints>");
        Cib cib = CibParser.parse("dup2.xml", xml);
        assertThat(cib.warnings()).extracting(ParseWarning::line).containsExactly(lineOf(xml, "rsc_location id=\"test\""));
    }

    @Test
    void unknownElementWhereAResourceBelongs_isAWarningWithItsLine() {
        String xml = withResources("""
                  <primitve id="typo" class="ocf" provider="pacemaker" type="Dummy"/>
                  <group id="g"><primitive id="a" class="ocf" provider="pacemaker" type="Dummy"/></group>""")
                .replace("<group id=\"g\"><primitive id=\"a\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\"/></group>",
                        "<group id=\"g\">\n<primitive id=\"a\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\"/>\n<primtive id=\"b\"/>\n</group>");
        Cib cib = CibParser.parse("unknown.xml", xml);
        assertThat(cib.warnings()).extracting(ParseWarning::line)
                .containsExactly(lineOf(xml, "<primitve id=\"typo\""), lineOf(xml, "<primtive id=\"b\""));
        assertThat(cib.warnings().get(0).message()).contains("unknown element <primitve> where a resource belongs");
        assertThat(cib.warnings().get(1).message()).contains("unknown element <primtive> in group g");
    }

    @Test
    void nonDurationInterval_refusedWithLineAndValue() {
        String xml = withResources("""
                  <primitive id="p" class="ocf" provider="pacemaker" type="Dummy">
                    <operations>
                      <op id="p-monitor" name="monitor" interval="ten"/>
                    </operations>
                  </primitive>""");
        assertThatThrownBy(() -> CibParser.parse("iv.xml", xml)).isInstanceOfSatisfying(ParseException.class, e -> {
            assertThat(e.line()).isEqualTo(lineOf(xml, "interval=\"ten\""));
            assertThat(e.expected()).contains("a duration in attribute 'interval'").contains("found 'ten'");
            assertThat(e.offendingLine()).contains("interval=\"ten\"");
        });
    }

    @Test
    void cleanCorpusCibs_haveNoWarnings() {
        for (String f : List.of("pcs-cib-all.xml", "pcmk-sched-bug-rh-1097457.xml", "pcmk-cli-crmadmin-cluster-remote-guest-nodes.xml")) {
            assertThat(CibParser.parse(f, Fixtures.read("cib/" + f)).warnings()).as(f).isEmpty();
        }
    }
}
