package org.sansdk.pacemaker.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sansdk.core.ParseException;

/**
 * {@code corosync-quorumtool -s} (also {@code pcs quorum status}) as a value.
 * Usage: {@code QuorumStatus q = QuorumStatus.parse("corosync-quorumtool -s", stdout); q.quorate()}.
 *
 * @param quorate       Quorate: Yes
 * @param nodes         Nodes: count
 * @param nodeId        local node id
 * @param ringId        Ring ID as printed
 * @param expectedVotes Expected votes
 * @param totalVotes    Total votes
 * @param quorum        Quorum (votes needed)
 * @param flags         Flags words (Quorate, 2Node, Qdevice, WaitForAll, ...)
 * @param members       membership table
 */
public record QuorumStatus(boolean quorate, int nodes, long nodeId, String ringId, int expectedVotes, int totalVotes, int quorum,
                           List<String> flags, List<Member> members) {
    /** Copies. Usage: see type. */
    public QuorumStatus {
        flags = List.copyOf(flags);
        members = List.copyOf(members);
    }

    /**
     * A membership table row.
     * Usage: {@code m.name()}.
     *
     * @param nodeId  node id (0 for the qdevice row)
     * @param votes   votes
     * @param qdevice qdevice column (A,V,NMW) or empty
     * @param name    node name
     * @param local   marked (local)
     */
    public record Member(long nodeId, int votes, String qdevice, String name, boolean local) {
    }

    /**
     * Parses the text; the command exits 2 when not quorate but still prints it.
     * Usage: {@code QuorumStatus.parse("quorumtool", text)}.
     *
     * @throws ParseException when a required field is missing or not a number
     */
    public static QuorumStatus parse(String source, String text) {
        String[] lines = text.split("\n", -1);
        int firstLine = 0;
        while (firstLine < lines.length && lines[firstLine].isBlank()) {
            firstLine++;
        }
        if (firstLine == lines.length) {
            throw new ParseException(source, 1, 1, lines.length > 0 ? lines[0] : "", "corosync-quorumtool -s output (empty input)");
        }
        if (!lines[firstLine].strip().equals("Quorum information")) {
            throw new ParseException(source, firstLine + 1, 1, lines[firstLine], "corosync-quorumtool -s output starting 'Quorum information'; "
                    + "this looks like " + org.sansdk.pacemaker.xml.DocumentKind.ofText(text));
        }
        if (!text.endsWith("\n")) {
            // a complete capture ends with a newline; without it the last line (a member's name) may be cut
            int last = lines.length;
            throw new ParseException(source, last, lines[last - 1].length() + 1, lines[last - 1],
                    "a final newline (the output ends mid-line: the capture is cut short)");
        }
        Optional<Boolean> quorate = Optional.empty();
        int nodes = -1;
        long nodeId = -1;
        String ring = null;
        int expected = -1;
        int total = -1;
        int quorum = -1;
        List<String> flags = new ArrayList<>();
        List<Member> members = new ArrayList<>();
        boolean table = false;
        boolean qdeviceColumn = false;
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            String line = raw.strip();
            if (table) {
                if (line.isEmpty()) {
                    continue;
                }
                if (line.startsWith("Nodeid")) {
                    qdeviceColumn = line.contains("Qdevice");
                    continue;
                }
                if (line.startsWith("---")) {
                    continue;
                }
                members.add(member(source, i + 1, raw, line, qdeviceColumn));
                continue;
            }
            if (line.equals("Membership information")) {
                table = true;
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            switch (key) {
                case "Quorate":
                    quorate = Optional.of(value.toLowerCase(Locale.ROOT).equals("yes"));
                    break;
                case "Nodes":
                    nodes = integer(source, i + 1, raw, value);
                    break;
                case "Node ID":
                    nodeId = longValue(source, i + 1, raw, value);
                    break;
                case "Ring ID":
                    ring = value;
                    break;
                case "Expected votes":
                    expected = integer(source, i + 1, raw, value);
                    break;
                case "Total votes":
                    total = integer(source, i + 1, raw, value);
                    break;
                case "Quorum":
                    quorum = integer(source, i + 1, raw, value.split("\\s+")[0]);
                    break;
                case "Flags":
                    if (!value.isEmpty()) {
                        flags.addAll(List.of(value.split("\\s+")));
                    }
                    break;
                default:
                    break;
            }
        }
        if (quorate.isEmpty() || expected < 0 || total < 0) {
            throw new ParseException(source, lines.length, 1, lines[lines.length - 1], "'Quorate:', 'Expected votes:' and 'Total votes:' lines");
        }
        if (!table) {
            throw new ParseException(source, lines.length, 1, lines[lines.length - 1],
                    "the 'Membership information' table corosync-quorumtool -s prints last (the capture is cut short)");
        }
        long nodeRows = members.stream().filter(m -> m.nodeId() != 0).count();
        if (nodes >= 0 && nodeRows != nodes) {
            throw new ParseException(source, lines.length, 1, lines[lines.length - 1], nodes + " membership rows ('Nodes: " + nodes
                    + "'), found " + nodeRows + " (the capture is cut short or has extra rows)");
        }
        if (flags.contains("Qdevice") && members.stream().noneMatch(m -> m.nodeId() == 0)) {
            throw new ParseException(source, lines.length, 1, lines[lines.length - 1],
                    "the quorum device's membership row (nodeid 0, 'Qdevice'): Flags say Qdevice (the capture is cut short)");
        }
        return new QuorumStatus(quorate.get(), nodes, nodeId, ring, expected, total, quorum, flags, members);
    }

    private static Member member(String source, int lineNo, String raw, String line, boolean qdeviceColumn) {
        String[] f = line.split("\\s+");
        if (f.length < 3) {
            throw new ParseException(source, lineNo, 1, raw, "a membership row 'Nodeid Votes [Qdevice] Name'");
        }
        long id = longValue(source, lineNo, raw, f[0]);
        int votes = integer(source, lineNo, raw, f[1]);
        int nameAt = 2;
        String q = "";
        if (qdeviceColumn && f.length > 3 && f[2].matches("[A-Z,]+") && !f[2].equals("Qdevice")) {
            q = f[2];
            nameAt = 3;
        }
        boolean local = line.endsWith("(local)");
        String name = f[nameAt];
        return new Member(id, votes, q, name, local);
    }

    private static int integer(String source, int line, String raw, String v) {
        return (int) longValue(source, line, raw, v);
    }

    private static long longValue(String source, int line, String raw, String v) {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new ParseException(source, line, Math.max(1, raw.indexOf(v) + 1), raw, "a number (found '" + v + "')");
        }
    }
}
