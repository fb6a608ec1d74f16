package org.sansdk.iscsi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sansdk.core.ParseException;
import org.sansdk.core.Secret;
import org.sansdk.iscsi.internal.Lines;

/**
 * Parses {@code iscsiadm -m session -P 1}, {@code -P 2} and {@code -P 3} as open-iscsi's
 * {@code session_info_print_tree} prints them (tabs, or the spaces a copy turned them into). A capture that
 * ends inside a session (a section or field of its level missing) is refused with its line; every session
 * must carry the sections of the level.
 *
 * <pre>{@code SessionTree t = SessionTreeParser.parse("iscsiadm -m session -P 3", text);}</pre>
 */
public final class SessionTreeParser {
    private static final Pattern TARGET = Pattern.compile("Target: (\\S+)(?: \\((flash|non-flash)\\))?");
    private static final String MASK = "********";
    private static final Pattern LEVEL0 = Pattern.compile("[A-Za-z0-9_]+: \\[\\d+\\] .*");
    private static final Pattern NODE_LINE = Pattern.compile("\\S+:\\d+,-?\\d+ \\S+");

    /** Section order inside one session. */
    private enum Section { NONE, IFACE, STATE, TIMEOUTS, CHAP, PARAMS, SCSI }

    private SessionTreeParser() {
    }

