package org.sansdk.zfs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import org.sansdk.core.ParseException;
import org.sansdk.zfs.ScanStatus.ScanFunction;
import org.sansdk.zfs.ScanStatus.ScanState;

/**
 * Parses {@code zpool status -j} (OpenZFS 2.3+, with or without {@code --json-int}) into the same model as
 * the text parser.
 *
 * <p>{@code ZpoolStatusReport r = ZpoolStatusJsonParser.parse("zpool status -j", json);}
 *
 * <p>Normalisation: vdev states use the names the text shows ({@code HEALTHY} → ONLINE, {@code CANT_OPEN}
 * → UNAVAIL, FAULTED with aux BAD_LOG); sizes printed as {@code 3.64T} become bytes;
 * dRAID vdevs whose {@code vdev_type} or state is missing are classified from their names; {@code aux}
 * and {@code was} become notes; script columns ({@code -c}) become {@link Vdev#columns()}.
 */
public final class ZpoolStatusJsonParser {

    /** Trailing data after the document and repeated keys are refused, never skipped or overwritten. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** Vdev members that are not script columns. */
    private static final Set<String> KNOWN = Set.of("name", "vdev_type", "guid", "path", "phys_path", "devid",
            "enc_sysfs_path", "class", "state", "aux", "alloc_space", "total_space", "def_space", "rep_dev_size",
            "ex_dev_size", "self_healed", "phys_space", "read_errors", "write_errors", "checksum_errors",
            "scan_processed", "checkpoint_space", "resilver_deferred", "slow_ios", "power_state",
            "dio_verify_errors", "not_present", "was", "configured_ashift", "physical_ashift", "removing",
            "noalloc", "init_state", "initialized", "to_initialize", "init_time", "init_errors", "trim_state", "used_by",
            "trimmed", "to_trim", "trim_time", "trim_errors", "trim_notsup", "vdevs", "parent", "is_log");

    private static final int MAX_DEPTH = 64;

    private final String source;
    private final long budget;
    private String json = "";
    private int depth;
    private long made;

    private ZpoolStatusJsonParser(String source, long budget) {
        this.source = source == null ? "<input>" : source;
        this.budget = budget;
    }

    /**
     * Parses the JSON text.
     *
     * <p>{@code ZpoolStatusJsonParser.parse("node-a", stdout).pool("san-pool")}
     *
     * @param source name for errors
     * @param json the output of {@code zpool status -j [--json-int]}
     * @return the pools (no warnings)
     * @throws ParseException when the text is not JSON or not zpool status JSON
     */
    public static ZpoolStatusReport parse(String source, String json) {
        if (json == null) {
            throw new ParseException(source, 1, 1, "", "zpool status -j JSON (got null)");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null || loc.getLineNr() < 1 ? 1 : loc.getLineNr();
            int col = loc == null || loc.getColumnNr() < 1 ? 1 : loc.getColumnNr();
            String what = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                    ? "each key once in an object (" + e.getOriginalMessage() + ")"
                    : e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")
                    ? "one JSON document and nothing after it (" + e.getOriginalMessage() + ")"
                    : "well-formed JSON";
            throw new ParseException(source, line, col, ParseException.lineOf(json, line), what, e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new ParseException(source, 1, 1, "", "zpool status -j JSON (got "
                    + (json.isEmpty() ? "nothing" : "only blank text") + ")");
        }
        // every vdev needs its own JSON object: more tree positions than objects means a parent cycle or
        // repeated names fanning out, which must not run away
        ZpoolStatusJsonParser parser = new ZpoolStatusJsonParser(source, json.length() / 2L + 100);
        parser.json = json;
        return parser.report(tree, json);
    }

    private ParseException bad(String path, String expected) {
        int[] at = {1, 1};
        for (String p = path; p.lastIndexOf('.') > 0; p = p.substring(0, p.lastIndexOf('.'))) {
            int[] found = locate(json, p);
            if (found[0] != 1 || found[1] != 1) {
                at = found;
                break;
            }
        }
        return new ParseException(source, at[0], at[1], ParseException.lineOf(json, at[0]).strip() + "  (at " + path + ")", expected);
    }

    /**
     * Line and column (1-based) of the key of a {@code $.a.b} path in the JSON text; 1:1 when the path is the
     * document or is not found as written ({@link #bad} then tries the parent paths).
     */
    static int[] locate(String json, String path) {
        if (json == null || path == null || "$".equals(path)) {
            return new int[] {1, 1};
        }
        try (com.fasterxml.jackson.core.JsonParser p = MAPPER.getFactory().createParser(json)) {
            java.util.Deque<String> keys = new java.util.ArrayDeque<>();
            String pending = null;
            com.fasterxml.jackson.core.JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                    pending = p.currentName();
                    StringBuilder here = new StringBuilder("$");
                    java.util.Iterator<String> it = keys.descendingIterator();
                    while (it.hasNext()) {
                        String k = it.next();
                        if (!k.isEmpty()) {
                            here.append('.').append(k);
                        }
                    }
                    here.append('.').append(pending);
                    if (here.toString().equals(path)) {
                        JsonLocation loc = p.currentTokenLocation();
                        return new int[] {Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr())};
                    }
                } else if (t == com.fasterxml.jackson.core.JsonToken.START_OBJECT
                        || t == com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
                    keys.push(pending != null ? pending : keys.isEmpty() ? "" : "[]");
                    pending = null;
                } else if (t == com.fasterxml.jackson.core.JsonToken.END_OBJECT
                        || t == com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
                    if (!keys.isEmpty()) {
                        keys.pop();
                    }
                } else {
                    pending = null;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // already parsed once as a tree; any trouble here just loses the position
        }
        return new int[] {1, 1};
    }

