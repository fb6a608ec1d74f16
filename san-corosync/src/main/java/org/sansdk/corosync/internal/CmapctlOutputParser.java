package org.sansdk.corosync.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sansdk.core.spi.OutputParser;
import org.sansdk.corosync.CmapEntry;
import org.sansdk.corosync.CmapParser;

/**
 * {@code sanctl parse cmapctl FILE}: {@code corosync-cmapctl} (also {@code -m stats}) as a JSON list of
 * {@code {key, type, value, approximate}} in printed order.
 *
 * <pre>{@code Object json = new CmapctlOutputParser().parse("cmap.txt", text);}</pre>
 */
public final class CmapctlOutputParser implements OutputParser {
    /** For ServiceLoader. */
    public CmapctlOutputParser() {
    }

    @Override
    public String kind() {
        return "cmapctl";
    }

    @Override
    public String description() {
        return "corosync-cmapctl and -m stats (key, type, value; flt/dbl marked approximate)";
    }

    @Override
    public Object parse(String sourceName, String text) {
        Map<String, CmapEntry> m = CmapParser.parse(sourceName, text);
        List<Map<String, Object>> out = new ArrayList<>();
        for (CmapEntry e : m.values()) {
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("key", e.key());
            row.put("type", e.type());
            row.put("value", e.value());
            row.put("approximate", e.approximate());
            out.add(row);
        }
        return out;
    }
}
