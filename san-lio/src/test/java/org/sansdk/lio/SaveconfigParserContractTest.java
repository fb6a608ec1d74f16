package org.sansdk.lio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.core.ParseException;
import org.sansdk.core.testing.ParserContract;

/**
 * The parser contract for saveconfig.json: empty, not UTF-8, wrong kind, duplicate keys, duplicate objects and
 * trailing data are refused with a located ParseException; never a silent overwrite.
 */
class SaveconfigParserContractTest {

    private static final String SALT = "opensuse-salt-formulas-fileio-3luns-2acls.json";

    // ------------------------------------------------------------------ empty

    @Test
    void empty_isRefusedAtLine1SayingASaveconfigObjectWasExpected() {
        for (String text : List.of("", "\n", " \n\t\n")) {
            assertThatThrownBy(() -> SaveconfigParser.parse("saveconfig.json", text))
                    .as("input %s", text.replace("\n", "\\n").replace("\t", "\\t"))
                    .isInstanceOfSatisfying(ParseException.class, e -> {
                        assertThat(e.source()).isEqualTo("saveconfig.json");
                        assertThat(e.line()).isEqualTo(1);
                        assertThat(e.expected()).startsWith("a saveconfig.json object");
                    });
        }
        assertThatThrownBy(() -> SaveconfigParser.parse("f", new byte[0]))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.line()).isEqualTo(1));
    }

    @Test
    void empty_contractKit() {
        ParserContract.emptyRefused(t -> SaveconfigParser.parse("saveconfig.json", t));
    }

    // ------------------------------------------------------------------ truncation

    @Test
    void truncated_everyLinePrefixOfEveryCorpusFile_isRefused() {
        // saveconfig.json has no end marker but its closing brace: no proper prefix is a complete file
        for (String name : Corpus.SAVECONFIGS) {
            ParserContract.linePrefixes(name, Corpus.saveconfig(name), t -> SaveconfigParser.parse(name, t),
                    cfg -> false, k -> false);
        }
    }

    @Test
    void truncated_insideTheLastObject_saysTheInputEndsInsideTheDocument() {
        String text = Corpus.saveconfig(SALT);
        int lines = (int) text.lines().count();
        String cut = text.substring(0, text.lastIndexOf('}'));
        assertThatThrownBy(() -> SaveconfigParser.parse("f", cut))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(lines);
                    assertThat(e.expected()).contains("truncated");
                });
    }

    // ------------------------------------------------------------------ UTF-8

    @Test
    void notUtf8_bytes_refusedOnTheLineOfTheFirstBadByte() {
        String text = Corpus.saveconfig(SALT);
        // line 59 is `      "name": "lun3",`: put a Latin-1 e-acute (0xE9, not UTF-8 on its own) into the name
        assertThat(ParseException.lineOf(text, 59)).isEqualTo("      \"name\": \"lun3\",");
        byte[] bytes = text.replace("\"name\": \"lun3\"", "\"name\": \"lun3\u00e9\"").getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> SaveconfigParser.parse("latin1.json", bytes))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(59);
                    assertThat(e.column()).isEqualTo(20);
                    assertThat(e.getMessage()).contains("line 59: not UTF-8 text").contains("0xE9");
                });
    }

    @Test
    void notUtf8_fileRead_refusedOnTheLineOfTheFirstBadByte(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("saveconfig.json");
        // binary garbage on line 3 (a truncated file system block, say)
        Files.write(f, new byte[] {'{', '\n', ' ', '\n', (byte) 0xff, (byte) 0xfe, 0, 1, '\n', '}'});
        assertThatThrownBy(() -> SaveconfigFile.read(f))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.source()).isEqualTo(f.toString());
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(1);
                    assertThat(e.getMessage()).contains("line 3: not UTF-8 text");
                });
    }

    @Test
    void notUtf8_onAPasswordLine_doesNotShowTheLine() {
        String text = Corpus.saveconfig("pengyun-old-rtslib-chap.json");
        byte[] bytes = text.replace("\"chap_password\": \"312\"", "\"chap_password\": \"31\u00ff2\"")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> SaveconfigParser.parse("f", bytes))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.getMessage()).doesNotContain("31").contains("not UTF-8 text");
                    assertThat(e.offendingLine()).doesNotContain("31");
                });
    }

    @Test
    void unpairedSurrogate_inAJavaString_isRefusedOnItsLine() {
        // no file can hold one (UTF-8 cannot encode it); written back it became an escape Jackson refuses in a key
        String text = Corpus.saveconfig(SALT).replaceFirst("\"fabric_modules\"", "\"\ud800fabric_modules\"");
        assertThatThrownBy(() -> SaveconfigParser.parse("f", text))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(4);
                    assertThat(e.expected()).contains("unpaired surrogate U+D800");
                });
    }

    // ------------------------------------------------------------------ kind

    @Test
    void wrongKind_otherToolsOutput_isRefusedNamingWhatItLooksLike() {
        record Case(String file, int line, String looksLike) {
        }
        for (Case c : List.of(
                new Case("man-zpool-status-j-c-vendor-model-size.json", 2, "zpool/zfs -j JSON output"),
                new Case("nvmetcli-tcp.json", 2, "an nvmetcli saveconfig"),
                new Case("cfs-pcs-cluster-cib-fresh.xml", 1, "a Pacemaker CIB"),
                new Case("yast-lio-server-ls-typical.txt", 1, "targetcli ls output"),
                new Case("asok-raidz2-write-error.txt", 1, "zpool status text"))) {
            String text = Corpus.read("/corpus/other-kinds/" + c.file());
            assertThatThrownBy(() -> SaveconfigParser.parse(c.file(), text)).as(c.file())
                    .isInstanceOfSatisfying(ParseException.class, e -> {
                        assertThat(e.line()).isEqualTo(c.line());
                        assertThat(e.expected()).startsWith("a saveconfig.json object")
                                .contains("this looks like " + c.looksLike());
                    });
        }
    }

    @Test
    void wrongKind_jsonObjectWithoutAnySaveconfigKey_isRefused() {
        assertThatThrownBy(() -> SaveconfigParser.parse("f", "{}\n"))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.expected()).contains("it is empty");
                });
        assertThatThrownBy(() -> SaveconfigParser.parse("f", "{\n  \"version\": 2\n}\n"))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.expected()).contains("its keys: version"));
        assertThatThrownBy(() -> SaveconfigParser.parse("f", "[]"))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.expected()).contains("a JSON array"));
    }

    // ------------------------------------------------------------------ trailing data

    @Test
    void trailingData_afterTheObject_isRefusedOnItsLine() {
        String text = Corpus.saveconfig(SALT);
        int lines = (int) text.lines().count();
        assertThatThrownBy(() -> SaveconfigParser.parse("f", text + "{\"targets\": []}\n"))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(lines + 1);
                    assertThat(e.expected()).isEqualTo("end of input after the top-level object");
                });
    }

    // ------------------------------------------------------------------ duplicate keys

    @Test
    void duplicateKey_inAStorageObject_isRefusedNotLastOneWins() {
        String text = Corpus.saveconfig(SALT);
        String dup = edit(text, 59, "\"name\": \"lun3\",", "\"name\": \"lun3\", \"name\": \"lun9\",");
        assertThatThrownBy(() -> SaveconfigParser.parse("f", dup))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(59);
                    assertThat(e.expected()).contains("each key once").contains("'name'");
                });
    }

    @Test
    void duplicateKey_chapPassword_isRefusedWithoutShowingEitherValue() {
        String text = Corpus.saveconfig("pengyun-old-rtslib-chap.json");
        int line = lineOf(text, "\"chap_password\": \"312\",");
        String dup = edit(text, line, "\"chap_password\": \"312\",",
                "\"chap_password\": \"312\", \"chap_password\": \"s3cr3t-two\",");
        assertThatThrownBy(() -> SaveconfigParser.parse("f", dup))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.expected()).contains("'chap_password'");
                    assertThat(e.getMessage()).doesNotContain("312").doesNotContain("s3cr3t-two");
                    assertThat(e.offendingLine()).doesNotContain("312").doesNotContain("s3cr3t-two");
                });
    }

    @Test
    void passwordKeyWrittenWithAUnicodeEscape_errorOnItsLine_doesNotShowTheValue() {
        // JSON lets a key be spelled with escapes: "chap_passw\u006frd" is "chap_password"
        String text = Corpus.saveconfig("pengyun-old-rtslib-chap.json");
        int line = lineOf(text, "\"chap_password\": \"312\",");
        String escaped = edit(text, line, "\"chap_password\": \"312\",",
                "\"chap_passw\\u006frd\": \"hunter2x\", \"tag\": 7,");
        assertThatThrownBy(() -> SaveconfigParser.parse("f", escaped))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.expected()).isEqualTo("ACL tag string");
                    assertThat(e.getMessage()).doesNotContain("hunter2x");
                    assertThat(e.offendingLine()).doesNotContain("hunter2x");
                });
    }

    // ------------------------------------------------------------------ duplicate objects

    @Test
    void duplicateStorageObject_samePluginAndName_refusedAtTheSecond() {
        String text = Corpus.saveconfig(SALT);
        String dup = edit(text, 120, "\"name\": \"lun2\"", "\"name\": \"lun3\"");
        assertDuplicate(dup, objectStart(text, 120, 4), objectStart(text, 59, 4), "storage object fileio/lun3");
    }

    @Test
    void duplicateLun_sameIndexInATpg_refusedAtTheSecond() {
        String text = Corpus.saveconfig(SALT);
        String dup = edit(text, 223, "\"index\": 2,", "\"index\": 3,");
        assertDuplicate(dup, objectStart(text, 223, 12), objectStart(text, 217, 12), "LUN index 3");
    }

    @Test
    void duplicateAcl_sameNodeWwn_refusedAtTheSecond() {
        String text = Corpus.saveconfig(SALT);
        String dup = edit(text, 298, "iqn.1996-04.de.suse:01:14cf5d2c1f84", "iqn.1996-04.de.suse:01:a7111c224918");
        assertDuplicate(dup, objectStart(text, 298, 12), objectStart(text, 265, 12),
                "node ACL iqn.1996-04.de.suse:01:a7111c224918");
    }

    @Test
    void duplicateMappedLun_sameIndexInAnAcl_refusedAtTheSecond() {
        String text = Corpus.saveconfig(SALT);
        String dup = edit(text, 254, "\"index\": 2,", "\"index\": 3,");
        assertDuplicate(dup, objectStart(text, 254, 16), objectStart(text, 248, 16), "mapped LUN index 3");
    }

    @Test
    void duplicateTarget_sameWwn_refusedAtTheSecond() {
        String text = Corpus.saveconfig("yast-multi-target-chap.json");
        String dup = edit(text, 957, "iqn.2016-12.suse.com.target2", "iqn.2016-12.suse.com.target1");
        assertDuplicate(dup, objectStart(text, 957, 4), objectStart(text, 884, 4),
                "target iqn.2016-12.suse.com.target1 on fabric iscsi");
    }

    @Test
    void duplicateTpgAndPortal_refused() {
        String tpgs = "{\"fabric_modules\": [], \"storage_objects\": [], \"targets\": [{\"fabric\": \"iscsi\",\n"
                + " \"wwn\": \"iqn.2025-01.lab.home:t\", \"tpgs\": [{\"tag\": 1},\n{\"tag\": 1}]}]}\n";
        assertDuplicate(tpgs, 3, 2, "TPG tag 1");
        String portals = "{\"targets\": [{\"fabric\": \"iscsi\", \"wwn\": \"iqn.2025-01.lab.home:t\", \"tpgs\": [{\"tag\": 1,"
                + " \"portals\": [\n{\"ip_address\": \"10.10.10.1\", \"port\": 3260},\n"
                + "{\"ip_address\": \"10.10.10.1\", \"port\": 3260}]}]}]}";
        assertDuplicate(portals, 3, 2, "portal 10.10.10.1:3260");
    }

    // ------------------------------------------------------------------ helpers

    private static void assertDuplicate(String text, int secondLine, int firstLine, String what) {
        assertThatThrownBy(() -> SaveconfigParser.parse("dup.json", text))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(secondLine);
                    assertThat(e.expected()).contains(what + " is already defined at line " + firstLine);
                });
    }

    /** Replaces {@code from} by {@code to} on 1-based line {@code line} only (which must contain it). */
    static String edit(String text, int line, String from, String to) {
        List<String> lines = new java.util.ArrayList<>(List.of(text.split("\n", -1)));
        String l = lines.get(line - 1);
        assertThat(l).as("line %d of the fixture", line).contains(from);
        lines.set(line - 1, l.replace(from, to));
        return String.join("\n", lines);
    }

    /** The 1-based line of the first line containing {@code needle}. */
    static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError("not in the fixture: " + needle);
    }

    /** The line of the '{' (indented by {@code indent} spaces) opening the object that holds line {@code line}. */
    static int objectStart(String text, int line, int indent) {
        String[] lines = text.split("\n", -1);
        String open = " ".repeat(indent) + "{";
        for (int i = line - 1; i >= 0; i--) {
            if (lines[i].equals(open)) {
                return i + 1;
            }
        }
        throw new AssertionError("no object start above line " + line);
    }
}