    private ZpoolStatusReport report(JsonNode tree, String json) {
        if (tree == null || !tree.isObject()) {
            throw bad("$", "a JSON object with 'output_version' and 'pools'");
        }
        JsonNode version = tree.get("output_version");
        if (version == null || !version.isObject() || !version.has("command")) {
            throw bad("$", "zpool status -j output (an 'output_version' object with command 'zpool status')");
        }
        if (!"zpool status".equals(version.get("command").asText())) {
            throw bad("$.output_version.command", "'zpool status' (got '" + version.get("command").asText()
                    + "': use the parser for that command)");
        }
        JsonNode pools = tree.get("pools");
        if (pools == null || !pools.isObject()) {
            throw bad("$.pools", "an object of pools");
        }
        List<PoolStatus> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = pools.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.add(pool(e.getKey(), e.getValue()));
        }
        return new ZpoolStatusReport(out.isEmpty() ? ZpoolStatusReport.Result.NO_POOLS_IN_JSON
                : ZpoolStatusReport.Result.POOLS, List.of(), out, List.of(), Optional.of(tree));
    }

    private PoolStatus pool(String key, JsonNode p) {
        String where = "$.pools." + key;
        if (!p.isObject()) {
            throw bad(where, "a pool object");
        }
        String name = text(p, "name").orElse(key);
        DeviceState state = DeviceState.fromText(text(p, "state").orElseThrow(() -> bad(where + ".state",
                "the pool state")));
        Optional<String> status = text(p, "status").map(ZpoolStatusJsonParser::untab)
                .filter(s -> !s.equals("OK"));
        Optional<String> action = text(p, "action").map(ZpoolStatusJsonParser::untab);
        Optional<String> see = text(p, "moreinfo");
        if (see.isEmpty()) {
            see = text(p, "msgid").map(m -> "https://openzfs.github.io/openzfs-docs/msg/" + m);
        }
        Optional<ScanStatus> scan = scan(p.get("scan_stats"), where + ".scan_stats");
        boolean scanning = scan.map(ScanStatus::inProgress).orElse(false);
        boolean resilver = scan.map(s -> s.function() == ScanFunction.RESILVER).orElse(false);
        Optional<Vdev> root = Optional.empty();
        JsonNode vdevs = p.get("vdevs");
        Map<AllocationClass, List<Vdev>> flatClasses = new LinkedHashMap<>();
        if (vdevs != null && vdevs.isObject() && vdevs.size() > 0) {
            // nested output: the root is the only entry; --json-flat-vdevs: every vdev, each with "parent"
            // except the root and the top-level vdevs of the other classes, which carry "class"
            String rootKey = null;
            boolean flat = false;
            Iterator<Map.Entry<String, JsonNode>> it = vdevs.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                flat |= e.getValue().has("parent");
                if (rootKey == null && (name.equals(e.getKey()) || "root".equals(text(e.getValue(), "vdev_type")
                        .orElse("")))) {
                    rootKey = e.getKey();
                }
            }
            if (rootKey == null) {
                rootKey = vdevs.fields().next().getKey();
            }
            root = Optional.of(vdev(rootKey, vdevs.get(rootKey), where + ".vdevs", true, false, scanning, resilver,
                    vdevs));
            if (flat) {
                it = vdevs.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (e.getKey().equals(rootKey) || e.getValue().has("parent")) {
                        continue;
                    }
                    AllocationClass c = classOf(text(e.getValue(), "class").orElse("normal"));
                    if (c != AllocationClass.DATA) {
                        flatClasses.computeIfAbsent(c, k -> new ArrayList<>()).add(vdev(e.getKey(), e.getValue(),
                                where + ".vdevs", false, c == AllocationClass.SPARE, scanning, resilver, vdevs));
                    }
                }
            }
        }
        List<ClassSection> classes = new ArrayList<>();
        flatClasses.forEach((c, list) -> classes.add(new ClassSection(c, Optional.empty(), Optional.empty(),
                List.of(), list)));
        for (AllocationClass c : new AllocationClass[] {AllocationClass.DEDUP, AllocationClass.SPECIAL,
            AllocationClass.LOG, AllocationClass.CACHE, AllocationClass.SPARE}) {
            JsonNode section = p.get(c.jsonKey());
            if (section != null && section.isObject()) {
                List<Vdev> list = new ArrayList<>();
                Iterator<Map.Entry<String, JsonNode>> it = section.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    list.add(vdev(e.getKey(), e.getValue(), where + "." + c.jsonKey(), false,
                            c == AllocationClass.SPARE, scanning, resilver, null));
                }
                classes.add(new ClassSection(c, Optional.empty(), Optional.empty(), List.of(), list));
            }
        }
        Optional<PoolErrors> errors = Optional.empty();
        if (p.has("error_count") || p.has("errlist")) {
            long count = number(p.get("error_count"));
            List<PermanentError> perm = new ArrayList<>();
            Optional<String> unavailable = Optional.empty();
            JsonNode list = p.get("errlist");
            if (list != null && list.isArray()) {
                for (JsonNode e : list) {
                    perm.add(PermanentError.parse(e.asText()));
                }
            } else if (list != null && list.isTextual()) {
                unavailable = Optional.of(list.asText());
            }
            errors = Optional.of(new PoolErrors(count >= 0 ? OptionalLong.of(count) : OptionalLong.empty(), perm,
                    unavailable));
        }
        Map<String, String> other = new LinkedHashMap<>();
        for (String k : new String[] {"removal_stats", "checkpoint_stats", "raidz_expand_stats"}) {
            if (p.has(k)) {
                other.put(k, p.get(k).toString());
            }
        }
        Optional<String> id = text(p, "pool_guid").or(() -> text(p, "guid"));
        return new PoolStatusValue(name, id, state, status, action, see, scan, other, root, classes, errors);
    }

    /** JSON status/action texts keep the "\n\t" of the text output; the model stores unindented lines. */
    private static String untab(String s) {
        String t = s.strip();
        return t.replace("\n\t", "\n").replace("\t", "");
    }

    private static AllocationClass classOf(String cls) {
        switch (cls) {
            case "log": return AllocationClass.LOG;
            case "l2cache": return AllocationClass.CACHE;
            case "spare": return AllocationClass.SPARE;
            case "special": return AllocationClass.SPECIAL;
            case "dedup": return AllocationClass.DEDUP;
            default: return AllocationClass.DATA;
        }
    }

    /**
     * One vdev and its children. {@code flat} is the flat map of --json-flat-vdevs output (children are the
     * entries whose "parent" is this vdev), or null for nested output.
     */
    private Vdev vdev(String key, JsonNode v, String where, boolean isRoot, boolean isSpare, boolean scanning,
                      boolean resilver, JsonNode flat) {
        String path = where + "." + key;
        if (++made > budget) {
            throw bad(path, "each vdev once (repeated names or 'parent' links fan out)");
        }
        if (++depth > MAX_DEPTH) {
            throw bad(path, "a vdev tree at most " + MAX_DEPTH + " levels deep (a 'parent' cycle?)");
        }
        try {
            return vdevAt(key, v, where, path, isRoot, isSpare, scanning, resilver, flat);
        } finally {
            depth--;
        }
    }

    private Vdev vdevAt(String key, JsonNode v, String where, String path, boolean isRoot, boolean isSpare,
                        boolean scanning, boolean resilver, JsonNode flat) {
        if (!v.isObject()) {
            throw bad(path, "a vdev object");
        }
        String name = text(v, "name").orElse(key);
        JsonNode kids = v.get("vdevs");
        List<Vdev> children = new ArrayList<>();
        if (kids != null && kids.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = kids.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode parent = e.getValue().get("parent");
                if (parent != null && !parent.asText().equals(name)) {
                    continue; // a flattened grandchild repeated at this level
                }
                children.add(vdev(e.getKey(), e.getValue(), path + ".vdevs", false, isSpare, scanning, resilver,
                        flat));
            }
        } else if (flat != null) {
            Iterator<Map.Entry<String, JsonNode>> it = flat.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (name.equals(text(e.getValue(), "parent").orElse(null)) && e.getValue() != v) {
                    children.add(vdev(e.getKey(), e.getValue(), where, false, isSpare, scanning, resilver, flat));
                }
            }
        }
        Optional<String> aux = text(v, "aux");
        DeviceState state = DeviceState.fromJson(text(v, "state").orElse(null), aux.orElse(null));
        if (state == DeviceState.UNKNOWN && !children.isEmpty()) {
            // dRAID/group vdevs printed without a state: derive from children the way the kernel does
            state = worst(children);
        }
        VdevKind kind = kind(isRoot, name, text(v, "vdev_type").orElse(null), !children.isEmpty());
        Optional<ErrorCounters> errors = Optional.empty();
        if (v.has("read_errors") || v.has("write_errors") || v.has("checksum_errors")) {
            long r = number(v.get("read_errors"));
            long w = number(v.get("write_errors"));
            long c = number(v.get("checksum_errors"));
            errors = Optional.of(new ErrorCounters(Math.max(0, r), Math.max(0, w), Math.max(0, c),
                    rounded(v.get("read_errors")), rounded(v.get("write_errors")),
                    rounded(v.get("checksum_errors"))));
        }
        List<VdevNote> notes = new ArrayList<>();
        text(v, "was").ifPresent(x -> notes.add(new VdevNote.Was(x)));
        aux.ifPresent(a -> notes.add(new VdevNote.Aux(auxText(a))));
        if (number(v.get("removing")) > 0) {
            notes.add(new VdevNote.Removing());
        } else if (number(v.get("noalloc")) > 0) {
            notes.add(new VdevNote.NonAllocating());
        }
        if (scanning && children.isEmpty() && number(v.get("scan_processed")) > 0) {
            notes.add(resilver ? new VdevNote.Resilvering() : new VdevNote.Repairing());
        } else if (scanning && children.isEmpty() && number(v.get("resilver_deferred")) > 0) {
            notes.add(new VdevNote.AwaitingResilver());
        }
        if (number(v.get("trim_notsup")) > 0) {
            notes.add(new VdevNote.Trim("trim unsupported"));
        } else {
            text(v, "trim_state").ifPresent(t -> notes.add(new VdevNote.Trim(t.toLowerCase())));
        }
        text(v, "init_state").ifPresent(t -> notes.add(new VdevNote.Initialize(t.toLowerCase())));
        Map<String, String> columns = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = v.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!KNOWN.contains(e.getKey()) && e.getValue().isValueNode()) {
                columns.put(e.getKey(), e.getValue().asText());
            }
        }
        VdevSpace space = new VdevSpace(opt(number(v.get("alloc_space"))), opt(number(v.get("total_space"))),
                opt(number(v.get("def_space"))), opt(number(v.get("rep_dev_size"))), opt(number(v.get("phys_space"))));
        return new Vdev(name, kind, state, errors, notes, columns, children, text(v, "path"), text(v, "guid"),
                space.isEmpty() ? Optional.empty() : Optional.of(space));
    }

    private static DeviceState worst(List<Vdev> children) {
        boolean anyBad = false;
        boolean allBad = true;
        for (Vdev c : children) {
            boolean ok = c.state() == DeviceState.ONLINE || c.state() == DeviceState.INUSE;
            anyBad |= !ok;
            allBad &= !ok;
        }
        return allBad ? DeviceState.UNAVAIL : anyBad ? DeviceState.DEGRADED : DeviceState.ONLINE;
    }

    private static VdevKind kind(boolean isRoot, String name, String type, boolean hasChildren) {
        if (isRoot || "root".equals(type)) {
            return new VdevKind.Root();
        }
        if (type == null) {
            return VdevKind.classify(name, hasChildren);
        }
        switch (type) {
            case "disk": return new VdevKind.Leaf(VdevKind.LeafType.DISK);
            case "file": return new VdevKind.Leaf(VdevKind.LeafType.FILE);
            case "dspare": return new VdevKind.Leaf(VdevKind.LeafType.DISTRIBUTED_SPARE);
            default:
                VdevKind k = VdevKind.classify(name, true);
                if (k instanceof VdevKind.OtherGroup && !hasChildren) {
                    return VdevKind.classify(name, false);
                }
                return k;
        }
    }

    /** The text zpool prints for a JSON aux name. */
    static String auxText(String aux) {
        switch (aux) {
            case "OPEN_FAILED": return "cannot open";
            case "CORRUPT_DATA": return "corrupted data";
            case "BAD_GUID_SUM": return "missing device";
            case "NO_REPLICAS": return "insufficient replicas";
            case "VERSION_NEWER": return "newer version";
            case "VERSION_OLDER": return "incompatible version";
            case "UNSUP_FEAT": return "unsupported feature(s)";
            case "ASHIFT_TOO_BIG": return "unsupported minimum blocksize";
            case "SPARED": return "currently in use";
            case "ERR_EXCEEDED": return "too many errors";
            case "IO_FAILURE": return "experienced I/O failures";
            case "BAD_LOG": return "bad intent log";
            case "EXTERNAL": return "external device fault";
            case "SPLIT_POOL": return "split into new pool";
            case "CHILDREN_OFFLINE": return "all children offline";
            case "BAD_LABEL": return "invalid label";
            default: return aux.toLowerCase().replace('_', ' ');
        }
    }

    private Optional<ScanStatus> scan(JsonNode s, String where) {
        if (s == null || !s.isObject()) {
            return Optional.empty();
        }
        ScanFunction function;
        switch (text(s, "function").orElse("NONE")) {
            case "SCRUB": function = ScanFunction.SCRUB; break;
            case "RESILVER": function = ScanFunction.RESILVER; break;
            case "ERRORSCRUB": function = ScanFunction.ERROR_SCRUB; break;
            default: function = ScanFunction.NONE;
        }
        ScanState state;
        switch (text(s, "state").orElse("NONE")) {
            case "SCANNING": state = ScanState.IN_PROGRESS; break;
            case "FINISHED": state = ScanState.FINISHED; break;
            case "CANCELED": state = ScanState.CANCELED; break;
            case "NONE": state = ScanState.NONE_REQUESTED; break;
            default: state = ScanState.UNKNOWN;
        }
        long pause = number(s.get("scrub_pause"));
        if (state == ScanState.IN_PROGRESS && pause > 0) {
            state = ScanState.PAUSED;
        }
        long toExamine = number(s.get("to_examine"));
        long skipped = number(s.get("skipped"));
        long issued = number(s.get("issued"));
        OptionalDouble pct = OptionalDouble.empty();
        if (toExamine > 0 && issued >= 0) {
            long denom = toExamine - Math.max(0, skipped);
            if (denom > 0) {
                pct = OptionalDouble.of(Math.min(100.0, Math.round(issued * 10000.0 / denom) / 100.0));
            }
        }
        Optional<String> start = timestamp(s.get("start_time"));
        Optional<String> end = timestamp(s.get("end_time"));
        Optional<Duration> took = Optional.empty();
        long st = number(s.get("start_time"));
        long en = number(s.get("end_time"));
        if (state == ScanState.FINISHED && s.get("start_time") != null && s.get("start_time").isNumber()
                && en >= st && st > 0) {
            took = Optional.of(Duration.ofSeconds(en - st));
        }
        Optional<String> rebuild = Optional.empty();
        JsonNode rs = s.get("rebuild_stats");
        if (rs != null && rs.isObject() && rs.size() > 0 && (function == ScanFunction.NONE
                || state != ScanState.IN_PROGRESS)) {
            Map.Entry<String, JsonNode> first = rs.fields().next();
            JsonNode r = first.getValue();
            if ("ACTIVE".equals(text(r, "state").orElse("")) || function == ScanFunction.NONE) {
                rebuild = Optional.of(first.getKey());
                function = ScanFunction.RESILVER;
                state = "ACTIVE".equals(text(r, "state").orElse("")) ? ScanState.IN_PROGRESS
                        : "CANCELED".equals(text(r, "state").orElse("")) ? ScanState.CANCELED : ScanState.FINISHED;
                return Optional.of(new ScanStatusValue(function, state, rebuild, timestamp(r.get("start_time")),
                        timestamp(r.get("end_time")), opt(number(r.get("scanned"))), opt(number(r.get("issued"))),
                        opt(number(r.get("to_scan"))), OptionalLong.empty(), OptionalLong.empty(),
                        OptionalDouble.empty(), Optional.empty(), opt(number(r.get("rebuilt"))), Optional.empty(),
                        opt(number(r.get("errors"))), List.of()));
            }
        }
        if (function == ScanFunction.NONE && state == ScanState.NONE_REQUESTED) {
            return Optional.of(new ScanStatusValue(function, state, Optional.empty(), Optional.empty(), Optional.empty(),
                    OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                    OptionalLong.empty(), OptionalDouble.empty(), Optional.empty(), OptionalLong.empty(),
                    Optional.empty(), OptionalLong.empty(), List.of()));
        }
        boolean running = state == ScanState.IN_PROGRESS || state == ScanState.PAUSED;
        return Optional.of(new ScanStatusValue(function, state, rebuild, start,
                running ? Optional.empty() : end, opt(number(s.get("examined"))), opt(issued), opt(toExamine),
                OptionalLong.empty(), OptionalLong.empty(), running ? pct : OptionalDouble.empty(), Optional.empty(),
                opt(number(s.get("processed"))), took, opt(number(s.get("errors"))), List.of()));
    }

    private static OptionalLong opt(long v) {
        return v < 0 ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /** A timestamp: ctime text as printed, or epoch seconds (--json-int) rendered as a number string. */
    private static Optional<String> timestamp(JsonNode n) {
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (n.isNumber()) {
            return n.asLong() <= 0 ? Optional.empty() : Optional.of(Long.toString(n.asLong()));
        }
        String t = n.asText().strip();
        return t.isEmpty() || t.equals("-") || t.equals("0") ? Optional.empty() : Optional.of(t);
    }

    private static Optional<String> text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return Optional.empty();
        }
        return Optional.of(v.asText());
    }

    /** A number printed as an int (--json-int), a plain string, or a nicenum string; -1 when absent. */
    static long number(JsonNode n) {
        if (n == null || n.isNull()) {
            return -1;
        }
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        if (n.isNumber()) {
            return Math.round(n.asDouble());
        }
        if (n.isTextual()) {
            long v = NiceNumbers.parseSize(n.asText());
            return v == NiceNumbers.INVALID ? -1 : v;
        }
        return -1;
    }

    private static boolean rounded(JsonNode n) {
        return n != null && n.isTextual() && NiceNumbers.isRounded(n.asText(), 0, n.asText().length());
    }
}
