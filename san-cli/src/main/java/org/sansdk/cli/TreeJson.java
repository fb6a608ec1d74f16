package org.sansdk.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a JSON tree with Jackson's streaming generator and its default pretty printer, byte for byte what
 * {@link Json#mapper()} writes for the same tree, without building an {@code ObjectMapper}: setting one up
 * (serializer factories, type introspection) is most of a short {@code sanctl parse} run, and the kinds whose
 * model is already a tree (zpool-*, saveconfig) never need it.
 */
final class TreeJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private TreeJson() {
    }

    /** The tree as indented JSON (no trailing newline), as {@code Json.mapper().writeValueAsString(node)} gives it. */
    static String write(JsonNode node) throws IOException {
        StringWriter w = new StringWriter(4096);
        try (JsonGenerator gen = FACTORY.createGenerator(w)) {
            gen.useDefaultPrettyPrinter();
            write(node, gen);
        }
        return w.toString();
    }

    private static void write(JsonNode n, JsonGenerator gen) throws IOException {
        switch (n.getNodeType()) {
            case OBJECT -> {
                gen.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    gen.writeFieldName(e.getKey());
                    write(e.getValue(), gen);
                }
                gen.writeEndObject();
            }
            case ARRAY -> {
                gen.writeStartArray();
                for (JsonNode item : n) {
                    write(item, gen);
                }
                gen.writeEndArray();
            }
            case STRING -> gen.writeString(n.textValue());
            case BOOLEAN -> gen.writeBoolean(n.booleanValue());
            case NULL, MISSING -> gen.writeNull();
            case NUMBER -> {
                switch (n.numberType()) {
                    case INT -> gen.writeNumber(n.intValue());
                    case LONG -> gen.writeNumber(n.longValue());
                    case BIG_INTEGER -> gen.writeNumber(n.bigIntegerValue());
                    case FLOAT -> gen.writeNumber(n.floatValue());
                    case DOUBLE -> gen.writeNumber(n.doubleValue());
                    default -> gen.writeNumber(n.decimalValue());
                }
            }
            default -> throw new IOException("cannot write a JSON node of type " + n.getNodeType());
        }
    }
}
