package org.sansdk.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.Temporal;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.sansdk.core.Secret;

/**
 * The JSON mapper sanctl prints with: indented, {@code Optional} as its value or null, secrets as
 * {@code ****}, durations and times as ISO-8601 strings.
 *
 * <pre>{@code String json = Json.mapper().writeValueAsString(model);}</pre>
 */
public final class Json {
    private static final ObjectMapper MAPPER = build();

    private Json() {
    }

    /** The shared, configured mapper (thread-safe for writing). */
    public static ObjectMapper mapper() {
        return MAPPER;
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
        for (Class<?> value : java.util.List.of(org.sansdk.core.Iqn.class, org.sansdk.core.IpCidr.class,
                org.sansdk.core.ZfsName.class, org.sansdk.core.Wwn.class, org.sansdk.core.Size.class)) {
            addToString(m, value);
        }
        // one key style for every kind, as OpenZFS -j and jc use: snake_case (map keys are data and stay as they are)
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
