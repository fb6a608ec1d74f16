package org.sansdk.pacemaker.cib;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sansdk.pacemaker.Fixtures;
import org.sansdk.pacemaker.Tools;
import org.sansdk.pacemaker.sim.VerifyResult;

class CibWriterTest {

    static List<String> corpus() {
        return Fixtures.list("cib");
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void write_thenParse_givesTheSameModel(String file) {
        Cib c = CibParser.parse(file, Fixtures.read("cib/" + file));
        String xml = CibWriter.toXml(c);
        Cib again = CibParser.parse("rendered " + file, xml);
        assertThat(again.configuration()).isEqualTo(c.configuration());
        assertThat(again.status()).isEqualTo(c.status());
        assertThat(again.version()).isEqualTo(c.version());
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void write_corpusCib_crmVerifyJudgesItLikeTheOriginal(String file, @TempDir Path dir) throws Exception {
        Path orig = dir.resolve("orig.xml");
        Path ours = dir.resolve("ours.xml");
        String text = Fixtures.read("cib/" + file);
        Files.writeString(orig, text);
        Files.writeString(ours, CibWriter.toXml(CibParser.parse(file, text)));
        VerifyResult a = VerifyResult.of(Tools.run(VerifyResult.command(orig)));
        VerifyResult b = VerifyResult.of(Tools.run(VerifyResult.command(ours)));
        assertThat(b.outcome()).as("crm_verify on our rendering of %s: %s", file, b.messages()).isEqualTo(a.outcome());
    }

    @Test
    void write_escapesAttributeValues() {
        Primitive p = Primitive.builder("r1", ResourceAgent.parse("ocf:pacemaker:Dummy")).instance("fake", "a<b&\"c\"\n").build();
        String xml = CibWriter.resourceXml(p);
        assertThat(xml).contains("value=\"a&lt;b&amp;&quot;c&quot;&#10;\"");
        Cib back = CibParser.parse("x", CibWriter.toXml(Cib.of(new Configuration(List.of(), List.of(), List.of(p), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()))));
        assertThat(((Primitive) back.configuration().resources().get(0)).param("fake")).contains("a<b&\"c\"\n");
    }
}
