package org.sansdk.corosync;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sansdk.core.ParseException;

/**
 * Parses {@code corosync-cmapctl} output (also {@code -m stats}, and grep'd extracts of it): one
 * {@code key (type) = value} per line, keys in the order printed. A repeated key is refused (never
 * overwritten); a line cut inside its key or type is refused. cmapctl has no end marker, so a capture cut at
 * a line boundary reads as a shorter (complete) listing.
 *
 * <pre>{@code Map<String, CmapEntry> m = CmapParser.parse("cmapctl", stdout);}</pre>
 */
public final class CmapParser {
    private static final Pattern LINE = Pattern.compile("([^\\s()]+) \\((u8|i8|u16|i16|u32|i32|u64|i64|flt|dbl|str|bin)\\) = (.*)");

    private CmapParser() {
    }

    /**
     * The entries by key, in printed order.
     *
     * @throws ParseException on empty input, a line that is not {@code key (type) = value} or a repeated key
     */
    public static Map<String, CmapEntry> parse(String source, String text) {
        String[] lines = QuorumToolParser.lines(source, text);
        Map<String, CmapEntry> out = new LinkedHashMap<>();
        Map<String, Integer> at = new LinkedHashMap<>();
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.isEmpty() && i == lines.length - 1) {
                continue;
            }
            Matcher m = LINE.matcher(l);
            if (!m.matches()) {
                throw new ParseException(source, i + 1, 1, l, "'key (type) = value' (corosync-cmapctl)");
            }
            String type = m.group(2);
            String value = m.group(3);
            if (!type.equals("str") && !type.equals("bin") && !value.matches("-?[0-9]+(\\.[0-9]+)?")) {
                throw new ParseException(source, i + 1, l.indexOf(" = ") + 4, l, "a " + type + " number");
            }
            Integer prev = at.putIfAbsent(m.group(1), i + 1);
            if (prev != null) {
                throw new ParseException(source, i + 1, 1, l, "key " + m.group(1) + " once (also at line " + prev + ")");
            }
            out.put(m.group(1), new CmapEntry(m.group(1), type, value));
        }
        return Collections.unmodifiableMap(out);
    }
}
