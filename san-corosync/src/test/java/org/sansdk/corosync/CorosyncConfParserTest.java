package org.sansdk.corosync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sansdk.core.ParseException;
import org.sansdk.core.testing.ParserContract;

class CorosyncConfParserTest {

    static List<String> confs() {
        return Corpus.CONFS;
    }

    @ParameterizedTest
    @MethodSource("confs")
    void everyCorpusFileRoundTripsByteForByte(String name) {
        String text = Corpus.read(name);
        assertThat(CorosyncConfWriter.render(CorosyncConfParser.parse(name, text))).isEqualTo(text);
    }

    @ParameterizedTest
    @MethodSource("confs")
    void parserContractOverEveryCorpusFile(String name) {
        String text = Corpus.read(name);
        ParserContract.emptyRefused(t -> CorosyncConfParser.parse(name, t));
        ParserContract.deterministic(text, t -> CorosyncConfParser.parse(name, t), CorosyncConfWriter::render);
        // a prefix that ends between two top-level sections is itself a complete corosync.conf
        // (depth counted here from the raw text, independently of the parser)
        int[] depthAfter = depthAfterEachLine(text);
        ParserContract.linePrefixes(name, text, t -> CorosyncConfParser.parse(name, t), c -> false,
                k -> k > 0 && depthAfter[k - 1] == 0 && hasContent(text, k));
    }

    private static boolean hasContent(String text, int k) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < k && i < lines.length; i++) {
            String t = lines[i].strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                return true;
            }
        }
        return false;
    }

    private static int[] depthAfterEachLine(String text) {
        String[] lines = text.split("\n", -1);
        int[] out = new int[lines.length];
        int d = 0;
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].strip();
            if (!t.startsWith("#")) {
                if (t.endsWith("{")) {
                    d++;
                } else if (t.equals("}")) {
                    d--;
                }
            }
            out[i] = d;
        }
        return out;
    }

    @Test
    void aLargeNodelistParsesValidatesAndRoundTripsQuickly() {
        StringBuilder sb = new StringBuilder("totem {\n    version: 2\n    cluster_name: big\n    token: 4000\n}\nnodelist {\n");
        for (int i = 1; i <= 2000; i++) {
            sb.append("    node {\n        name: n").append(i).append("\n        nodeid: ").append(i)
                    .append("\n        ring0_addr: 10.1.").append(i / 250).append('.').append(i % 250 + 1)
                    .append("\n        ring1_addr: 10.2.").append(i / 250).append('.').append(i % 250 + 1).append("\n    }\n");
        }
        String text = sb.append("}\nquorum {\n    provider: corosync_votequorum\n}\n").toString();
        long t0 = System.nanoTime();
        CorosyncConf c = CorosyncConfParser.parse("big", text);
        List<Finding> f = CorosyncValidator.validate(c);
        String back = CorosyncConfWriter.render(c);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(back).isEqualTo(text);
        assertThat(c.nodes()).hasSize(2000);
        assertThat(c.timing().effectiveToken().toMillis()).isEqualTo(4000 + 1998L * 650);
        assertThat(f).isEmpty();
        assertThat(ms).as("parse + validate + render of %d lines", text.split("\n").length).isLessThan(5_000);
    }

    @Test
    void pcsKnetConfigValuesComeFromTheFile() {
        CorosyncConf c = CorosyncConfParser.parse("pcs", Corpus.read("cfs-corosync-conf-pcs-knet.conf"));
        assertThat(c.value("totem.cluster_name")).contains("mycluster");
        assertThat(c.transport()).isEqualTo("knet");
        assertThat(c.value("totem.crypto_cipher")).contains("aes256");
        assertThat(c.nodes()).extracting(CorosyncConf.Node::name).containsExactly("pcmk-1", "pcmk-2");
        assertThat(c.nodes().get(0).addresses()).containsEntry(0, "pcmk-1");
        assertThat(c.value("quorum.two_node")).contains("1");
    }

    @Test
    void qdeviceHeuristicsAreReadAsNestedSections() {
        CorosyncConf c = CorosyncConfParser.parse("pcs", Corpus.read("pcs-corosync-3nodes-qdevice-heuristics.conf"));
        assertThat(c.hasQdevice()).isTrue();
        assertThat(c.value("quorum.device.model")).contains("net");
        assertThat(c.value("quorum.device.heuristics.mode")).contains("on");
        assertThat(c.value("quorum.device.heuristics.exec_ls")).contains("/usr/bin/test -f /tmp/test");
    }

    @Test
    void inlineHashIsPartOfTheValueAsInCorosync() {
        // corosync 3.1.7 `corosync -t`: Value of key "totem.version" ... but "2 # inline" was given
        CorosyncConf c = CorosyncConfParser.parse("t", "totem {\n    version: 2 # inline\n}\n");
        assertThat(c.value("totem.version")).contains("2 # inline");
    }

    @Test
    void repeatedKeysAreKeptAndTheLastWinsLikeCorosync() {
        CorosyncConf c = CorosyncConfParser.parse("t", "totem {\n token: 1000\n token: 5000\n}\ntotem {\n join: 60\n}\n");
        assertThat(c.sections("totem")).hasSize(2);
        assertThat(c.sections("totem").get(0).entries()).hasSize(2);
        assertThat(c.value("totem.token")).contains("5000");
        assertThat(c.value("totem.join")).contains("60");
    }

    @Test
    void cutInsideASectionIsRefusedWithTheOpeningLine() {
        assertThatThrownBy(() -> CorosyncConfParser.parse("cut.conf", "totem {\n    version: 2\n    token: 3000\n"))
                .isInstanceOf(ParseException.class)
                .satisfies(e -> {
                    ParseException p = (ParseException) e;
                    assertThat(p.line()).isEqualTo(3);
                    assertThat(p.expected()).contains("opened at line 1").contains("Missing closing brace");
                });
    }

    @Test
    void whatCorosyncRefusesIsRefusedAtItsLine() {
        assertLine("totem {\n}\n}\n", 3, "Unexpected closing brace");
        assertLine("totem {\n version: 2\n garbage\n}\n", 3, "Line is not opening");
        assertLine("totem { x\n}\n", 1, "Extra characters after opening");
        assertLine("{\n}\n", 1, "Missing section name");
        assertLine("totem {\n : 2\n}\n", 2, "Key name can't be empty");
        assertLine("totem {\n } x\n}\n", 2, "Extra characters before or after closing");
        assertLine("totem {\n cluster_name: " + "x".repeat(520) + "\n}\n", 2, "Line too long");
    }

    @Test
    void notUtf8IsRefusedWithItsLine() {
        byte[] bytes = "totem {\n cluster_name: a\u00e9\n}\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> CorosyncConfParser.parse("latin1.conf", bytes))
                .isInstanceOf(ParseException.class).hasMessageContaining("line 2: not UTF-8 text");
    }

    @Test
    void otherKindsOfInputAreRefused() {
        assertLine("{\"totem\": {}}\n", 1, "Extra characters after opening");
        assertLine("Quorum information\n------------------\n", 1, "Line is not opening");
    }

    private static void assertLine(String text, int line, String expected) {
        assertThatThrownBy(() -> CorosyncConfParser.parse("bad.conf", text))
                .isInstanceOf(ParseException.class)
                .satisfies(e -> {
                    assertThat(((ParseException) e).line()).isEqualTo(line);
                    assertThat(((ParseException) e).expected()).contains(expected);
                    assertThat(e.getMessage()).startsWith("bad.conf:" + line + ":");
                });
    }
}
