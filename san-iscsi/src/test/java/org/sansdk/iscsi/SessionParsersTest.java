package org.sansdk.iscsi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.sansdk.core.ParseException;
import org.sansdk.core.testing.ParserContract;

class SessionParsersTest {
    static final List<String> FLAT = Corpus.SESSION_FLAT;
    static final List<String> TREE = Corpus.SESSION_TREE;
    /**
     * Lines after which a capture of each level is complete by open-iscsi's printing code: level 1 ends a
     * session with the iscsid state, level 2 with MaxOutstandingR2T, level 3 with the host line or any device
     * line (a LUN without a block device prints no "Attached scsi disk" line).
     */
    private static final Pattern[] TREE_END = {null,
            Pattern.compile("\\s*Internal iscsid Session State: .*"),
            Pattern.compile("\\s*MaxOutstandingR2T: .*"),
            Pattern.compile("\\s*(Host Number: .*|scsi\\d+ Channel .*|Attached scsi disk .*|Unavailable)")};

    @Test
    void noActiveSessionsIsATypedEmptyResultDistinctFromAnEmptyCapture() {
        SessionList none = SessionListParser.parse("none", Corpus.iscsiadm("bean-session-none.txt"));
        assertThat(none.noActiveSessions()).isTrue();
        assertThat(none.sessions()).isEmpty();
        assertThatThrownBy(() -> SessionListParser.parse("empty", ""))
                .isInstanceOf(ParseException.class).hasMessageContaining("empty");
    }

    @Test
    void levelZeroWithAndWithoutTheNonFlashSuffix() {
        SessionList old = SessionListParser.parse("old", Corpus.iscsiadm("bean-session-no-flash-suffix.txt"));
        assertThat(old.sessions()).singleElement().satisfies(s -> {
            assertThat(s.transport()).isEqualTo("tcp");
            assertThat(s.sid()).isEqualTo(2);
            assertThat(s.portal()).isEqualTo(Portal.of("10.16.172.247", 3260, 1));
            assertThat(s.target()).isEqualTo("iqn.2018-11.com:BEAN");
            assertThat(s.nodeType()).isEqualTo(NodeType.NOT_PRINTED);
        });
        SessionList four = SessionListParser.parse("four", Corpus.iscsiadm("orealyz-session-4.txt"));
        assertThat(four.sessions()).extracting(SessionEntry::sid).containsExactly(18, 21, 22, 23);
        assertThat(four.sessions()).extracting(s -> s.portal().address())
                .containsExactly("10.3.1.1", "10.3.2.1", "10.3.1.2", "10.3.2.2");
        assertThat(four.sessions()).allSatisfy(s -> assertThat(s.nodeType()).isEqualTo(NodeType.NON_FLASH));
    }

    @Test
    void ipv6PortalInBrackets() {
        SessionList l = SessionListParser.parse("v6", Corpus.iscsiadm("written-session-ipv6.txt"));
        Portal p = l.sessions().get(1).portal();
        assertThat(p.address()).isEqualTo("fd00:10::2");
        assertThat(p.ipv6()).isTrue();
        assertThat(p.tpgt()).isEqualTo(1);
    }

    @Test
    void levelThreeMultipathFourPortals() {
        SessionTree t = SessionTreeParser.parse("P3", Corpus.iscsiadm("bean-session-P3-multipath-4-portals.txt"));
        assertThat(t.level()).isEqualTo(3);
        assertThat(t.version()).hasValue("2.0-873");
        assertThat(t.transportClassVersion()).hasValue("2.0-870");
        assertThat(t.targets()).singleElement().satisfies(x -> assertThat(x.nodeType()).isEqualTo(NodeType.NOT_PRINTED));
        assertThat(t.sessions()).extracting(SessionTree.Session::sid).containsExactly(16, 17, 18, 19);
        SessionTree.Session first = t.sessions().get(0);
        assertThat(first.currentPortal().address()).isEqualTo("10.16.172.105");
        assertThat(first.iface().initiatorName()).isEqualTo("iqn.1993-08.org.debian:01:f077d70d498");
        assertThat(first.iface().hwAddress()).isEqualTo("<empty>");
        assertThat(first.connectionState()).isEqualTo("LOGGED IN");
        assertThat(first.loggedIn()).isTrue();
        assertThat(first.timeouts().orElseThrow().recoverySeconds()).hasValue(120);
        assertThat(first.chap().orElseThrow().username()).isEmpty();
        assertThat(first.chap().orElseThrow().password()).isEmpty();
        assertThat(first.negotiated()).containsEntry("MaxXmitDataSegmentLength", "1048576").hasSize(9);
        assertThat(first.scsi().orElseThrow().hostNumber()).hasValue(46);
        assertThat(first.disks()).singleElement().satisfies(d -> {
            assertThat(d.disk()).hasValue("sdd");
            assertThat(d.lun()).isZero();
            assertThat(d.state()).hasValue("running");
        });
    }

