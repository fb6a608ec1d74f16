package org.sansdk.cluster.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sansdk.core.Secret;

/** Any value (quotes, $, backquotes, newlines, non-ASCII) comes back exact through openssl and sh's eval. */
class ChapEnvEvalPropertyTest {
    @Provide
    Arbitrary<String> values() {
        return Arbitraries.strings().withChars("'\"$`\\ \t\n;&|<>(){}*?#~!=%abcXYZ019é€").ofMaxLength(40);
    }

    @Property(tries = 40, seed = "20261128")
    void anyValueSurvivesEval(@ForAll("values") String v1, @ForAll("values") String v2) throws Exception {
        Map<String, String> vars = ChapEnvRealToolTest.evalInSh(List.of(new ChapEnvEntry("V1", Secret.of(v1)), new ChapEnvEntry("V2", Secret.of(v2))));
        assertThat(vars).containsEntry("V1", v1).containsEntry("V2", v2);
    }
}
