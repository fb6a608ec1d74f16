package org.sansdk.zfs.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sansdk.core.ParseException;
import org.sansdk.zfs.ListRow;
import org.sansdk.zfs.ZfsListParser;

/**
 * The shared reading of scripted ({@code -H}, tab-separated) {@code zpool list}, {@code zpool get},
 * {@code zfs list} and {@code zfs get} captures for the parse kinds.
 *
 * <p>Columns: a capture does not hold the {@code -o} it was made with, so the columns are the command's
 * default ones, unless the first line is a comment naming them: {@code # -o name,volsize} or the whole command
 * line ({@code # zfs list -Hp -o name,volsize -t volume}). A row with another number of fields is refused
 * with its line and column.
 */
final class ScriptedOutputs {
    private ScriptedOutputs() {
    }

    /**
     * Parses one capture into {@code {"command", "columns", "rows", "complete"[, "incomplete"]}}.
     *
     * @param source name for errors
     * @param text the capture
     * @param tool {@code zfs} or {@code zpool}
     * @param verb {@code list} or {@code get}
     * @param defaults the columns of the plain command
     * @return the JSON value (insertion-ordered maps)
     */
    static Map<String, Object> parse(String source, String text, String tool, String verb, List<String> defaults) {
        String what = tool + " " + verb + " -Hp";
        if (text == null || text.isBlank()) {
            throw new ParseException(source, 1, 1, "", what + " output (got empty input; the tool prints nothing "
                    + "when there is nothing to list, which this kind does not read as 'none')");
        }
        List<String> columns = defaults;
        String body = text;
        int firstEnd = text.indexOf('\n');
        String first = firstEnd < 0 ? text : text.substring(0, firstEnd);
        if (first.startsWith("#")) {
            columns = header(source, first, tool, verb, defaults);
            // keep the line count: the header line becomes an empty line, which the row parser skips
            body = firstEnd < 0 ? "" : "\n" + text.substring(firstEnd + 1);
            if (body.isBlank()) {
                throw new ParseException(source, 2, 1, "", what + " rows after the '#' header line (got none)");
            }
        }
        checkKind(source, body, what);
        List<ListRow> rows;
        try {
            rows = ZfsListParser.parse(source, body, columns);
        } catch (ParseException e) {
            throw new ParseException(source, e.line(), e.column(), e.offendingLine(), e.expected()
                    + (columns == defaults ? " (the default columns of " + tool + " " + verb + " -H; for a capture made "
                    + "with -o, add a first line '# -o col1,col2,...' naming them)" : ""));
        }
        if (rows.isEmpty()) {
            throw new ParseException(source, 1, 1, first, what + " rows (got only blank lines)");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("command", what);
        out.put("columns", List.copyOf(columns));
        List<Map<String, String>> list = new ArrayList<>();
        for (ListRow r : rows) {
            list.add(new LinkedHashMap<>(r.values()));
        }
        out.put("rows", list);
        boolean complete = text.endsWith("\n");
        out.put("complete", complete);
        if (!complete) {
            out.put("incomplete", "the last line has no newline (" + tool + " ends every row with one): the capture "
                    + "may be cut in the middle of a row");
        }
        return out;
    }

    private static List<String> header(String source, String line, String tool, String verb, List<String> defaults) {
        String[] tokens = line.substring(1).trim().split("\\s+");
        int k = 0;
        if (k < tokens.length && (tokens[k].equals("zfs") || tokens[k].equals("zpool"))) {
            String named = tokens[k] + (k + 1 < tokens.length ? " " + tokens[k + 1] : "");
            if (!named.equals(tool + " " + verb)) {
                throw new ParseException(source, 1, line.indexOf(tokens[k]) + 1, line, "a header naming '" + tool + " "
                        + verb + "' (this is the " + tool + "-" + verb + " kind; the header names '" + named + "')");
            }
        }
        List<String> columns = null;
        for (; k < tokens.length; k++) {
            if (tokens[k].equals("-o") && k + 1 < tokens.length) {
                columns = List.of(tokens[k + 1].split(",", -1));
            } else if (tokens[k].startsWith("-o") && tokens[k].length() > 2) {
                columns = List.of(tokens[k].substring(2).split(",", -1));
            }
        }
        if (columns == null) {
            return defaults;
        }
        Set<String> seen = new HashSet<>();
        for (String c : columns) {
            if (c.isEmpty() || !seen.add(c)) {
                throw new ParseException(source, 1, line.indexOf("-o") + 1, line, "a comma-separated list of "
                        + "distinct column names after -o" + (c.isEmpty() ? " (got an empty name)" : " (got '" + c
                        + "' twice)"));
            }
        }
        return columns;
    }

    /** Refuses what is plainly another kind of output, naming it. */
    private static void checkKind(String source, String body, String what) {
        int lineNo = 0;
        for (String line : body.split("\n", -1)) {
            lineNo++;
            if (line.isEmpty()) {
                continue;
            }
            String t = line.strip();
            String looks = null;
            if (t.startsWith("{") || t.startsWith("[")) {
                looks = "JSON (-j output; read it with ZfsJsonParser)";
            } else if (t.startsWith("pool:") || t.startsWith("state:")) {
                looks = "zpool status or zpool import text";
            } else if (line.indexOf('\t') < 0 && t.startsWith("NAME ")) {
                looks = "output without -H (a header line of space-aligned columns)";
            }
            if (looks != null) {
                throw new ParseException(source, lineNo, 1, line, what + " rows (tab-separated); this looks like "
                        + looks);
            }
            return;
        }
    }
}
