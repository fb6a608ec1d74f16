package org.sansdk.zfs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.sansdk.core.ParseException;
import org.sansdk.core.ParseWarning;

/**
 * Parses the text of {@code zpool status [-v] [-P] [-t] [-c ...]} from OpenZFS 2.x, ZFS on Linux
 * 0.6-0.8, FreeBSD, illumos/Solaris-era output and zfs-fuse (pool version 23): several pools in one output,
 * tabs or spaces, trailing tabs after class headers, old {@code scrub:} lines. The listing of
 * {@code zpool import} (importable pools: {@code id:}, a config without header or counters) parses too.
 *
 * <p>{@code ZpoolStatusReport r = ZpoolStatusParser.parse("zpool status", executor.runChecked(cmd).stdout());}
 *
 * <p>Lines that cannot belong anywhere give located {@link ParseWarning}s; a broken structure (a vdev row
 * without a state, a config without its NAME header, a pool without a name) throws a
 * {@link ParseException} with the line and column. The parser scans each line by index (no regular
 * expressions), so it stays linear in the input.
 */
public final class ZpoolStatusParser {

    private static final int TAB = 8;

    private final String source;
    private final String text;
    /** Parsing {@code zpool import} output (see {@link ZpoolImportParser}). */
    private boolean importMode;
    private final List<ParseWarning> warnings = new ArrayList<>();
    private final int[] starts;
    private final int[] ends;
    private final int count;
    private int i;

