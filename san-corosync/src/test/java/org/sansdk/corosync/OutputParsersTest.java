package org.sansdk.corosync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.sansdk.core.spi.OutputParser;

class OutputParsersTest {
    static final ObjectMapper SNAKE = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    static Map<String, OutputParser> parsers() {
        Map<String, OutputParser> m = new TreeMap<>();
        ServiceLoader.load(OutputParser.class).forEach(p -> m.put(p.kind(), p));
        return m;
    }

    @Test
    void fourKindsAreRegistered() {
        assertThat(parsers()).containsKeys("corosync-conf", "quorumtool", "cfgtool", "cmapctl");
    }

    @Test
    void jsonWithSnakeCaseNamesFromTheCaptures() throws Exception {
        Map<String, OutputParser> p = parsers();
        JsonNode q = SNAKE.valueToTree(p.get("quorumtool").parse("q", Corpus.read("gh-hace171-quorumtool-s-corosync3-qdevice.txt")));
        assertThat(q.get("expected_votes").asInt()).isEqualTo(3);
        assertThat(q.get("ring_id").asText()).isEqualTo("1.16d");
        assertThat(q.get("members").get(0).get("node_id").asLong()).isEqualTo(1);
        JsonNode c = SNAKE.valueToTree(p.get("cfgtool").parse("c", Corpus.read("cfs-corosync-cfgtool-s.txt")));
        assertThat(c.get("local_node_id").asLong()).isEqualTo(1);
        assertThat(c.get("links").get(0).get("peers").get(1).get("state").asText()).isEqualTo("connected");
        JsonNode m = SNAKE.valueToTree(p.get("cmapctl").parse("m", Corpus.read("insights-corosync-cmapctl-schedmiss.txt")));
        assertThat(m.get(0).get("approximate").asBoolean()).isTrue();
        JsonNode conf = SNAKE.valueToTree(p.get("corosync-conf").parse("c", Corpus.read("cfs-corosync-conf-pcs-knet.conf")));
        assertThat(conf.get("nodes").get(1).get("name").asText()).isEqualTo("pcmk-2");
        assertThat(conf.get("timing").get("effective_token_ms").asLong()).isEqualTo(3000);
        assertThat(conf.get("items").get(0).get("section").asText()).isEqualTo("totem");
        String twice = SNAKE.writeValueAsString(p.get("corosync-conf").parse("c", Corpus.read("corosync-augeas-test.conf")));
        assertThat(SNAKE.writeValueAsString(p.get("corosync-conf").parse("c", Corpus.read("corosync-augeas-test.conf")))).isEqualTo(twice);
    }

    @Test
    void totemKeyIsMasked() {
        JsonNode conf = SNAKE.valueToTree(parsers().get("corosync-conf").parse("c",
                "totem {\n    key: supersecretvalue\n}\nnodelist {\n    node {\n        name: a\n        nodeid: 1\n        ring0_addr: 10.0.0.1\n    }\n}\n"));
        assertThat(conf.toString()).doesNotContain("supersecretvalue").contains("****");
    }
}
