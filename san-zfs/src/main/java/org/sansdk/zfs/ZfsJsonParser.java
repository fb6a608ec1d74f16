package org.sansdk.zfs;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sansdk.core.ParseException;

/**
 * Parses the JSON of {@code zfs list -j}, {@code zfs get -j}, {@code zpool list -j} and
 * {@code zpool get -j} (OpenZFS 2.3+) into the same values as the {@code -Hp} parsers.
 *
 * <p>{@code List<PropertyValue> v = ZfsJsonParser.properties("zfs get -j", json);}
 *
 * <p>Sources are written the way {@code zfs get} prints them: {@code NONE} → {@code -}, {@code DEFAULT} →
 * {@code default}, {@code LOCAL} → {@code local}, {@code INHERITED} with data X → {@code inherited from X}.
 */
public final class ZfsJsonParser {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ZfsJsonParser() {
    }

    /**
     * Every property of every dataset or pool, in output order.
     *
     * <p>{@code ZfsJsonParser.properties("zfs list -j", json)}
     *
     * @param source name for errors
     * @param json the output
     * @return one value per (name, property)
     * @throws ParseException when the text is not such JSON
     */
    public static List<PropertyValue> properties(String source, String json) {
        JsonNode objects = objects(source, json);
        List<PropertyValue> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = objects.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getValue().path("name").asText(e.getKey());
            JsonNode props = e.getValue().path("properties");
            Iterator<Map.Entry<String, JsonNode>> pit = props.fields();
            while (pit.hasNext()) {
                Map.Entry<String, JsonNode> p = pit.next();
                JsonNode v = p.getValue();
                String value = v.isValueNode() ? v.asText() : v.path("value").asText("");
                out.add(new PropertyValue(name, p.getKey(), value, source(v.path("source"))));
            }
        }
        return out;
    }

    /**
     * One row per dataset or pool: {@code name}, {@code type} and each property's value (as
     * {@code zfs list -H -o name,type,PROPS} would give them).
     *
     * <p>{@code ZfsJsonParser.rows("zfs list -j", json).get(0).bytes("used")}
     *
     * @param source name for errors
     * @param json the output
     * @return the rows
     */
    public static List<ListRow> rows(String source, String json) {
        JsonNode objects = objects(source, json);
        List<ListRow> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = objects.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            Map<String, String> values = new LinkedHashMap<>();
            values.put("name", e.getValue().path("name").asText(e.getKey()));
            values.put("type", e.getValue().path("type").asText("-").toLowerCase(java.util.Locale.ROOT));
            Iterator<Map.Entry<String, JsonNode>> pit = e.getValue().path("properties").fields();
            while (pit.hasNext()) {
                Map.Entry<String, JsonNode> p = pit.next();
                JsonNode v = p.getValue();
                values.put(p.getKey(), v.isValueNode() ? v.asText() : v.path("value").asText(""));
            }
            out.add(new ListRow(values));
        }
        return out;
    }

    private static String source(JsonNode s) {
        if (s.isMissingNode() || s.isNull()) {
            return "";
        }
        if (s.isValueNode()) {
            return s.asText();
        }
        String type = s.path("type").asText("NONE");
        String data = s.path("data").asText("-");
        switch (type) {
            case "NONE": return "-";
            case "DEFAULT": return "default";
            case "LOCAL": return "local";
            case "TEMPORARY": return "temporary";
            case "RECEIVED": return "received";
            case "INHERITED": return "inherited from " + data;
            default: return type.toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static JsonNode objects(String source, String json) {
        if (json == null) {
            throw new ParseException(source, 1, 1, "", "zfs/zpool -j JSON (got null)");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new ParseException(source, loc == null || loc.getLineNr() < 1 ? 1 : loc.getLineNr(), loc == null || loc.getColumnNr() < 1 ? 1 : loc.getColumnNr(),
                    "", "well-formed JSON", e);
        }
        if (tree == null || !tree.isObject()) {
            throw new ParseException(source, 1, 1, "", "a JSON object with 'datasets' or 'pools'");
        }
        JsonNode objects = tree.has("datasets") ? tree.get("datasets") : tree.get("pools");
        if (objects == null || !objects.isObject()) {
            throw new ParseException(source, 1, 1, "", "a 'datasets' or 'pools' object");
        }
        return objects;
    }
}