    private ZpoolStatusParser(String source, String text) {
        this.source = source == null ? "<input>" : source;
        this.text = text;
        int n = 1;
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) == '\n') {
                n++;
            }
        }
        starts = new int[n];
        ends = new int[n];
        int line = 0;
        int s = 0;
        for (int k = 0; k <= text.length(); k++) {
            if (k == text.length() || text.charAt(k) == '\n') {
                int e = k;
                if (e > s && text.charAt(e - 1) == '\r') {
                    e--;
                }
                starts[line] = s;
                ends[line] = e;
                line++;
                s = k + 1;
            }
        }
        // a final newline does not start another line
        count = text.endsWith("\n") ? n - 1 : n;
    }

    /**
     * Parses one {@code zpool status} output.
     *
     * <p>{@code ZpoolStatusParser.parse("node-a", stdout).pool("san-pool")}
     *
     * @param source name used in warnings and errors (a file name, a host)
     * @param text the output
     * @return the pools and warnings
     * @throws ParseException when the text is not {@code zpool status} output
     */
    public static ZpoolStatusReport parse(String source, String text) {
        if (text == null) {
            throw new ParseException(source, 1, 1, "", "zpool status output (got null)");
        }
        return new ZpoolStatusParser(source, text).run();
    }

    // ---------------------------------------------------------------- lines

    private String line(int k) {
        return text.substring(starts[k], ends[k]);
    }

    private boolean blank(int k) {
        for (int p = starts[k]; p < ends[k]; p++) {
            char c = text.charAt(p);
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    private int firstNonBlank(int k) {
        int p = starts[k];
        while (p < ends[k] && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
            p++;
        }
        return p;
    }

    private void warn(int k, int col, String message) {
        warnings.add(new ParseWarning(source, k + 1, col, message));
    }

    private ParseException error(int k, int col, String expected) {
        String shown = k < count ? line(k) : "";
        return new ParseException(source, k + 1, col, shown, expected);
    }

    /** Recognised header keys; a header line is at most 6 leading spaces, a key and a colon. */
    private static final String[] KEYS = {
        "pool", "id", "state", "status", "action", "see", "scan", "scrub", "remove", "checkpoint", "expand",
        "config", "errors", "dedup", "comment"
    };

    /** Returns the key of a header line or null; {@code keyEnd} receives the index after the colon. */
    private String headerKey(int k) {
        int p = starts[k];
        int e = ends[k];
        int spaces = 0;
        while (p < e && text.charAt(p) == ' ') {
            p++;
            spaces++;
        }
        if (spaces > 6 || p >= e) {
            return null;
        }
        int w = p;
        while (w < e && text.charAt(w) >= 'a' && text.charAt(w) <= 'z') {
            w++;
        }
        if (w == p || w >= e || text.charAt(w) != ':') {
            return null;
        }
        if (w + 1 < e && text.charAt(w + 1) != ' ' && text.charAt(w + 1) != '\t') {
            return null;
        }
        int len = w - p;
        for (String key : KEYS) {
            if (key.length() == len && text.startsWith(key, p)) {
                return key;
            }
        }
        return null;
    }

    /** Text after "key:" stripped. */
    private String headerValue(int k) {
        int colon = text.indexOf(':', starts[k]);
        return text.substring(colon + 1, ends[k]).strip();
    }

    // ---------------------------------------------------------------- top level

    private ZpoolStatusReport run() {
        List<PoolStatus> pools = new ArrayList<>();
        Map<String, Integer> poolLines = new java.util.HashMap<>();
        List<String> healthy = new ArrayList<>();
        ZpoolStatusReport.Result marker = null;
        int markerLine = -1;
        boolean anyText = false;
        i = 0;
        while (i < count) {
            if (blank(i)) {
                i++;
                continue;
            }
            anyText = true;
            String key = headerKey(i);
            if ("pool".equals(key)) {
                int at = i;
                PoolStatus p = parsePool();
                Integer first = poolLines.putIfAbsent(p.name(), at);
                if (first != null) {
                    // a concatenation of two captures: keeping either block would hide the other
                    throw error(at, 1, "each pool once (pool '" + p.name() + "' is already at line "
                            + (first + 1) + "; two captures concatenated?)");
                }
                pools.add(p);
                continue;
            }
            String t = line(i).strip();
            ZpoolStatusReport.Result m = null;
            if (t.equals("no pools available")) {
                m = ZpoolStatusReport.Result.NO_POOLS_AVAILABLE;
            } else if (t.equals("all pools are healthy")) {
                m = ZpoolStatusReport.Result.ALL_POOLS_HEALTHY;
            } else if (t.startsWith("pool '") && t.endsWith("' is healthy") && t.length() > 18) {
                m = ZpoolStatusReport.Result.POOL_HEALTHY;
                String name = t.substring(6, t.length() - 12);
                if (healthy.contains(name) || poolLines.containsKey(name)) {
                    throw error(i, 1, "each pool once (pool '" + name + "' is already in this output)");
                }
                healthy.add(name);
            } else if (t.equals("no pools available to import")) {
                throw error(i, 1, "zpool status output; this is 'zpool import' output (use ZpoolImportParser, "
                        + "sanctl kind zpool-import)");
            } else if (pools.isEmpty() && marker == null && isTimestamp(t)) {
                // zpool status -T u|d prints the time before the pools
                i++;
                continue;
            } else {
                warn(i, firstNonBlank(i) - starts[i] + 1, "line outside any pool skipped");
                i++;
                continue;
            }
            if (marker != null && (marker != m || m != ZpoolStatusReport.Result.POOL_HEALTHY)) {
                throw error(i, 1, "one zpool status answer ('" + t + "' after '" + line(markerLine).strip()
                        + "' at line " + (markerLine + 1) + ": two captures concatenated?)");
            }
            if (marker == null) {
                marker = m;
                markerLine = i;
            }
            i++;
        }
        if (!anyText) {
            throw error(0, 1, "zpool status output (got " + (text.isEmpty() ? "nothing" : "only blank lines")
                    + "; zpool prints pools, 'no pools available' or 'all pools are healthy')");
        }
        if (marker != null && marker != ZpoolStatusReport.Result.POOL_HEALTHY && !pools.isEmpty()) {
            throw error(markerLine, 1, "either pool blocks or '" + line(markerLine).strip()
                    + "', not both (two captures concatenated?)");
        }
        if (pools.isEmpty() && marker == null) {
            int k = 0;
            while (k < count && blank(k)) {
                k++;
            }
            throw error(k, 1, "'  pool: <name>', 'no pools available' or 'all pools are healthy'");
        }
        ZpoolStatusReport.Result result = pools.isEmpty() ? marker : ZpoolStatusReport.Result.POOLS;
        return new ZpoolStatusReport(result, healthy, pools, warnings, Optional.empty());
    }

    /**
     * Parses {@code zpool import} (scan) output; see {@link ZpoolImportParser#parse(String, String)}.
     *
     * @param source name for errors
     * @param text the output
     * @return the report
     */
    static ZpoolImportReport parseImport(String source, String text) {
        if (text == null) {
            throw new ParseException(source, 1, 1, "", "zpool import output (got null)");
        }
        ZpoolStatusParser p = new ZpoolStatusParser(source, text);
        p.importMode = true;
        return p.runImport();
    }

    private ZpoolImportReport runImport() {
        List<ImportCandidate> out = new ArrayList<>();
        Map<String, Integer> idLines = new java.util.HashMap<>();
        int noneLine = -1;
        boolean anyText = false;
        i = 0;
        while (i < count) {
            if (blank(i)) {
                i++;
                continue;
            }
            anyText = true;
            String key = headerKey(i);
            if ("pool".equals(key)) {
                if (noneLine >= 0) {
                    throw error(i, 1, "nothing after 'no pools available to import' (line " + (noneLine + 1) + ")");
                }
                int at = i;
                PoolStatus p = parsePool();
                String id = p.id().get();
                Integer first = idLines.putIfAbsent(id, at);
                if (first != null) {
                    throw error(at, 1, "each pool id once (id " + id + " is already at line " + (first + 1)
                            + "; two captures concatenated?)");
                }
                out.add(candidate(p, i >= count));
                continue;
            }
            String t = line(i).strip();
            if (t.equals("no pools available to import") && noneLine < 0 && out.isEmpty()) {
                noneLine = i;
                i++;
                continue;
            }
            if (t.equals("no pools available") || t.equals("all pools are healthy")
                    || (t.startsWith("pool '") && t.endsWith("' is healthy"))) {
                throw error(i, 1, "zpool import output; '" + t + "' is 'zpool status' output (use ZpoolStatusParser)");
            }
            throw error(i, firstNonBlank(i) - starts[i] + 1,
                    "'  pool: <name>' or 'no pools available to import'");
        }
        if (!anyText) {
            throw error(0, 1, "zpool import output (got " + (text.isEmpty() ? "nothing" : "only blank lines")
                    + "; zpool import prints pools or 'no pools available to import')");
        }
        return new ZpoolImportReport(out.isEmpty() ? ZpoolImportReport.Result.NO_POOLS_AVAILABLE_TO_IMPORT
                : ZpoolImportReport.Result.CANDIDATES, out, warnings);
    }

    private ImportCandidate candidate(PoolStatus p, boolean last) {
        String word = p.otherSections().getOrDefault("state", p.state().name());
        boolean destroyed = word.endsWith("(DESTROYED)");
        Vdev root = p.root().get();
        String incomplete = null;
        if (root.state() != p.state()) {
            incomplete = "the root vdev row says " + root.state() + " but 'state:' says " + p.state()
                    + " (zpool prints the same state on both: cut or edited?)";
        }
        if (incomplete == null) {
            incomplete = structureGap(root, p.classes());
        }
        if (incomplete == null && last && !text.endsWith("\n")) {
            incomplete = "the output ends without a newline (zpool ends every line with one): cut in the middle "
                    + "of the last line?";
        }
        List<String> notes = p.otherSections().containsKey("notes")
                ? List.of(p.otherSections().get("notes").split("\n")) : List.of();
        return new ImportCandidate(p.name(), p.id().get(), p.state(), destroyed, p.status(), p.action(),
                Optional.ofNullable(p.otherSections().get("comment")), p.see(), root, p.classes(), notes,
                Optional.ofNullable(incomplete));
    }

    /**
     * What a whole listing always has and a cut one may lack: groups with all their members, sections with
     * entries, and a bad device under every non-ONLINE group. {@code zpool import} prints no end marker, so
     * this is all that can be checked; null when nothing is missing.
     */
    private static String structureGap(Vdev root, List<ClassSection> classes) {
        for (ClassSection s : classes) {
            if (s.vdevs().isEmpty()) {
                return "section '" + s.allocationClass().jsonKey() + "' has no entries";
            }
        }
        List<Vdev> all = new ArrayList<>();
        root.walk().forEach(all::add);
        for (ClassSection s : classes) {
            s.vdevs().forEach(v -> v.walk().forEach(all::add));
        }
        for (Vdev v : all) {
            int min = v.kind() instanceof VdevKind.Raidz r ? r.parity() + 1
                    : v.kind() instanceof VdevKind.Draid d ? 2 : v.kind() instanceof VdevKind.Root ? 1 : 2;
            if (!v.isLeaf() && v.children().size() < min && !(v.kind() instanceof VdevKind.Root)) {
                return "'" + v.name() + "' has " + v.children().size() + " member(s); a " + v.kind().jsonType()
                        + " has at least " + min;
            }
        }
        if (root.children().isEmpty()) {
            return "the pool has no data vdevs";
        }
        for (Vdev v : all) {
            if (!v.isLeaf() && v.state() != DeviceState.ONLINE && v.state() != DeviceState.UNKNOWN) {
                boolean anyBad = v.children().stream().anyMatch(c -> c.state() != DeviceState.ONLINE);
                if (v.kind() instanceof VdevKind.Root) {
                    anyBad |= classes.stream().filter(s -> s.allocationClass() != AllocationClass.SPARE
                            && s.allocationClass() != AllocationClass.CACHE)
                            .flatMap(s -> s.vdevs().stream()).anyMatch(c -> c.state() != DeviceState.ONLINE);
                    anyBad |= !v.notes().isEmpty();
                }
                if (!anyBad && v.notes().isEmpty()) {
                    return "'" + v.name() + "' is " + v.state() + " but every member shown is ONLINE";
                }
            }
        }
        return null;
    }

    /** {@code -T u} (seconds) or {@code -T d} (date(1) style, starts with a weekday). */
    private static boolean isTimestamp(String t) {
        if (!t.isEmpty() && NiceNumbers.parseLong(t, 0, t.length()) >= 0) {
            return true;
        }
        if (t.length() < 20 || t.charAt(3) != ' ') {
            return false;
        }
        String day = t.substring(0, 3);
        return "Mon Tue Wed Thu Fri Sat Sun".contains(day) && t.indexOf(':') > 0;
    }

    // ---------------------------------------------------------------- one pool

    private PoolStatus parsePool() {
        int poolLine = i;
        String name = headerValue(i);
        if (name.isEmpty() || name.indexOf(' ') >= 0 || name.indexOf('\t') >= 0) {
            throw error(i, 1, "a pool name after 'pool:'");
        }
        i++;
        Optional<String> id = Optional.empty();
        DeviceState state = null;
        Optional<String> status = Optional.empty();
        Optional<String> action = Optional.empty();
        Optional<String> see = Optional.empty();
        Optional<ScanStatus> scan = Optional.empty();
        Map<String, String> other = new LinkedHashMap<>();
        ConfigResult config = null;
        ErrorsBuilder errors = null;
        int errorsLine = -1;
        int errorsEnd = -1;
        boolean errorsComplete = false;
        while (i < count) {
            if (blank(i)) {
                i++;
                continue;
            }
            String key = headerKey(i);
            if ("pool".equals(key)) {
                break;
            }
            if (key == null) {
                String t = line(i).strip();
                if (t.equals("all pools are healthy") || t.equals("no pools available")
                        || t.equals("no pools available to import")
                        || (t.startsWith("pool '") && t.endsWith("' is healthy"))) {
                    break; // the run loop decides what this answer means next to a pool block
                }
                if (importMode && config != null) {
                    // "Additional devices are known to be part of this pool, though their ..."
                    String prev = other.get("notes");
                    other.put("notes", prev == null ? t : prev + "\n" + t);
                    i++;
                    continue;
                }
                warn(i, firstNonBlank(i) - starts[i] + 1, "unexpected line in pool '" + name + "' skipped");
                i++;
                continue;
            }
            int keyLine = i;
            switch (key) {
                case "id":
                    if (!importMode) {
                        // zpool status never prints the pool id; zpool import prints it for every candidate
                        throw error(i, 1, "zpool status output; an 'id:' line means this is 'zpool import' "
                                + "output (use ZpoolImportParser, sanctl kind zpool-import)");
                    }
                    if (id.isPresent()) {
                        throw error(i, 1, "one 'id:' line per pool");
                    }
                    id = Optional.of(headerValue(i));
                    i++;
                    break;
                case "comment":
                    if (!importMode) {
                        throw error(i, 1, "zpool status output; a 'comment:' line means this is 'zpool import' "
                                + "output (use ZpoolImportParser, sanctl kind zpool-import)");
                    }
                    other.put("comment", headerValue(i));
                    i++;
                    break;
                case "state": {
                    String v = headerValue(i);
                    int sp = v.indexOf(' ');
                    // "zpool import -D" prints "ONLINE (DESTROYED)"
                    String word = sp < 0 ? v : v.substring(0, sp);
                    if (sp >= 0) {
                        other.put("state", v);
                    }
                    state = DeviceState.fromText(word);
                    if (state == DeviceState.UNKNOWN && !word.equals("UNKNOWN")) {
                        throw error(i, 1, "a pool state (ONLINE, DEGRADED, FAULTED, ...)");
                    }
                    i++;
                    break;
                }
                case "status":
                    status = Optional.of(String.join("\n", collectText()));
                    break;
                case "action": {
                    String v = headerValue(i);
                    if (!importMode && (v.startsWith("The pool can be imported")
                            || v.startsWith("The pool cannot be imported"))) {
                        throw error(i, 1, "zpool status output; this 'action:' is 'zpool import' wording "
                                + "(use ZpoolImportParser, sanctl kind zpool-import)");
                    }
                    action = Optional.of(String.join("\n", collectText()));
                    break;
                }
                case "see":
                    see = Optional.of(headerValue(i));
                    i++;
                    break;
                case "scan":
                case "scrub": {
                    if (importMode) {
                        throw error(i, 1, "zpool import output; a '" + key + ":' line means this is 'zpool status' "
                                + "output (use ZpoolStatusParser, sanctl kind zpool-status)");
                    }
                    List<String> lines = collectText();
                    scan = Optional.of(ScanParser.parse(lines, keyLine + 1, source, warnings));
                    break;
                }
                case "remove":
                case "checkpoint":
                case "expand":
                case "dedup":
                    other.put(key, String.join("\n", collectText()));
                    break;
                case "config": {
                    String v = headerValue(i);
                    i++;
                    if (!v.isEmpty()) {
                        other.put("config", v);
                    } else {
                        config = parseConfig(name);
                    }
                    break;
                }
                case "errors":
                    if (importMode) {
                        throw error(i, 1, "zpool import output; an 'errors:' line means this is 'zpool status' "
                                + "output (use ZpoolStatusParser, sanctl kind zpool-status)");
                    }
                    if (errors == null) {
                        errors = new ErrorsBuilder();
                    }
                    errorsLine = i;
                    errorsComplete = parseErrors(errors);
                    errorsEnd = i;
                    break;
                default:
                    i++;
            }
        }
        if (state == null) {
            throw error(poolLine + 1 < count ? poolLine + 1 : poolLine, 1,
                    "' state: <STATE>' for pool '" + name + "'");
        }
        String incomplete = null;
        if (importMode) {
            if (id.isEmpty()) {
                throw error(poolLine, 1, "zpool import output; pool '" + name + "' has no 'id:' line, which "
                        + "'zpool import' prints for every pool (is this 'zpool status' output?)");
            }
            if (config == null) {
                throw error(Math.max(0, Math.min(i, count) - 1), 1, "the 'config:' tree of pool '" + name
                        + "' (the capture ends before it)");
            }
        } else if (errorsLine < 0) {
            incomplete = "no 'errors:' line (zpool prints it last in every pool block): the capture ends before "
                    + "the end of pool '" + name + "'";
        } else if (!errorsComplete) {
            incomplete = "line " + (errorsLine + 1) + ": the 'errors:' part is not one zpool prints completely "
                    + "(cut?)";
        } else if (errorsEnd >= count && !text.endsWith("\n")) {
            // zpool ends every line with a newline: a last line without one may be cut in the middle
            incomplete = "line " + count + ": the output ends without a newline inside the 'errors:' part "
                    + "(cut in the middle of a line?)";
        }
        return new PoolStatusValue(name, id, state, status, action, see, scan, other,
                config == null ? Optional.empty() : Optional.of(config.root), config == null ? List.of()
                : config.sections, errors == null ? Optional.empty() : Optional.of(errors.build()),
                Optional.ofNullable(incomplete));
    }

    /** The value of the header line at i plus its indented continuation lines; advances i. */
    private List<String> collectText() {
        List<String> out = new ArrayList<>();
        out.add(headerValue(i));
        i++;
        while (i < count && !blank(i) && headerKey(i) == null) {
            char c = text.charAt(starts[i]);
            if (c != ' ' && c != '\t') {
                break;
            }
            // a vdev table or a NAME header never follows a text field without "config:"
            out.add(line(i).strip());
            i++;
        }
        return out;
    }

    // ---------------------------------------------------------------- errors

    private static final class ErrorsBuilder {
        OptionalLong count = OptionalLong.empty();
        final List<PermanentError> permanent = new ArrayList<>();
        Optional<String> unavailable = Optional.empty();

        PoolErrors build() {
            return new PoolErrors(count, permanent, unavailable);
        }
    }

    /** Reads an {@code errors:} line and its list; returns false when it is not a form zpool prints whole. */
    private boolean parseErrors(ErrorsBuilder b) {
        String v = headerValue(i);
        int at = i;
        i++;
        if (v.equals("No known data errors") || v.equals("No known errors")) {
            b.count = OptionalLong.of(0);
            return true;
        }
        if (v.startsWith("Permanent errors have been detected")) {
            while (i < count && blank(i)) {
                i++;
            }
            while (i < count && !blank(i) && headerKey(i) == null) {
                b.permanent.add(PermanentError.parse(line(i)));
                i++;
            }
            if (b.permanent.isEmpty()) {
                warn(at, 1, "permanent-error header without entries");
                return false;
            }
            return v.equals("Permanent errors have been detected in the following files:");
        }
        if (v.startsWith("List of errors unavailable")) {
            String reason = v.substring("List of errors unavailable".length()).strip();
            if (reason.startsWith(":")) {
                reason = reason.substring(1).strip();
            } else if (reason.startsWith("(") && reason.endsWith(")")) {
                reason = reason.substring(1, reason.length() - 1);
            } else {
                warn(at, 1, "unrecognised errors: line kept out of the model");
                return false;
            }
            b.unavailable = Optional.of(reason);
            return !reason.isEmpty();
        }
        int sp = v.indexOf(' ');
        if (sp > 0 && v.startsWith(" data errors, use '-v' for a list", sp)
                && v.length() == sp + " data errors, use '-v' for a list".length()) {
            long n = NiceNumbers.parseLong(v, 0, sp);
            if (n >= 0) {
                b.count = OptionalLong.of(n);
                return true;
            }
        }
        warn(at, 1, "unrecognised errors: line kept out of the model");
        return false;
    }

    // ---------------------------------------------------------------- config

    private static final class ConfigResult {
        Vdev root;
        List<ClassSection> sections = new ArrayList<>();
    }

    /** Mutable row while the tree is built. */
    private static final class Node {
        final String name;
        final DeviceState state;
        final ErrorCounters counters;
        final List<VdevNote> notes;
        final Map<String, String> columns;
        final int depth;
        final List<Node> children = new ArrayList<>();
        final boolean hasState;
        AllocationClass section;

        Node(String name, DeviceState state, boolean hasState, ErrorCounters counters, List<VdevNote> notes,
             Map<String, String> columns, int depth) {
            this.name = name;
            this.state = state;
            this.hasState = hasState;
            this.counters = counters;
            this.notes = notes;
            this.columns = columns;
            this.depth = depth;
        }

        Vdev toVdev(boolean root) {
            List<Vdev> kids = new ArrayList<>(children.size());
            for (Node c : children) {
                kids.add(c.toVdev(false));
            }
            VdevKind kind = root ? new VdevKind.Root() : VdevKind.classify(name, !children.isEmpty());
            Optional<String> guid = Optional.empty();
            if (!root && children.isEmpty() && VdevKind.isGuidName(name)) {
                // a missing device is printed by its GUID; "was PATH" (when printed) tells file from disk
                guid = Optional.of(name);
                Optional<String> was = Optional.empty();
                for (VdevNote n : notes) {
                    if (n instanceof VdevNote.Was w) {
                        was = Optional.of(w.path());
                    }
                }
                kind = new VdevKind.Leaf(VdevKind.missingLeafType(was));
            }
            return new Vdev(name, kind, state, Optional.ofNullable(counters), notes, columns, kids,
                    Optional.empty(), guid, Optional.empty());
        }
    }

    private ConfigResult parseConfig(String poolName) {
        while (i < count && blank(i)) {
            i++;
        }
        if (i >= count) {
            throw error(Math.max(0, count - 1), 1, "the 'NAME STATE READ WRITE CKSUM' header after 'config:'");
        }
        int hp = firstNonBlank(i);
        int baseIndent = indentWidth(i);
        List<String> extraColumns;
        boolean listing = false;
        if (text.startsWith("NAME", hp)) {
            extraColumns = headerExtras(i);
            i++;
        } else if (text.startsWith(poolName, hp) && (hp + poolName.length() == ends[i]
                || isWs(text.charAt(hp + poolName.length())))) {
            // "zpool import" listing: no header, no counters, spares without a state
            extraColumns = List.of();
            listing = true;
        } else {
            throw error(i, hp - starts[i] + 1, "the 'NAME STATE READ WRITE CKSUM' header after 'config:'");
        }
        ConfigResult result = new ConfigResult();
        Node root = null;
        Node currentSection = null;
        List<Node> sectionNodes = new ArrayList<>();
        // stack of open nodes by depth (root or section header at the bottom)
        List<Node> stack = new ArrayList<>();
        while (i < count && !blank(i) && headerKey(i) == null) {
            int k = i;
            int depth = indentWidth(k) - baseIndent;
            Node node = parseRow(k, depth, extraColumns);
            i++;
            if (root == null) {
                if (depth != 0) {
                    warn(k, 1, "first vdev row is not aligned with NAME; read as the pool root");
                }
                root = new Node(node.name, node.state, node.hasState, node.counters, node.notes, node.columns, 0);
                if (!node.name.equals(poolName)) {
                    warn(k, 1, "root vdev '" + node.name + "' is not named like pool '" + poolName + "'");
                }
                stack.add(root);
                continue;
            }
            if (depth <= 0) {
                Optional<AllocationClass> cls = depth == 0 ? AllocationClass.fromHeader(node.name)
                        : Optional.empty();
                if (cls.isPresent()) {
                    node.section = cls.get();
                    currentSection = node;
                    sectionNodes.add(node);
                    stack.clear();
                    stack.add(node);
                    continue;
                }
                // A device row indented less than (or as little as) the NAME column: published output
                // that was re-indented by hand. Attach it to the open section (or the root).
                Node parent = currentSection != null ? currentSection : root;
                warn(k, 1, "vdev row '" + node.name + "' is indented " + (depth < 0 ? "less than" : "as")
                        + " the NAME column; read as a top-level member of '" + parent.name + "'");
                Node fixed = new Node(node.name, node.state, node.hasState, node.counters, node.notes,
                        node.columns, parent.depth + 2);
                parent.children.add(fixed);
                stack.clear();
                stack.add(parent);
                stack.add(fixed);
                continue;
            }
            if (!node.hasState && !(listing && currentSection != null)) {
                throw error(k, firstNonBlank(k) - starts[k] + 1, "a STATE column after vdev '"
                        + node.name + "'");
            }
            while (stack.size() > 1 && stack.get(stack.size() - 1).depth >= depth) {
                stack.remove(stack.size() - 1);
            }
            Node parent = stack.get(stack.size() - 1);
            parent.children.add(node);
            stack.add(node);
        }
        if (root == null) {
            throw error(i < count ? i : count - 1, 1, "the pool's root vdev row after the NAME header");
        }
        if (!root.hasState) {
            throw error(i - 1, 1, "a STATE column on the root vdev row");
        }
        result.root = root.toVdev(true);
        for (Node s : sectionNodes) {
            List<Vdev> vdevs = new ArrayList<>();
            for (Node c : s.children) {
                vdevs.add(c.toVdev(false));
            }
            result.sections.add(new ClassSection(s.section,
                    s.hasState ? Optional.of(s.state) : Optional.empty(), Optional.ofNullable(s.counters),
                    s.notes, vdevs));
        }
        return result;
    }

    /** Leading whitespace width with tabs to the next multiple of 8. */
    private int indentWidth(int k) {
        int w = 0;
        for (int p = starts[k]; p < ends[k]; p++) {
            char c = text.charAt(p);
            if (c == ' ') {
                w++;
            } else if (c == '\t') {
                w = (w / TAB + 1) * TAB;
            } else {
                break;
            }
        }
        return w;
    }

    /** Column names after CKSUM on the NAME header line. */
    private List<String> headerExtras(int k) {
        int p = firstNonBlank(k);
        int e = ends[k];
        int ck = text.indexOf("CKSUM", p);
        if (ck < 0 || ck >= e) {
            throw error(k, p - starts[k] + 1, "the 'NAME STATE READ WRITE CKSUM' header after 'config:'");
        }
        List<String> out = new ArrayList<>();
        int q = ck + 5;
        while (q < e) {
            while (q < e && isWs(text.charAt(q))) {
                q++;
            }
            int s = q;
            while (q < e && !isWs(text.charAt(q))) {
                q++;
            }
            if (q > s) {
                out.add(text.substring(s, q));
            }
        }
        return out;
    }

    private static boolean isWs(char c) {
        return c == ' ' || c == '\t';
    }

    /** Parses one vdev row: name, state, counters, then notes and extra columns. */
    private Node parseRow(int k, int depth, List<String> extraColumns) {
        int e = ends[k];
        int p = firstNonBlank(k);
        int ns = p;
        while (p < e && !isWs(text.charAt(p))) {
            p++;
        }
        String name = text.substring(ns, p);
        while (p < e && isWs(text.charAt(p))) {
            p++;
        }
        if (p >= e) {
            return new Node(name, DeviceState.UNKNOWN, false, null, List.of(), Map.of(), depth);
        }
        int ss = p;
        while (p < e && !isWs(text.charAt(p))) {
            p++;
        }
        String stateWord = text.substring(ss, p);
        DeviceState state = DeviceState.fromText(stateWord);
        if (state == DeviceState.UNKNOWN && !stateWord.equals("UNKNOWN")) {
            throw error(k, ss - starts[k] + 1, "a vdev state (ONLINE, DEGRADED, FAULTED, OFFLINE, UNAVAIL, "
                    + "REMOVED, AVAIL, INUSE) after '" + name + "'");
        }
        // counters: three numbers, or none (spares)
        long[] counters = new long[3];
        boolean[] rounded = new boolean[3];
        int got = 0;
        int afterCounters = p;
        int q = p;
        while (got < 3) {
            while (q < e && isWs(text.charAt(q))) {
                q++;
            }
            int ts = q;
            while (q < e && !isWs(text.charAt(q))) {
                q++;
            }
            if (q == ts) {
                break;
            }
            long v = NiceNumbers.parseSize(text, ts, q);
            if (v == NiceNumbers.INVALID) {
                break;
            }
            rounded[got] = NiceNumbers.isRounded(text, ts, q);
            counters[got++] = v;
            afterCounters = q;
        }
        ErrorCounters errorCounters = null;
        if (got == 3) {
            errorCounters = new ErrorCounters(counters[0], counters[1], counters[2], rounded[0], rounded[1],
                    rounded[2]);
        } else if (got != 0) {
            throw error(k, afterCounters - starts[k] + 1, "READ, WRITE and CKSUM counters after the state of '"
                    + name + "'");
        } else {
            afterCounters = p;
        }
        int r = afterCounters;
        while (r < e && isWs(text.charAt(r))) {
            r++;
        }
        List<VdevNote> notes = List.of();
        Map<String, String> columns = Map.of();
        if (r < e && errorCounters != null && !extraColumns.isEmpty()) {
            // SLOW, POWER and DIO (-s, --power, -d) are printed right after the counters, one token each
            columns = new LinkedHashMap<>();
            int fixed = 0;
            while (fixed < extraColumns.size() && FIXED_COLUMNS.contains(extraColumns.get(fixed)) && r < e) {
                int ts = r;
                while (r < e && !isWs(text.charAt(r))) {
                    r++;
                }
                columns.put(extraColumns.get(fixed++), text.substring(ts, r));
                while (r < e && isWs(text.charAt(r))) {
                    r++;
                }
            }
            List<String> scriptColumns = extraColumns.subList(fixed, extraColumns.size());
            if (r < e) {
                String rest = text.substring(r, e);
                if (!scriptColumns.isEmpty()) {
                    // -c script output comes last, after any notes
                    List<String> segments = splitSegments(rest);
                    int firstColumn = Math.max(0, segments.size() - scriptColumns.size());
                    for (int c = firstColumn; c < segments.size(); c++) {
                        columns.put(scriptColumns.get(c - firstColumn), segments.get(c));
                    }
                    notes = parseNotes(String.join("  ", segments.subList(0, firstColumn)));
                } else {
                    notes = parseNotes(rest);
                }
            }
        } else if (r < e) {
            notes = parseNotes(text.substring(r, e));
        }
        return new Node(name, state, true, errorCounters, notes, columns, depth);
    }

    /** Columns zpool prints between the counters and the notes. */
    private static final java.util.Set<String> FIXED_COLUMNS = java.util.Set.of("SLOW", "POWER", "DIO");

    /** Splits on runs of two or more blanks (or a tab). */
    private static List<String> splitSegments(String s) {
        List<String> out = new ArrayList<>();
        int n = s.length();
        int start = 0;
        int p = 0;
        while (p < n) {
            char c = s.charAt(p);
            boolean gap = c == '\t' || (c == ' ' && p + 1 < n && isWs(s.charAt(p + 1)));
            if (gap) {
                if (p > start) {
                    out.add(s.substring(start, p));
                }
                while (p < n && isWs(s.charAt(p))) {
                    p++;
                }
                start = p;
            } else {
                p++;
            }
        }
        if (start < n) {
            String last = s.substring(start).strip();
            if (!last.isEmpty()) {
                out.add(last);
            }
        }
        return out;
    }

    /**
     * Reads the notes after the counters: parenthesised states, {@code was PATH}, aux reasons and old
     * per-device amounts, separated by two blanks.
     *
     * <p>{@code parseNotes("was /dev/sdb1  (resilvering)")}
     *
     * @param rest the text after the counters
     * @return the notes
     */
    static List<VdevNote> parseNotes(String rest) {
        List<VdevNote> notes = new ArrayList<>(2);
        String r = rest.strip();
        while (!r.isEmpty()) {
            if (r.charAt(0) == '(') {
                int close = r.indexOf(')');
                if (close < 0) {
                    notes.add(new VdevNote.Other(r));
                    break;
                }
                notes.add(parenNote(r.substring(1, close)));
                r = r.substring(close + 1).strip();
                continue;
            }
            int gap = r.indexOf("  ");
            String seg = gap < 0 ? r : r.substring(0, gap);
            r = gap < 0 ? "" : r.substring(gap).strip();
            if (seg.startsWith("was ")) {
                notes.add(new VdevNote.Was(seg.substring(4).strip()));
            } else if (seg.startsWith("block size: ")) {
                notes.add(new VdevNote.BlockSize(seg.substring(12)));
            } else {
                int sp = seg.indexOf(' ');
                if (sp > 0 && (seg.endsWith(" resilvered") || seg.endsWith(" repaired"))
                        && seg.indexOf(' ', sp + 1) < 0) {
                    long v = NiceNumbers.parseSize(seg, 0, sp);
                    if (v != NiceNumbers.INVALID) {
                        notes.add(new VdevNote.Amount(v, seg.substring(sp + 1), seg.substring(0, sp)));
                        continue;
                    }
                }
                notes.add(new VdevNote.Aux(seg));
            }
        }
        return notes;
    }

    private static VdevNote parenNote(String inner) {
        switch (inner) {
            case "resilvering": return new VdevNote.Resilvering();
            case "repairing": return new VdevNote.Repairing();
            case "awaiting resilver": return new VdevNote.AwaitingResilver();
            case "removing": return new VdevNote.Removing();
            case "non-allocating": return new VdevNote.NonAllocating();
            default:
                if (inner.contains("trim")) {
                    return new VdevNote.Trim(inner);
                }
                if (inner.contains("initializ")) {
                    return new VdevNote.Initialize(inner);
                }
                return new VdevNote.Other("(" + inner + ")");
        }
    }
}
