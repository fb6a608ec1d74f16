package org.sansdk.zfs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sansdk.core.ParseException;

/**
 * Parses scripted {@code zfs get -Hp} and {@code zpool get -Hp} output (tab-separated
 * {@code name property value source}, or the fields chosen with {@code -o}).
 *
 * <p>{@code Map<String, Map<String, PropertyValue>> byName = ZfsGetParser.byName(ZfsGetParser.parse("get", out));}
 */
public final class ZfsGetParser {
    /** Default fields of {@code zfs get -H}. */
    public static final List<String> DEFAULT_FIELDS = List.of("name", "property", "value", "source");

    private ZfsGetParser() {
    }

    /**
     * Parses the default four fields.
     *
     * <p>{@code ZfsGetParser.parse("zfs get", out)}
     *
     * @param source name for errors
     * @param text the output
     * @return one value per line
     */
    public static List<PropertyValue> parse(String source, String text) {
        return parse(source, text, DEFAULT_FIELDS);
    }

    /**
     * Parses output of {@code -o} with these fields (any order; {@code name}, {@code property},
     * {@code value} and {@code source} are recognised, others ignored).
     *
     * <p>{@code ZfsGetParser.parse("zfs get", out, List.of("name", "value"))}
     *
     * @param source name for errors
     * @param text the output
     * @param fields the fields in {@code -o} order
     * @return one value per line
     * @throws ParseException when a line has another number of fields
     */
    public static List<PropertyValue> parse(String source, String text, List<String> fields) {
        List<PropertyValue> out = new ArrayList<>();
        for (ListRow row : ZfsListParser.parse(source, text, fields)) {
            Map<String, String> v = row.values();
            out.add(new PropertyValue(v.getOrDefault("name", ""), v.getOrDefault("property", ""),
                    v.getOrDefault("value", ""), v.getOrDefault("source", "")));
        }
        return out;
    }

    /**
     * Groups values by dataset/pool name, then property, keeping output order.
     *
     * <p>{@code byName(values).get("san-pool/iscsi").get("volsize")}
     *
     * @param values parsed values
     * @return the nested map
     */
    public static Map<String, Map<String, PropertyValue>> byName(List<PropertyValue> values) {
        Map<String, Map<String, PropertyValue>> out = new LinkedHashMap<>();
        for (PropertyValue pv : values) {
            out.computeIfAbsent(pv.name(), k -> new LinkedHashMap<>()).put(pv.property(), pv);
        }
        return out;
    }
}
