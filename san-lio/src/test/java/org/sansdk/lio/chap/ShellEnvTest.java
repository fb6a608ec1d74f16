package org.sansdk.lio.chap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sansdk.core.ParseException;
import org.sansdk.core.Secret;

/** Located errors from the decrypted env file that never quote a value. */
class ShellEnvTest {

    @Test
    void parse_strayLineWithoutAssignment_isLocatedButNotEchoed() {
        // a broken file may hold a bare password on its own line: the exception must not carry it
        byte[] text = "ISCSI_CHAP_USER='u'\nhunter2-secret\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ShellEnv.parse("decrypted CHAP env", text))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.getMessage()).doesNotContain("hunter2");
                    assertThat(e.offendingLine()).doesNotContain("hunter2");
                });
    }

    @Test
    void parse_unclosedQuote_showsOnlyTheName() {
        byte[] text = "A='x'\nISCSI_CHAP_PASSWORD='s3cr3t-value\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ShellEnv.parse("env", text)).isInstanceOfSatisfying(ParseException.class, e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.offendingLine()).startsWith("ISCSI_CHAP_PASSWORD=").doesNotContain("s3cr3t");
        });
    }

    @Test
    void parse_exportAndDoubleQuotes_readLikeSh() {
        byte[] text = "# creds\nexport A=\"x\\$y\"\nB=plain C='q'\\''r'\n".getBytes(StandardCharsets.UTF_8);
        assertThat(ShellEnv.parse("env", text)).containsEntry("A", Secret.of("x$y")).containsEntry("B",
                Secret.of("plain")).containsEntry("C", Secret.of("q'r"));
    }

    @Test
    void parse_emptyOrOnlyComments_isRefused() {
        for (String text : java.util.List.of("", "\n", "# credentials\n\n")) {
            assertThatThrownBy(() -> ShellEnv.parse("env", text.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .isInstanceOfSatisfying(ParseException.class, e -> {
                        assertThat(e.line()).isEqualTo(1);
                        assertThat(e.expected()).startsWith("at least one NAME=value line");
                    });
        }
    }

    @Test
    void parse_nameAssignedTwice_isRefusedWithoutShowingEitherValue() {
        byte[] text = "ISCSI_CHAP_USER='u'\nISCSI_CHAP_PASSWORD='first-pw'\nISCSI_CHAP_PASSWORD='second-pw'\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ShellEnv.parse("env", text)).isInstanceOfSatisfying(ParseException.class, e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.expected()).contains("ISCSI_CHAP_PASSWORD is already assigned at line 2");
            assertThat(e.getMessage()).doesNotContain("first-pw").doesNotContain("second-pw");
        });
    }

    @Test
    void parse_notUtf8_isRefusedOnItsLineWithoutShowingIt() {
        byte[] text = {'A', '=', '\'', 'x', '\'', '\n', 'P', '=', '\'', 'q', 'z', (byte) 0xe9, 'k', '\'', '\n'};
        assertThatThrownBy(() -> ShellEnv.parse("env", text)).isInstanceOfSatisfying(ParseException.class, e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.getMessage()).contains("line 2: not UTF-8 text").doesNotContain("qz");
            assertThat(e.offendingLine()).doesNotContain("qz");
        });
    }
}
