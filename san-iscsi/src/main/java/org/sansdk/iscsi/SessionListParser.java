package org.sansdk.iscsi;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sansdk.core.ParseException;
import org.sansdk.iscsi.internal.Lines;

/**
 * Parses {@code iscsiadm -m session} (level 0, {@code -P 0}) as open-iscsi's {@code session_info_print_flat}
 * prints it, with or without the {@code (non-flash)} suffix, IPv4 and bracketed IPv6 portals.
 *
 * <pre>{@code SessionList l = SessionListParser.parse("iscsiadm -m session", text);}</pre>
 */
public final class SessionListParser {
    static final String NO_SESSIONS = "iscsiadm: No active sessions.";
    private static final Pattern LINE = Pattern.compile(
            "([A-Za-z0-9_]+): \\[(\\d+)\\] (\\S+) (\\S+?)(?: \\((flash|non-flash)\\))?");

    private SessionListParser() {
    }

    /**
     * Parses the text.
     *
     * @throws ParseException when it is empty, cut inside a line, another iscsiadm output, or has a line that
     *                        is not a session line
     */
    public static SessionList parse(String source, String text) {
        Lines lines = Lines.of(source, text, "a session line \"tcp: [SID] ADDR:PORT,TPGT TARGET\"", true);
        String first = lines.get(0).strip();
        if (first.equals(NO_SESSIONS)) {
            for (int i = 1; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    throw lines.error(i, "nothing after \"" + NO_SESSIONS + "\"");
                }
            }
            return SessionList.none();
        }
        refuseOtherKinds(lines);
        List<SessionEntry> out = new ArrayList<>();
        NodeType suffixKind = null;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(l);
            if (!m.matches()) {
                throw lines.error(i, "a session line \"TRANSPORT: [SID] ADDR:PORT,TPGT TARGET [(non-flash)]\"");
            }
            Portal portal;
            try {
                portal = Portal.parse(m.group(3));
            } catch (IllegalArgumentException e) {
                throw new ParseException(source, i + 1, m.start(3) + 1, l, "a portal ADDR:PORT,TPGT (" + e.getMessage() + ")");
            }
            NodeType type = NodeType.of(m.group(5));
            boolean printsSuffix = type != NodeType.NOT_PRINTED;
            if (suffixKind != null && (suffixKind != NodeType.NOT_PRINTED) != printsSuffix) {
                throw lines.error(i, "the same line shape as line 1 (one open-iscsi release prints the"
                        + " (non-flash)/(flash) suffix on every line or on none)");
            }
            suffixKind = type;
            int sid;
            try {
                sid = Integer.parseInt(m.group(2));
            } catch (NumberFormatException e) {
                throw new ParseException(source, i + 1, m.start(2) + 1, l, "a session id that fits 32 bits");
            }
            out.add(new SessionEntry(m.group(1), sid, portal, m.group(4), type, i + 1));
        }
        for (int a = 0; a < out.size(); a++) {
            for (int b = a + 1; b < out.size(); b++) {
                if (out.get(a).sid() == out.get(b).sid()) {
                    throw lines.error(out.get(b).line() - 1, "a session id not seen before (sid "
                            + out.get(b).sid() + " is also on line " + out.get(a).line() + ")");
                }
            }
        }
        return new SessionList(SessionList.Status.SESSIONS, out);
    }

    static void refuseOtherKinds(Lines lines) {
        String first = lines.get(0).strip();
        if (first.startsWith("Target: ") || first.startsWith("iSCSI Transport Class version")) {
            throw lines.error(0, "iscsiadm -m session (level 0); this looks like -m session -P 1..3 output"
                    + " (use SessionTreeParser)");
        }
        if (first.startsWith("# BEGIN RECORD")) {
            throw lines.error(0, "iscsiadm -m session; this looks like a node record (-m node -o show)");
        }
        if (first.startsWith("iscsiadm: No records found")) {
            throw lines.error(0, "iscsiadm -m session; this is the -m node answer \"No records found\"");
        }
        if (first.matches("\\S+:\\d+,-?\\d+ \\S+")) {
            throw lines.error(0, "iscsiadm -m session; this looks like -m node or -m discovery output"
                    + " (use NodeListParser)");
        }
    }
}
