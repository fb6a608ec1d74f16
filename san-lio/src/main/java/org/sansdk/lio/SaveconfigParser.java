package org.sansdk.lio;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sansdk.core.ParseException;
import org.sansdk.core.Secret;
import org.sansdk.lio.json.JsonValue;

/**
 * Reads {@code saveconfig.json} (targetcli {@code saveconfig}, rtslib {@code RTSRoot.save_to_file}) into a
 * {@link LioConfig}. Streaming (Jackson core) so a 4,096-LUN file parses in a few milliseconds; every
 * structural or type error is a {@link ParseException} with line, column and the offending line. Keys the
 * model does not know are kept in {@code extra()} for the round trip and reported by {@link LioValidator}.
 * <p>Stricter than rtslib's {@code json.loads} where that would lose data silently: a key twice in one JSON object
 * (Python keeps the last), and the same object twice (two storage objects with one plugin/name, two targets with
 * one fabric/wwn, two TPGs with one tag, two LUNs with one index in a TPG, two portals with one address and port,
 * two ACLs for one initiator, two mapped LUNs with one index in an ACL, two fabric modules or ALUA groups with one
 * name) are refused at the second one's line, naming the first. So are empty input, input that is not a
 * {@code saveconfig.json} (a CIB, {@code zpool status -j} output, ... named in the error), and anything after the
 * top-level object.
 *
 * <pre>{@code LioConfig cfg = SaveconfigParser.parse("/etc/rtslib-fb-target/saveconfig.json", Files.readAllBytes(p));}</pre>
 */
public final class SaveconfigParser {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** What every saveconfig.json is: rtslib always writes these three keys. */
    private static final String EXPECTED_KIND =
            "a saveconfig.json object ({\"fabric_modules\": [...], \"storage_objects\": [...], \"targets\": [...]})";

    private final JsonParser p;
    private final String source;
    private final String text;

    private SaveconfigParser(String source, String text) throws IOException {
        this.source = source;
        this.text = text;
        this.p = FACTORY.createParser(text);
    }

    /** Parses the file text. {@code SaveconfigParser.parse("saveconfig.json", text)} */
    public static LioConfig parse(String source, String text) {
        return parseDocument(source, text).config();
    }

    /**
     * Parses the file's bytes, decoded strictly as UTF-8 (a bad byte is a ParseException on its line).
     * {@code SaveconfigParser.parse("saveconfig.json", Files.readAllBytes(p))}
     */
    public static LioConfig parse(String source, byte[] bytes) {
        return parseDocument(source, bytes).config();
    }

    /** {@link #parseDocument(String, String)} of bytes decoded strictly as UTF-8. {@code SaveconfigParser.parseDocument(name, bytes)} */
    public static ParsedSaveconfig parseDocument(String source, byte[] bytes) {
        return parseDocument(source, decode(source, bytes));
    }

    /** Strict UTF-8 with password lines masked in the error. */
    static String decode(String source, byte[] bytes) {
        return ParseException.decodeUtf8(source, bytes);
    }

    /** Parses the file text and remembers its layout for a byte-exact write-back. {@code SaveconfigParser.parseDocument(name, text)} */
    public static ParsedSaveconfig parseDocument(String source, String text) {
        if (text == null || text.isBlank()) {
            throw new ParseException(source, 1, 1, "", EXPECTED_KIND + "; the input is "
                    + (text == null || text.isEmpty() ? "empty" : "only whitespace"));
        }
        checkKind(source, text);
        checkUnicode(source, text);
        try {
            SaveconfigParser parser = new SaveconfigParser(source, text);
            LioConfig config = parser.root();
            return new ParsedSaveconfig(config, SaveconfigFormat.detect(text));
        } catch (IOException e) {
            // Jackson reports the location of the problem; keep it
            JsonLocation loc = e instanceof JsonProcessingException jpe && jpe.getLocation() != null
                    ? jpe.getLocation() : JsonLocation.NA;
            int line = Math.max(loc.getLineNr(), 0);
            String offending = ParseException.lineOf(text, line);
            String shown = redactAt(text, line);
            boolean secretLine = !shown.equals(offending);
            String m = shortMessage(e);
            if (m.startsWith("Duplicate field '")) {
                // a key name (never a value): say it; Python's json.loads would keep the last one silently
                throw new ParseException(source, line, Math.max(loc.getColumnNr(), 0), shown,
                        "each key once per JSON object (" + m.substring("Duplicate field ".length())
                                + " appears twice; rtslib would silently keep the last)");
            }
            if (m.startsWith("Unexpected end-of-input")) {
                throw new ParseException(source, line, Math.max(loc.getColumnNr(), 0), shown,
                        "the rest of the JSON document (the input ends inside it: truncated?)");
            }
            // Jackson's message quotes the bad token, which may be part of a password: drop it then
            throw new ParseException(source, line, Math.max(loc.getColumnNr(), 0), shown,
                    "well-formed JSON" + (secretLine ? "" : " (" + m + ")"), secretLine ? null : e);
        }
    }

