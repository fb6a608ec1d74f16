package org.sansdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

/**
 * The quoting function, evaluated by a real {@code /bin/sh}, yields exactly the argv it was given —
 * directly and through {@link SshExecutor} (with the stand-in ssh that hands the line to {@code sh -c}).
 */
class PosixQuotingProperties {
    private static final LocalExecutor LOCAL = new LocalExecutor(Duration.ofSeconds(30));

    @Provide
    Arbitrary<List<String>> hostileArgv() {
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.strings().withChars("'\" $`\\\n\t*?[]{}()<>|&;#~!%=^,.:/-_")
                        .withCharRange('a', 'c').ofMinLength(0).ofMaxLength(12),
                Arbitraries.strings().withCharRange('\u0001', '\u007f').ofMaxLength(16),
                // whole code points: lone surrogates cannot pass through UTF-8 argv at all
                Arbitraries.of("ä", "ö", "ß", "€", "日本語", "🚀", "é").list().ofMaxSize(4).map(l -> String.join("", l)),
                Arbitraries.of("", "A=b", "'", "''", "'\\''", "$(id)", "`id`", "${HOME}", "*", "-n", "--", "\\", "\n", "a b"));
        return word.list().ofMinSize(1).ofMaxSize(6);
    }

    private static List<String> evaluatedBySh(String line) {
        // printf repeats its format for every argument: each word comes back NUL-terminated
        CommandResult r = LOCAL.runChecked(Command.of("/bin/sh", "-c", "printf '%s\\0' " + line));
        String out = r.stdout();
        List<String> words = new ArrayList<>(Arrays.asList(out.split("\0", -1)));
        words.remove(words.size() - 1); // after the last terminator
        return words;
    }

    @Property(tries = 150)
    void join_evaluatedByRealSh_givesBackTheSameArgv(@ForAll("hostileArgv") List<String> argv) {
        assertThat(evaluatedBySh(PosixQuoting.join(argv))).isEqualTo(argv);
    }

    @Property(tries = 60)
    void sshExecutor_remoteShell_receivesTheSameArgv(@ForAll("hostileArgv") List<String> argv) {
        List<String> cmd = new ArrayList<>(List.of("printf", "%s\\0"));
        cmd.addAll(argv);
        SshExecutor ssh = SshExecutorTest.builder("storage-b").build();
        String out = ssh.runChecked(Command.of(cmd)).stdout();
        List<String> words = new ArrayList<>(Arrays.asList(out.split("\0", -1)));
        words.remove(words.size() - 1);
        assertThat(words).isEqualTo(argv);
    }

    @Example
    void quote_safeWordsStayBare_othersAreSingleQuoted() {
        assertThat(PosixQuoting.quote("san-pool/iscsi/vm-1")).isEqualTo("san-pool/iscsi/vm-1");
        assertThat(PosixQuoting.quote("")).isEqualTo("''");
        assertThat(PosixQuoting.quote("a b")).isEqualTo("'a b'");
        assertThat(PosixQuoting.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(PosixQuoting.quote("$HOME")).isEqualTo("'$HOME'");
        assertThat(PosixQuoting.quote("ünï")).isEqualTo("'ünï'");
        assertThat(PosixQuoting.join(List.of("a", "b c", ""))).isEqualTo("a 'b c' ''");
    }
}
