package org.sansdk.lio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.sansdk.core.spi.OutputParser;
import org.sansdk.core.testing.ParserContract;
import org.sansdk.lio.CorpusAccess;

/** {@code sanctl parse saveconfig FILE}: the same file gives the same bytes, whatever the JVM's hash seeds. */
class SaveconfigOutputDeterminismTest {
    static final List<String> CORPUS = org.sansdk.lio.Corpus.SAVECONFIGS;

    /** Rendered the way sanctl prints a parse result: Jackson, indented. */
    static String render(Object model) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OutputParser parser() {
        return ServiceLoader.load(OutputParser.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.kind().equals("saveconfig")).findFirst().orElseThrow();
    }

    @Test
    void everyCorpusFile_parsedTwice_rendersTheSameBytes() {
        for (String name : CORPUS) {
            ParserContract.deterministic(CorpusAccess.saveconfig(name), t -> parser().parse(name, t),
                    SaveconfigOutputDeterminismTest::render);
        }
    }

    @Test
    void everyCorpusFile_rendersEveryObjectWithSortedKeys_soNoMapOrderLeaks() {
        // sorted at every level means the bytes cannot depend on a HashMap's or Map.of's iteration order
        for (String name : CORPUS) {
            JsonNode root = (JsonNode) parser().parse(name, CorpusAccess.saveconfig(name));
            assertSortedKeys(name, "$", root);
        }
    }

    @Test
    void arraysKeepTheFileOrder_andPasswordsAreMasked() {
        // the salt formula's file lists LUNs 3, 2, 1 in that order; the ACL's password in pengyun's file is "312"
        JsonNode salt = (JsonNode) parser().parse("f", CorpusAccess.saveconfig("opensuse-salt-formulas-fileio-3luns-2acls.json"));
        List<Integer> luns = new ArrayList<>();
        salt.get("targets").get(0).get("tpgs").get(0).get("luns").forEach(l -> luns.add(l.get("index").asInt()));
        assertThat(luns).containsExactly(3, 2, 1);
        JsonNode acl = ((JsonNode) parser().parse("f", CorpusAccess.saveconfig("pengyun-old-rtslib-chap.json")))
                .get("targets").get(0).get("tpgs").get(0).get("node_acls").get(0);
        assertThat(acl.get("chap_userid").asText()).isEqualTo("312");
        assertThat(acl.get("chap_password").asText()).isEqualTo("****");
    }

    private static void assertSortedKeys(String file, String path, JsonNode n) {
        if (n.isObject()) {
            List<String> keys = new ArrayList<>();
            Iterator<String> it = n.fieldNames();
            it.forEachRemaining(keys::add);
            assertThat(keys).as("%s %s", file, path).isSorted();
            for (String k : keys) {
                assertSortedKeys(file, path + "." + k, n.get(k));
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                assertSortedKeys(file, path + "[" + i + "]", n.get(i));
            }
        }
    }
}
