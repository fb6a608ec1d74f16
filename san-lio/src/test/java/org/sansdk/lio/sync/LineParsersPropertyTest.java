package org.sansdk.lio.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sansdk.core.ParseException;
import org.sansdk.core.Secret;
import org.sansdk.lio.Chap;
import org.sansdk.lio.chap.ShellEnv;
import org.sansdk.lio.design.ClientAclSync;

/** The small line parsers of the sync path: garbage gives a result or a located ParseException, nothing else. */
class LineParsersPropertyTest {

    @Provide
    Arbitrary<String> garbage() {
        Arbitrary<String> pieces = Arbitraries.of("san-pool/iscsi/vm-1", "/", "//", "\t", "\n", "\r\n", " ", "@", "x",
                "1073741824", "99999999999999999999", "-1", "32G", "#", "'", "\"", "=", "\\", "$", "`", "iqn.2025-01.a",
                ":", "export ", "A=", "\u00e9", "\u0000").list().ofMaxSize(30).map(l -> String.join("", l));
        // large: a real-looking listing of up to 3,000 zvols cut at a point inside it, with pieces spliced in
        Arbitrary<String> large = Combinators.combine(Arbitraries.integers().between(1, 3000),
                Arbitraries.integers().between(0, 10_000), pieces).as((n, cut, piece) -> {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < n; i++) {
                        sb.append("san-pool/iscsi/vm-").append(i).append("-disk-0\t").append(1L << 30).append('\n');
                    }
                    int at = (int) ((long) sb.length() * cut / 10_000);
                    return sb.substring(0, at) + piece + sb.substring(at);
                });
        return Arbitraries.frequencyOf(Tuple.of(4, pieces), Tuple.of(4, Arbitraries.strings().all().ofMaxLength(60)),
                Tuple.of(1, large));
    }

    @Property(tries = 800)
    void parsers_garbage_giveResultOrLocatedParseException(@ForAll("garbage") String text) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> check(text));
    }

    private static void check(String text) {
        int lines = (int) text.chars().filter(c -> c == '\n').count() + 1;
        try {
            ShellEnv.parse("env", text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (ParseException e) {
            assertThat(e.source()).isEqualTo("env");
            assertThat(e.line()).isBetween(1, lines);
        }
        try {
            ClientAclSync.parseList("acls.conf", text, Chap.of("u", Secret.of("pw-123456")));
        } catch (ParseException e) {
            assertThat(e.source()).isEqualTo("acls.conf");
            assertThat(e.line()).isBetween(1, lines);
        }
    }
}
