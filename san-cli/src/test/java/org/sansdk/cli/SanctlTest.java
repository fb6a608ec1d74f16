package org.sansdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SanctlTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Sanctl sanctl = new Sanctl(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void help_listsCommands_andParseHelpListsRegisteredKinds_exit0() {
        assertThat(sanctl.run(List.of("--help"))).isEqualTo(Sanctl.OK);
        assertThat(out()).contains("Usage: sanctl [-hV] COMMAND").contains("parse").contains("man")
                .contains("completion").contains("Exit codes:");
        out.reset();
        assertThat(sanctl.run(List.of("parse", "--help"))).isEqualTo(Sanctl.OK);
        assertThat(out()).contains("test-kv").contains("key=value lines (test only)");
    }

    @Test
    void noArguments_isUsageError_exit2() {
        assertThat(sanctl.run(List.of())).isEqualTo(Sanctl.USAGE);
        assertThat(err()).contains("Usage: sanctl");
    }

    /** Every command path of the tree, e.g. [parse, test-kv]. */
    private static void paths(picocli.CommandLine cl, List<String> prefix, List<List<String>> all) {
        for (var e : cl.getSubcommands().entrySet()) {
            List<String> p = new java.util.ArrayList<>(prefix);
            p.add(e.getKey());
            all.add(p);
            paths(e.getValue(), p, all);
        }
    }

    @Test
    void everyCommand_answersHelpWithExit0() {
        List<List<String>> all = new java.util.ArrayList<>();
        paths(sanctl.commandLine(), List.of(), all);
        assertThat(all).contains(List.of("parse", "test-kv"), List.of("man"), List.of("completion"));
        for (List<String> path : all) {
            out.reset();
            List<String> args = new java.util.ArrayList<>(path);
            args.add("--help");
            assertThat(sanctl.run(args)).as(String.join(" ", args) + "\n" + err()).isEqualTo(Sanctl.OK);
            assertThat(out()).as(String.join(" ", args)).containsIgnoringCase("usage");
        }
    }

    @Test
    void version_exit0() {
        assertThat(sanctl.run(List.of("--version"))).isEqualTo(Sanctl.OK);
        assertThat(out()).startsWith("sanctl ").contains("(san-sdk)");
    }

    @Test
    void version_fastPath_printsWhatPicocliPrints() {
        java.io.StringWriter viaTree = new java.io.StringWriter();
        sanctl.commandLine().printVersionHelp(new java.io.PrintWriter(viaTree, true));
        for (String flag : List.of("--version", "-V")) {
            out.reset();
            assertThat(sanctl.run(List.of(flag))).isEqualTo(Sanctl.OK);
            assertThat(out()).as(flag).isEqualTo(viaTree.toString());
        }
    }

    @Test
    void parse_printsJson_secretsMasked_optionalsAsNull(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("in.txt");
        Files.writeString(f, "pool=san-pool\nstate=ONLINE\n");
        assertThat(sanctl.run(List.of("parse", "test-kv", f.toString()))).isEqualTo(Sanctl.OK);
        assertThat(out()).contains("\"pool\" : \"san-pool\"").contains("\"state\" : \"ONLINE\"")
                .contains("\"secret\" : \"****\"").contains("\"maybe\" : null").doesNotContain("never-shown");
    }

    @Test
    void parse_error_printsFileLineColumn_exit1(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.txt");
        Files.writeString(f, "pool=san-pool\nthis line is wrong\n");
        assertThat(sanctl.run(List.of("parse", "test-kv", f.toString()))).isEqualTo(Sanctl.FAILED);
        assertThat(err()).startsWith(f + ":2:1: expected key=value; found: \"this line is wrong\"");
        assertThat(out()).isEmpty();
    }

    @Test
    void parse_unknownKindOrMissingFile() {
        assertThat(sanctl.run(List.of("parse", "no-such-kind", "x"))).isEqualTo(Sanctl.USAGE);
        assertThat(err()).contains("no-such-kind").contains("test-kv");
        assertThat(sanctl.run(List.of("parse", "test-kv", "/nonexistent/file"))).isEqualTo(Sanctl.FAILED);
        assertThat(err()).contains("no such file: /nonexistent/file");
    }

    @Test
    void unknownCommand_exit2() {
        assertThat(sanctl.run(List.of("frobnicate"))).isEqualTo(Sanctl.USAGE);
        assertThat(err()).contains("frobnicate");
    }

    @Test
    void manPage_isValidRoff_forTheRealGroff(@TempDir Path dir) throws Exception {
        org.sansdk.core.testing.RealTools.requireFrom("groff", "groff-base");
        assertThat(sanctl.run(List.of("man"))).isEqualTo(Sanctl.OK);
        Path page = dir.resolve("sanctl.1");
        Files.writeString(page, out());
        var r = new org.sansdk.core.LocalExecutor().run(org.sansdk.core.Command.of("groff", "-man", "-Tutf8", "-ww", "-z", page.toString()));
        assertThat(r.exitCode()).isZero();
        assertThat(r.stderr()).as("groff warnings").isEmpty();
        var text = new org.sansdk.core.LocalExecutor().runChecked(org.sansdk.core.Command.builder("groff")
                .args("-man", "-Tutf8", "-P", "-cbou", page.toString()).build()).stdout();
        assertThat(text).contains("SYNOPSIS").contains("sanctl parse test-kv").contains("EXIT STATUS");
    }

    @Test
    void completion_isABashScriptThatRegistersSanctl(@TempDir Path dir) throws Exception {
        org.sansdk.core.testing.RealTools.requireFrom("bash", "bash");
        assertThat(sanctl.run(List.of("completion"))).isEqualTo(Sanctl.OK);
        Path script = dir.resolve("sanctl_completion");
        Files.writeString(script, out());
        var r = new org.sansdk.core.LocalExecutor().runChecked(org.sansdk.core.Command.of("bash", "-c",
                "source \"$1\" && complete -p sanctl", "bash", script.toString()));
        assertThat(r.stdout()).contains("sanctl");
    }
}