    /**
     * Parses the text.
     *
     * @throws ParseException when it is empty, cut, another iscsiadm output, or has an unexpected line
     */
    public static SessionTree parse(String source, String text) {
        Lines lines = Lines.of(source, text, "\"Target: NAME\" or the \"iSCSI Transport Class version\" header", true);
        String first = lines.get(0).strip();
        if (first.equals(SessionListParser.NO_SESSIONS)) {
            throw lines.error(0, "a session tree; \"No active sessions.\" is a level-0 answer"
                    + " (SessionListParser gives it as SessionList.none())");
        }
        if (LEVEL0.matcher(first).matches()) {
            throw lines.error(0, "a session tree (-P 1..3); this looks like iscsiadm -m session level 0"
                    + " (use SessionListParser)");
        }
        if (first.startsWith("# BEGIN RECORD") || NODE_LINE.matcher(first).matches()) {
            throw lines.error(0, "a session tree (-P 1..3); this looks like -m node output");
        }
        if (first.startsWith("Target: ") && lines.size() > 1 && lines.get(1).strip().startsWith("Portal: ")) {
            throw lines.error(1, "\"Current Portal:\"; this looks like iscsiadm -m node -P 1 (use NodeListParser)");
        }
        int end = lines.size() - 1;
        int i = 0;
        String transportClass = null;
        String version = null;
        if (first.startsWith("iSCSI Transport Class version ")) {
            transportClass = first.substring("iSCSI Transport Class version ".length()).strip();
            if (end < 1 || !lines.get(1).strip().startsWith("version ")) {
                throw lines.error(Math.min(1, end), "the open-iscsi \"version X\" line after the transport class header");
            }
            version = lines.get(1).strip().substring("version ".length()).strip();
            i = 2;
        }
        List<TargetB> targets = new ArrayList<>();
        TargetB target = null;
        SessionB s = null;
        for (; i <= end; i++) {
            String raw = lines.get(i);
            String l = raw.strip();
            if (l.isEmpty()) {
                if (i == end) {
                    throw lines.error(i, "a session after the blank line (iscsiadm prints a blank line only in place of"
                            + " the portal lines of a session on the same portal as the one before)");
                }
                if (s == null) {
                    throw lines.error(i, "\"Current Portal:\" (a blank line repeats the portal of the session before it)");
                }
                s = new SessionB(i, s.current, s.persistent);
                target.sessions.add(s);
                continue;
            }
            Matcher m = l.startsWith("Target: ") ? TARGET.matcher(l) : null;
            if (m != null && m.matches()) {
                target = new TargetB(m.group(1), NodeType.of(m.group(2)), i + 1);
                targets.add(target);
                s = null;
                continue;
            }
            if (target == null) {
                throw lines.error(i, "\"Target: NAME\"");
            }
            if (l.startsWith("Current Portal: ")) {
                s = new SessionB(i, portal(lines, i, l.substring(16)), null);
                target.sessions.add(s);
                continue;
            }
            if (s == null) {
                throw lines.error(i, "\"Current Portal: ADDR:PORT,TPGT\"");
            }
            if (l.startsWith("Persistent Portal: ")) {
                if (s.persistent != null || s.section != Section.NONE) {
                    throw lines.error(i, "one \"Persistent Portal:\" right after \"Current Portal:\"");
                }
                s.persistent = portal(lines, i, l.substring(19));
                continue;
            }
            if (s.persistent == null) {
                throw lines.error(i, "\"Persistent Portal: ADDR:PORT,TPGT\"");
            }
            if (l.charAt(0) == '*' && stars(l)) {
                continue;
            }
            switch (l) {
                case "Interface:" -> { s.enter(lines, i, Section.IFACE); continue; }
                case "Timeouts:" -> { s.enter(lines, i, Section.TIMEOUTS); continue; }
                case "CHAP:" -> { s.enter(lines, i, Section.CHAP); continue; }
                case "Negotiated iSCSI params:" -> { s.enter(lines, i, Section.PARAMS); continue; }
                case "Attached SCSI devices:" -> { s.enter(lines, i, Section.SCSI); continue; }
                default -> { }
            }
            if (l.startsWith("SID: ") || l.startsWith("iSCSI Connection State: ")
                    || l.startsWith("iSCSI Session State: ") || l.startsWith("Internal iscsid Session State: ")) {
                if (s.section != Section.STATE) {
                    s.enter(lines, i, Section.STATE);
                }
                field(lines, i, s, l);
                continue;
            }
            switch (s.section) {
                case IFACE, TIMEOUTS, CHAP, PARAMS -> field(lines, i, s, l);
                case SCSI -> scsi(lines, i, s, l);
                default -> throw lines.error(i, "a section header (Interface:, Timeouts:, CHAP:, Negotiated iSCSI params:,"
                        + " Attached SCSI devices:) or the SID line");
            }
        }
        if (targets.isEmpty()) {
            throw lines.error(end, "\"Target: NAME\"");
        }
        int level = transportClass != null ? 3 : 1;
        for (TargetB t : targets) {
            for (SessionB b : t.sessions) {
                level = Math.max(level, b.level());
            }
        }
        List<SessionTree.Target> out = new ArrayList<>();
        Map<Integer, Integer> sids = new LinkedHashMap<>();
        for (TargetB t : targets) {
            if (t.sessions.isEmpty()) {
                throw lines.error(t == targets.get(targets.size() - 1) ? end : t.line - 1,
                        "a session (\"Current Portal:\") under \"Target: " + t.name + "\"");
            }
            List<SessionTree.Session> ss = new ArrayList<>();
            for (SessionB b : t.sessions) {
                b.withAuth = targets.get(0).sessions.get(0).sawTimeouts;
                String missing = b.missing(level);
                if (missing != null) {
                    boolean last = b == lastSession(targets);
                    throw lines.error(last ? lines.lastNonBlank() : b.line, missing + " of the session starting on line " + (b.line + 1)
                            + (last ? " (the capture ends inside it)" : " before the next session"));
                }
                Integer before = sids.put(b.sid, b.line + 1);
                if (before != null) {
                    throw lines.error(b.line, "a session id not seen before (SID " + b.sid + " also on line " + before + ")");
                }
                ss.add(b.build(t.name, level));
            }
            out.add(new SessionTree.Target(t.name, t.type, ss, t.line));
        }
        return new SessionTree(level, Optional.ofNullable(transportClass), Optional.ofNullable(version), out);
    }

    private static SessionB lastSession(List<TargetB> targets) {
        List<SessionB> last = targets.get(targets.size() - 1).sessions;
        return last.isEmpty() ? null : last.get(last.size() - 1);
    }

