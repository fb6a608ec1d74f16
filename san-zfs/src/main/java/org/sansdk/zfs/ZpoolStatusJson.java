package org.sansdk.zfs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
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
        if (report.producerJson().isPresent() && report.producerJson().get().isObject()) {
            // read from zpool status -j: give back exactly what the producer printed (every key, every type)
            return (ObjectNode) report.producerJson().get().deepCopy();
        }
        ObjectNode root = F.objectNode();
        ObjectNode version = root.putObject("output_version");
        version.put("command", "zpool status");
        version.put("vers_major", 0);
        version.put("vers_minor", 1);
        // provenance: this is not the producer's JSON but what its text output carried
        root.put("source", SOURCE_TEXT);
        root.put("result", report.result().name().toLowerCase(java.util.Locale.ROOT));
        if (!report.healthyPools().isEmpty()) {
            ArrayNode h = root.putArray("healthy_pools");
            report.healthyPools().forEach(h::add);
        }
        root.put("complete", report.complete());
        ObjectNode pools = root.putObject("pools");
        for (PoolStatus p : report.pools()) {
            putUnique(pools, p.name(), pool(p));
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

    /**
     * Adds a member without overwriting: Solaris-era text prints sibling groups with the same bare name
     * ({@code mirror}, {@code mirror}); the second becomes {@code mirror#2} (its {@code name} stays as printed).
     */
    static void putUnique(ObjectNode parent, String key, ObjectNode value) {
        String k = key;
        for (int n = 2; parent.has(k); n++) {
            k = key + "#" + n;
        }
        parent.set(k, value);
    }

    /** The {@code source} value of JSON rendered from text. */
    public static final String SOURCE_TEXT = "zpool status text";

    private static ObjectNode pool(PoolStatus p) {
        ObjectNode o = F.objectNode();
        o.put("name", p.name());
        o.put("state", p.state().name());
        p.incomplete().ifPresent(r -> o.put("incomplete", r));
        p.id().ifPresent(id -> putNumberOrText(o, "pool_guid", id));
        p.status().ifPresent(s -> o.put("status", tabbed(s)));
        p.action().ifPresent(s -> o.put("action", tabbed(s)));
        p.messageId().ifPresent(m -> {
            o.put("msgid", m);
            // zpool_main.c builds moreinfo from the msgid, whatever URL an older release printed
            o.put("moreinfo", "https://openzfs.github.io/openzfs-docs/msg/" + m);
        });
        p.see().ifPresent(u -> {
            if (!o.has("moreinfo") || !u.equals(o.get("moreinfo").asText())) {
                o.put("see_printed", u);
            }
        });
        p.scan().filter(s -> !(s.function() == ScanStatus.ScanFunction.NONE
                && s.state() == ScanStatus.ScanState.NONE_REQUESTED)).ifPresent(s -> o.set("scan_stats", scan(s)));
        p.otherSections().forEach((k, v) -> o.put(k, v));
        java.util.Set<String> spareNames = new java.util.HashSet<>();
        p.section(AllocationClass.SPARE).ifPresent(s -> s.vdevs().forEach(v -> spareNames.add(v.name())));
        ObjectNode vdevs = o.putObject("vdevs");
        p.root().ifPresent(r -> putUnique(vdevs, r.name(), vdev(r, "normal", false, spareNames)));
        for (ClassSection s : p.classes()) {
            ObjectNode section = o.putObject(s.allocationClass().jsonKey());
            String cls = className(s.allocationClass());
            for (Vdev v : s.vdevs()) {
                putUnique(section, v.name(), vdev(v, cls, s.allocationClass() == AllocationClass.SPARE, spareNames));
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

    static String className(AllocationClass c) {
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
    static String tabbed(String s) {
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
        ArrayNode approx = F.arrayNode();
        if (s.isRebuild()) {
            ObjectNode r = o.putObject("rebuild_stats").putObject(s.rebuildVdev().get());
            r.put("name", s.rebuildVdev().get());
            r.put("state", s.inProgress() ? "ACTIVE" : s.state() == ScanStatus.ScanState.CANCELED ? "CANCELED"
                    : "COMPLETE");
            s.startedAt().ifPresent(x -> r.put("start_time_printed", x));
            s.endedAt().ifPresent(x -> r.put("end_time_printed", x));
            ArrayNode rApprox = F.arrayNode();
            figure(r, rApprox, s, "scanned", "scanned", s.scanned());
            figure(r, rApprox, s, "issued", "issued", s.issued());
            figure(r, rApprox, s, "processed", "rebuilt", s.processed());
            figure(r, rApprox, s, "total", "to_scan", s.total());
            s.errors().ifPresent(x -> r.put("errors", x));
            if (!rApprox.isEmpty()) {
                r.set(APPROXIMATE, rApprox);
            }
            extras(o, s, approx);
            return o;
        }
        o.put("function", function);
        o.put("state", state);
        // the text prints local ctime without a zone; --json-int has epoch seconds: keep the text apart
        s.startedAt().ifPresent(x -> o.put("start_time_printed", x));
        s.endedAt().ifPresent(x -> o.put("end_time_printed", x));
        figure(o, approx, s, "total", "to_examine", s.total());
        figure(o, approx, s, "scanned", "examined", s.scanned());
        figure(o, approx, s, "processed", "processed", s.processed());
        s.errors().ifPresent(x -> o.put("errors", x));
        figure(o, approx, s, "issued", "issued", s.issued());
        extras(o, s, approx);
        return o;
    }

    /** Key under which an object lists its members whose values the text printed rounded. */
    public static final String APPROXIMATE = "_approximate";

    private static void figure(ObjectNode o, ArrayNode approx, ScanStatus s, String figure, String key,
                               java.util.OptionalLong value) {
        if (value.isPresent()) {
            o.put(key, value.getAsLong());
            if (s.isApproximate(figure)) {
                approx.add(key);
            }
        }
    }

    /** Values the text shows that the JSON leaves for the reader to compute (named so they cannot clash). */
    private static void extras(ObjectNode o, ScanStatus s, ArrayNode approx) {
        if (s.state() == ScanStatus.ScanState.PAUSED) {
            o.put("paused", true);
        }
        s.percentDone().ifPresent(x -> o.put("percent_done", x));
        s.timeToGo().ifPresent(x -> o.put("seconds_to_go", x.getSeconds()));
        figure(o, approx, s, "scanRate", "scan_rate", s.scanRate());
        figure(o, approx, s, "issueRate", "issue_rate", s.issueRate());
        s.duration().ifPresent(x -> o.put("duration_seconds", x.getSeconds()));
        if (!approx.isEmpty()) {
            o.set(APPROXIMATE, approx);
        }
    }

    /** The aux text of a vdev, if any. */
    private static String auxText(Vdev v) {
        for (VdevNote n : v.notes()) {
            if (n instanceof VdevNote.Aux a) {
                return a.reason();
            }
        }
        return null;
    }

    /**
     * The kernel state name zpool's JSON prints ({@code vdev_state_str}), from the text state and aux
     * (inverse of libzfs {@code zpool_state_to_name}).
     */
    private static String jsonState(Vdev v, boolean spare) {
        String aux = auxText(v);
        switch (v.state()) {
            case ONLINE: return spare ? "AVAIL" : "ONLINE";
            case UNAVAIL:
            case SPLIT: return "CANT_OPEN";
            case FAULTED:
                // zpool_state_to_name prints CANT_OPEN + CORRUPT_DATA/BAD_LOG as FAULTED
                return "corrupted data".equals(aux) || "bad intent log".equals(aux) ? "CANT_OPEN" : "FAULTED";
            default:
                return v.state().name();
        }
    }

    /** The JSON aux name when the printed reason names exactly one libzfs aux code, else null. */
    private static String jsonAux(Vdev v) {
        String aux = auxText(v);
        if (aux == null) {
            return null;
        }
        if ("corrupted data".equals(aux)) {
            // print_status_config prints "corrupted data" for every aux code it has no words for; only with
            // state FAULTED does it certainly mean CORRUPT_DATA
            return v.state() == DeviceState.FAULTED ? "CORRUPT_DATA" : null;
        }
        if ("currently in use".equals(aux)) {
            return v.state() == DeviceState.INUSE ? "SPARED" : null; // VDEV_AUX_ACTIVE prints the same words
        }
        if (aux.startsWith("in use by pool '")) {
            return "SPARED";
        }
        String name = new VdevNote.Aux(aux).jsonName();
        return name.indexOf(' ') < 0 && isKnownAux(name) ? name : null;
    }

    private static boolean isKnownAux(String name) {
        switch (name) {
            case "OPEN_FAILED": case "BAD_GUID_SUM": case "NO_REPLICAS": case "VERSION_NEWER":
            case "VERSION_OLDER": case "UNSUP_FEAT": case "ASHIFT_TOO_BIG": case "ERR_EXCEEDED":
            case "IO_FAILURE": case "BAD_LOG": case "EXTERNAL": case "SPLIT_POOL": case "CHILDREN_OFFLINE":
            case "BAD_LABEL":
                return true;
            default:
                return false;
        }
    }

    static ObjectNode vdev(Vdev v, String cls, boolean spare, java.util.Set<String> spareNames) {
        ObjectNode o = F.objectNode();
        o.put("name", v.name());
        String type = v.kind().jsonType();
        if (type != null) {
            o.put("vdev_type", type);
        }
        v.guid().ifPresent(g -> putNumberOrText(o, "guid", g));
        Optional<String> was = Optional.empty();
        for (VdevNote n : v.notes()) {
            if (n instanceof VdevNote.Was w) {
                was = Optional.of(w.path());
            }
        }
        if (v.path().isPresent()) {
            o.put("path", v.path().get());
        } else if (v.name().startsWith("/")) {
            o.put("path", v.name());
        } else if (was.isPresent()) {
            o.put("path", was.get()); // the producer's path and was are both ZPOOL_CONFIG_PATH
        }
        // an in-use hot spare inside the data tree is flagged is_spare: class "spare", like the spares list
        boolean isSpareDevice = v.isLeaf() && spareNames.contains(v.name());
        o.put("class", isSpareDevice ? "spare" : cls);
        o.put("state", jsonState(v, spare && v.errors().isEmpty()));
        v.space().ifPresent(sp -> {
            sp.allocated().ifPresent(x -> o.put("alloc_space", x));
            sp.total().ifPresent(x -> o.put("total_space", x));
            sp.deflated().ifPresent(x -> o.put("def_space", x));
            sp.replaceableSize().ifPresent(x -> o.put("rep_dev_size", x));
            sp.physical().ifPresent(x -> o.put("phys_space", x));
        });
        ArrayNode approx = F.arrayNode();
        v.errors().ifPresent(e -> {
            o.put("read_errors", e.read());
            o.put("write_errors", e.write());
            o.put("checksum_errors", e.checksum());
            if (e.readApproximate()) {
                approx.add("read_errors");
            }
            if (e.writeApproximate()) {
                approx.add("write_errors");
            }
            if (e.checksumApproximate()) {
                approx.add("checksum_errors");
            }
        });
        ArrayNode noteTexts = null;
        String aux = jsonAux(v);
        for (VdevNote n : v.notes()) {
            if (n instanceof VdevNote.Was w) {
                o.put("not_present", 1);
                o.put("was", w.path());
            } else if (n instanceof VdevNote.Aux a) {
                if (aux != null && !o.has("not_present")) {
                    o.put("aux", aux);
                }
                String r = a.reason();
                if (r.startsWith("in use by pool '") && r.endsWith("'")) {
                    o.put("used_by", r.substring(16, r.length() - 1));
                }
            } else if (n instanceof VdevNote.Amount a) {
                o.put("scan_processed", a.bytes());
                if (NiceNumbers.isRounded(a.printed(), 0, a.printed().length())) {
                    approx.add("scan_processed");
                }
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
        if (!approx.isEmpty()) {
            o.set(APPROXIMATE, approx);
        }
        List<Vdev> kids = v.children();
        if (!kids.isEmpty()) {
            ObjectNode c = o.putObject("vdevs");
            for (Vdev k : kids) {
                putUnique(c, k.name(), vdev(k, cls, spare, spareNames));
            }
        }
        return o;
    }
}
