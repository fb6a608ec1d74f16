package org.sansdk.lio.chap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.sansdk.core.Command;
import org.sansdk.core.Executor;
import org.sansdk.core.Secret;
import org.sansdk.core.testing.RealTools;
import org.sansdk.core.testing.TestExecutors;

/** Hostile values survive {@code eval} in the real /bin/sh exactly. */
class ShellEnvPropertyTest {
    private static final Executor SH = TestExecutors.local();
    private static final String PRINT = "eval \"$(cat)\"; for k do eval \"printf '%s\\\\0' \\\"\\${$k}\\\"\"; done";

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> shellish = Arbitraries.of("'", "\"", "\\", "$", "`", "$(id)", "${HOME}", "\n", "\t", " ",
                "'\\''", "!", "*", "?", "~", "#", ";", "&", "|", "<", ">", "(", ")", "{", "}", "\r", "\u00e9", "\u4e2d",
                "\ud83d\ude00", "\u007f", "\u0001", "EOF", "-n", "%s").list().ofMaxSize(12)
                .map(l -> String.join("", l));
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(20)
                .filter(s -> s.indexOf('\0') < 0 && validUtf16(s));
        // some large values (a long passphrase-like blob), still one stdin for the real shell
        Arbitrary<String> large = Arbitraries.strings().withCharRange(' ', '~').withChars('\n', '\t', '\u00e9')
                .ofMinLength(2_000).ofMaxLength(20_000);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, shellish), net.jqwik.api.Tuple.of(5, any),
                net.jqwik.api.Tuple.of(1, large));
    }

    @Property(tries = 150)
    void render_thenEvalInSh_readsEveryValueBackExactly(@ForAll @Size(min = 1, max = 4) List<@net.jqwik.api.From("hostile") String> values) {
        RealTools.requireFrom("sh", "dash");
        Map<String, Secret> entries = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            entries.put("K" + i, Secret.of(values.get(i)));
            keys.add("K" + i);
        }
        byte[] env = ShellEnv.render(entries);
        List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", PRINT, "sh"));
        argv.addAll(keys);
        Command sh = Command.builder(argv.get(0)).args(argv.subList(1, argv.size())).secretStdin(env)
                .timeout(java.time.Duration.ofSeconds(10)).build();
        String out = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> SH.runChecked(sh).stdout());
        StringBuilder expected = new StringBuilder();
        for (String v : values) {
            expected.append(v).append('\0');
        }
        assertThat(out).isEqualTo(expected.toString());
        // and our own reader agrees
        assertThat(org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> ShellEnv.parse("t", env))).isEqualTo(entries);
    }

    private static boolean validUtf16(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return new String(b, StandardCharsets.UTF_8).equals(s);
    }
}
