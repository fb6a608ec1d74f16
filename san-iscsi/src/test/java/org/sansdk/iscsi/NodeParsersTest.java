package org.sansdk.iscsi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.sansdk.core.ParseException;
import org.sansdk.core.Secret;
import org.sansdk.core.testing.ParserContract;

class NodeParsersTest {
    static final List<String> LIST = Corpus.NODE_LIST;
    static final List<String> RECORD = Corpus.NODE_RECORD;

    @Test
    void nodeListOfTheRealIscsiadmWithIpv6AndNoTag() {
        NodeList n = NodeListParser.parse("real", Corpus.iscsiadm("real-2.1.8-node-list.txt"));
        assertThat(n.nodes()).hasSize(4);
        assertThat(n.nodes().get(0).portal()).isEqualTo(new Portal("10.10.10.1", 3260, Portal.NO_TPGT));
        assertThat(n.nodes().get(3).portal()).isEqualTo(new Portal("fd00:10::2", 3260, 1));
        assertThat(n.nodes().get(3).target()).isEqualTo("iqn.2025-01.lab.home:storage-b");
    }

    @Test
    void nodeListTwelveRecordsAndDiscovery() {
        NodeList n = NodeListParser.parse("12", Corpus.iscsiadm("orealyz-node-list-12.txt"));
        assertThat(n.nodes()).hasSize(12);
        assertThat(n.nodes()).filteredOn(e -> e.target().endsWith("chunk3")).hasSize(4);
        NodeList d = NodeListParser.parse("st", Corpus.iscsiadm("bean-discovery-st-3-portals.txt"));
        assertThat(d.nodes()).extracting(e -> e.portal().address())
                .containsExactly("10.16.172.246", "10.16.172.247", "10.16.172.248");
    }

    @Test
    void nodeTreeOfTheRealIscsiadm() {
        NodeList n = NodeListParser.parse("P1", Corpus.iscsiadm("real-2.1.8-node-P1.txt"));
        assertThat(n.nodes()).extracting(e -> e.portal().toString()).containsExactly(
                "10.10.10.1:3260,-1", "10.20.20.1:3260,1", "10.10.10.2:3260,1", "[fd00:10::2]:3260,1");
        assertThat(n.nodes().get(3).target()).isEqualTo("iqn.2025-01.lab.home:storage-b");
        assertThatThrownBy(() -> SessionTreeParser.parse("x", Corpus.iscsiadm("real-2.1.8-node-P1.txt")))
                .isInstanceOf(ParseException.class).hasMessageContaining("-m node -P 1");
    }

    @Test
    void noRecordsIsTypedAndDuplicatesRefused() {
        assertThat(NodeListParser.parse("x", "iscsiadm: No records found\n").noRecords()).isTrue();
        assertThatThrownBy(() -> NodeListParser.parse("x", "10.0.0.1:3260,1 iqn.2025-01.a.b:x\n10.0.0.1:3260,1 iqn.2025-01.a.b:x\n"))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.line()).isEqualTo(2));
        assertThatThrownBy(() -> NodeListParser.parse("x", Corpus.iscsiadm("orealyz-session-4.txt")))
                .isInstanceOf(ParseException.class).hasMessageContaining("-m session");
    }

    @Test
    void nodeRecordOfTheRealIscsiadm() {
        NodeRecord r = NodeRecordParser.parse("show", Corpus.iscsiadm("real-2.1.8-node-show.txt"));
        assertThat(r.version()).isEqualTo("2.1.8");
        assertThat(r.entries()).hasSize(107);
        assertThat(r.value("node.name")).hasValue("iqn.2025-01.lab.home:storage-b");
        assertThat(r.value("node.startup")).hasValue("automatic");
        assertThat(r.value("node.session.auth.username")).hasValue("storage-a");
        assertThat(r.value("node.session.timeo.replacement_timeout")).hasValue("120");
        assertThat(r.value("iface.initiatorname")).isEmpty();
        NodeRecord.Value pw = r.entries().stream().filter(e -> e.key().equals("node.session.auth.password"))
                .findFirst().orElseThrow().value();
        assertThat(pw.kind()).isEqualTo(NodeRecord.Value.Kind.MASKED);
        assertThatThrownBy(r::toFileBytes).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shownSecretBecomesASecretAndIsNeverPrinted() {
        String text = Corpus.iscsiadm("real-2.1.8-node-show.txt")
                .replace("node.session.auth.password = ********", "node.session.auth.password = Abcdefgh12345");
        NodeRecord r = NodeRecordParser.parse("show -S", text);
        assertThat(r.secret("node.session.auth.password")).hasValue(Secret.of("Abcdefgh12345"));
        assertThat(r.toString()).doesNotContain("Abcdefgh12345").contains("node.session.auth.password = ****");
        assertThat(new String(r.toFileBytes(), StandardCharsets.UTF_8))
                .contains("node.session.auth.password = Abcdefgh12345\n").doesNotContain("<empty>");
    }

    @Test
    void cutRecordAndTrailingDataRefused() {
        String text = Corpus.iscsiadm("real-2.1.8-discoverydb-show.txt");
        assertThatThrownBy(() -> NodeRecordParser.parse("x", text.replace("# END RECORD\n", "")))
                .isInstanceOf(ParseException.class).hasMessageContaining("END RECORD");
        assertThatThrownBy(() -> NodeRecordParser.parse("x", text + text))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.line()).isEqualTo(20));
    }

    @Test
    void aRefusedLineWithASecretDoesNotShowIt() {
        String text = "# BEGIN RECORD 2.1.8\nnode.session.auth.password = Abcdefgh12345\n"
                + "node.session.auth.password = Abcdefgh12345\n# END RECORD\n";
        assertThatThrownBy(() -> NodeRecordParser.parse("x", text)).isInstanceOfSatisfying(ParseException.class, e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.getMessage()).doesNotContain("Abcdefgh12345").contains("node.session.auth.password = ****");
        });
        String tree = Corpus.iscsiadm("bean-session-P3-multipath-4-portals.txt")
                .replaceFirst("\t\tpassword_in: \\*{8}\n", "\t\tpassword_in: Abcdefgh12345\n\t\tpassword_in: Abcdefgh12345\n");
        assertThatThrownBy(() -> SessionTreeParser.parse("x", tree)).isInstanceOfSatisfying(ParseException.class,
                e -> assertThat(e.getMessage()).doesNotContain("Abcdefgh12345").contains("password_in: ****"));
    }

    @ParameterizedTest
    @FieldSource("LIST")
    void listContract(String name) {
        String text = Corpus.iscsiadm(name);
        ParserContract.emptyRefused(s -> NodeListParser.parse(name, s));
        ParserContract.linePrefixes(name, text, s -> NodeListParser.parse(name, s), r -> false, k -> true);
        ParserContract.deterministic(text, s -> NodeListParser.parse(name, s), Object::toString);
    }

    @ParameterizedTest
    @FieldSource("RECORD")
    void recordContract(String name) {
        String text = Corpus.iscsiadm(name);
        ParserContract.emptyRefused(s -> NodeRecordParser.parse(name, s));
        ParserContract.linePrefixes(name, text, s -> NodeRecordParser.parse(name, s), r -> false, k -> false);
        ParserContract.deterministic(text, s -> NodeRecordParser.parse(name, s), Object::toString);
    }
}
