package org.sansdk.corosync;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sansdk.core.ParseException;

/**
 * Parses {@code corosync-cfgtool -s} (corosync 3 knet links, corosync 2 rings) and {@code -n}, following the
 * printf formats of corosync's {@code tools/corosync-cfgtool.c}. The kind is checked first (a
 * {@code Local node ID} line); a link block cut before its address or status is refused.
 *
 * <pre>{@code CfgStatus s = CfgToolParser.parseStatus("corosync-cfgtool -s", stdout);}</pre>
 */
public final class CfgToolParser {
    private static final Pattern LOCAL3 = Pattern.compile("Local node ID (\\d+), transport (\\S+)");
    private static final Pattern LOCAL2 = Pattern.compile("Local node ID (\\d+)");
    private static final Pattern LINK = Pattern.compile("LINK ID (\\d+) (\\S+)");
    private static final Pattern RING = Pattern.compile("RING ID (\\d+)");
    private static final Pattern PEER = Pattern.compile("\t\tnodeid:\\s+(\\d+):\t(localhost|connected|disconnected)");
    private static final Pattern NODE = Pattern.compile("nodeid: (\\d+) reachable((?: remote| external)*)(?:\\s+onwire \\(min/max/cur\\): \\d+, \\d+, \\d+)?");
    private static final Pattern NODE_LINK = Pattern.compile("   LINK: (\\d+) (\\S+) \\(([^)]*?)(?:->([^)]*))?\\)((?: enabled| connected| dynconnected)*) mtu: (\\d+)");

    private CfgToolParser() {
    }

    /**
     * Parses {@code corosync-cfgtool -s}.
     *
     * @throws ParseException on empty input, another tool's output, a cut block or an unknown line
     */
    public static CfgStatus parseStatus(String source, String text) {
        String[] lines = QuorumToolParser.lines(source, text);
        int i = QuorumToolParser.firstNonBlank(lines);
        if (lines[i].equals("Printing ring status.")) {
            i++;
            if (i >= lines.length) {
                throw cut(source, lines, "a 'Local node ID' line");
            }
        }
        long local;
        String transport;
        Matcher m3 = LOCAL3.matcher(lines[i]);
        Matcher m2 = LOCAL2.matcher(lines[i]);
        if (m3.matches()) {
            local = Long.parseLong(m3.group(1));
            transport = m3.group(2);
        } else if (m2.matches()) {
            local = Long.parseLong(m2.group(1));
            transport = "";
        } else {
            throw new ParseException(source, i + 1, 1, lines[i], "'Local node ID N, transport T' (corosync-cfgtool -s)");
        }
        List<CfgStatus.Link> links = new ArrayList<>();
        for (i = i + 1; i < lines.length; ) {
            String l = lines[i];
            if (l.isBlank() || l.startsWith("**SCTP is deprecated")) {
                i++;
                continue;
            }
            Matcher lm = LINK.matcher(l);
            Matcher rm = RING.matcher(l);
            if (lm.matches()) {
                int id = Integer.parseInt(lm.group(1));
                i = skipSctpNote(lines, i + 1);
                String addr = field(source, lines, i, "addr");
                i++;
                if (i >= lines.length) {
                    throw cut(source, lines, "a '\\tstatus' line for link " + id);
                }
                List<CfgStatus.Peer> peers = new ArrayList<>();
                String brief = "";
                if (lines[i].equals("\tstatus:")) {
                    i++;
                    while (i < lines.length) {
                        Matcher pm = PEER.matcher(lines[i]);
                        if (!pm.matches()) {
                            if (lines[i].startsWith("\t\t")) {
                                throw new ParseException(source, i + 1, 1, lines[i], "'\\t\\tnodeid: N:\\tlocalhost|connected|disconnected'");
                            }
                            break;
                        }
                        peers.add(new CfgStatus.Peer(Long.parseLong(pm.group(1)), pm.group(2)));
                        i++;
                    }
                    if (peers.isEmpty()) {
                        throw cut(source, lines, "node status lines for link " + id);
                    }
                } else {
                    brief = field(source, lines, i, "status");
                    i++;
                }
                links.add(new CfgStatus.Link(id, lm.group(2), addr, brief, peers));
            } else if (rm.matches()) {
                int id = Integer.parseInt(rm.group(1));
                String addr = field(source, lines, i + 1, "id");
                String status = field(source, lines, i + 2, "status");
                if (!status.matches("ring \\d+ active with no faults|.*FAULTY")) {
                    throw new ParseException(source, i + 3, 1, lines[i + 2],
                            "'ring N active with no faults' or a '... FAULTY' sentence (corosync 2 totemrrp)");
                }
                links.add(new CfgStatus.Link(id, "", addr, status, List.of()));
                i += 3;
            } else {
                throw new ParseException(source, i + 1, 1, l, "'LINK ID N transport' or 'RING ID N'");
            }
        }
        if (links.isEmpty()) {
            throw cut(source, lines, "at least one 'LINK ID' / 'RING ID' block");
        }
        return new CfgStatus(local, transport, links);
    }

