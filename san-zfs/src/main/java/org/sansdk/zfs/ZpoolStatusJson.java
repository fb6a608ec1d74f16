package org.sansdk.zfs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.sansdk.core.ParseWarning;

/**
 * Renders a {@link ZpoolStatusReport} as JSON in the shape of OpenZFS 2.3's
 * {@code zpool status -j --json-int}: {@code output_version}, {@code pools.<name>} with {@code state},
 * {@code status}, {@code action}, {@code msgid}, {@code moreinfo}, {@code scan_stats}, {@code vdevs}
 * (nested, each with {@code name}, {@code vdev_type}, {@code class}, {@code state}, {@code read_errors},
 * {@code write_errors}, {@code checksum_errors}), the class objects {@code dedup}, {@code special},
 * {@code logs}, {@code l2cache}, {@code spares}, and {@code error_count}/{@code errlist}.
 *
 * <p>{@code ObjectNode json = ZpoolStatusJson.toJson(ZpoolStatusParser.parse("f", text));}
 *
 * <p>What text output cannot supply is left out or marked; see san-zfs/JSON-FROM-TEXT.md.
 */
public final class ZpoolStatusJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ZpoolStatusJson() {
    }

    /**
     * Renders the report.
     *
     * <p>{@code String s = ZpoolStatusJson.toJson(report).toPrettyString();}
     *
     * @param report parsed text or JSON
     * @return the JSON tree
     */
    public static ObjectNode toJson(ZpoolStatusReport report) {
        ObjectNode root = F.objectNode();
        ObjectNode version = root.putObject("output_version");
        version.put("command", "zpool status");
        version.put("vers_major", 0);
        version.put("vers_minor", 1);
        ObjectNode pools = root.putObject("pools");
        for (PoolStatus p : report.pools()) {
            pools.set(p.name(), pool(p));
        }
        if (!report.warnings().isEmpty()) {
            ArrayNode w = root.putArray("parse_warnings");
            for (ParseWarning pw : report.warnings()) {
                ObjectNode o = w.addObject();
                o.put("source", pw.source());
                o.put("line", pw.line());
                o.put("column", pw.column());
                o.put("message", pw.message());
            }
        }
        return root;
    }

    private static ObjectNode pool(PoolStatus p) {
        ObjectNode o = F.objectNode();
        o.put("name", p.name());
        o.put("state", p.state().name());
        p.id().ifPresent(id -> putNumberOrText(o, "pool_guid", id));
        p.status().ifPresent(s -> o.put("status", tabbed(s)));
        p.action().ifPresent(s -> o.put("action", tabbed(s)));
        p.messageId().ifPresent(m -> o.put("msgid", m));
        p.see().ifPresent(u -> o.put("moreinfo", u));
        p.scan().ifPresent(s -> o.set("scan_stats", scan(s)));
        p.otherSections().forEach((k, v) -> o.put(k, v));
        ObjectNode vdevs = o.putObject("vdevs");
        p.root().ifPresent(r -> vdevs.set(r.name(), vdev(r, "normal", false)));
        for (ClassSection s : p.classes()) {
            ObjectNode section = o.putObject(s.allocationClass().jsonKey());
            String cls = className(s.allocationClass());
            for (Vdev v : s.vdevs()) {
                section.set(v.name(), vdev(v, cls, s.allocationClass() == AllocationClass.SPARE));
            }
        }
        p.errors().ifPresent(e -> {
            if (e.count().isPresent()) {
                o.put("error_count", e.count().getAsLong());
            } else if (!e.permanent().isEmpty()) {
                o.put("error_count", e.permanent().size());
            }
            if (!e.permanent().isEmpty()) {
                ArrayNode list = o.putArray("errlist");
                e.permanent().forEach(x -> list.add(x.text()));
            } else {
                e.listUnavailable().ifPresent(u -> o.put("errlist", u));
            }
        });
        return o;
    }

    private static String className(AllocationClass c) {
        switch (c) {
            case LOG: return "log";
            case CACHE: return "l2cache";
            case SPARE: return "spare";
            case SPECIAL: return "special";
            case DEDUP: return "dedup";
            default: return "normal";
        }
    }

    /** zpool keeps "\n\t" between status lines and a final newline in JSON. */
    private static String tabbed(String s) {
        return String.join("\n\t", s.split("\n", -1)) + "\n";
    }

    /** GUIDs are uint64: written as JSON integers (as --json-int does) when all digits. */
    private static void putNumberOrText(ObjectNode o, String key, String value) {
        boolean digits = !value.isEmpty() && value.length() <= 20;
        for (int k = 0; k < value.length() && digits; k++) {
            digits = Character.isDigit(value.charAt(k));
        }
        if (digits) {
            o.put(key, new java.math.BigInteger(value));
        } else {
            o.put(key, value);
        }
    }

    private static ObjectNode scan(ScanStatus s) {
        ObjectNode o = F.objectNode();
        String function;
        switch (s.function()) {
            case SCRUB: function = "SCRUB"; break;
            case RESILVER: function = "RESILVER"; break;
            case ERROR_SCRUB: function = "ERRORSCRUB"; break;
            default: function = "NONE";
        }
        String state;
        switch (s.state()) {
            case IN_PROGRESS:
            case PAUSED: state = "SCANNING"; break;
            case FINISHED: state = "FINISHED"; break;
            case CANCELED: state = "CANCELED"; break;
            case NONE_REQUESTED: state = "NONE"; break;
            default: state = "UNKNOWN";
        }
        if (s.isRebuild()) {
            o.put("function", "NONE");
            o.put("state", "NONE");
            ObjectNode r = o.putObject("rebuild_stats").putObject(s.rebuildVdev().get());
            r.put("name", s.rebuildVdev().get());
            r.put("state", s.inProgress() ? "ACTIVE" : s.state() == ScanStatus.ScanState.CANCELED ? "CANCELED"
                    : "COMPLETE");
            s.startedAt().ifPresent(x -> r.put("start_time", x));
            s.endedAt().ifPresent(x -> r.put("end_time", x));
            s.scanned().ifPresent(x -> r.put("scanned", x));
            s.issued().ifPresent(x -> r.put("issued", x));
            s.processed().ifPresent(x -> r.put("rebuilt", x));
            s.total().ifPresent(x -> r.put("to_scan", x));
            s.errors().ifPresent(x -> r.put("errors", x));
            extras(o, s);
            return o;
        }
        o.put("function", function);
        o.put("state", state);
        s.startedAt().ifPresent(x -> o.put("start_time", x));
        s.endedAt().ifPresent(x -> o.put("end_time", x));
        s.total().ifPresent(x -> o.put("to_examine", x));
        s.scanned().ifPresent(x -> o.put("examined", x));
        s.processed().ifPresent(x -> o.put("processed", x));
        s.errors().ifPresent(x -> o.put("errors", x));
        s.issued().ifPresent(x -> o.put("issued", x));
        extras(o, s);
        return o;
    }

    /** Values the text shows that the JSON leaves for the reader to compute (named so they cannot clash). */
    private static void extras(ObjectNode o, ScanStatus s) {
        if (s.state() == ScanStatus.ScanState.PAUSED) {
            o.put("paused", true);
        }
        s.percentDone().ifPresent(x -> o.put("percent_done", x));
        s.timeToGo().ifPresent(x -> o.put("seconds_to_go", x.getSeconds()));
        s.scanRate().ifPresent(x -> o.put("scan_rate", x));
        s.issueRate().ifPresent(x -> o.put("issue_rate", x));
        s.duration().ifPresent(x -> o.put("duration_seconds", x.getSeconds()));
    }

    private static String jsonState(Vdev v, boolean spare) {
        switch (v.state()) {
            case ONLINE: return spare ? "AVAIL" : "HEALTHY";
            case UNAVAIL: return "CANT_OPEN";
            case AVAIL: return "AVAIL";
            case INUSE: return "INUSE";
            default:
                return v.state().name();
        }
    }

    private static ObjectNode vdev(Vdev v, String cls, boolean spare) {
        ObjectNode o = F.objectNode();
        o.put("name", v.name());
        o.put("vdev_type", v.kind().jsonType());
        v.guid().ifPresent(g -> putNumberOrText(o, "guid", g));
        v.path().ifPresent(x -> o.put("path", x));
        if (v.path().isEmpty() && v.name().startsWith("/")) {
            o.put("path", v.name());
        }
        o.put("class", cls);
        o.put("state", jsonState(v, spare && v.errors().isEmpty()));
        v.space().ifPresent(sp -> {
            sp.allocated().ifPresent(x -> o.put("alloc_space", x));
            sp.total().ifPresent(x -> o.put("total_space", x));
            sp.deflated().ifPresent(x -> o.put("def_space", x));
            sp.replaceableSize().ifPresent(x -> o.put("rep_dev_size", x));
            sp.physical().ifPresent(x -> o.put("phys_space", x));
        });
        v.errors().ifPresent(e -> {
            o.put("read_errors", e.read());
            o.put("write_errors", e.write());
            o.put("checksum_errors", e.checksum());
        });
        ArrayNode noteTexts = null;
        for (VdevNote n : v.notes()) {
            if (n instanceof VdevNote.Was w) {
                o.put("not_present", 1);
                o.put("was", w.path());
            } else if (n instanceof VdevNote.Aux a) {
                o.put("aux", a.jsonName());
            } else if (n instanceof VdevNote.Amount a) {
                o.put("scan_processed", a.bytes());
            } else if (n instanceof VdevNote.Removing) {
                o.put("removing", 1);
            } else if (n instanceof VdevNote.NonAllocating) {
                o.put("noalloc", 1);
            } else if (n instanceof VdevNote.AwaitingResilver) {
                o.put("resilver_deferred", 1);
            } else if (n instanceof VdevNote.Trim t && t.detail().equals("trim unsupported")) {
                o.put("trim_notsup", 1);
            }
            if (noteTexts == null) {
                noteTexts = F.arrayNode();
            }
            noteTexts.add(n.text());
        }
        v.columns().forEach(o::put);
        if (noteTexts != null) {
            o.set("notes", noteTexts);
        }
        List<Vdev> kids = v.children();
        if (!kids.isEmpty()) {
            ObjectNode c = o.putObject("vdevs");
            for (Vdev k : kids) {
                c.set(k.name(), vdev(k, cls, spare));
            }
        }
        return o;
    }
}
