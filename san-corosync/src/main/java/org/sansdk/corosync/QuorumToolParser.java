package org.sansdk.corosync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sansdk.core.ParseException;

/**
 * Parses {@code corosync-quorumtool -s} and {@code -l}. The kind is checked on the first line
 * ({@code Quorum information} for -s, {@code Membership information} for -l); a capture cut before its
 * membership table, or with fewer node rows than {@code Nodes:} announces, is refused with its line.
 * corosync-quorumtool exits 2 when the partition is not quorate and still prints the status: callers pass
 * the text whatever that exit code ({@link Corosync#quorum()} does).
 *
 * <pre>{@code QuorumStatus s = QuorumToolParser.parseStatus("corosync-quorumtool -s", stdout);}</pre>
 */
public final class QuorumToolParser {
    private QuorumToolParser() {
    }

    /**
     * Parses {@code corosync-quorumtool -s}.
     *
     * @throws ParseException on empty input, another tool's output, a cut capture or a malformed line
     */
    public static QuorumStatus parseStatus(String source, String text) {
        String[] lines = lines(source, text);
        int first = firstNonBlank(lines);
        if (!lines[first].strip().equals("Quorum information")) {
            throw new ParseException(source, first + 1, 1, lines[first], "'Quorum information' (corosync-quorumtool -s)"
                    + (lines[first].strip().equals("Membership information") ? "; this looks like corosync-quorumtool -l" : ""));
        }
        Map<String, Integer> at = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        int membership = -1;
        for (int i = first + 1; i < lines.length; i++) {
            String l = lines[i];
            if (l.strip().equals("Membership information")) {
                membership = i;
                break;
            }
            if (l.isBlank() || l.strip().matches("-+") || l.strip().equals("Votequorum information")) {
                continue;
            }
            int colon = l.indexOf(':');
            if (colon <= 0) {
                throw new ParseException(source, i + 1, 1, l, "'Name: value'");
            }
            String key = l.substring(0, colon).strip();
            if (at.putIfAbsent(key, i) != null) {
                throw new ParseException(source, i + 1, 1, l, "'" + key + "' once (it is repeated)");
            }
            values.put(key, l.substring(colon + 1).strip());
        }
        for (String need : List.of("Nodes", "Node ID", "Ring ID", "Quorate", "Expected votes", "Total votes", "Quorum", "Flags")) {
            if (!values.containsKey(need)) {
                int last = lines.length;
                throw new ParseException(source, last, 1, lines[last - 1], "a '" + need + ":' line (the capture ends early)");
            }
        }
        if (membership < 0) {
            throw new ParseException(source, lines.length, 1, lines[lines.length - 1],
                    "the 'Membership information' table (the capture ends early)");
        }
        int nodes = integer(source, lines, at.get("Nodes"), values.get("Nodes"));
        String quorateText = values.get("Quorate");
        if (!quorateText.equals("Yes") && !quorateText.equals("No")) {
            int i = at.get("Quorate");
            throw new ParseException(source, i + 1, 1, lines[i], "Quorate: Yes or No");
        }
        String ring = values.get("Ring ID");
        if (!ring.matches("[0-9]+([./][0-9a-fA-F]+)?")) {
            int i = at.get("Ring ID");
            throw new ParseException(source, i + 1, 1, lines[i], "a ring id like 1.16d, 1/139 or 3316");
        }
        String q = values.get("Quorum");
        String[] qParts = q.split("\\s+", 2);
        boolean blocked = qParts.length > 1 && qParts[1].strip().equals("Activity blocked");
        if (qParts.length > 1 && !blocked) {
            int i = at.get("Quorum");
            throw new ParseException(source, i + 1, 1, lines[i], "'Quorum: N' or 'Quorum: N Activity blocked'");
        }
        int quorum = integer(source, lines, at.get("Quorum"), qParts[0]);
        String flagText = values.get("Flags");
        List<String> flags = flagText.isEmpty() ? List.of() : List.of(flagText.split("\\s+"));
        List<QuorumMember> members = table(source, lines, membership);
        long nodeRows = members.stream().filter(m -> !m.qdeviceRow()).count();
        if (nodeRows < nodes) {
            throw new ParseException(source, lines.length, 1, lines[lines.length - 1],
                    nodes + " membership rows as 'Nodes: " + nodes + "' says, found " + nodeRows + " (the capture ends early)");
        }
        int totalVotes = integer(source, lines, at.get("Total votes"), values.get("Total votes"));
        if (flags.contains("Qdevice") && members.stream().noneMatch(QuorumMember::qdeviceRow)) {
            throw new ParseException(source, lines.length, 1, lines[lines.length - 1],
                    "the node 0 'Qdevice' row that the Qdevice flag announces (the capture ends early)");
        }
        int rowVotes = members.stream().mapToInt(QuorumMember::votes).sum();
        if (rowVotes < totalVotes) {
            throw new ParseException(source, lines.length, 1, lines[lines.length - 1],
                    "membership rows whose votes add up to 'Total votes: " + totalVotes + "', found " + rowVotes
                            + " (the capture ends early)");
        }
        return new QuorumStatus(values.getOrDefault("Date", ""), values.getOrDefault("Quorum provider", ""), nodes,
                longValue(source, lines, at.get("Node ID"), values.get("Node ID")), ring, quorateText.equals("Yes"),
                integer(source, lines, at.get("Expected votes"), values.get("Expected votes")),
                values.containsKey("Highest expected") ? integer(source, lines, at.get("Highest expected"), values.get("Highest expected")) : 0,
                totalVotes, quorum, blocked, flags, members);
    }

