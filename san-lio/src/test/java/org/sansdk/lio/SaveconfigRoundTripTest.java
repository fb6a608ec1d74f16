package org.sansdk.lio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.sansdk.core.ParseException;
import org.sansdk.lio.json.JsonValue;
import org.sansdk.lio.internal.PythonJsonWriter;
import org.sansdk.lio.json.PythonJsonStyle;

class SaveconfigRoundTripTest {

    static java.util.List<String> corpus() {
        return Corpus.SAVECONFIGS;
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void write_corpusFileInItsOwnLayout_isByteIdentical(String file) {
        String text = Corpus.saveconfig(file);
        ParsedSaveconfig doc = SaveconfigParser.parseDocument(file, text);
        assertThat(SaveconfigWriter.write(doc.config(), doc.format())).isEqualTo(text);
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void parse_writtenOutput_givesEqualModel(String file) {
        LioConfig first = SaveconfigParser.parse(file, Corpus.saveconfig(file));
        String written = SaveconfigWriter.write(first);
        assertThat(SaveconfigParser.parse("again", written)).isEqualTo(first);
    }

    @Test
    void format_python3FileWithNewline_isRtslibLayout() {
        ParsedSaveconfig doc = SaveconfigParser.parseDocument("f",
                Corpus.saveconfig("targetcli-containers-demo-mode.json"));
        assertThat(doc.format()).isEqualTo(SaveconfigFormat.RTSLIB);
    }

    @Test
    void format_python2File_keepsTrailingSpaceSeparators() {
        ParsedSaveconfig doc = SaveconfigParser.parseDocument("f", Corpus.saveconfig("yast-multi-target-chap.json"));
        assertThat(doc.format().style()).isEqualTo(PythonJsonStyle.PYTHON2);
        assertThat(doc.format().trailingNewline()).isTrue();
    }

    @Test
    void format_pengyunFile_hasNoTrailingNewline() {
        ParsedSaveconfig doc = SaveconfigParser.parseDocument("f", Corpus.saveconfig("pengyun-old-rtslib-chap.json"));
        assertThat(doc.format().trailingNewline()).isFalse();
    }

    @Test
    void write_nonAsciiAndControlCharacters_escapedLikePythonEnsureAscii() {
        JsonValue v = new JsonValue.JsonObject(Map.of(
                "b", new JsonValue.JsonString("caf\u00e9 \u007f \u0001 \t \"q\" \\ \ud83d\ude00"),
                "a", new JsonValue.JsonArray(java.util.List.of())));
        assertThat(PythonJsonWriter.write(v, PythonJsonStyle.PYTHON3)).isEqualTo(
                "{\n  \"a\": [],\n  \"b\": \"caf\\u00e9 \\u007f \\u0001 \\t \\\"q\\\" \\\\ \\ud83d\\ude00\"\n}");
    }

    @Test
    void parse_truncatedFile_throwsLocatedParseException() {
        String text = Corpus.saveconfig("teachlinuxcluster-two-acls.json");
        String cut = text.substring(0, text.indexOf("\"node_acls\""));
        assertThatThrownBy(() -> SaveconfigParser.parse("cut.json", cut))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.source()).isEqualTo("cut.json");
                    assertThat(e.line()).isGreaterThan(1);
                });
    }

    @Test
    void parse_attributeThatIsAString_pointsAtTheValue() {
        String text = "{\n  \"fabric_modules\": [],\n  \"storage_objects\": [],\n  \"targets\": [\n    {\n"
                + "      \"fabric\": \"iscsi\",\n      \"tpgs\": [\n        {\n          \"attributes\": {\n"
                + "            \"authentication\": \"yes\"\n          },\n          \"tag\": 1\n        }\n      ],\n"
                + "      \"wwn\": \"iqn.2025-01.lab.home:t\"\n    }\n  ]\n}\n";
        assertThatThrownBy(() -> SaveconfigParser.parse("bad.json", text))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(10);
                    assertThat(e.offendingLine()).contains("\"authentication\": \"yes\"");
                    assertThat(e.expected()).contains("integer").contains("authentication");
                });
    }

    @Test
    void parse_unknownPlugin_isParseException() {
        String text = "{\"fabric_modules\": [], \"storage_objects\": [{\"name\": \"x\", \"plugin\": \"nvme\"}],"
                + " \"targets\": []}";
        assertThatThrownBy(() -> SaveconfigParser.parse("p.json", text))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("plugin block, fileio");
    }

    @Test
    void parse_trailingGarbage_isParseException() {
        assertThatThrownBy(() -> SaveconfigParser.parse("g.json", "{\"targets\": []} x"))
                .isInstanceOf(ParseException.class);
    }

    @Test
    void parse_brokenPasswordValue_exceptionNeverShowsIt() {
        String text = "{\"fabric_modules\": [], \"storage_objects\": [], \"targets\": [{\"wwn\": \"iqn.2025-01.lab.home:t\",\n"
                + " \"fabric\": \"iscsi\", \"tpgs\": [{\"tag\": 1, \"chap_password\": s3cr3tpw}]}]}";
        assertThatThrownBy(() -> SaveconfigParser.parse("pw.json", text))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.getMessage()).doesNotContain("s3cr3tpw");
                    assertThat(e.offendingLine()).doesNotContain("s3cr3tpw").contains("\"chap_password\": ****");
                    assertThat(e.getCause()).isNull();
                });
        // key and value on separate lines (hand-edited file): the value line is masked too
        String split = "{\"fabric_modules\": [], \"storage_objects\": [], \"targets\": [{\"wwn\": \"iqn.2025-01.lab.home:t\",\n"
                + " \"fabric\": \"iscsi\", \"tpgs\": [{\"tag\": 1, \"chap_password\":\n    s3cr3tpw}]}]}";
        assertThatThrownBy(() -> SaveconfigParser.parse("pw.json", split))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).doesNotContain("s3cr3tpw");
                    assertThat(e.getCause()).isNull();
                });
        String typed = text.replace("s3cr3tpw", "12345678");
        assertThatThrownBy(() -> SaveconfigParser.parse("pw.json", typed))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.getMessage()).doesNotContain("12345678"));
    }
}
