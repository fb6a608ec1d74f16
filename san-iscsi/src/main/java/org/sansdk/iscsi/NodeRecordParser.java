package org.sansdk.iscsi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sansdk.core.Secret;
import org.sansdk.iscsi.internal.Lines;

/**
 * Parses one open-iscsi record: the output of {@code iscsiadm -m node -T … -p … -o show [-S]} or
 * {@code -m discoverydb … -o show}, or a record file from {@code /etc/iscsi/nodes}. A record without its
 * {@code # END RECORD} line is refused (cut), as is a key given twice or text after the end.
 *
 * <pre>{@code NodeRecord r = NodeRecordParser.parse("iscsiadm -o show", text);}</pre>
 */
public final class NodeRecordParser {
    private static final Pattern BEGIN = Pattern.compile("# BEGIN RECORD (\\S+)");
    private static final Pattern KV = Pattern.compile("([A-Za-z][A-Za-z0-9_.\\[\\]]*) = (.*)");

    private NodeRecordParser() {
    }

    /**
     * Parses the text.
     *
     * @throws org.sansdk.core.ParseException when empty, cut before {@code # END RECORD}, or malformed
     */
    public static NodeRecord parse(String source, String text) {
        Lines lines = Lines.of(source, text, "\"# BEGIN RECORD VERSION\"", true);
        Matcher b = BEGIN.matcher(lines.get(0).strip());
        if (!b.matches()) {
            String f = lines.get(0).strip();
            String looks = f.matches("[A-Za-z0-9_]+: \\[\\d+\\] .*") ? " (this looks like iscsiadm -m session output)"
                    : f.matches("\\S+:\\d+,-?\\d+ \\S+") ? " (this looks like iscsiadm -m node list output)" : "";
            throw lines.error(0, "\"# BEGIN RECORD VERSION\"" + looks);
        }
        List<NodeRecord.Entry> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int end = -1;
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.equals("# END RECORD")) {
                end = i;
                break;
            }
            Matcher m = KV.matcher(l);
            if (!m.matches()) {
                throw lines.error(i, "\"key = value\" or \"# END RECORD\"");
            }
            String k = m.group(1);
            String v = m.group(2);
            Integer before = seen.put(k, i + 1);
            if (before != null) {
                String why = "each key once (" + k + " also on line " + before + ")";
                throw NodeRecord.isSecretKey(k) ? lines.secretError(i, why) : lines.error(i, why);
            }
            NodeRecord.Value value;
            if (v.equals("<empty>") || v.isEmpty()) {
                value = NodeRecord.Value.of("");
            } else if (NodeRecord.isSecretKey(k)) {
                value = v.equals("********") ? new NodeRecord.Value(NodeRecord.Value.Kind.MASKED, "", java.util.Optional.empty())
                        : NodeRecord.Value.secret(Secret.of(v));
            } else {
                value = NodeRecord.Value.of(v);
            }
            out.add(new NodeRecord.Entry(k, value));
        }
        if (end < 0) {
            throw lines.error(lines.size() - 1, "\"# END RECORD\" (the record was cut)");
        }
        for (int i = end + 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                throw lines.error(i, "nothing after \"# END RECORD\" (one record per capture)");
            }
        }
        return new NodeRecord(b.group(1), out);
    }
}
