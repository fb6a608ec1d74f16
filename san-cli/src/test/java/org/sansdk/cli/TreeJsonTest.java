package org.sansdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.sansdk.core.ParseException;
import org.sansdk.core.spi.OutputParser;

/** {@link TreeJson} must write exactly what the ObjectMapper writes, so the fast path changes no byte of sanctl's output. */
class TreeJsonTest {

    @Test
    void everyTreeNodeType_writesTheMappersBytes() throws Exception {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("int", 7).put("long", 1L << 40).put("neg", -3).put("double", 0.1).put("float", 2.5f)
                .put("text", "tab\t quote\" backslash\\ é ✓ \u0001").put("yes", true).putNull("nothing");
        root.set("big_integer", f.numberNode(new BigInteger("18446744073709551615")));
        root.set("decimal", f.numberNode(new BigDecimal("1.50")));
        root.set("decimal_exp", f.numberNode(new BigDecimal("1E+3")));
        root.putObject("empty_object");
        root.putArray("empty_array");
        root.putArray("mixed").add(1).add("two").addNull().addObject().put("k", false);
        assertThat(TreeJson.write(root)).isEqualTo(Json.mapper().writeValueAsString(root));
    }

    @Test
    void everyTreeKindOverItsRecordedCaptures_writesTheMappersBytes() throws Exception {
        Map<String, OutputParser> parsers = new TreeMap<>();
        ServiceLoader.load(OutputParser.class).forEach(p -> parsers.put(p.kind(), p));
        java.util.Set<String> treeKinds = new java.util.TreeSet<>();
        for (Map.Entry<String, List<String>> kind : SanctlJarIT.FIXTURES.entrySet()) {
            for (String entry : kind.getValue()) {
                for (String file : SanctlJarIT.files(entry)) {
                    Object model;
                    try {
                        model = parsers.get(kind.getKey()).parse(file, ParseException.decodeUtf8(file, Files.readAllBytes(Path.of(file))));
                    } catch (ParseException refused) {
                        continue; // a capture sanctl refuses prints no JSON
                    }
                    if (model instanceof JsonNode tree) {
                        treeKinds.add(kind.getKey());
                        assertThat(TreeJson.write(tree)).as(file).isEqualTo(Json.mapper().writeValueAsString(tree));
                    }
                }
            }
        }
        // the kinds whose model is a tree: each was compared over at least one capture
        assertThat(treeKinds).containsExactly("saveconfig", "zpool-import", "zpool-json", "zpool-status");
    }
}
