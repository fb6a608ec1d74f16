package org.sansdk.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test helper: the shipped schema of each kind, compiled once with networknt json-schema-validator (draft
 * 2020-12, JSON-pointer locations), and {@code sanctl parse} run in-process with its stdout read strictly.
 */
final class ContractSchemas {
    /** Output and schemas are read with duplicate-key detection: a key printed twice fails. */
    static final ObjectMapper STRICT = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private ContractSchemas() {
    }

    /** The compiled schema of a kind (from the class path, as the jar ships it). */
    static JsonSchema schema(String kind) {
        return SCHEMAS.computeIfAbsent(kind, k -> {
            try {
                String text = SchemaCommand.schema(k);
                if (text == null) {
                    throw new AssertionError("no schema for kind " + k);
                }
                return FACTORY.getSchema(STRICT.readTree(text), CONFIG);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The schema violations of a document, each as "at POINTER: message" (empty when it conforms). */
    static List<String> errors(String kind, JsonNode json) {
        List<String> out = new ArrayList<>();
        for (ValidationMessage m : schema(kind).validate(json)) {
            String pointer = m.getInstanceLocation().toString();
            out.add("at " + (pointer.isEmpty() ? "(root)" : pointer) + ": " + m.getMessage());
        }
        return out;
    }

    /** {@code sanctl parse KIND FILE} in-process: the exit code, stdout and stderr. */
    record Parsed(int exit, String stdout, String stderr) {
        JsonNode json() throws IOException {
            return STRICT.readTree(stdout);
        }
    }

    static Parsed parse(String kind, String file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = new Sanctl(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of("parse", kind, file));
        return new Parsed(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
