package org.sansdk.corosync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sansdk.core.ParseException;
import org.sansdk.core.testing.ParserContract;

class ToolOutputParsersTest {

    static final List<String> QUORUM_S = List.of("gh-hace170-quorumtool-s-corosync2-qdevice.txt",
            "gh-hace171-quorumtool-s-corosync3-qdevice.txt", "gh-supportutils37-quorumtool-s-2node.txt",
            "insights-pcs-quorum-status-qdevice.txt");
    static final List<String> CFG_S = List.of("cfs-corosync-cfgtool-s.txt", "gh-supportutils37-cfgtool-s-corosync2-two-rings.txt");
    static final List<String> CMAP = List.of("cfs-corosync-cmapctl-members.txt", "insights-corosync-cmapctl-schedmiss.txt");

    @Test
    void parserContractOverEveryCapture() {
        for (String f : QUORUM_S) {
            String t = Corpus.read(f);
            ParserContract.emptyRefused(x -> QuorumToolParser.parseStatus(f, x));
            ParserContract.linePrefixes(f, t, x -> QuorumToolParser.parseStatus(f, x), s -> false, k -> false);
            ParserContract.deterministic(t, x -> QuorumToolParser.parseStatus(f, x), Object::toString);
        }
        for (String f : CFG_S) {
            String t = Corpus.read(f);
            ParserContract.emptyRefused(x -> CfgToolParser.parseStatus(f, x));
            // a prefix that ends after a complete status line is what a cluster with fewer nodes/rings prints
            ParserContract.linePrefixes(f, t, x -> CfgToolParser.parseStatus(f, x), s -> false,
                    k -> completeCfgPrefix(t, k));
            ParserContract.deterministic(t, x -> CfgToolParser.parseStatus(f, x), Object::toString);
        }
        for (String f : CMAP) {
            String t = Corpus.read(f);
            ParserContract.emptyRefused(x -> CmapParser.parse(f, x));
            // cmapctl has no end marker: every line boundary is a complete (shorter) listing
            ParserContract.linePrefixes(f, t, x -> CmapParser.parse(f, x), s -> false, k -> k > 0);
            ParserContract.deterministic(t, x -> CmapParser.parse(f, x), Object::toString);
        }
    }

    private static boolean completeCfgPrefix(String text, int k) {
        String[] lines = text.split("\n");
        if (k < 1 || k > lines.length) {
            return false;
        }
        String last = lines[k - 1];
        return last.startsWith("\t\tnodeid:") || last.startsWith("\tstatus\t=");
    }

    @Test
    void corosync3QdeviceStatusValuesFromTheCapture() {
        QuorumStatus s = QuorumToolParser.parseStatus("hace171", Corpus.read("gh-hace171-quorumtool-s-corosync3-qdevice.txt"));
        assertThat(s.quorate()).isTrue();
        assertThat(s.ringId()).isEqualTo("1.16d");
        assertThat(s.ringNodeId()).hasValue(1);
        assertThat(s.ringSequence()).isEqualTo(0x16d);
        assertThat(s.expectedVotes()).isEqualTo(3);
        assertThat(s.highestExpected()).isEqualTo(3);
        assertThat(s.totalVotes()).isEqualTo(3);
        assertThat(s.quorum()).isEqualTo(2);
        assertThat(s.flags()).containsExactly("Quorate", "Qdevice");
        assertThat(s.members()).containsExactly(
                new QuorumMember(1, 1, "A,V,NMW", "node1.local", true),
                new QuorumMember(2, 1, "A,V,NMW", "node2.local", false),
                new QuorumMember(0, 1, "", "Qdevice", false));
        assertThat(s.hasQdevice()).isTrue();
    }

    @Test
    void corosync2RingIdFormsAndTrailingSpaces() {
        QuorumStatus c2 = QuorumToolParser.parseStatus("hace170", Corpus.read("gh-hace170-quorumtool-s-corosync2-qdevice.txt"));
        assertThat(c2.ringId()).isEqualTo("1/139");
        assertThat(c2.ringNodeId()).hasValue(1);
        assertThat(c2.ringSequence()).isEqualTo(139);
        QuorumStatus two = QuorumToolParser.parseStatus("supportutils", Corpus.read("gh-supportutils37-quorumtool-s-2node.txt"));
        assertThat(two.ringId()).isEqualTo("3316");
        assertThat(two.ringNodeId()).isEmpty();
        assertThat(two.flags()).containsExactly("2Node", "Quorate");
        assertThat(two.quorum()).isEqualTo(1);
        assertThat(two.nodes()).isEqualTo(2);
    }

