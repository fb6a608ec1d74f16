package org.sansdk.lio.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sansdk.core.ParseException;
import org.sansdk.core.Size;
import org.sansdk.core.testing.ParserContract;

/** The parser contract for {@code zfs list -Hp -t volume -o name,volsize -d 1 DATASET}. */
class ZvolListParserContractTest {
    static final String DS = "san-pool/iscsi/hypervisor";
    /** Three zvols in the layout zfs list -Hp prints (name TAB bytes, every line ending in a newline). */
    static final String LISTING = DS + "/vm-100-disk-0\t34359738368\n" + DS + "/vm-101-disk-0\t8589934592\n"
            + DS + "/vm-102-disk-1\t1073741824\n";

    @Test
    void empty_isRefused_unlessTheCallerSaysNoZvolsIsAnAnswer() {
        ParserContract.emptyRefused(t -> ZvolListParser.parse("zfs list", t));
        assertThatThrownBy(() -> ZvolListParser.parse("zfs list", ""))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.expected()).contains("the output is empty").contains("parseAllowingNone");
                });
        assertThat(ZvolListParser.parseAllowingNone("zfs list", "")).isEqualTo(List.of());
        assertThat(ZvolListParser.parseAllowingNone("zfs list", "\n")).isEqualTo(List.of());
        assertThat(ZvolListParser.parseAllowingNone("zfs list", LISTING)).extracting(Zvol::name)
                .containsExactly(DS + "/vm-100-disk-0", DS + "/vm-101-disk-0", DS + "/vm-102-disk-1");
    }

    @Test
    void truncated_everyWholeLinePrefixIsAListing_aCutInsideTheLastLineIsRefused() {
        // zfs list has no end marker: any whole-line prefix is a complete (shorter) listing; a cut inside a line
        // would otherwise read "vm-102-disk-1\t10737" as a 10,737-byte zvol
        ParserContract.linePrefixes("zvols.txt", LISTING, t -> ZvolListParser.parse("zvols.txt", t), z -> false,
                k -> k >= 1);
        String cut = LISTING.substring(0, LISTING.length() - 6);
        assertThatThrownBy(() -> ZvolListParser.parse("zvols.txt", cut))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.offendingLine()).isEqualTo(DS + "/vm-102-disk-1\t10737");
                    assertThat(e.expected()).contains("newline ending the last line");
                });
    }

    @Test
    void duplicateName_isRefusedNamingTheFirstLine() {
        String dup = LISTING + DS + "/vm-100-disk-0\t1024\n";
        assertThatThrownBy(() -> ZvolListParser.parse("zvols.txt", dup))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.expected()).isEqualTo("each zvol once (" + DS + "/vm-100-disk-0 is already listed at line 1)");
                });
    }

    @Test
    void wholeListing_parsesToTheValuesInIt() {
        assertThat(ZvolListParser.parse("zvols.txt", LISTING)).containsExactly(
                new Zvol(DS + "/vm-100-disk-0", Size.ofBytes(34359738368L)),
                new Zvol(DS + "/vm-101-disk-0", Size.ofBytes(8589934592L)),
                new Zvol(DS + "/vm-102-disk-1", Size.ofBytes(1073741824L)));
    }

    @Test
    void notUtf8_bytes_refusedOnTheLineOfTheFirstBadByte() {
        byte[] bytes = (LISTING + DS + "/caf\u00e9\t1024\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> ZvolListParser.parse("zvols.txt", bytes))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.getMessage()).contains("line 4: not UTF-8 text");
                });
    }

    @Test
    void deterministic_sameListingGivesTheSameZvols() {
        ParserContract.deterministic(LISTING, t -> ZvolListParser.parse("zvols.txt", t), List::toString);
    }

    @Test
    void wrongColumnCount_isRefusedWithTheCountAndWhereTheExtraFieldStarts() {
        // -o name,volsize,used (3 fields) and -o name (1 field) both refused, as san-zfs's ZfsListParser does
        String three = LISTING + DS + "/vm-103-disk-0\t1024\t512\n";
        assertThatThrownBy(() -> ZvolListParser.parse("zvols.txt", three))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.column()).isEqualTo((DS + "/vm-103-disk-0\t1024\t").length() + 1);
                    assertThat(e.expected()).endsWith("found 3");
                });
        assertThatThrownBy(() -> ZvolListParser.parse("zvols.txt", DS + "/vm-100-disk-0\n"))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).isEqualTo((DS + "/vm-100-disk-0").length() + 1);
                    assertThat(e.expected()).endsWith("found 1");
                });
        assertThatThrownBy(() -> ZvolListParser.parse("zvols.txt", "\t1024\n"))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.expected()).startsWith("a zvol name"));
    }

    @Test
    void wrongKind_isRefusedNamingWhatItLooksLike() {
        // zfs list without -H/-p prints a header and human sizes, columns padded with spaces
        String human = "NAME                                    VOLSIZE\n" + DS + "/vm-100-disk-0     32G\n";
        assertThatThrownBy(() -> ZvolListParser.parse("zvols.txt", human))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.expected()).endsWith("this looks like zfs list output without -H (it starts with a header line)");
                });
        assertThatThrownBy(() -> ZvolListParser.parse("zvols.txt", "\n{\"output_version\": {}}\n"))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.expected()).contains("JSON (zfs list -j?)");
                });
    }
}
