package org.sansdk.zfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.sansdk.core.ParseException;
import org.sansdk.core.spi.OutputParser;
import org.sansdk.zfs.internal.ZfsGetOutputParser;
import org.sansdk.zfs.internal.ZfsListOutputParser;
import org.sansdk.zfs.internal.ZpoolGetOutputParser;
import org.sansdk.zfs.internal.ZpoolListOutputParser;

/** The zpool/zfs list/get -Hp parse kinds (inputs in the shape zfs-fuse 0.7.0 and OpenZFS print). */
class ScriptedOutputParsersTest {

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> rows(Object json) {
        return (List<Map<String, String>>) ((Map<String, Object>) json).get("rows");
    }

    @Test
    void serviceLoader_findsTheFourKinds() {
        List<String> kinds = StreamSupport.stream(ServiceLoader.load(OutputParser.class).spliterator(), false)
                .map(OutputParser::kind).collect(Collectors.toList());
        assertThat(kinds).contains("zpool-list", "zpool-get", "zfs-list", "zfs-get");
    }

    @Test
    void zfsList_defaultColumns() {
        Object json = new ZfsListOutputParser().parse("zl", "tp\t43114496\t52322304\t42151936\t/tp\n");
        assertThat(json).isEqualTo(Map.of("command", "zfs list -Hp", "columns", ZfsListParser.ZFS_DEFAULT,
                "rows", List.of(Map.of("name", "tp", "used", "43114496", "avail", "52322304", "refer", "42151936",
                        "mountpoint", "/tp")), "complete", true));
    }

    @Test
    void zfsList_headerNamesTheColumns_orTheWholeCommand() {
        assertThat(rows(new ZfsListOutputParser().parse("zl", "# -o name,volsize\nsan-pool/v\t4096\n")))
                .containsExactly(Map.of("name", "san-pool/v", "volsize", "4096"));
        assertThat(rows(new ZfsListOutputParser().parse("zl",
                "# zfs list -Hp -o name,volsize -t volume -r san-pool\nsan-pool/v\t4096\n")))
                .containsExactly(Map.of("name", "san-pool/v", "volsize", "4096"));
    }

    @Test
    void wrongFieldCount_isRefusedWithLineAndTheHeaderHint() {
        assertThatThrownBy(() -> new ZfsListOutputParser().parse("zl", "san-pool/v\t4096\n"))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.expected()).contains("5 tab-separated fields").contains("# -o");
                });
        // with a header the line number still counts the header line
        assertThatThrownBy(() -> new ZfsListOutputParser().parse("zl", "# -o name,volsize\na\t1\nb\t2\t3\n"))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.line()).isEqualTo(3));
    }

    @Test
    void zpoolList_openZfsDefaultElevenColumns() {
        String row = "san-pool\t1992864825344\t2400256\t1992862425088\t-\t-\t0\t0\t1.00\tONLINE\t-\n";
        assertThat(rows(new ZpoolListOutputParser().parse("pl", row)).get(0))
                .containsEntry("health", "ONLINE").containsEntry("altroot", "-");
        // zfs-fuse 0.7 prints eight default columns (no ckpoint, expandsz, frag): refused without a header
        assertThatThrownBy(() -> new ZpoolListOutputParser().parse("pl", "tp\t123M\t724K\t122M\t0%\t1.00x\tONLINE\t-\n"))
                .isInstanceOf(ParseException.class);
    }

    @Test
    void getKinds_defaultFourFields() {
        Object z = new ZfsGetOutputParser().parse("zg", "tp\tused\t43114496\t-\ntp\tcompression\toff\tdefault\n");
        assertThat(rows(z)).extracting(r -> r.get("property")).containsExactly("used", "compression");
        Object p = new ZpoolGetOutputParser().parse("pg", "san-pool\tmultihost\ton\tlocal\n");
        assertThat(rows(p)).containsExactly(Map.of("name", "san-pool", "property", "multihost", "value", "on",
                "source", "local"));
        assertThat(rows(new ZpoolGetOutputParser().parse("pg", "# -o value\non\n")))
                .containsExactly(Map.of("value", "on"));
    }

    @Test
    void contract_emptyOtherKindsHeaderMismatchAndCut() {
        assertThatThrownBy(() -> new ZfsGetOutputParser().parse("zg", "")).isInstanceOfSatisfying(ParseException.class,
                e -> assertThat(e.line()).isEqualTo(1));
        assertThatThrownBy(() -> new ZfsListOutputParser().parse("zl", "# -o name\n"))
                .isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> new ZfsListOutputParser().parse("zl",
                "NAME   USED  AVAIL  REFER  MOUNTPOINT\ntp    41.1M  49.9M  40.2M  /tp\n"))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.expected()).contains("without -H"));
        assertThatThrownBy(() -> new ZfsListOutputParser().parse("zl", "{\"output_version\": {}}\n"))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.expected()).contains("JSON"));
        assertThatThrownBy(() -> new ZfsListOutputParser().parse("zl", "  pool: tank\n state: ONLINE\n"))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.expected()).contains("zpool status"));
        assertThatThrownBy(() -> new ZfsListOutputParser().parse("zl", "# zpool list -H -o name\ntank\n"))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.expected()).contains("zpool list"));
        assertThatThrownBy(() -> new ZfsListOutputParser().parse("zl", "# -o name,name\ntank\ttank\n"))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.expected()).contains("twice"));
        @SuppressWarnings("unchecked")
        Map<String, Object> cut = (Map<String, Object>) new ZfsGetOutputParser().parse("zg", "tp\tused\t4311\t-");
        assertThat(cut).containsEntry("complete", false).containsKey("incomplete");
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> captures() {
        Map<String, OutputParser> kinds = Map.of("zfs-list", new ZfsListOutputParser(), "zfs-get",
                new ZfsGetOutputParser(), "zpool-list", new ZpoolListOutputParser(), "zpool-get",
                new ZpoolGetOutputParser());
        return kinds.keySet().stream().sorted().flatMap(k -> Corpus.names("scripted/" + k, ".txt").stream()
                .map(f -> org.junit.jupiter.params.provider.Arguments.of(k, f, kinds.get(k))));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} {1}")
    @org.junit.jupiter.params.provider.MethodSource("captures")
    @SuppressWarnings("unchecked")
    void corpus_eachCaptureParsesCompleteAndKeepsTheParserContract(String kind, String file, OutputParser parser) {
        String text = Corpus.read("scripted/" + kind, file);
        Map<String, Object> json = (Map<String, Object>) parser.parse(file, text);
        assertThat(json).containsEntry("complete", true);
        assertThat((List<?>) json.get("rows")).isNotEmpty();
        org.sansdk.core.testing.ParserContract.emptyRefused(t -> parser.parse(file, t));
        // no end marker: a cut after whole rows is a capture of fewer rows (not detectable); a cut inside a row
        // is refused (too few fields) or marked incomplete (no newline)
        org.sansdk.core.testing.ParserContract.linePrefixes(file, text, t -> (Map<String, Object>) parser.parse(file, t),
                m -> Boolean.FALSE.equals(m.get("complete")), k -> k >= 1);
        org.sansdk.core.testing.ParserContract.deterministic(text, t -> parser.parse(file, t), String::valueOf);
    }
}