    /**
     * Refuses, before parsing, text that is not a JSON object, naming what it looks like (a CIB, crm_mon XML,
     * {@code zpool status} or {@code targetcli ls} text, a JSON array).
     */
    private static void checkKind(String source, String text) {
        int i = 0;
        int line = 1;
        int lineStart = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
            i++;
        }
        char c = text.charAt(i);
        if (c == '{') {
            return;
        }
        String looks;
        String rest = text.substring(i, Math.min(text.length(), i + 4096));
        if (c == '<') {
            looks = rest.contains("<cib") ? "a Pacemaker CIB (XML)"
                    : rest.contains("<crm_mon") || rest.contains("<pacemaker-result") ? "crm_mon XML output" : "XML";
        } else if (c == '[') {
            looks = "a JSON array";
        } else if (rest.matches("(?s)pool: .*") || rest.contains("\n state: ") || rest.contains("\n config:")) {
            looks = "zpool status text";
        } else if (rest.startsWith("o- ")) {
            looks = "targetcli ls output";
        } else {
            looks = "text, not JSON";
        }
        throw new ParseException(source, line, i - lineStart + 1, redactAt(text, line),
                EXPECTED_KIND + "; this looks like " + looks);
    }

    /**
     * Refuses an unpaired surrogate char: no file holds one (UTF-8 cannot encode it), only a String built in Java
     * can, and it would be written back as a backslash-u escape that JSON readers refuse in a key.
     */
    private static void checkUnicode(String source, String text) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new ParseException(source, line, i - lineStart + 1, redactAt(text, line), String.format(
                        "Unicode text (line %d: an unpaired surrogate U+%04X is not a character)", line, (int) c));
            }
        }
    }

    /** Top-level keys of other tools' JSON output, and what they mean. */
    private static String foreignKind(String key) {
        return switch (key) {
            case "output_version", "pools" -> "zpool/zfs -j JSON output (OpenZFS)";
            case "datasets" -> "zfs list/get -j JSON output (OpenZFS)";
            case "hosts", "ports", "subsystems" -> "an nvmetcli saveconfig (NVMe target, not LIO SCSI)";
            default -> null;
        };
    }

    private static String shortMessage(IOException e) {
        String m = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl >= 0 ? m.substring(0, nl) : m;
    }

    // ---------------------------------------------------------------- structure

    private LioConfig root() throws IOException {
        expectStart(next(), JsonToken.START_OBJECT, "a JSON object at the top level");
        JsonLocation start = p.currentTokenLocation();
        List<FabricModule> fabrics = List.of();
        List<StorageObject> sos = List.of();
        List<Target> targets = List.of();
        Map<String, JsonValue> extra = new LinkedHashMap<>();
        boolean known = false;
        while (nextField()) {
            String key = p.currentName();
            if (!known && foreignKind(key) != null) {
                throw error(EXPECTED_KIND + "; this looks like " + foreignKind(key) + " (top-level key \"" + key + "\")");
            }
            JsonToken t = next();
            switch (key) {
                case "fabric_modules" -> fabrics = readUnique(t, "fabric_modules", this::fabricModule,
                        f -> f.name(), "fabric module");
                case "storage_objects" -> sos = readUnique(t, "storage_objects", this::storageObject,
                        so -> so.path().substring("/backstores/".length()), "storage object");
                case "targets" -> targets = readUnique(t, "targets", this::target,
                        x -> x.wwn() + " on fabric " + x.fabric(), "target");
                default -> extra.put(key, any(t));
            }
            known |= key.equals("fabric_modules") || key.equals("storage_objects") || key.equals("targets");
        }
        if (!known) {
            throw errorAt(start, EXPECTED_KIND + "; this JSON object has none of these keys"
                    + (extra.isEmpty() ? " (it is empty)" : " (its keys: " + String.join(", ", extra.keySet()) + ")"));
        }
        JsonToken trailing = next();
        if (trailing != null) {
            throw error("end of input after the top-level object");
        }
        return new LioConfig(fabrics, sos, targets, extra);
    }

    private FabricModule fabricModule(JsonToken t) throws IOException {
        expectStart(t, JsonToken.START_OBJECT, "a fabric module object");
        JsonLocation start = p.currentTokenLocation();
        String name = null;
        Optional<Boolean> enable = Optional.empty();
        ChapBuilder chap = new ChapBuilder();
        Map<String, JsonValue> extra = new LinkedHashMap<>();
        while (nextField()) {
            String key = p.currentName();
            JsonToken v = next();
            switch (key) {
                case "name" -> name = string(v, "fabric module name");
                case "discovery_enable_auth" -> {
                    if (v == JsonToken.VALUE_NULL) {
                        extra.put(key, JsonValue.JsonNull.INSTANCE);
                    } else {
                        enable = Optional.of(bool(v, "discovery_enable_auth true/false"));
                    }
                }
                case "discovery_userid" -> chap.userid = string(v, "discovery_userid string");
                case "discovery_password" -> chap.password = string(v, "discovery_password string");
                case "discovery_mutual_userid" -> chap.mutualUserid = string(v, "discovery_mutual_userid string");
                case "discovery_mutual_password" -> chap.mutualPassword = string(v, "discovery_mutual_password string");
                default -> extra.put(key, any(v));
            }
        }
        if (name == null) {
            throw errorAt(start, "a \"name\" in every fabric module");
        }
        return new FabricModule(name, enable, chap.build(), extra);
    }

    private StorageObject storageObject(JsonToken t) throws IOException {
        expectStart(t, JsonToken.START_OBJECT, "a storage object");
        JsonLocation start = p.currentTokenLocation();
        Map<String, JsonValue> raw = new LinkedHashMap<>();
        Map<String, JsonLocation> where = new LinkedHashMap<>();
        Map<String, Long> attributes = Map.of();
        Optional<List<AluaGroup>> alua = Optional.empty();
        while (nextField()) {
            String key = p.currentName();
            JsonToken v = next();
            switch (key) {
                case "attributes" -> attributes = intMap(v, "storage object attributes");
                case "alua_tpgs" -> alua = Optional.of(readUnique(v, "alua_tpgs", this::aluaGroup,
                        AluaGroup::name, "ALUA group"));
                default -> {
                    where.put(key, p.currentTokenLocation());
                    raw.put(key, any(v));
                }
            }
        }
        String plugin = requiredString(raw, where, start, "plugin", "a \"plugin\" string in every storage object");
        String name = requiredString(raw, where, start, "name", "a \"name\" string in every storage object");
        SoFields f = new SoFields(raw, where, start);
        return switch (plugin) {
            case "block" -> new BlockStorageObject(name, f.reqString("dev"), f.optString("wwn"),
                    f.optBool("readonly"), f.optBool("write_back"), attributes, alua, f.rest(SaveconfigKeys.BLOCK));
            case "fileio" -> new FileioStorageObject(name, f.reqString("dev"), f.optString("wwn"), f.optLong("size"),
                    f.optBool("write_back"), f.optBool("aio"), attributes, alua, f.rest(SaveconfigKeys.FILEIO));
            case "ramdisk" -> new RamdiskStorageObject(name, f.optLong("size"), f.optBool("nullio"),
                    f.optString("wwn"), attributes, alua, f.rest(SaveconfigKeys.RAMDISK));
            case "pscsi" -> new PscsiStorageObject(name, f.reqString("dev"), attributes, alua,
                    f.rest(SaveconfigKeys.PSCSI));
            case "user" -> new UserStorageObject(name, f.reqString("config"), f.optLong("size"), f.optString("wwn"),
                    f.optLong("hw_max_sectors"), f.optString("control"), attributes, alua,
                    f.rest(SaveconfigKeys.USER));
            default -> throw errorAt(where.get("plugin"), "plugin block, fileio, ramdisk, pscsi or user");
        };
    }

    private AluaGroup aluaGroup(JsonToken t) throws IOException {
        expectStart(t, JsonToken.START_OBJECT, "an ALUA group object");
        JsonLocation start = p.currentTokenLocation();
        String name = null;
        Long id = null;
        Map<String, Long> settings = new LinkedHashMap<>();
        Map<String, JsonValue> extra = new LinkedHashMap<>();
        while (nextField()) {
            String key = p.currentName();
            JsonToken v = next();
            if (key.equals("name")) {
                name = string(v, "ALUA group name");
            } else if (key.equals("tg_pt_gp_id")) {
                id = integer(v, "tg_pt_gp_id integer");
            } else if (v == JsonToken.VALUE_NUMBER_INT) {
                settings.put(key, integer(v, key + " integer"));
            } else {
                extra.put(key, any(v));
            }
        }
        if (name == null || id == null) {
            throw errorAt(start, "\"name\" and \"tg_pt_gp_id\" in every ALUA group");
        }
        return new AluaGroup(name, id, settings, extra);
    }

    private Target target(JsonToken t) throws IOException {
        expectStart(t, JsonToken.START_OBJECT, "a target object");
        JsonLocation start = p.currentTokenLocation();
        String wwn = null;
        String fabric = null;
        List<Tpg> tpgs = List.of();
        Map<String, Long> attributes = Map.of();
        Map<String, String> parameters = Map.of();
        Map<String, JsonValue> extra = new LinkedHashMap<>();
        while (nextField()) {
            String key = p.currentName();
            JsonToken v = next();
            switch (key) {
                case "wwn" -> wwn = string(v, "target wwn string");
                case "fabric" -> fabric = string(v, "target fabric string");
                case "tpgs" -> tpgs = readUnique(v, "tpgs", this::tpg, x -> "tag " + x.tag(), "TPG");
                case "attributes" -> attributes = intMap(v, "target attributes");
                case "parameters" -> parameters = stringMap(v, "target parameters");
                default -> extra.put(key, any(v));
            }
        }
        if (wwn == null || fabric == null) {
            throw errorAt(start, "\"wwn\" and \"fabric\" in every target");
        }
        return new Target(wwn, fabric, tpgs, attributes, parameters, extra);
    }

    private Tpg tpg(JsonToken t) throws IOException {
        expectStart(t, JsonToken.START_OBJECT, "a TPG object");
        JsonLocation start = p.currentTokenLocation();
        Integer tag = null;
        boolean enable = true;
        Map<String, Long> attributes = Map.of();
        Map<String, String> parameters = Map.of();
        List<Lun> luns = List.of();
        List<Portal> portals = List.of();
        List<NodeAcl> acls = List.of();
        ChapBuilder chap = new ChapBuilder();
        Map<String, JsonValue> extra = new LinkedHashMap<>();
        while (nextField()) {
            String key = p.currentName();
            JsonToken v = next();
            switch (key) {
                case "tag" -> tag = intIn(v, "TPG tag", 0, Integer.MAX_VALUE);
                case "enable" -> enable = bool(v, "TPG enable true/false");
                case "attributes" -> attributes = intMap(v, "TPG attributes");
                case "parameters" -> parameters = stringMap(v, "TPG parameters");
                case "luns" -> luns = readUnique(v, "luns", this::lun, x -> "index " + x.index(), "LUN");
                case "portals" -> portals = readUnique(v, "portals", this::portal,
                        x -> x.ipAddress() + ":" + x.port(), "portal");
                case "node_acls" -> acls = readUnique(v, "node_acls", this::nodeAcl, NodeAcl::nodeWwn, "node ACL");
                case "chap_userid" -> chap.userid = string(v, "chap_userid string");
                case "chap_password" -> chap.password = string(v, "chap_password string");
                case "chap_mutual_userid" -> chap.mutualUserid = string(v, "chap_mutual_userid string");
                case "chap_mutual_password" -> chap.mutualPassword = string(v, "chap_mutual_password string");
                default -> extra.put(key, any(v));
            }
        }
        if (tag == null) {
            throw errorAt(start, "a \"tag\" in every TPG");
        }
        return new Tpg(tag, enable, attributes, parameters, luns, portals, acls, chap.build(), extra);
    }

    private Lun lun(JsonToken t) throws IOException {
        expectStart(t, JsonToken.START_OBJECT, "a LUN object");
        JsonLocation start = p.currentTokenLocation();
        Integer index = null;
        String so = null;
        Optional<String> alias = Optional.empty();
        Optional<String> alua = Optional.empty();
        Map<String, JsonValue> extra = new LinkedHashMap<>();
        while (nextField()) {
            String key = p.currentName();
            JsonToken v = next();
            if (v == JsonToken.VALUE_NULL && (key.equals("alias") || key.equals("alua_tg_pt_gp_name"))) {
                // rtslib dumps None for alua_tg_pt_gp_name on pass-through backstores
                extra.put(key, JsonValue.JsonNull.INSTANCE);
                continue;
            }
            switch (key) {
                case "index" -> index = intIn(v, "LUN index 0..65535", 0, Integer.MAX_VALUE);
                case "storage_object" -> so = string(v, "storage_object path string");
                case "alias" -> alias = Optional.of(string(v, "LUN alias string"));
                case "alua_tg_pt_gp_name" -> alua = Optional.of(string(v, "alua_tg_pt_gp_name string"));
                default -> extra.put(key, any(v));
            }
        }
        if (index == null || so == null) {
            throw errorAt(start, "\"index\" and \"storage_object\" in every LUN");
        }
        return new Lun(index, so, alias, alua, extra);
    }

    private Portal portal(JsonToken t) throws IOException {
        expectStart(t, JsonToken.START_OBJECT, "a portal object");
        JsonLocation start = p.currentTokenLocation();
        String ip = null;
        Integer port = null;
        Optional<Boolean> iser = Optional.empty();
        Optional<Boolean> offload = Optional.empty();
        Map<String, JsonValue> extra = new LinkedHashMap<>();
        while (nextField()) {
            String key = p.currentName();
            JsonToken v = next();
            switch (key) {
                case "ip_address" -> ip = string(v, "portal ip_address string");
                case "port" -> port = intIn(v, "portal port integer", Integer.MIN_VALUE, Integer.MAX_VALUE);
                case "iser" -> iser = Optional.of(bool(v, "iser true/false"));
                case "offload" -> offload = Optional.of(bool(v, "offload true/false"));
                default -> extra.put(key, any(v));
            }
        }
        if (ip == null || port == null) {
            throw errorAt(start, "\"ip_address\" and \"port\" in every portal");
        }
        return new Portal(ip, port, iser, offload, extra);
    }

    private NodeAcl nodeAcl(JsonToken t) throws IOException {
        expectStart(t, JsonToken.START_OBJECT, "a node ACL object");
        JsonLocation start = p.currentTokenLocation();
        String wwn = null;
        Map<String, Long> attributes = Map.of();
        List<MappedLun> mapped = List.of();
        Optional<String> tag = Optional.empty();
        ChapBuilder chap = new ChapBuilder();
        Map<String, JsonValue> extra = new LinkedHashMap<>();
        while (nextField()) {
            String key = p.currentName();
            JsonToken v = next();
            switch (key) {
                case "node_wwn" -> wwn = string(v, "node_wwn string");
                case "attributes" -> attributes = intMap(v, "node ACL attributes");
                case "mapped_luns" -> mapped = readUnique(v, "mapped_luns", this::mappedLun,
                        x -> "index " + x.index(), "mapped LUN");
                case "tag" -> tag = Optional.of(string(v, "ACL tag string"));
                case "chap_userid" -> chap.userid = string(v, "chap_userid string");
                case "chap_password" -> chap.password = string(v, "chap_password string");
                case "chap_mutual_userid" -> chap.mutualUserid = string(v, "chap_mutual_userid string");
                case "chap_mutual_password" -> chap.mutualPassword = string(v, "chap_mutual_password string");
                default -> extra.put(key, any(v));
            }
        }
        if (wwn == null) {
            throw errorAt(start, "a \"node_wwn\" in every node ACL");
        }
        return new NodeAcl(wwn, attributes, mapped, chap.build(), tag, extra);
    }

    private MappedLun mappedLun(JsonToken t) throws IOException {
        expectStart(t, JsonToken.START_OBJECT, "a mapped LUN object");
        JsonLocation start = p.currentTokenLocation();
        Integer index = null;
        Integer tpgLun = null;
        boolean wp = false;
        Optional<String> alias = Optional.empty();
        Map<String, JsonValue> extra = new LinkedHashMap<>();
        while (nextField()) {
            String key = p.currentName();
            JsonToken v = next();
            switch (key) {
                case "index" -> index = intIn(v, "mapped LUN index", 0, Integer.MAX_VALUE);
                case "tpg_lun" -> tpgLun = intIn(v, "tpg_lun index", 0, Integer.MAX_VALUE);
                case "write_protect" -> wp = bool(v, "write_protect true/false");
                case "alias" -> alias = Optional.of(string(v, "mapped LUN alias string"));
                default -> extra.put(key, any(v));
            }
        }
        if (index == null || tpgLun == null) {
            throw errorAt(start, "\"index\" and \"tpg_lun\" in every mapped LUN");
        }
        return new MappedLun(index, tpgLun, wp, alias, extra);
    }

    // ---------------------------------------------------------------- helpers

    @FunctionalInterface
    private interface ElementReader<T> {
        T read(JsonToken first) throws IOException;
    }

    /**
     * A JSON array of objects, refusing a second element with the same identity (rtslib would fail to create it on
     * restore, and a map keyed by it would silently keep one): the error is at the second one's start and names
     * the line of the first.
     */
    private <T> List<T> readUnique(JsonToken t, String what, ElementReader<T> reader,
                                   java.util.function.Function<T, String> identity, String noun) throws IOException {
        expectStart(t, JsonToken.START_ARRAY, "a JSON array for \"" + what + "\"");
        List<T> out = new ArrayList<>();
        Map<String, Integer> firstLine = new java.util.HashMap<>();
        JsonToken e;
        while ((e = next()) != JsonToken.END_ARRAY) {
            if (e == null) {
                throw error("']' closing \"" + what + "\"");
            }
            JsonLocation at = p.currentTokenLocation();
            T item = reader.read(e);
            String id = identity.apply(item);
            Integer first = firstLine.putIfAbsent(id, at.getLineNr());
            if (first != null) {
                throw errorAt(at, "each " + noun + " once in \"" + what + "\" (" + noun + " " + id
                        + " is already defined at line " + first + ")");
            }
            out.add(item);
        }
        return out;
    }

    private Map<String, Long> intMap(JsonToken t, String what) throws IOException {
        expectStart(t, JsonToken.START_OBJECT, "an object of integers for " + what);
        Map<String, Long> out = new LinkedHashMap<>();
        while (nextField()) {
            String key = p.currentName();
            out.put(key, integer(next(), "an integer value for " + what + " \"" + key + "\""));
        }
        return out;
    }

    private Map<String, String> stringMap(JsonToken t, String what) throws IOException {
        expectStart(t, JsonToken.START_OBJECT, "an object of strings for " + what);
        Map<String, String> out = new LinkedHashMap<>();
        while (nextField()) {
            String key = p.currentName();
            out.put(key, string(next(), "a string value for " + what + " \"" + key + "\""));
        }
        return out;
    }

    private JsonValue any(JsonToken t) throws IOException {
        if (t == null) {
            throw error("a JSON value");
        }
        switch (t) {
            case START_OBJECT: {
                Map<String, JsonValue> m = new LinkedHashMap<>();
                while (nextField()) {
                    String key = p.currentName();
                    m.put(key, any(next()));
                }
                return new JsonValue.JsonObject(m);
            }
            case START_ARRAY: {
                List<JsonValue> items = new ArrayList<>();
                JsonToken e;
                while ((e = next()) != JsonToken.END_ARRAY) {
                    items.add(any(e));
                }
                return new JsonValue.JsonArray(items);
            }
            case VALUE_STRING:
                return new JsonValue.JsonString(p.getText());
            case VALUE_NUMBER_INT:
                // Python prints ints normalised: no sign on zero, no leading zeros (JSON forbids them anyway)
                return new JsonValue.JsonNumber(new BigInteger(p.getText()).toString());
            case VALUE_NUMBER_FLOAT:
                return new JsonValue.JsonNumber(p.getText());
            case VALUE_TRUE:
                return new JsonValue.JsonBool(true);
            case VALUE_FALSE:
                return new JsonValue.JsonBool(false);
            case VALUE_NULL:
                return JsonValue.JsonNull.INSTANCE;
            default:
                throw error("a JSON value");
        }
    }

    private JsonToken next() throws IOException {
        return p.nextToken();
    }

    /** Advances to the next field name of the current object; false at its end. */
    private boolean nextField() throws IOException {
        JsonToken t = next();
        if (t == JsonToken.END_OBJECT) {
            return false;
        }
        if (t == JsonToken.FIELD_NAME) {
            return true;
        }
        throw error("a key or '}'");
    }

    private void expectStart(JsonToken t, JsonToken wanted, String expected) {
        if (t != wanted) {
            throw error(expected);
        }
    }

    private String string(JsonToken t, String expected) throws IOException {
        if (t != JsonToken.VALUE_STRING) {
            throw error(expected);
        }
        return p.getText();
    }

    private boolean bool(JsonToken t, String expected) {
        if (t == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (t == JsonToken.VALUE_FALSE) {
            return false;
        }
        throw error(expected);
    }

    private long integer(JsonToken t, String expected) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw error(expected);
        }
        if (p.getNumberType() != JsonParser.NumberType.INT && p.getNumberType() != JsonParser.NumberType.LONG) {
            throw error(expected + " within 64 bits");
        }
        return p.getLongValue();
    }

    private int intIn(JsonToken t, String expected, int min, int max) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            throw error(expected);
        }
        int v = p.getIntValue();
        if (v < min || v > max) {
            throw error(expected);
        }
        return v;
    }

    private ParseException error(String expected) {
        return errorAt(p.currentTokenLocation(), expected);
    }

    private ParseException errorAt(JsonLocation loc, String expected) {
        int line = loc == null ? 0 : Math.max(loc.getLineNr(), 0);
        int col = loc == null ? 0 : Math.max(loc.getColumnNr(), 0);
        return new ParseException(source, line, col, redactAt(text, line), expected);
    }

    private static final java.util.regex.Pattern SECRET_LINE = java.util.regex.Pattern.compile(
            "(\"(?:chap_|discovery_)(?:mutual_)?password\"\\s*:).*");

    private static final java.util.regex.Pattern SECRET_KEY_AT_END = java.util.regex.Pattern.compile(
            ".*\"(?:chap_|discovery_)(?:mutual_)?password\"\\s*:\\s*$");

    /**
     * Line {@code line} of {@code text} for an exception: masked when it holds a password value, also when the
     * key ended the line before (a hand-edited file may put the value on its own line).
     */
    static String redactAt(String text, int line) {
        String l = ParseException.lineOf(text, line);
        if (line > 1 && SECRET_KEY_AT_END.matcher(unescape(ParseException.lineOf(text, line - 1))).matches()) {
            return "****";
        }
        return redact(l);
    }

    /** Masks the value on a line holding a CHAP or discovery password, so exceptions never carry it. */
    static String redact(String line) {
        java.util.regex.Matcher m = SECRET_LINE.matcher(line);
        if (m.find()) {
            return line.substring(0, m.end(1)) + " ****";
        }
        // a key spelled with escapes ("chap_passw\u006frd") is the same key to a JSON reader: mask the whole line
        return SECRET_LINE.matcher(unescape(line)).find() ? "****" : line;
    }

    /** The line with JSON backslash-u escapes decoded (for recognising a password key only). */
    private static String unescape(String line) {
        if (line.indexOf('\\') < 0) {
            return line;
        }
        StringBuilder sb = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 5 < line.length() && line.charAt(i + 1) == 'u'
                    && line.substring(i + 2, i + 6).matches("[0-9A-Fa-f]{4}")) {
                sb.append((char) Integer.parseInt(line.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private String requiredString(Map<String, JsonValue> raw, Map<String, JsonLocation> where, JsonLocation start,
                                  String key, String expected) {
        JsonValue v = raw.get(key);
        if (v instanceof JsonValue.JsonString s) {
            return s.value();
        }
        throw errorAt(v == null ? start : where.get(key), expected);
    }

    /** Typed access to the plugin-specific members of one storage object, with located errors. */
    private final class SoFields {
        private final Map<String, JsonValue> raw;
        private final Map<String, JsonLocation> where;
        private final JsonLocation start;

        SoFields(Map<String, JsonValue> raw, Map<String, JsonLocation> where, JsonLocation start) {
            this.raw = raw;
            this.where = where;
            this.start = start;
        }

        String reqString(String key) {
            return requiredString(raw, where, start, key, "a \"" + key + "\" string in this storage object");
        }

        Optional<String> optString(String key) {
            return opt(key, "as a string", v -> v instanceof JsonValue.JsonString s ? s.value() : null);
        }

        Optional<Boolean> optBool(String key) {
            return opt(key, "as true/false", v -> v instanceof JsonValue.JsonBool b ? b.value() : null);
        }

        Optional<Long> optLong(String key) {
            return opt(key, "as a 64-bit integer", v -> {
                if (v instanceof JsonValue.JsonNumber n) {
                    try {
                        return Long.parseLong(n.literal());
                    } catch (NumberFormatException e) {
                        return null; // not a 64-bit integer
                    }
                }
                return null;
            });
        }

        /** Absent or null gives empty; {@code convert} returns null for a value of the wrong type. */
        private <T> Optional<T> opt(String key, String expected, java.util.function.Function<JsonValue, T> convert) {
            JsonValue v = raw.get(key);
            if (v == null || v instanceof JsonValue.JsonNull) {
                return Optional.empty();
            }
            T value = convert.apply(v);
            if (value == null) {
                throw errorAt(where.get(key), "\"" + key + "\" " + expected);
            }
            return Optional.of(value);
        }

        /** Members that are not typed fields of this plugin (nulls of typed fields kept too, for the round trip). */
        Map<String, JsonValue> rest(java.util.Set<String> typed) {
            Map<String, JsonValue> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> e : raw.entrySet()) {
                String k = e.getKey();
                if (k.equals("name") || k.equals("plugin")) {
                    continue;
                }
                if (!typed.contains(k) || e.getValue() instanceof JsonValue.JsonNull) {
                    out.put(k, e.getValue());
                }
            }
            return out;
        }
    }

    /** Collects the four CHAP keys in any order. */
    private static final class ChapBuilder {
        String userid;
        String password;
        String mutualUserid;
        String mutualPassword;

        Chap build() {
            return new Chap(Optional.ofNullable(userid), Optional.ofNullable(password).map(Secret::of),
                    Optional.ofNullable(mutualUserid), Optional.ofNullable(mutualPassword).map(Secret::of));
        }
    }
}