    private static Portal portal(Lines lines, int i, String text) {
        try {
            return Portal.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw lines.error(i, "a portal ADDR:PORT,TPGT or [IPV6]:PORT,TPGT (" + e.getMessage() + ")");
        }
    }

    private static boolean key(String l, int end) {
        char c0 = l.charAt(0);
        if (!(c0 >= 'A' && c0 <= 'Z' || c0 >= 'a' && c0 <= 'z')) {
            return false;
        }
        for (int k = 1; k < end; k++) {
            char c = l.charAt(k);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == ' ')) {
                return false;
            }
        }
        return true;
    }

    private static boolean stars(String l) {
        for (int k = 0; k < l.length(); k++) {
            if (l.charAt(k) != '*') {
                return false;
            }
        }
        return true;
    }

    private static void field(Lines lines, int i, SessionB s, String l) {
        int colon = l.indexOf(':');
        if (colon <= 0 || !key(l, colon)) {
            throw lines.error(i, "a \"Name: value\" line of the " + s.section + " section");
        }
        String k = l.substring(0, colon);
        String v = colon + 1 < l.length() && l.charAt(colon + 1) == ' ' ? l.substring(colon + 2) : l.substring(colon + 1);
        switch (s.section) {
            case IFACE -> {
                if (!k.startsWith("Iface ")) {
                    throw lines.error(i, "an \"Iface …:\" line");
                }
                if (s.iface.put(k.substring(6), v) != null) {
                    throw lines.error(i, "each Iface line once");
                }
            }
            case STATE -> {
                switch (k) {
                    case "SID" -> {
                        if (s.sid >= 0 || !digits(v)) {
                            throw lines.error(i, "one \"SID: N\"");
                        }
                        s.sid = Integer.parseInt(v);
                    }
                    case "iSCSI Connection State" -> s.connState = once(lines, i, s.connState, v);
                    case "iSCSI Session State" -> s.sessState = once(lines, i, s.sessState, v);
                    case "Internal iscsid Session State" -> s.internal = once(lines, i, s.internal, v);
                    default -> throw lines.error(i, "a state line");
                }
            }
            case TIMEOUTS -> {
                if (!List.of("Recovery Timeout", "Target Reset Timeout", "LUN Reset Timeout", "Abort Timeout").contains(k)
                        || !(digits(v.startsWith("-") ? v.substring(1) : v) || v.equals("<empty>"))) {
                    throw lines.error(i, "a timeout line (Recovery/Target Reset/LUN Reset/Abort Timeout: N)");
                }
                if (s.timeouts.put(k, v) != null) {
                    throw lines.error(i, "each timeout once");
                }
            }
            case CHAP -> {
                String key = k.equals("password") && s.chap.containsKey("password") ? "password_in" : k;
                if (!List.of("username", "password", "username_in", "password_in").contains(key)
                        || s.chap.put(key, v) != null) {
                    String why = "a CHAP line (username, password, username_in, password_in), each once";
                    throw key.startsWith("password") ? lines.secretError(i, why) : lines.error(i, why);
                }
            }
            case PARAMS -> {
                if (s.params.put(k, v) != null) {
                    throw lines.error(i, "each negotiated parameter once");
                }
            }
            default -> throw lines.error(i, "a line of a known section");
        }
    }

    private static String once(Lines lines, int i, String before, String v) {
        if (before != null) {
            throw lines.error(i, "each state line once");
        }
        return v;
    }

    private static void scsi(Lines lines, int i, SessionB s, String l) {
        long[] dev;
        String[] pair;
        if (s.hostSeen && !s.unavailable && (dev = device(l)) != null) {
            s.devices.add(dev);
            s.disks.add(null);
        } else if (!s.devices.isEmpty() && s.disks.get(s.disks.size() - 1) == null
                && (pair = nameAndState(l, "Attached scsi disk ")) != null) {
            s.disks.set(s.disks.size() - 1, pair);
        } else if (l.equals("Unavailable") && !s.hostSeen) {
            s.hostSeen = true;
            s.unavailable = true;
        } else if (!s.hostSeen && (pair = nameAndState(l, "Host Number: ")) != null && digits(pair[0])) {
            s.hostSeen = true;
            s.hostNumber = Integer.parseInt(pair[0]);
            s.hostState = pair[1];
        } else {
            throw lines.error(i, s.hostSeen ? "\"scsiH Channel 00 Id T Lun: L\" or \"Attached scsi disk sdX State: S\""
                    : "\"Host Number: N State: S\" or \"Unavailable\"");
        }
    }

    /** {@code scsiH Channel CC Id T Lun: L} → {H, C, T, L}, or null. */
    private static long[] device(String l) {
        int[] pos = {0};
        long h;
        long c;
        long t;
        long lun;
        if (!lit(l, pos, "scsi") || (h = num(l, pos, 9)) < 0 || !lit(l, pos, " Channel ") || (c = num(l, pos, 9)) < 0
                || !lit(l, pos, " Id ") || (t = num(l, pos, 9)) < 0 || !lit(l, pos, " Lun: ")
                || (lun = num(l, pos, 10)) < 0 || pos[0] != l.length() || lun > 0xFFFFFFFFL) {
            return null;
        }
        return new long[]{h, c, t, lun};
    }

    private static boolean lit(String l, int[] pos, String lit) {
        if (!l.startsWith(lit, pos[0])) {
            return false;
        }
        pos[0] += lit.length();
        return true;
    }

    private static long num(String l, int[] pos, int maxDigits) {
        int start = pos[0];
        int k = start;
        while (k < l.length() && k - start < maxDigits && l.charAt(k) >= '0' && l.charAt(k) <= '9') {
            k++;
        }
        if (k == start || (k < l.length() && l.charAt(k) >= '0' && l.charAt(k) <= '9')) {
            return -1;
        }
        pos[0] = k;
        return Long.parseLong(l, start, k, 10);
    }

    private static boolean digits(String v) {
        if (v.isEmpty() || v.length() > 9) {
            return false;
        }
        for (int k = 0; k < v.length(); k++) {
            if (v.charAt(k) < '0' || v.charAt(k) > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code PREFIX NAME<blanks>State: STATE} → {NAME, STATE}, or null. */
    private static String[] nameAndState(String l, String prefix) {
        if (!l.startsWith(prefix)) {
            return null;
        }
        int k = prefix.length();
        int nameEnd = k;
        while (nameEnd < l.length() && !Character.isWhitespace(l.charAt(nameEnd))) {
            nameEnd++;
        }
        int st = nameEnd;
        while (st < l.length() && Character.isWhitespace(l.charAt(st))) {
            st++;
        }
        if (nameEnd == k || st == nameEnd || !l.startsWith("State: ", st)) {
            return null;
        }
        String state = l.substring(st + 7).strip();
        return state.isEmpty() ? null : new String[]{l.substring(k, nameEnd), state};
    }

    private static final class TargetB {
        final String name;
        final NodeType type;
        final int line;
        final List<SessionB> sessions = new ArrayList<>();

        TargetB(String name, NodeType type, int line) {
            this.name = name;
            this.type = type;
            this.line = line;
        }
    }

    private static final class SessionB {
        final int line;
        final Portal current;
        Portal persistent;
        Section section = Section.NONE;
        final Map<String, String> iface = new LinkedHashMap<>();
        int sid = -1;
        String connState;
        String sessState;
        String internal;
        final Map<String, String> timeouts = new LinkedHashMap<>();
        final Map<String, String> chap = new LinkedHashMap<>();
        final Map<String, String> params = new LinkedHashMap<>();
        boolean sawTimeouts;
        boolean sawChap;
        boolean sawParams;
        boolean sawScsi;
        boolean hostSeen;
        boolean unavailable;
        int hostNumber = -1;
        String hostState = "";
        final List<long[]> devices = new ArrayList<>();
        final List<String[]> disks = new ArrayList<>();

        SessionB(int line, Portal current, Portal persistent) {
            this.line = line;
            this.current = current;
            this.persistent = persistent;
        }

        void enter(Lines lines, int i, Section next) {
            if (next.ordinal() <= section.ordinal()) {
                throw lines.error(i, "sections in iscsiadm's order (Interface, SID/states, Timeouts, CHAP,"
                        + " Negotiated iSCSI params, Attached SCSI devices), each once per session");
            }
            section = next;
            switch (next) {
                case TIMEOUTS -> sawTimeouts = true;
                case CHAP -> sawChap = true;
                case PARAMS -> sawParams = true;
                case SCSI -> sawScsi = true;
                default -> { }
            }
        }

        int level() {
            return sawScsi ? 3 : (sawTimeouts || sawChap || sawParams) ? 2 : 1;
        }

        /** Set when the first session carried Timeouts/CHAP (open-iscsi 2.0-873 and later print both). */
        boolean withAuth;

        String missing(int level) {
            for (String k : List.of("Name", "Transport", "Initiatorname", "IPaddress", "HWaddress", "Netdev")) {
                if (!iface.containsKey(k)) {
                    return "\"Iface " + k + ":\"";
                }
            }
            if (sid < 0) {
                return "\"SID:\"";
            }
            if (connState == null || sessState == null || internal == null) {
                return "the three state lines";
            }
            if (level >= 2) {
                if ((sawTimeouts || withAuth) && timeouts.size() < 4) {
                    return "the four timeouts";
                }
                if ((sawTimeouts || withAuth) && chap.size() < 4) {
                    return "the four CHAP lines";
                }
                if (!params.containsKey("MaxOutstandingR2T")) {
                    return "the negotiated parameters up to MaxOutstandingR2T";
                }
            }
            if (level >= 3 && !hostSeen) {
                return "\"Attached SCSI devices:\" with its \"Host Number:\" line";
            }
            return null;
        }

        SessionTree.Session build(String target, int level) {
            SessionTree.Iface f = new SessionTree.Iface(iface.get("Name"), iface.get("Transport"),
                    iface.get("Initiatorname"), iface.get("IPaddress"), iface.get("HWaddress"), iface.get("Netdev"));
            Optional<SessionTree.Timeouts> t = Optional.empty();
            Optional<SessionTree.Chap> c = Optional.empty();
            if (sawTimeouts) {
                t = Optional.of(new SessionTree.Timeouts(num(timeouts.get("Recovery Timeout")),
                        num(timeouts.get("Target Reset Timeout")), num(timeouts.get("LUN Reset Timeout")),
                        num(timeouts.get("Abort Timeout"))));
            }
            if (sawChap) {
                c = Optional.of(new SessionTree.Chap(user(chap.get("username")), secret(chap.get("password")),
                        user(chap.get("username_in")), secret(chap.get("password_in"))));
            }
            Optional<SessionTree.ScsiHost> h = Optional.empty();
            if (level >= 3) {
                List<SessionTree.ScsiDevice> ds = new ArrayList<>();
                for (int k = 0; k < devices.size(); k++) {
                    long[] d = devices.get(k);
                    String[] disk = disks.get(k);
                    ds.add(new SessionTree.ScsiDevice((int) d[0], (int) d[1], (int) d[2], d[3],
                            Optional.ofNullable(disk == null ? null : disk[0]),
                            Optional.ofNullable(disk == null ? null : disk[1])));
                }
                h = Optional.of(new SessionTree.ScsiHost(!unavailable,
                        hostNumber < 0 ? OptionalInt.empty() : OptionalInt.of(hostNumber), hostState, ds));
            }
            return new SessionTree.Session(target, current, persistent, f, sid, connState, sessState, internal, t, c,
                    params, h, line + 1);
        }

        private static OptionalInt num(String v) {
            return v == null || v.equals("<empty>") ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(v));
        }

        private static String user(String v) {
            return v == null || v.equals("<empty>") ? "" : v;
        }

        private static Optional<Secret> secret(String v) {
            return v == null || v.equals("<empty>") || v.equals(MASK) || v.isEmpty() ? Optional.empty()
                    : Optional.of(Secret.of(v));
        }
    }
}