    /**
     * Parses {@code corosync-cfgtool -n}. A node with no link lines is refused as cut: corosync prints every
     * enabled link of a reachable node.
     *
     * @throws ParseException on empty input, another tool's output or an unknown line
     */
    public static CfgNodes parseNodes(String source, String text) {
        String[] lines = QuorumToolParser.lines(source, text);
        int i = QuorumToolParser.firstNonBlank(lines);
        Matcher m3 = LOCAL3.matcher(lines[i]);
        if (!m3.matches()) {
            throw new ParseException(source, i + 1, 1, lines[i], "'Local node ID N, transport T' (corosync-cfgtool -n)");
        }
        List<CfgNodes.Node> nodes = new ArrayList<>();
        for (i = i + 1; i < lines.length; ) {
            String l = lines[i];
            if (l.isBlank()) {
                i++;
                continue;
            }
            Matcher nm = NODE.matcher(l);
            if (!nm.matches()) {
                throw new ParseException(source, i + 1, 1, l, "'nodeid: N reachable ...'" + (l.startsWith("LINK ID") ? "; this looks like corosync-cfgtool -s" : ""));
            }
            List<CfgNodes.NodeLink> links = new ArrayList<>();
            i++;
            while (i < lines.length && lines[i].startsWith("   LINK:")) {
                Matcher lm = NODE_LINK.matcher(lines[i]);
                if (!lm.matches()) {
                    throw new ParseException(source, i + 1, 1, lines[i], "'   LINK: N udp (src->dst) enabled connected mtu: N'");
                }
                links.add(new CfgNodes.NodeLink(Integer.parseInt(lm.group(1)), lm.group(2), lm.group(3),
                        lm.group(4) == null ? "" : lm.group(4), words(lm.group(5)), Integer.parseInt(lm.group(6))));
                i++;
            }
            if (links.isEmpty()) {
                throw cut(source, lines, "'   LINK:' lines for node " + nm.group(1));
            }
            nodes.add(new CfgNodes.Node(Long.parseLong(nm.group(1)), words(nm.group(2)), links));
        }
        return new CfgNodes(Long.parseLong(m3.group(1)), m3.group(2), nodes);
    }

    private static List<String> words(String s) {
        return s == null || s.isBlank() ? List.of() : List.of(s.strip().split("\\s+"));
    }

    private static int skipSctpNote(String[] lines, int i) {
        return i < lines.length && lines[i].startsWith("**SCTP is deprecated") ? i + 1 : i;
    }

    private static String field(String source, String[] lines, int i, String name) {
        if (i >= lines.length) {
            throw cut(source, lines, "a '\\t" + name + "\\t= ...' line");
        }
        String prefix = "\t" + name + "\t= ";
        if (!lines[i].startsWith(prefix) || lines[i].length() == prefix.length()) {
            throw new ParseException(source, i + 1, 1, lines[i], "'\\t" + name + "\\t= value'");
        }
        return lines[i].substring(prefix.length());
    }

    private static ParseException cut(String source, String[] lines, String what) {
        return new ParseException(source, lines.length, 1, lines[lines.length - 1], what + " (the capture ends early)");
    }
}
