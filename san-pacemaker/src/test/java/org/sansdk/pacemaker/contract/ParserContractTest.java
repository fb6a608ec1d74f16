package org.sansdk.pacemaker.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sansdk.core.ParseException;
import org.sansdk.core.testing.ParserContract;
import org.sansdk.pacemaker.Fixtures;
import org.sansdk.pacemaker.cib.Cib;
import org.sansdk.pacemaker.cib.CibParser;
import org.sansdk.pacemaker.ops.FencingHistory;
import org.sansdk.corosync.QuorumToolParser;
import org.sansdk.pacemaker.sim.CrmSimulateParser;
import org.sansdk.pacemaker.sim.Simulation;
import org.sansdk.pacemaker.sim.TransitionStep;
import org.sansdk.pacemaker.status.CrmMonParser;

/**
 * The parser contract for every parser of this module, on the corpus: empty refused, every line prefix refused
 * (XML parsers: the document is not closed; crm_mon/crm_simulate/stonith_admin: the closing {@code <status>}
 * element is required; quorumtool: the membership table must be complete and end with a newline), the wrong kind of
 * document refused naming what it looks like, same input → same JSON (also across JVM runs).
 */
class ParserContractTest {
    static final List<String> QUORUM = List.of("gh-hace170-quorumtool-s-corosync2-qdevice.txt", "gh-hace171-quorumtool-s-corosync3-qdevice.txt",
            "gh-supportutils37-quorumtool-s-2node.txt");
    static final List<String> SIMS = List.of("sim-pcmk-sched-stonith-4.xml", "sim-pcmk-sched-migrate-start.xml");
    static final String FENCE_HISTORY = Fixtures.FENCE_HISTORY;


    static List<String> cibs() {
        return Fixtures.list("cib");
    }

    static List<String> mons() {
        return Fixtures.list("crm_mon");
    }

    @Test
    void emptyInput_refusedByEveryParser() {
        ParserContract.emptyRefused(t -> CibParser.parse("empty", t));
        ParserContract.emptyRefused(t -> CrmMonParser.parse("empty", t));
        ParserContract.emptyRefused(t -> CrmSimulateParser.parse("empty", t));
        ParserContract.emptyRefused(t -> FencingHistory.parse("empty", t));
        ParserContract.emptyRefused(t -> QuorumToolParser.parseStatus("empty", t));
    }

    @ParameterizedTest
    @MethodSource("cibs")
    void cib_everyLinePrefixRefused(String file) {
        ParserContract.linePrefixes("cib/" + file, Fixtures.read("cib/" + file), t -> CibParser.parse(file, t), r -> false, k -> false);
    }

    @ParameterizedTest
    @MethodSource("mons")
    void crmMon_everyLinePrefixRefused(String file) {
        ParserContract.linePrefixes("crm_mon/" + file, Fixtures.read("crm_mon/" + file), t -> CrmMonParser.parse(file, t), r -> false, k -> false);
    }

    @Test
    void crmSimulate_ownFormat_everyLinePrefixRefused() {
        for (String f : SIMS) {
            ParserContract.linePrefixes("crm_simulate/" + f, Fixtures.read("crm_simulate/" + f), t -> CrmSimulateParser.parse(f, t), r -> false, k -> false);
        }
    }

    @Test
    void fencingHistory_ownFormat_everyLinePrefixRefused() {
        ParserContract.linePrefixes("stonith_admin", FENCE_HISTORY, t -> FencingHistory.parse("h", t), r -> false, k -> false);
    }

    @Test
    void quorumtool_everyLinePrefixRefused() {
        for (String f : QUORUM) {
            ParserContract.linePrefixes("corosync/" + f, Fixtures.read("corosync/" + f), t -> QuorumToolParser.parseStatus(f, t), r -> false, k -> false);
        }
    }

    @Test
    void crmMon_withoutItsClosingStatusElement_refused() {
        String full = Fixtures.read("crm_mon/pcmk-cli-basic.xml");
        String cut = full.replaceAll("(?s)\\s*<status code=\"0\" message=\"OK\"/>", "");
        assertThat(cut).isNotEqualTo(full);
        assertThatThrownBy(() -> CrmMonParser.parse("m", cut)).isInstanceOf(ParseException.class)
                .hasMessageContaining("closing <status code=");
    }

    @Test
    void crmMon_givenCrmSimulateOutput_refusedNamingIt() {
        // before: read as a cluster with no nodes and no resources
        assertThatThrownBy(() -> CrmMonParser.parse("sim", Fixtures.read("crm_simulate/sim-pcmk-sched-stonith-4.xml")))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("this looks like crm_simulate output")
                .satisfies(e -> assertThat(((ParseException) e).line()).isEqualTo(1));
    }

    @Test
    void crmSimulate_givenCrmMonOutput_refusedNamingIt() {
        assertThatThrownBy(() -> CrmSimulateParser.parse("mon", Fixtures.read("crm_mon/pcmk-cli-basic.xml")))
                .isInstanceOf(ParseException.class).hasMessageContaining("this looks like crm_mon output");
        assertThatThrownBy(() -> CrmSimulateParser.parse("mon", Fixtures.read("crm_mon/hace-crm_mon-xml-legacy-1.1.18-saphana.xml")))
                .isInstanceOf(ParseException.class).hasMessageContaining("this looks like legacy crm_mon --as-xml output");
    }

    @Test
    void crmSimulate_givenItsTextForm_refusedNamingIt() {
        assertThatThrownBy(() -> CrmSimulateParser.parse("sim.txt", Fixtures.read("crm_simulate/sim-pcmk-sched-stonith-4.txt")))
                .isInstanceOf(ParseException.class).hasMessageContaining("this looks like crm_simulate text output")
                .satisfies(e -> assertThat(((ParseException) e).offendingLine()).isEqualTo("Current cluster status:"));
    }