    @Test
    void wrongKindIsRefusedNamingWhatItLooksLike() {
        assertThatThrownBy(() -> QuorumToolParser.parseStatus("x", "\nMembership information\n----------------------\n    Nodeid      Votes Name\n         1          1 n1 (local)\n"))
                .isInstanceOf(ParseException.class).hasMessageContaining("looks like corosync-quorumtool -l");
        assertThatThrownBy(() -> CfgToolParser.parseStatus("x", Corpus.read("gh-hace171-quorumtool-s-corosync3-qdevice.txt")))
                .isInstanceOf(ParseException.class).hasMessageContaining("Local node ID");
        assertThatThrownBy(() -> CmapParser.parse("x", Corpus.read("cfs-corosync-cfgtool-s.txt")))
                .isInstanceOf(ParseException.class).hasMessageContaining("key (type) = value");
    }

    @Test
    void cfgtoolKnetAndCorosync2Rings() {
        CfgStatus k = CfgToolParser.parseStatus("cfs", Corpus.read("cfs-corosync-cfgtool-s.txt"));
        assertThat(k.localNodeId()).isEqualTo(1);
        assertThat(k.transport()).isEqualTo("knet");
        assertThat(k.links()).singleElement().satisfies(l -> {
            assertThat(l.id()).isZero();
            assertThat(l.linkTransport()).isEqualTo("udp");
            assertThat(l.address()).isEqualTo("192.168.122.101");
            assertThat(l.peers()).containsExactly(new CfgStatus.Peer(1, "localhost"), new CfgStatus.Peer(2, "connected"));
        });
        CfgStatus r = CfgToolParser.parseStatus("su", Corpus.read("gh-supportutils37-cfgtool-s-corosync2-two-rings.txt"));
        assertThat(r.localNodeId()).isEqualTo(739312183L);
        assertThat(r.transport()).isEmpty();
        assertThat(r.links()).extracting(CfgStatus.Link::address).containsExactly("172.17.2.55", "10.0.2.55");
        assertThat(r.links().get(1).status()).isEqualTo("ring 1 active with no faults");
    }

    @Test
    void cmapTypesAndApproximateFloats() {
        Map<String, CmapEntry> m = CmapParser.parse("ins", Corpus.read("insights-corosync-cmapctl-schedmiss.txt"));
        assertThat(m).hasSize(20);
        assertThat(m.get("stats.schedmiss.0.delay")).isEqualTo(new CmapEntry("stats.schedmiss.0.delay", "flt", "2023.957031"));
        assertThat(m.get("stats.schedmiss.0.delay").approximate()).isTrue();
        Map<String, CmapEntry> mem = CmapParser.parse("cfs", Corpus.read("cfs-corosync-cmapctl-members.txt"));
        assertThat(mem.get("runtime.members.2.ip").value()).isEqualTo("r(0) ip(192.168.122.102)");
        assertThatThrownBy(() -> CmapParser.parse("dup", "a.b (u32) = 1\na.b (u32) = 2\n"))
                .isInstanceOf(ParseException.class).satisfies(e -> assertThat(((ParseException) e).line()).isEqualTo(2));
    }

    @Test
    void cfgtoolNodesFormatFromCorosyncSource() {
        // printf formats of corosync tools/corosync-cfgtool.c (-n); live output is checked in RealCorosyncRuntimeTest
        String text = "Local node ID 1, transport knet\nnodeid: 2 reachable   onwire (min/max/cur): 0, 2, 2\n"
                + "   LINK: 0 udp (10.20.20.1->10.20.20.2) enabled connected mtu: 1397\n"
                + "   LINK: 1 udp (10.10.10.1->10.10.10.2) enabled mtu: 1397\n\n";
        CfgNodes n = CfgToolParser.parseNodes("n", text);
        assertThat(n.nodes()).singleElement().satisfies(node -> {
            assertThat(node.nodeId()).isEqualTo(2);
            assertThat(node.links()).extracting(CfgNodes.NodeLink::connected).containsExactly(true, false);
            assertThat(node.links().get(0).destination()).isEqualTo("10.20.20.2");
        });
        assertThatThrownBy(() -> CfgToolParser.parseNodes("n", "Local node ID 1, transport knet\nnodeid: 2 reachable\n"))
                .isInstanceOf(ParseException.class).hasMessageContaining("ends early");
    }
}
