package org.sansdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON contract of {@code sanctl parse} (docs/json-contract.md): every recorded capture of every kind
 * ({@link SanctlJarIT#FIXTURES}) is parsed in-process through {@link Sanctl#run} exactly as the command line
 * does, and its stdout is validated with networknt json-schema-validator against the kind's hand-written schema
 * ({@code org/sansdk/cli/schemas/KIND.schema.json}, shipped in the jar). Mutated outputs (a required root key
 * dropped, an unknown key added to the root and to a nested closed object, a root value of another JSON type)
 * must be rejected, so a schema that accepts anything fails here.
 */
class JsonContractTest {
    /** Kinds registered only on the test class path (KeyValueTestParser): not part of the contract. */
    private static final Set<String> TEST_KINDS = Set.of("test-kv");
    private static final Path SCHEMA_DIR = Path.of("src/main/resources/org/sansdk/cli/schemas");
    private static final String SNAKE = "^[a-z][a-z0-9_]*$";
    /** A key no schema declares; snake_case, so only closedness (not propertyNames) can reject it. */
    private static final String PROBE = "sanctl_contract_probe";

    /** Root keys a kind may leave out, with the reason; every other root key must be required. */
    private static final Map<String, Set<String>> OPTIONAL_ROOT = Map.of(
            "zpool-status", Set.of("healthy_pools", "parse_warnings"),   // only for 'zpool status -x' / lenient reads
            "zpool-import", Set.of("parse_warnings"));
    /**
     * Kinds whose outputs hold no nested closed object: the scripted zfs/zpool rows are data maps keyed by
     * column; saveconfig's objects are rtslib's and keep keys sanctl does not model; cmapctl's root is an array
     * of closed rows (probed as the root).
     */
    private static final Set<String> NO_NESTED_CLOSED = Set.of("zpool-list", "zpool-get", "zfs-list", "zfs-get",
            "saveconfig", "cmapctl");
    /** Kinds whose root object is open by design (rtslib keys sanctl does not model are kept as read). */
    private static final Set<String> OPEN_ROOT = Set.of("saveconfig");

    private static final ObjectMapper STRICT = ContractSchemas.STRICT;
    private static final JsonSchemaFactory FACTORY = ContractSchemas.FACTORY;
    private static final SchemaValidatorsConfig CONFIG = ContractSchemas.CONFIG;

    record Output(String kind, String file, JsonNode json) {
        String name() {
            return kind + " " + Path.of(file).getFileName();
        }
    }

    private static final List<Output> OUTPUTS = new ArrayList<>();
    private static final Map<String, Integer> REFUSED = new TreeMap<>();

    @BeforeAll
    static void parseEveryCapture() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Sanctl sanctl = new Sanctl(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        for (Map.Entry<String, List<String>> e : SanctlJarIT.FIXTURES.entrySet()) {
            assertThat(SchemaCommand.schema(e.getKey())).as("schema of " + e.getKey()).isNotNull();
            for (String entry : e.getValue()) {
                for (String f : SanctlJarIT.files(entry)) {
                    out.reset();
                    err.reset();
                    int rc = sanctl.run(List.of("parse", e.getKey(), f));
                    if (rc != Sanctl.OK) {
                        // a capture of another kind in a shared directory: refused with a location, no JSON
                        assertThat(rc).as(f + "\n" + err).isEqualTo(Sanctl.FAILED);
                        assertThat(out.size()).as("no stdout for a refused " + f).isZero();
                        REFUSED.merge(e.getKey(), 1, Integer::sum);
                        continue;
                    }
                    // strict: a key printed twice in one object (readers keep only one of them) fails here
                    OUTPUTS.add(new Output(e.getKey(), f, STRICT.readTree(out.toString(StandardCharsets.UTF_8))));
                }
            }
        }
    }

    private static List<String> errors(String kind, JsonNode json) {
        return ContractSchemas.errors(kind, json);
    }

    @Test
    void everyCaptureOfEveryKind_validatesAgainstItsSchema() {
        List<String> failures = new ArrayList<>();
        Map<String, Integer> perKind = new TreeMap<>();
        for (Output o : OUTPUTS) {
            perKind.merge(o.kind(), 1, Integer::sum);
            for (String e : errors(o.kind(), o.json())) {
                failures.add(o.file() + " " + e);
            }
        }
        assertThat(failures).as("schema violations (file, JSON pointer, message)").isEmpty();
        // every kind was exercised by at least one accepted capture
        assertThat(perKind.keySet()).containsExactlyInAnyOrderElementsOf(SanctlJarIT.FIXTURES.keySet());
        assertThat(OUTPUTS.size()).as("validated outputs; refused per kind: " + REFUSED).isGreaterThanOrEqualTo(150);
    }

    /** The object a root-level mutation edits: the root, or the first row when the root is an array. */
    private static ObjectNode rootObject(JsonNode doc) {
        if (doc.isArray()) {
            return doc.isEmpty() ? null : (ObjectNode) doc.get(0);
        }
        return (ObjectNode) doc;
    }

    private static JsonNode otherType(JsonNode v) {
        if (v.isTextual()) {
            return IntNode.valueOf(7);
        } else if (v.isNumber()) {
            return TextNode.valueOf(v.asText());
        } else if (v.isBoolean()) {
            return TextNode.valueOf(v.asText());
        } else if (v.isNull()) {
            return BooleanNode.TRUE;
        } else if (v.isArray()) {
            return TextNode.valueOf("[]");
        }
        return TextNode.valueOf("{}");
    }

    /** Nested objects (below the root object), depth first, as JSON pointers. */
    private static void nestedObjects(JsonNode node, String pointer, boolean isRoot, List<String> out) {
        if (node.isObject()) {
            if (!isRoot) {
                out.add(pointer);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                nestedObjects(e.getValue(), pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), false, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                nestedObjects(node.get(i), pointer + "/" + i, false, out);
            }
        }
    }

    @Test
    void mutatedOutputs_areRejected() {
        List<String> accepted = new ArrayList<>();
        int mutations = 0;
        for (Output o : OUTPUTS) {
            ObjectNode root = rootObject(o.json());
            if (root == null) {
                continue;   // an empty cmapctl listing: nothing to mutate
            }
            String where = o.json().isArray() ? "/0" : "";
            Set<String> optional = OPTIONAL_ROOT.getOrDefault(o.kind(), Set.of());
            List<String> keys = new ArrayList<>();
            root.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                if (!optional.contains(k)) {
                    JsonNode doc = o.json().deepCopy();
                    rootObject(doc).remove(k);
                    mutations++;
                    if (errors(o.kind(), doc).isEmpty()) {
                        accepted.add(o.name() + ": dropped required key " + where + "/" + k);
                    }
                }
                JsonNode doc = o.json().deepCopy();
                rootObject(doc).set(k, otherType(root.get(k)));
                mutations++;
                if (errors(o.kind(), doc).isEmpty()) {
                    accepted.add(o.name() + ": " + where + "/" + k + " of another type (" + root.get(k).getNodeType() + " -> "
                            + otherType(root.get(k)).getNodeType() + ")");
                }
            }
            if (!OPEN_ROOT.contains(o.kind())) {
                JsonNode doc = o.json().deepCopy();
                rootObject(doc).put(PROBE, "x");
                mutations++;
                if (errors(o.kind(), doc).isEmpty()) {
                    accepted.add(o.name() + ": unknown key in the root object " + where);
                }
            }
            boolean recordShape = o.kind().equals("iscsiadm-node") && root.has("settings");  // settings is a data map
            if (!NO_NESTED_CLOSED.contains(o.kind()) && !recordShape) {
                List<String> nested = new ArrayList<>();
                nestedObjects(o.json(), "", true, nested);
                boolean rejected = nested.isEmpty();   // e.g. 'No active sessions': nothing nested to probe
                for (String p : nested) {
                    JsonNode doc = o.json().deepCopy();
                    ((ObjectNode) doc.at(p)).put(PROBE, "x");
                    mutations++;
                    if (!errors(o.kind(), doc).isEmpty()) {
                        rejected = true;
                        break;
                    }
                }
                if (!rejected) {
                    accepted.add(o.name() + ": unknown key accepted in every nested object " + nested);
                }
            }
        }
        assertThat(accepted).as("mutated outputs the schemas accepted").isEmpty();
        assertThat(mutations).as("mutations tried").isGreaterThan(OUTPUTS.size() * 3);
    }

    @Test
    void aSchemaThatAcceptsAnything_wouldFailTheMutations() throws IOException {
        // the mutation check itself: against {} every mutation above is accepted
        JsonSchema anything = FACTORY.getSchema(STRICT.readTree("{\"$schema\":\"" + SchemaId.V202012 + "\"}"), CONFIG);
        Output o = OUTPUTS.stream().filter(x -> x.kind().equals("corosync-conf")).findFirst().orElseThrow();
        JsonNode doc = o.json().deepCopy();
        ((ObjectNode) doc).remove("timing");
        assertThat(anything.validate(doc)).isEmpty();
        assertThat(errors("corosync-conf", doc)).anySatisfy(e -> assertThat(e).contains("timing"));
    }

    @Test
    void everySchema_isValidAgainstTheDraft202012MetaSchema() throws IOException {
        JsonSchema meta = FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012), CONFIG);
        for (String kind : schemaFiles()) {
            JsonNode schema = STRICT.readTree(SchemaCommand.schema(kind));
            assertThat(meta.validate(schema)).as(kind).isEmpty();
            assertThat(schema.path("$schema").asText()).as(kind).isEqualTo(SchemaId.V202012);
            assertThat(schema.path("$id").asText()).as(kind).isEqualTo("urn:sansdk:sanctl:schema:" + kind);
        }
        // the meta-schema is really applied: a schema with "type": 7 is refused
        assertThat(meta.validate(STRICT.readTree("{\"type\": 7}"))).isNotEmpty();
    }

    private static TreeSet<String> schemaFiles() throws IOException {
        try (Stream<Path> s = Files.list(SCHEMA_DIR)) {
            TreeSet<String> out = new TreeSet<>();
            s.map(p -> p.getFileName().toString()).forEach(n -> {
                assertThat(n).as("only KIND.schema.json files in " + SCHEMA_DIR).endsWith(".schema.json");
                out.add(n.substring(0, n.length() - ".schema.json".length()));
            });
            return out;
        }
    }

    @Test
    void everyKindSanctlOffers_hasASchema_andEverySchemaAKind() throws IOException {
        Sanctl sanctl = new Sanctl(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        TreeSet<String> offered = new TreeSet<>(sanctl.kinds());
        offered.removeAll(TEST_KINDS);
        assertThat(schemaFiles()).containsExactlyElementsOf(offered);
        assertThat(offered).containsExactlyInAnyOrderElementsOf(SanctlJarIT.FIXTURES.keySet());
        assertThat(offered).hasSize(18);
    }

    private static void declaredProperties(JsonNode node, String pointer, Map<String, String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("properties") && e.getValue().isObject()) {
                    e.getValue().fieldNames().forEachRemaining(n -> out.put(pointer + "/properties/" + n, n));
                }
                declaredProperties(e.getValue(), pointer + "/" + e.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                declaredProperties(node.get(i), pointer + "/" + i, out);
            }
        }
    }

    @Test
    void everyPropertyDeclaredInAnySchema_isSnakeCase() throws IOException {
        Map<String, String> all = new LinkedHashMap<>();
        for (String kind : schemaFiles()) {
            declaredProperties(STRICT.readTree(SchemaCommand.schema(kind)), kind, all);
        }
        assertThat(all).hasSizeGreaterThan(300);
        List<String> bad = all.entrySet().stream().filter(e -> !e.getValue().matches(SNAKE)).map(Map.Entry::getKey).toList();
        assertThat(bad).isEmpty();
    }

    @Test
    void schemaCommand_printsTheShippedSchema_listsTheKinds_andRefusesUnknownKinds() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Sanctl sanctl = new Sanctl(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(sanctl.run(List.of("schema", "cib"))).isEqualTo(Sanctl.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(Files.readString(SCHEMA_DIR.resolve("cib.schema.json")));
        out.reset();
        assertThat(sanctl.run(List.of("schema", "--list"))).isEqualTo(Sanctl.OK);
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).containsExactlyElementsOf(schemaFiles());
        assertThat(sanctl.run(List.of("schema", "no-such-kind"))).isEqualTo(Sanctl.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown kind 'no-such-kind'");
        // a kind sanctl offers without a schema (the test-only kind) is a failure, not silence
        assertThat(sanctl.run(List.of("schema", "test-kv"))).isEqualTo(Sanctl.FAILED);
        assertThat(sanctl.run(List.of("schema"))).isEqualTo(Sanctl.USAGE);
        out.reset();
        assertThat(sanctl.run(List.of("schema", "--help"))).isEqualTo(Sanctl.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: sanctl schema").contains("--list");
    }

    @Test
    void cibExpressionType_printsAsValueType_besideTheTypeDiscriminator() {
        // san-pacemaker corpus: a location rule '<expression attribute="#uname" operation="eq" value="cluster02"/>'
        Output o = OUTPUTS.stream().filter(x -> x.kind().equals("cib") && x.file().endsWith("pcmk-cli-crm_mon.xml"))
                .findFirst().orElseThrow();
        JsonNode expr = null;
        for (JsonNode c : o.json().at("/configuration/constraints")) {
            for (JsonNode r : c.path("rules")) {
                for (JsonNode x : r.path("expressions")) {
                    if (x.path("attribute").asText().equals("#uname")) {
                        expr = x;
                    }
                }
            }
        }
        assertThat(expr).isNotNull();
        assertThat(expr.get("type").asText()).isEqualTo("expression");
        assertThat(expr.has("value_type")).isTrue();
        assertThat(expr.get("value").asText()).isEqualTo("cluster02");
    }

    @Test
    void zpoolStatusExtraColumns_printUnderOpenZfsJsonKeys_andRoundedValuesUnderApproximateKeys(@TempDir Path dir) throws IOException {
        // the SLOW column of 'zpool status -s' after the counters: '-' on the root, a count on the leaf
        Path f = dir.resolve("slow.txt");
        Files.writeString(f, "  pool: tank\n state: ONLINE\nconfig:\n\n\tNAME        STATE     READ WRITE CKSUM  SLOW\n"
                + "\ttank        ONLINE       0     0     0     -\n\t  sda       ONLINE       0     0     0     3\n\n"
                + "errors: No known data errors\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Sanctl sanctl = new Sanctl(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(sanctl.run(List.of("parse", "zpool-status", f.toString()))).isEqualTo(Sanctl.OK);
        JsonNode json = STRICT.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.at("/pools/tank/vdevs/tank/vdevs/sda/slow_ios").asText()).isEqualTo("3");
        assertThat(json.at("/pools/tank/vdevs/tank/slow_ios").asText()).isEqualTo("-");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("\"SLOW\"");
        assertThat(errors("zpool-status", json)).isEmpty();
        // corpus: a resilver printed with rounded figures lists them under approximate_keys, never _approximate
        List<Output> zfs = OUTPUTS.stream().filter(x -> x.kind().startsWith("zpool-")).toList();
        assertThat(zfs).anySatisfy(x -> assertThat(x.json().toString()).contains("\"approximate_keys\":["));
        assertThat(zfs).noneSatisfy(x -> assertThat(x.json().toString()).contains("_approximate"));
    }

    @Test
    void answersNoRecordedCaptureHas_conformToo(@TempDir Path dir) throws IOException {
        // one-line answers printed by zpool_main.c (status -x, import) and a scripted capture cut before its newline
        record Case(String kind, String text, String pointer, String expected) {
        }
        List<Case> cases = List.of(
                new Case("zpool-status", "all pools are healthy\n", "/result", "all_pools_healthy"),
                new Case("zpool-status", "pool 'tank' is healthy\npool 'backup' is healthy\n", "/healthy_pools/1", "backup"),
                new Case("zpool-import", "no pools available to import\n", "/result", "no_pools_available_to_import"),
                new Case("zfs-get", "tank\tcompression\tlz4\tlocal", "/complete", "false"));
        int i = 0;
        for (Case c : cases) {
            Path f = dir.resolve("case" + i++ + ".txt");
            Files.writeString(f, c.text());
            ContractSchemas.Parsed p = ContractSchemas.parse(c.kind(), f.toString());
            assertThat(p.exit()).as(c.text() + p.stderr()).isZero();
            JsonNode json = p.json();
            assertThat(json.at(c.pointer()).asText()).as(c.text()).isEqualTo(c.expected());
            assertThat(errors(c.kind(), json)).as(c.text()).isEmpty();
            if (c.kind().equals("zfs-get")) {
                // incomplete is required exactly when complete is false
                ((ObjectNode) json).remove("incomplete");
                assertThat(errors(c.kind(), json)).isNotEmpty();
            }
        }
    }

    @Test
    void outputsAreStable_aKeyOfAClosedObjectIsThereInEveryOutputOfItsKind() {
        // cross-check of 'required': the root keys seen per kind are the same in every output, but for the
        // documented optional ones and the per-shape roots (cfgtool -s/-n, quorumtool -s/-l, iscsiadm lists/trees/records)
        Map<String, Set<Set<String>>> shapes = new TreeMap<>();
        for (Output o : OUTPUTS) {
            ObjectNode root = rootObject(o.json());
            if (root == null) {
                continue;
            }
            Set<String> keys = new TreeSet<>();
            root.fieldNames().forEachRemaining(keys::add);
            keys.removeAll(OPTIONAL_ROOT.getOrDefault(o.kind(), Set.of()));
            keys.remove("incomplete");   // scripted zfs kinds: present exactly when complete is false
            shapes.computeIfAbsent(o.kind(), k -> new java.util.HashSet<>()).add(keys);
        }
        Map<String, Integer> allowed = Map.of("quorumtool", 2, "cfgtool", 2, "iscsiadm-session", 2, "iscsiadm-node", 2);
        for (Map.Entry<String, Set<Set<String>>> e : shapes.entrySet()) {
            assertThat(e.getValue().size()).as(e.getKey() + " root key sets " + e.getValue())
                    .isLessThanOrEqualTo(allowed.getOrDefault(e.getKey(), 1));
        }
    }
}