    /**
     * Parses {@code corosync-quorumtool -l} (the membership table alone).
     *
     * @throws ParseException on empty input, another tool's output or a malformed row
     */
    public static List<QuorumMember> parseList(String source, String text) {
        String[] lines = lines(source, text);
        int first = firstNonBlank(lines);
        if (!lines[first].strip().equals("Membership information")) {
            throw new ParseException(source, first + 1, 1, lines[first], "'Membership information' (corosync-quorumtool -l)"
                    + (lines[first].strip().equals("Quorum information") ? "; this looks like corosync-quorumtool -s" : ""));
        }
        return table(source, lines, first);
    }

    private static List<QuorumMember> table(String source, String[] lines, int membership) {
        int i = membership + 1;
        if (i < lines.length && lines[i].strip().matches("-+")) {
            i++;
        }
        if (i >= lines.length || !lines[i].strip().startsWith("Nodeid")) {
            int n = Math.min(i, lines.length - 1);
            throw new ParseException(source, n + 1, 1, lines[n], "the table header 'Nodeid Votes [Qdevice] Name' (the capture ends early)");
        }
        boolean qdeviceColumn = lines[i].contains("Qdevice");
        List<QuorumMember> out = new ArrayList<>();
        Map<Long, Integer> seen = new LinkedHashMap<>();
        for (i = i + 1; i < lines.length; i++) {
            String raw = lines[i];
            if (raw.isBlank()) {
                continue;
            }
            QuorumMember m = row(source, lines, i, raw, qdeviceColumn);
            long id = m.nodeId();
            if (seen.putIfAbsent(id, i) != null) {
                throw new ParseException(source, i + 1, 1, raw, "node id " + id + " once (also at line " + (seen.get(id) + 1) + ")");
            }
            out.add(m);
        }
        if (out.isEmpty()) {
            throw new ParseException(source, lines.length, 1, lines[lines.length - 1], "at least one membership row (the capture ends early)");
        }
        return out;
    }

    private static final java.util.regex.Pattern NODE_ROW = java.util.regex.Pattern.compile(
            "\\s*(\\d+|0x[0-9a-f]{8})\\s+(\\d+)\\s+(?:((?:A|NA),(?:V|NV),(?:MW|NMW)|NR)\\s+)?(\\S+)( \\[[^\\]]*\\])?( \\(local\\))?");
    private static final java.util.regex.Pattern QDEVICE_ROW = java.util.regex.Pattern.compile(
            "\\s*(0|0x00000000)\\s+(\\d+)\\s+(\\S+)(?: \\(votes (\\d+)\\))?");

    /**
     * One membership row in corosync-quorumtool's printf layout ({@code tools/corosync-quorumtool.c}): node rows
     * {@code id votes [A,V,NMW|NA,NV,NMW|NR] name [ [extra]] [ (local)]}; the qdevice row {@code 0 votes name},
     * with {@code (votes N)} appended and votes printed as 0 while this node's qdevice casts no vote.
     */
    private static QuorumMember row(String source, String[] lines, int i, String raw, boolean qdeviceColumn) {
        String expected = "a row 'Nodeid Votes " + (qdeviceColumn ? "Qdevice " : "") + "Name [(local)]'";
        java.util.regex.Matcher q = QDEVICE_ROW.matcher(raw);
        if (qdeviceColumn && q.matches()) {
            return new QuorumMember(0, integer(source, lines, i, q.group(2)), "", q.group(3), false);
        }
        java.util.regex.Matcher m = NODE_ROW.matcher(raw);
        if (!m.matches() || (m.group(3) != null) != qdeviceColumn) {
            throw new ParseException(source, i + 1, 1, raw, expected);
        }
        long id = m.group(1).startsWith("0x") ? Long.parseLong(m.group(1).substring(2), 16) : longValue(source, lines, i, m.group(1));
        return new QuorumMember(id, integer(source, lines, i, m.group(2)), m.group(3) == null ? "" : m.group(3),
                m.group(4), m.group(6) != null);
    }

    static String[] lines(String source, String text) {
        if (text.isBlank()) {
            throw new ParseException(source, 1, 1, ParseException.lineOf(text, 1), "tool output; the input is empty");
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return body.split("\n", -1);
    }

    static int firstNonBlank(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                return i;
            }
        }
        return 0;
    }

    static int integer(String source, String[] lines, int i, String v) {
        long l = longValue(source, lines, i, v);
        if (l > Integer.MAX_VALUE) {
            throw new ParseException(source, i + 1, 1, lines[i], "a number up to " + Integer.MAX_VALUE);
        }
        return (int) l;
    }

    static long longValue(String source, String[] lines, int i, String v) {
        if (!v.matches("[0-9]{1,18}")) {
            throw new ParseException(source, i + 1, Math.max(1, lines[i].indexOf(v) + 1), lines[i], "a number (found '" + v + "')");
        }
        return Long.parseLong(v);
    }
}
