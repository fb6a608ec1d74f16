package org.sansdk.zfs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;

/**
 * Renders a {@link ZpoolImportReport} as JSON ({@code sanctl parse zpool-import}). OpenZFS has no JSON form
 * of {@code zpool import}; the vdev objects use the same keys as {@link ZpoolStatusJson}.
 *
 * <p>{@code ObjectNode json = ZpoolImportJson.toJson(ZpoolImportParser.parse("f", text));}
 *
 * <p>Shape: {@code {"source": "zpool import text", "result": "candidates"|"no_pools_available_to_import",
 * "complete": bool, "pools": {"<id>": {"name", "id", "state", "destroyed", "status", "action", "comment",
 * "moreinfo"/"see_printed", "incomplete", "vdevs", "logs"/"spares"/..., "notes"}}}}, keyed by pool id because
 * two importable pools may share a name.
 */
public final class ZpoolImportJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ZpoolImportJson() {
    }

    /**
     * Renders the report.
     *
     * <p>{@code ZpoolImportJson.toJson(report).toPrettyString()}
     *
     * @param report the parsed listing
     * @return the JSON tree
     */
    public static ObjectNode toJson(ZpoolImportReport report) {
        ObjectNode root = F.objectNode();
        root.put("source", "zpool import text");
        root.put("result", report.result().name().toLowerCase(java.util.Locale.ROOT));
        root.put("complete", report.complete());
        ObjectNode pools = root.putObject("pools");
        for (ImportCandidate c : report.candidates()) {
            ObjectNode o = pools.putObject(c.id());
            o.put("name", c.name());
            o.put("id", c.id());
            o.put("state", c.state().name());
            if (c.destroyed()) {
                o.put("destroyed", true);
            }
            c.incomplete().ifPresent(x -> o.put("incomplete", x));
            c.status().ifPresent(x -> o.put("status", ZpoolStatusJson.tabbed(x)));
            c.action().ifPresent(x -> o.put("action", ZpoolStatusJson.tabbed(x)));
            c.comment().ifPresent(x -> o.put("comment", x));
            c.see().ifPresent(x -> o.put("see_printed", x));
            Set<String> spares = new HashSet<>();
            c.vdevs(AllocationClass.SPARE).forEach(v -> spares.add(v.name()));
            ObjectNode vdevs = o.putObject("vdevs");
            ZpoolStatusJson.putUnique(vdevs, c.root().name(), ZpoolStatusJson.vdev(c.root(), "normal", false, spares));
            for (ClassSection s : c.classes()) {
                ObjectNode section = o.putObject(s.allocationClass().jsonKey());
                for (Vdev v : s.vdevs()) {
                    ZpoolStatusJson.putUnique(section, v.name(), ZpoolStatusJson.vdev(v,
                            ZpoolStatusJson.className(s.allocationClass()),
                            s.allocationClass() == AllocationClass.SPARE, spares));
                }
            }
            if (!c.notes().isEmpty()) {
                ArrayNode n = o.putArray("notes");
                c.notes().forEach(n::add);
            }
        }
        if (!report.warnings().isEmpty()) {
            ArrayNode w = root.putArray("parse_warnings");
            report.warnings().forEach(pw -> {
                ObjectNode x = w.addObject();
                x.put("source", pw.source());
                x.put("line", pw.line());
                x.put("column", pw.column());
                x.put("message", pw.message());
            });
        }
        return root;
    }
}
