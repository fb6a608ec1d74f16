package org.sansdk.lio.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON value as Python's {@code json} module sees it, used for keys of a {@code saveconfig.json} that the
 * typed model does not know (kept so a round trip loses nothing) and as the tree that
 * {@code org.sansdk.lio.internal.PythonJsonWriter} prints.
 *
 * <pre>{@code JsonValue v = new JsonValue.JsonString("x");}</pre>
 */
public sealed interface JsonValue {

    /** A JSON object; member order is kept but the writer sorts keys like {@code sort_keys=True}. */
    record JsonObject(Map<String, JsonValue> members) implements JsonValue {
        /** Copies the members (insertion order kept). */
        public JsonObject {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(members, "members")));
        }
    }

    /** A JSON array. */
    record JsonArray(List<JsonValue> items) implements JsonValue {
        /** Copies the items. */
        public JsonArray {
            items = List.copyOf(items);
        }
    }

    /** A JSON string (may hold lone surrogates, as Python allows). */
    record JsonString(String value) implements JsonValue {
        /** Refuses null. */
        public JsonString {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A JSON number kept as Python would print it again: integers normalised ({@code -0} becomes {@code 0}),
     * other numbers as they were written.
     */
    record JsonNumber(String literal) implements JsonValue {
        /** Refuses null. */
        public JsonNumber {
            Objects.requireNonNull(literal, "literal");
        }

        /** An integer value. */
        public static JsonNumber of(long value) {
            return new JsonNumber(Long.toString(value));
        }
    }

    /** {@code true} or {@code false}. */
    record JsonBool(boolean value) implements JsonValue {
    }

    /** {@code null} (Python {@code None}). */
    record JsonNull() implements JsonValue {
        /** The one instance worth using. */
        public static final JsonNull INSTANCE = new JsonNull();
    }
}
