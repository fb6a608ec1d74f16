package org.sansdk.iscsi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.sansdk.core.ParseException;
import org.sansdk.core.Secret;
import org.sansdk.core.spi.OutputParser;

/** The three sanctl kinds through ServiceLoader and a mapper configured like sanctl's (snake_case, secrets ****). */
class SanctlKindsTest {
    static final ObjectMapper MAPPER = mapper();

    @SuppressWarnings({"unchecked", "rawtypes"})
    static ObjectMapper mapper() {
        SimpleModule m = new SimpleModule();
        m.addSerializer(Secret.class, ser((v, g, p) -> g.writeString(Secret.MASK)));
        m.addSerializer((Class) Optional.class, ser((v, g, p) -> p.defaultSerializeValue(((Optional<?>) v).orElse(null), g)));
        m.addSerializer(OptionalInt.class, ser((v, g, p) -> p.defaultSerializeValue(
                ((OptionalInt) v).isPresent() ? ((OptionalInt) v).getAsInt() : null, g)));
        return new ObjectMapper().registerModule(m).setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    interface W {
        void write(Object v, JsonGenerator g, SerializerProvider p) throws IOException;
    }

    static JsonSerializer<Object> ser(W w) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(Object v, JsonGenerator g, SerializerProvider p) throws IOException {
                w.write(v, g, p);
            }
        };
    }

    static Map<String, OutputParser> kinds() {
        Map<String, OutputParser> m = new TreeMap<>();
        ServiceLoader.load(OutputParser.class).forEach(p -> m.put(p.kind(), p));
        return m;
    }

    static JsonNode json(String kind, String text) throws IOException {
        return MAPPER.readTree(MAPPER.writeValueAsString(kinds().get(kind).parse("f", text)));
    }

    @Test
    void theThreeKindsAreRegistered() {
        assertThat(kinds()).containsKeys("iscsiadm-session", "iscsiadm-node", "iscsid-conf");
        assertThatThrownBy(() -> kinds().get("iscsiadm-session").parse("f", "")).isInstanceOf(ParseException.class);
    }

    @Test
    void sessionJson() throws IOException {
        JsonNode flat = json("iscsiadm-session", Corpus.iscsiadm("orealyz-session-4.txt"));
        assertThat(flat.get("status").asText()).isEqualTo("SESSIONS");
        assertThat(flat.get("sessions").get(0).get("node_type").asText()).isEqualTo("NON_FLASH");
        assertThat(flat.get("sessions").get(0).get("portal").get("address").asText()).isEqualTo("10.3.1.1");
        assertThat(json("iscsiadm-session", Corpus.iscsiadm("bean-session-none.txt")).get("status").asText())
                .isEqualTo("NO_ACTIVE_SESSIONS");
        JsonNode tree = json("iscsiadm-session", Corpus.iscsiadm("bean-session-P3-multipath-4-portals.txt"));
        assertThat(tree.get("level").asInt()).isEqualTo(3);
        JsonNode s = tree.get("targets").get(0).get("sessions").get(0);
        assertThat(s.get("persistent_portal").get("address").asText()).isEqualTo("10.16.172.105");
        assertThat(s.get("timeouts").get("recovery_seconds").asInt()).isEqualTo(120);
        assertThat(s.get("scsi").get("devices").get(0).get("disk").asText()).isEqualTo("sdd");
        assertThat(s.get("chap").get("password").isNull()).isTrue();
    }

    @Test
    void nodeJsonHasNoSecretValue() throws IOException {
        String shown = Corpus.iscsiadm("real-2.1.8-node-show.txt")
                .replace("node.session.auth.password = ********", "node.session.auth.password = Abcdefgh12345");
        JsonNode rec = json("iscsiadm-node", shown);
        assertThat(rec.get("settings").get("node.session.auth.password").asText()).isEqualTo("****");
        assertThat(rec.get("settings").get("node.startup").asText()).isEqualTo("automatic");
        assertThat(rec.toString()).doesNotContain("Abcdefgh12345");
        JsonNode list = json("iscsiadm-node", Corpus.iscsiadm("real-2.1.8-node-list.txt"));
        assertThat(list.get("nodes").get(0).get("portal").get("tpgt").asInt()).isEqualTo(-1);
    }

    @Test
    void iscsidConfJsonHasNoSecretValue() throws IOException {
        String text = Corpus.read(IscsidConfTest.DEBIAN) + "node.session.auth.password = Pw-0123456789\nfoo.bar = 1\n";
        JsonNode c = json("iscsid-conf", text);
        assertThat(c.toString()).doesNotContain("Pw-0123456789");
        assertThat(c.get("unknown_keys").get(0).asText()).isEqualTo("foo.bar");
        assertThat(c.get("replacement_timeout_seconds").asInt()).isEqualTo(120);
        assertThat(c.get("settings").get(0).get("key").asText()).isEqualTo("iscsid.startup");
    }
}
