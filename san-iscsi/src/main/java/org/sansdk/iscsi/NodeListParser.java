package org.sansdk.iscsi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sansdk.core.ParseException;
import org.sansdk.iscsi.internal.Lines;

/**
 * Parses {@code iscsiadm -m node} (flat, or the {@code -P 1} tree), {@code -m discovery -t sendtargets} and
 * {@code -m discoverydb … --discover}
 * (open-iscsi's {@code idbm_print_node_flat}: {@code ADDR:PORT,TPGT TARGET}, IPv6 in brackets). A portal and
 * target listed twice is refused (iscsiadm lists each record once).
 *
 * <pre>{@code NodeList n = NodeListParser.parse("iscsiadm -m node", text);}</pre>
 */
public final class NodeListParser {
    static final String NO_RECORDS = "iscsiadm: No records found";
    private static final Pattern LINE = Pattern.compile("(\\S+) (\\S+)");

    private NodeListParser() {
    }

    /**
     * Parses the text.
     *
     * @throws ParseException when it is empty, cut inside a line, another output, or a line is not a record
     */
    public static NodeList parse(String source, String text) {
        Lines lines = Lines.of(source, text, "a record line \"ADDR:PORT,TPGT TARGET\"", true);
        String first = lines.get(0).strip();
        if (first.equals(NO_RECORDS)) {
            for (int i = 1; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    throw lines.error(i, "nothing after \"" + NO_RECORDS + "\"");
                }
            }
            return NodeList.none();
        }
        if (first.startsWith("Target: ") && lines.size() > 1 && lines.get(1).strip().startsWith("Portal: ")) {
            return tree(lines);
        }
        if (first.equals(SessionListParser.NO_SESSIONS) || first.matches("[A-Za-z0-9_]+: \\[\\d+\\] .*")
                || first.startsWith("Target: ") || first.startsWith("iSCSI Transport Class")) {
            throw lines.error(0, "iscsiadm -m node / discovery output; this looks like iscsiadm -m session output");
        }
        if (first.startsWith("# BEGIN RECORD")) {
            throw lines.error(0, "the record list; this is one node record (-o show: use NodeRecordParser)");
        }
        List<NodeEntry> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(l);
            if (!m.matches()) {
                throw lines.error(i, "a record line \"ADDR:PORT,TPGT TARGET\"");
            }
            Portal p;
            try {
                p = Portal.parse(m.group(1));
            } catch (IllegalArgumentException e) {
                throw new ParseException(source, i + 1, 1, l, "a portal ADDR:PORT,TPGT (" + e.getMessage() + ")");
            }
            if (!m.group(1).contains(",")) {
                throw new ParseException(source, i + 1, 1, l, "a portal with its tag (ADDR:PORT,TPGT)");
            }
            Integer before = seen.put(p + " " + m.group(2), i + 1);
            if (before != null) {
                throw lines.error(i, "each record once (also on line " + before + ")");
            }
            out.add(new NodeEntry(p, m.group(2), i + 1));
        }
        return new NodeList(NodeList.Status.RECORDS, out);
    }

    /** {@code iscsiadm -m node -P 1} ({@code idbm_print_node_tree}): Target, Portal, Iface Name lines. */
    private static NodeList tree(Lines lines) {
        List<NodeEntry> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        String target = null;
        boolean portalOpen = false;
        boolean targetHasPortal = false;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty()) {
                continue;
            }
            if (l.startsWith("Target: ") && !portalOpen) {
                if (target != null && !targetHasPortal) {
                    throw lines.error(i, "a \"Portal:\" line under \"Target: " + target + "\"");
                }
                target = l.substring(8).strip();
                targetHasPortal = false;
                if (target.isEmpty() || target.contains(" ")) {
                    throw lines.error(i, "\"Target: NAME\"");
                }
            } else if (l.startsWith("Portal: ") && target != null && !portalOpen) {
                Portal p;
                try {
                    p = Portal.parse(l.substring(8).strip());
                } catch (IllegalArgumentException e) {
                    throw lines.error(i, "a portal ADDR:PORT,TPGT (" + e.getMessage() + ")");
                }
                Integer before = seen.put(p + " " + target, i + 1);
                if (before != null) {
                    throw lines.error(i, "each record once (also on line " + before + ")");
                }
                out.add(new NodeEntry(p, target, i + 1));
                portalOpen = true;
                targetHasPortal = true;
            } else if (l.startsWith("Iface Name: ") && portalOpen && l.length() > 12) {
                portalOpen = false;
            } else {
                throw lines.error(i, portalOpen ? "\"Iface Name: NAME\" under the portal" : "\"Target: NAME\" or \"Portal: ADDR:PORT,TPGT\"");
            }
        }
        if (portalOpen || !targetHasPortal) {
            throw lines.error(lines.lastNonBlank(), portalOpen ? "\"Iface Name: NAME\" under the last portal (the capture was cut)"
                    : "a \"Portal:\" line under the last target (the capture was cut)");
        }
        return new NodeList(NodeList.Status.RECORDS, out);
    }
}