    @Test
    void fencingHistory_givenCrmMonOrSimulate_refusedNamingIt() {
        assertThatThrownBy(() -> FencingHistory.parse("mon", Fixtures.read("crm_mon/pcmk-cli-basic.xml")))
                .isInstanceOf(ParseException.class).hasMessageContaining("this looks like crm_mon output");
        assertThatThrownBy(() -> FencingHistory.parse("sim", Fixtures.read("crm_simulate/sim-pcmk-sched-migrate-start.xml")))
                .isInstanceOf(ParseException.class).hasMessageContaining("this looks like crm_simulate output");
    }

    @Test
    void cib_givenCrmMonOrSimulateOrText_refusedNamingIt() {
        assertThatThrownBy(() -> CibParser.parse("mon", Fixtures.read("crm_mon/pcmk-cli-basic.xml")))
                .isInstanceOf(ParseException.class).hasMessageContaining("root element <cib>; this looks like crm_mon output");
        assertThatThrownBy(() -> CibParser.parse("sim", Fixtures.read("crm_simulate/sim-pcmk-sched-stonith-4.xml")))
                .isInstanceOf(ParseException.class).hasMessageContaining("this looks like crm_simulate output");
        assertThatThrownBy(() -> CibParser.parse("pcs", Fixtures.read("pcs/cfs-pcs-status-standby.txt")))
                .isInstanceOf(ParseException.class).hasMessageContaining("this looks like pcs status text");
    }

    @ParameterizedTest
    @ValueSource(strings = {"crm_mon/pcmk-cli-basic.txt", "pcs/cfs-pcs-status-standby.txt", "pcs/insights-pcs-status-pcmk2.1-fencing-history.txt",
            "crm_simulate/sim-pcmk-sched-stonith-4.txt", "corosync/gh-supportutils37-quorumtool-s-2node.txt"})
    void xmlParsers_givenToolText_refuseNamingIt(String file) {
        String text = Fixtures.read(file);
        String kind = file.startsWith("crm_mon") ? "crm_mon text output" : file.startsWith("pcs") ? "pcs status text"
                : file.startsWith("crm_simulate") ? "crm_simulate text output" : "corosync-quorumtool -s text";
        for (Function<String, ?> p : List.<Function<String, ?>>of(t -> CibParser.parse(file, t), t -> CrmMonParser.parse(file, t),
                t -> CrmSimulateParser.parse(file, t), t -> FencingHistory.parse(file, t))) {
            assertThatThrownBy(() -> p.apply(text)).isInstanceOf(ParseException.class).hasMessageContaining("this looks like " + kind);
        }
    }

    @Test
    void quorumtool_givenXmlOrCrmMonText_refusedNamingIt() {
        // the parser moved to san-corosync (QuorumToolParser): it refuses both at line 1, but does not (yet) name what the
        // text looks like as san-pacemaker's QuorumStatus.parse did ("this looks like XML" / "… crm_mon text output")
        assertThatThrownBy(() -> QuorumToolParser.parseStatus("mon", Fixtures.read("crm_mon/pcmk-cli-basic.xml")))
                .isInstanceOf(ParseException.class).hasMessageContaining("mon:1:1:").hasMessageContaining("Quorum information");
        assertThatThrownBy(() -> QuorumToolParser.parseStatus("mon", Fixtures.read("crm_mon/pcmk-cli-basic.txt")))
                .isInstanceOf(ParseException.class).hasMessageContaining("mon:1:").hasMessageContaining("Quorum information");
    }

    @Test
    void crmSimulate_ownFormat_readsTheFencingTheToolPrinted() {
        // values from the capture: four reboots in its <transition>
        Simulation s = CrmSimulateParser.parse("sim", Fixtures.read("crm_simulate/sim-pcmk-sched-stonith-4.xml"));
        assertThat(s.transition()).filteredOn(t -> t.kind() == TransitionStep.Kind.FENCING).extracting(TransitionStep::node)
                .containsExactly("pcmk-5", "pcmk-7", "pcmk-8", "pcmk-10");
        assertThat(s.transition()).filteredOn(t -> t.kind() == TransitionStep.Kind.FENCING).extracting(TransitionStep::operation)
                .containsOnly("reboot");
    }

    @ParameterizedTest
    @MethodSource("cibs")
    void cib_sameInput_sameJson(String file) {
        ParserContract.deterministic(Fixtures.read("cib/" + file), t -> CibParser.parse(file, t), RenderJson::json);
    }

    @ParameterizedTest
    @MethodSource("mons")
    void crmMon_sameInput_sameJson(String file) {
        ParserContract.deterministic(Fixtures.read("crm_mon/" + file), t -> CrmMonParser.parse(file, t), RenderJson::json);
    }

    @Test
    void everyCorpusParse_sameJsonInTwoFreshJvms() throws Exception {
        // Set.of/Map.of iteration order is salted per JVM run: only a second process shows such a leak
        String a = renderInFreshJvm();
        String b = renderInFreshJvm();
        assertThat(a).contains("\"sections\"");
        assertThat(b).isEqualTo(a);
        assertThat(a).isEqualTo(RenderJson.all());
    }

    @Test
    void cibSections_inDocumentOrder() {
        Cib c = CibParser.parse("x", Fixtures.read("cib/pcs-cib-empty-3.9.xml"));
        assertThat(c.sections()).containsExactly("crm_config", "nodes", "resources", "constraints");
    }

    private static String renderInFreshJvm() throws Exception {
        String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), RenderJson.class.getName())
                .redirectErrorStream(false).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread t = new Thread(() -> {
            try {
                p.getInputStream().transferTo(out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        t.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        t.join();
        assertThat(p.exitValue()).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