    @Test
    void levelThreeOldReleaseWithoutTimeoutsAndSpaceIndentedCopy() {
        SessionTree old = SessionTreeParser.parse("871", Corpus.iscsiadm("bean-session-P3-open-iscsi-2.0-871.txt"));
        assertThat(old.level()).isEqualTo(3);
        assertThat(old.sessions()).singleElement().satisfies(s -> {
            assertThat(s.timeouts()).isEmpty();
            assertThat(s.iface().hwAddress()).isEqualTo("(null)");
            assertThat(s.negotiated()).containsEntry("InitialR2T", "No");
            assertThat(s.disks().get(0).disk()).hasValue("sde");
        });
        SessionTree spaces = SessionTreeParser.parse("orealyz", Corpus.iscsiadm("orealyz-session-P3-6.2.1.9-4-portals.txt"));
        assertThat(spaces.targets().get(0).nodeType()).isEqualTo(NodeType.NON_FLASH);
        assertThat(spaces.sessions()).extracting(s -> s.disks().get(0).disk().orElseThrow())
                .containsExactly("sdb", "sde", "sdd", "sdc");
        assertThat(spaces.sessions()).extracting(s -> s.scsi().orElseThrow().hostNumber().getAsInt())
                .containsExactly(3, 6, 7, 8);
    }

    @Test
    void levelOneSamePortalTwiceAndIpv6FromThePrintingCode() {
        SessionTree t = SessionTreeParser.parse("P1", Corpus.iscsiadm("written-session-P1-two-targets-ipv6-same-portal.txt"));
        assertThat(t.level()).isEqualTo(1);
        assertThat(t.version()).isEmpty();
        assertThat(t.targets()).extracting(SessionTree.Target::name)
                .containsExactly("iqn.2025-01.lab.home:storage-b", "iqn.2025-01.lab.home:witness");
        List<SessionTree.Session> b = t.targets().get(0).sessions();
        assertThat(b).extracting(SessionTree.Session::sid).containsExactly(3, 4, 5);
        assertThat(b.get(1).persistentPortal()).isEqualTo(b.get(0).persistentPortal());
        assertThat(b.get(2).currentPortal().address()).isEqualTo("fd00:0010:0000:0000:0000:0000:0000:0002");
        assertThat(b.get(2).persistentPortal().address()).isEqualTo("fd00:10::2");
        assertThat(b.get(2).sessionState()).isEqualTo("FAILED");
        assertThat(b.get(2).loggedIn()).isFalse();
        assertThat(b.get(2).timeouts()).isEmpty();
    }

    @Test
    void levelThreeLunOver255AndDeviceWithoutDisk() {
        SessionTree t = SessionTreeParser.parse("P3", Corpus.iscsiadm("written-session-P3-ipv6-lun300-failed.txt"));
        SessionTree.Session s = t.session(7).orElseThrow();
        assertThat(s.disks()).extracting(SessionTree.ScsiDevice::lun).containsExactly(0L, 1L, 2L, 16684L, 3L);
        assertThat(s.disks().get(4).disk()).isEmpty();
        assertThat(s.timeouts().orElseThrow().recovery()).hasValue(java.time.Duration.ofSeconds(5));
        assertThat(s.chap().orElseThrow().usernameIn()).isEqualTo("storage-b");
        assertThat(t.session(8).orElseThrow().disks().get(0).state()).hasValue("transport-offline");
    }

    @Test
    void kindsAreChecked() {
        assertThatThrownBy(() -> SessionListParser.parse("x", Corpus.iscsiadm("orealyz-session-P3-6.2.1.9-4-portals.txt")))
                .isInstanceOf(ParseException.class).hasMessageContaining("-P 1..3");
        assertThatThrownBy(() -> SessionListParser.parse("x", Corpus.iscsiadm("orealyz-node-list-12.txt")))
                .isInstanceOf(ParseException.class).hasMessageContaining("-m node");
        assertThatThrownBy(() -> SessionTreeParser.parse("x", Corpus.iscsiadm("orealyz-session-4.txt")))
                .isInstanceOf(ParseException.class).hasMessageContaining("level 0");
        assertThatThrownBy(() -> SessionTreeParser.parse("x", Corpus.iscsiadm("bean-session-none.txt")))
                .isInstanceOf(ParseException.class).hasMessageContaining("No active sessions");
    }

    @Test
    void errorsAreLocated() {
        String text = "tcp: [1] 10.0.0.1:3260,1 iqn.2025-01.a.b:x (non-flash)\nbogus line\n";
        assertThatThrownBy(() -> SessionListParser.parse("cap", text)).isInstanceOfSatisfying(ParseException.class, e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.offendingLine()).isEqualTo("bogus line");
            assertThat(e.getMessage()).startsWith("cap:2:1:");
        });
        String dup = "tcp: [1] 10.0.0.1:3260,1 iqn.2025-01.a.b:x\ntcp: [1] 10.0.0.2:3260,1 iqn.2025-01.a.b:x\n";
        assertThatThrownBy(() -> SessionListParser.parse("dup", dup)).isInstanceOf(ParseException.class)
                .hasMessageContaining("sid 1");
    }

    @ParameterizedTest
    @FieldSource("FLAT")
    void flatContract(String name) {
        String text = Corpus.iscsiadm(name);
        ParserContract.emptyRefused(s -> SessionListParser.parse(name, s));
        ParserContract.linePrefixes(name, text, s -> SessionListParser.parse(name, s), r -> false, k -> true);
        ParserContract.deterministic(text, s -> SessionListParser.parse(name, s), Object::toString);
    }

    @ParameterizedTest
    @FieldSource("TREE")
    void treeContract(String name) {
        String text = Corpus.iscsiadm(name);
        String[] lines = text.split("\n", -1);
        ParserContract.emptyRefused(s -> SessionTreeParser.parse(name, s));
        int level = SessionTreeParser.parse(name, text).level();
        ParserContract.linePrefixes(name, text, s -> SessionTreeParser.parse(name, s), r -> false,
                k -> k > 0 && TREE_END[level].matcher(lines[k - 1]).matches());
        ParserContract.deterministic(text, s -> SessionTreeParser.parse(name, s), Object::toString);
    }
}
