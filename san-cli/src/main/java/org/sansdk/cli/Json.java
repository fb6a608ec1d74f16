package org.sansdk.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.sansdk.core.Secret;

/**
 * The JSON mapper sanctl prints with: indented, {@code Optional} as its value or null, secrets as
 * {@code ****}, durations and times as ISO-8601 strings, every key of a fixed shape in snake_case.
 *
 * <pre>{@code String json = Json.write(model);}</pre>
 *
 * <p>The shapes are held to the JSON Schemas in {@code org/sansdk/cli/schemas/} ({@code sanctl schema KIND};
 * docs/json-contract.md). Where a module's model would print otherwise, sanctl fixes the output here: the
 * {@code type} attribute of a CIB {@code <expression>} prints as {@code value_type} (its own {@code type} key is
 * the expression kind), the rounded-value marker {@code _approximate} of the zpool JSON as
 * {@code approximate_keys}, and the {@code SLOW}/{@code POWER}/{@code DIO} columns of {@code zpool status} as
 * OpenZFS's JSON names {@code slow_ios}/{@code power_state}/{@code dio_verify_errors}.
 */
public final class Json {
    /** Built on first use only: a tree is written without it (start-up). */
    private static final class Holder {
        static final ObjectMapper MAPPER = build();
    }

    private Json() {
    }

    /** The shared, configured mapper (thread-safe for writing). */
    public static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    /**
     * The canonical JSON text of a parse result, as {@code sanctl parse} prints it (without the final newline).
     *
     * <pre>{@code String json = Json.write(parser.parse(source, text));}</pre>
     *
     * @param model what a parser returned (records, maps, lists or a Jackson tree)
     * @return indented JSON in the sanctl contract's key style
     * @throws JsonProcessingException when the model cannot be rendered
     */
    public static String write(Object model) throws JsonProcessingException {
        // a tree needs no ObjectMapper: TreeJson writes the same bytes without its start-up cost
        if (model instanceof JsonNode tree) {
            try {
                return TreeJson.write(canonical(tree.deepCopy()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return Holder.MAPPER.writeValueAsString(model);
    }

    /** Marker key of the zpool JSON for members printed rounded, and the name sanctl prints it under. */
    static final String APPROXIMATE_IN = "_approximate";
    static final String APPROXIMATE_OUT = "approximate_keys";
    /** zpool status extra columns by header, and the OpenZFS JSON key of each. */
    private static final Map<String, String> ZPOOL_COLUMNS = Map.of("SLOW", "slow_ios", "POWER", "power_state",
            "DIO", "dio_verify_errors");

    /** Renames, in place and keeping member order, the keys the contract spells otherwise; returns the tree. */
    private static JsonNode canonical(JsonNode node) {
        if (node instanceof ObjectNode o) {
            boolean vdev = o.has("class") && o.has("state") && o.has("name");
            List<Map.Entry<String, JsonNode>> members = new ArrayList<>(o.properties());
            boolean renamed = false;
            for (Map.Entry<String, JsonNode> e : members) {
                canonical(e.getValue());
                renamed |= e.getKey().equals(APPROXIMATE_IN) || vdev && ZPOOL_COLUMNS.containsKey(e.getKey());
            }
            if (renamed) {
                o.removeAll();
                for (Map.Entry<String, JsonNode> e : members) {
                    String k = e.getKey();
                    String out = k.equals(APPROXIMATE_IN) ? APPROXIMATE_OUT : vdev ? ZPOOL_COLUMNS.getOrDefault(k, k) : k;
                    o.set(out, e.getValue());
                }
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(Json::canonical);
        }
        return node;
    }

    /** A CIB {@code <expression>}'s own {@code type} attribute, printed beside the {@code type} discriminator. */
    abstract static class AttributeExpressionMixin {
        @JsonProperty("value_type")
        abstract String type();
    }

    private static ObjectMapper build() {
        SimpleModule m = new SimpleModule("sanctl");
        add(m, Secret.class, (v, gen, p) -> gen.writeString(Secret.MASK));
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Optional<?>> optional = (Class) Optional.class;
        add(m, optional, (v, gen, p) -> p.defaultSerializeValue(v.orElse(null), gen));
        add(m, OptionalInt.class, (v, gen, p) -> p.defaultSerializeValue(v.isPresent() ? v.getAsInt() : null, gen));
        add(m, OptionalLong.class, (v, gen, p) -> p.defaultSerializeValue(v.isPresent() ? v.getAsLong() : null, gen));
        add(m, Duration.class, (v, gen, p) -> gen.writeString(v.toString()));
        add(m, Temporal.class, (v, gen, p) -> gen.writeString(v.toString()));
        add(m, Path.class, (v, gen, p) -> gen.writeString(v.toString()));
        // san-core value types print as the text they parse from (Iqn.parse(iqn.toString()) round-trips)
        for (Class<?> value : List.of(org.sansdk.core.Iqn.class, org.sansdk.core.IpCidr.class,
                org.sansdk.core.ZfsName.class, org.sansdk.core.Wwn.class, org.sansdk.core.Size.class)) {
            addToString(m, value);
        }
        // one key style for every kind, as OpenZFS -j and jc use: snake_case (map keys are data and stay as they are)
        m.setMixInAnnotation(org.sansdk.pacemaker.cib.AttributeExpression.class, AttributeExpressionMixin.class);
        return new ObjectMapper().registerModule(m)
                .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    private static <T> void addToString(SimpleModule module, Class<T> type) {
        add(module, type, (v, gen, p) -> gen.writeString(v.toString()));
    }

    /** Writes one value; the shape of a Jackson serializer without its boilerplate. */
    @FunctionalInterface
    private interface Writer<T> {
        void write(T value, JsonGenerator gen, SerializerProvider provider) throws IOException;
    }

    private static <T> void add(SimpleModule module, Class<T> type, Writer<T> writer) {
        module.addSerializer(type, new JsonSerializer<T>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                writer.write(value, gen, provider);
            }
        });
    }
}
