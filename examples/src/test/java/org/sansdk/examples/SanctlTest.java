package org.sansdk.examples;

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
    void help_listsCommandsAndRegisteredKinds_exit0() {
        assertThat(sanctl.run(List.of("--help"))).isEqualTo(Sanctl.OK);
        assertThat(out()).contains("usage: sanctl COMMAND").contains("parse KIND FILE|-")
                .contains("test-kv").contains("key=value lines (test only)").contains("exit codes");
    }

    @Test
    void noArguments_isUsageError_exit2() {
        assertThat(sanctl.run(List.of())).isEqualTo(Sanctl.USAGE);
        assertThat(err()).contains("usage: sanctl");
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
        assertThat(err()).contains("unknown kind \"no-such-kind\"").contains("test-kv");
        assertThat(sanctl.run(List.of("parse", "test-kv", "/nonexistent/file"))).isEqualTo(Sanctl.FAILED);
        assertThat(err()).contains("no such file: /nonexistent/file");
    }

    @Test
    void unknownCommand_exit2() {
        assertThat(sanctl.run(List.of("frobnicate"))).isEqualTo(Sanctl.USAGE);
        assertThat(err()).contains("unknown command \"frobnicate\"");
    }
}
