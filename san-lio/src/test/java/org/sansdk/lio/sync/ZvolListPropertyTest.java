package org.sansdk.lio.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sansdk.core.ParseException;
import org.sansdk.core.Secret;
import org.sansdk.lio.Chap;
import org.sansdk.lio.chap.ShellEnv;
import org.sansdk.lio.design.ClientAclSync;

/** The small line parsers of the sync path: garbage gives a result or a located ParseException, nothing else. */
class ZvolListPropertyTest {

    @Provide
    Arbitrary<String> garbage() {
        Arbitrary<String> pieces = Arbitraries.of("san-pool/iscsi/vm-1", "/", "//", "\t", "\n", "\r\n", " ", "@", "x",
                "1073741824", "99999999999999999999", "-1", "32G", "#", "'", "\"", "=", "\\", "$", "`", "iqn.2025-01.a",
                ":", "export ", "A=", "\u00e9", "\u0000").list().ofMaxSize(30).map(l -> String.join("", l));
        return Arbitraries.oneOf(pieces, Arbitraries.strings().all().ofMaxLength(60));
    }

    @Property(tries = 800)
    void parsers_garbage_giveResultOrLocatedParseException(@ForAll("garbage") String text) {
        try {
            List<Zvol> zvols = ZvolListParser.parse("zvols.txt", text);
            zvols.forEach(z -> assertThat(z.name()).contains("/"));
        } catch (ParseException e) {
            assertThat(e.source()).isEqualTo("zvols.txt");
            assertThat(e.line()).isPositive();
        }
        try {
            ShellEnv.parse("env", text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (ParseException e) {
            assertThat(e.source()).isEqualTo("env");
        }
        try {
            ClientAclSync.parseList("acls.conf", text, Chap.of("u", Secret.of("pw-123456")));
        } catch (ParseException e) {
            assertThat(e.source()).isEqualTo("acls.conf");
        }
    }
}
