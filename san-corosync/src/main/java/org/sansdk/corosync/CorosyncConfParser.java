package org.sansdk.corosync;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.sansdk.core.ParseException;

/**
 * Reads a corosync.conf the way corosync's own parser ({@code exec/coroparse.c}) does, keeping every comment,
 * blank line and the original text of each line so that {@link CorosyncConfWriter} gives the same bytes back.
 * What corosync refuses is refused here with the line: a line over 510 bytes, {@code {} with text after it,
 * a section without a name, a {@code }} with other text, a closing brace at top level, a line that is neither
 * section, entry nor brace, and a file that ends inside a section (a cut file). A {@code #} is a comment only
 * as a line's first non-blank character; {@code key: 1 # note} gives the value {@code "1 # note"}, as in
 * corosync. Repeated keys and sections are kept in order (corosync merges them, the last value wins; see
 * {@link CorosyncConf#value(String)} and the validator's duplicate rules).
 *
 * <pre>{@code CorosyncConf conf = CorosyncConfParser.parse("/etc/corosync/corosync.conf", text);}</pre>
 */
public final class CorosyncConfParser {

    /** The longest line corosync reads (its buffer is 512 bytes with the newline and the NUL). */
    public static final int MAX_LINE_BYTES = 510;
    private static final int KEYNAME_MAX = 256;

    private CorosyncConfParser() {
    }

    /**
     * Parses corosync.conf bytes (strict UTF-8).
     *
     * <pre>{@code CorosyncConfParser.parse("corosync.conf", Files.readAllBytes(path))}</pre>
     *
     * @throws ParseException on bytes that are not UTF-8 text or any syntax corosync refuses
     */
    public static CorosyncConf parse(String source, byte[] bytes) {
        return parse(source, ParseException.decodeUtf8(source, bytes));
    }

