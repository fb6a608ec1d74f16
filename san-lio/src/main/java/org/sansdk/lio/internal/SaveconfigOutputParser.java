package org.sansdk.lio.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sansdk.core.Secret;
import org.sansdk.core.spi.OutputParser;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.SaveconfigParser;
import org.sansdk.lio.SaveconfigWriter;
import org.sansdk.lio.json.JsonValue;

/**
 * {@code sanctl parse saveconfig FILE}: the parsed configuration as JSON with sorted keys, CHAP and discovery
 * passwords replaced by {@code ****} (a parse command's output ends up in terminals and tickets).
 *
 * <pre>{@code JsonNode n = (JsonNode) new SaveconfigOutputParser().parse("saveconfig.json", text);}</pre>
 */
public final class SaveconfigOutputParser implements OutputParser {

    private static final Set<String> SECRET_KEYS = Set.of("chap_password", "chap_mutual_password",
            "discovery_password", "discovery_mutual_password");

    /** For ServiceLoader. */
    public SaveconfigOutputParser() {
    }

    @Override
    public String kind() {
        return "saveconfig";
    }

    @Override
    public String description() {
        return "targetcli/rtslib saveconfig.json (LIO targets, LUNs, ACLs; CHAP passwords masked)";
    }

    @Override
    public Object parse(String sourceName, String text) {
        LioConfig cfg = SaveconfigParser.parse(sourceName, text);
        return toNode(SaveconfigWriter.toJson(cfg), "");
    }

    private static JsonNode toNode(JsonValue v, String key) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v instanceof JsonValue.JsonObject o) {
            ObjectNode n = f.objectNode();
            List<String> keys = new ArrayList<>(o.members().keySet());
            keys.sort(null);
            for (String k : keys) {
                n.set(k, toNode(o.members().get(k), k));
            }
            return n;
        } else if (v instanceof JsonValue.JsonArray a) {
            ArrayNode n = f.arrayNode();
            a.items().forEach(i -> n.add(toNode(i, "")));
            return n;
        } else if (v instanceof JsonValue.JsonString s) {
            return f.textNode(SECRET_KEYS.contains(key) ? Secret.MASK : s.value());
        } else if (v instanceof JsonValue.JsonNumber num) {
            String lit = num.literal();
            return lit.matches("-?\\d+") ? f.numberNode(new BigInteger(lit)) : f.numberNode(new BigDecimal(lit));
        } else if (v instanceof JsonValue.JsonBool b) {
            return f.booleanNode(b.value());
        }
        return f.nullNode();
    }
}
