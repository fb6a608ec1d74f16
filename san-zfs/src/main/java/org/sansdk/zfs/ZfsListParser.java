package org.sansdk.zfs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sansdk.core.ParseException;

/**
 * Parses scripted ({@code -H}, tab-separated) {@code zfs list} and {@code zpool list} output, in whatever
 * column order the caller asked for with {@code -o}.
 *
 * <p>{@code List<ListRow> rows = ZfsListParser.parse("zfs list", out, List.of("name", "used", "volsize"));}
 */
public final class ZfsListParser {
    /** Columns of plain {@code zfs list -H}. */
    public static final List<String> ZFS_DEFAULT = List.of("name", "used", "avail", "refer", "mountpoint");
    /** Columns of plain {@code zpool list -H} (OpenZFS 2.x). */
    public static final List<String> ZPOOL_DEFAULT = List.of("name", "size", "alloc", "free", "ckpoint",
            "expandsz", "frag", "cap", "dedup", "health", "altroot");

    private ZfsListParser() {
    }

    /**
     * Parses the rows.
     *
     * <p>{@code ZfsListParser.parse("zpool list", out, ZfsListParser.ZPOOL_DEFAULT)}
     *
     * @param source name for errors
     * @param text the output of {@code zfs list -Hp -o c1,c2,...}
     * @param columns the columns in the order passed to {@code -o}
     * @return the rows
     * @throws ParseException when a line has another number of fields
     */
    public static List<ListRow> parse(String source, String text, List<String> columns) {
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException("columns are required");
        }
        List<ListRow> rows = new ArrayList<>();
        if (text == null) {
            throw new ParseException(source, 1, 1, "", "zfs/zpool list -H output (got null)");
        }
        int lineNo = 0;
        int start = 0;
        int n = text.length();
        while (start < n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            lineNo++;
            String line = text.substring(start, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            start = end + 1;
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != columns.size()) {
                int col = fields.length > columns.size() ? positionOfField(line, columns.size()) : line.length() + 1;
                throw new ParseException(source, lineNo, col, line, columns.size() + " tab-separated fields ("
                        + String.join(",", columns) + "), found " + fields.length);
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int k = 0; k < fields.length; k++) {
                values.put(columns.get(k), fields[k]);
            }
            rows.add(new ListRow(values));
        }
        return rows;
    }

    static int positionOfField(String line, int index) {
        int p = 0;
        for (int k = 0; k < index; k++) {
            p = line.indexOf('\t', p) + 1;
        }
        return p + 1;
    }
}