    /**
     * Parses corosync.conf text.
     *
     * <pre>{@code CorosyncConf conf = CorosyncConfParser.parse("corosync.conf", text);}</pre>
     *
     * @throws ParseException on empty input or any syntax corosync refuses, located at its line
     */
    public static CorosyncConf parse(String source, String text) {
        if (text.isBlank()) {
            throw new ParseException(source, 1, 1, ParseException.lineOf(text, 1),
                    "a corosync.conf (a 'totem {' section); the input is empty");
        }
        boolean endsWithNewline = text.endsWith("\n");
        String body = endsWithNewline ? text.substring(0, text.length() - 1) : text;
        String[] lines = body.split("\n", -1);
        Deque<Frame> stack = new ArrayDeque<>();
        Frame top = new Frame(null, "", null, 0);
        stack.push(top);
        boolean sawContent = false;
        for (int i = 0; i < lines.length; i++) {
            int no = i + 1;
            String raw = lines[i];
            if (raw.getBytes(StandardCharsets.UTF_8).length > MAX_LINE_BYTES) {
                throw new ParseException(source, no, MAX_LINE_BYTES + 1, raw,
                        "a line of at most " + MAX_LINE_BYTES + " bytes (corosync: \"Line too long\")");
            }
            String line = stripEnd(raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw);
            String trimmed = stripStart(line);
            Frame cur = stack.peek();
            if (trimmed.isEmpty()) {
                cur.items.add(new ConfItem.Blank(raw, no));
                continue;
            }
            if (trimmed.startsWith("#")) {
                cur.items.add(new ConfItem.Comment(trimmed, raw, no));
                continue;
            }
            int brace = line.indexOf('{');
            if (brace >= 0) {
                String name = trimEndColonBrace(line.substring(0, brace));
                String after = line.substring(brace + 1).strip();
                if (!after.isEmpty()) {
                    throw new ParseException(source, no, brace + 2, raw,
                            "nothing after '{' (corosync: \"Extra characters after opening bracket '{'\")");
                }
                if (name.isEmpty()) {
                    throw new ParseException(source, no, brace + 1, raw,
                            "a section name before '{' (corosync: \"Missing section name before opening bracket '{'\")");
                }
                if (!name.matches("[A-Za-z0-9_.-]+")) {
                    throw new ParseException(source, no, 1, raw,
                            "a section name of letters, digits, '_', '.' or '-' (a '{' inside a value starts a section in corosync)");
                }
                String path = cur.path.isEmpty() ? name : cur.path + "." + name;
                if (path.length() >= KEYNAME_MAX) {
                    throw new ParseException(source, no, 1, raw,
                            "a section path shorter than " + KEYNAME_MAX + " characters (corosync: \"total cmap path too long\")");
                }
                stack.push(new Frame(name, path, raw, no));
                sawContent = true;
                continue;
            }
            int colon = line.indexOf(':');
            if (colon >= 0) {
                String key = trimEndColonBrace(line.substring(0, colon));
                String value = line.substring(colon + 1).strip();
                value = stripWs(value);
                if (key.isEmpty()) {
                    throw new ParseException(source, no, colon + 1, raw,
                            "a key name before ':' (corosync: \"Key name can't be empty\")");
                }
                String path = cur.path.isEmpty() ? key : cur.path + "." + key;
                if (path.length() >= KEYNAME_MAX) {
                    throw new ParseException(source, no, 1, raw,
                            "a key path shorter than " + KEYNAME_MAX + " characters (corosync: \"total cmap path too long\")");
                }
                cur.items.add(new ConfItem.Entry(key, value, raw, no));
                sawContent = true;
                continue;
            }
            if (line.indexOf('}') >= 0) {
                if (!trimmed.equals("}")) {
                    throw new ParseException(source, no, line.indexOf('}') + 1, raw,
                            "'}' alone on its line (corosync: \"Extra characters before or after closing bracket '}'\")");
                }
                if (stack.size() == 1) {
                    throw new ParseException(source, no, line.indexOf('}') + 1, raw,
                            "a section to close (corosync: \"Unexpected closing brace\")");
                }
                Frame done = stack.pop();
                stack.peek().items.add(new ConfItem.Section(done.name, done.items, done.openRaw, raw, done.line, no));
                continue;
            }
            throw new ParseException(source, no, 1, raw,
                    "'name {', 'key: value', '}' or a '#' comment (corosync: \"Line is not opening or closing section or key value\")");
        }
        if (stack.size() > 1) {
            Frame open = stack.peek();
            throw new ParseException(source, lines.length, 1, lines[lines.length - 1],
                    "'}' closing section '" + open.path + "' opened at line " + open.line
                            + " (corosync: \"Missing closing brace\"; the file is cut or unbalanced)");
        }
        if (!sawContent) {
            throw new ParseException(source, 1, 1, lines[0],
                    "a corosync.conf section or key; the input holds only comments and blank lines");
        }
        return new CorosyncConf(top.items, endsWithNewline);
    }

    private static final class Frame {
        final String name;
        final String path;
        final String openRaw;
        final int line;
        final List<ConfItem> items = new ArrayList<>();

        Frame(String name, String path, String openRaw, int line) {
            this.name = name;
            this.path = path;
            this.openRaw = openRaw;
            this.line = line;
        }
    }

    static boolean isWs(char c) {
        return c == ' ' || c == '\t' || c == '\u00a0';
    }

    private static String stripEnd(String s) {
        int e = s.length();
        while (e > 0 && isWs(s.charAt(e - 1))) {
            e--;
        }
        return s.substring(0, e);
    }

    private static String stripStart(String s) {
        int b = 0;
        while (b < s.length() && isWs(s.charAt(b))) {
            b++;
        }
        return s.substring(b);
    }

    private static String stripWs(String s) {
        return stripStart(stripEnd(s));
    }

    private static String trimEndColonBrace(String s) {
        String t = stripStart(s);
        int e = t.length();
        while (e > 1 && (isWs(t.charAt(e - 1)) || t.charAt(e - 1) == ':' || t.charAt(e - 1) == '{')) {
            e--;
        }
        return t.substring(0, e).strip();
    }
}
