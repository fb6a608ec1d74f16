package org.sansdk.lio.chap;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.sansdk.core.ParseException;
import org.sansdk.core.SanException;
import org.sansdk.core.Secret;

/**
 * {@code KEY=value} lines that {@code eval "$(openssl enc -d ...)"} in {@code /bin/sh} (dash, bash) reads
 * back exactly: every value is single-quoted, a {@code '} inside becomes {@code '\''}; newlines, {@code $},
 * backquotes and backslashes stay literal inside single quotes. A NUL byte cannot live in a shell variable
 * and is refused. The reader understands that output plus plain and double-quoted values, for files written
 * by other tools.
 *
 * <pre>{@code byte[] env = ShellEnv.render(Map.of("ISCSI_CHAP_PASSWORD", Secret.of(pw)));}</pre>
 */
public final class ShellEnv {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ShellEnv() {
    }

    /** The lines, one assignment per key, in map order. {@code ShellEnv.render(entries)} */
    public static byte[] render(Map<String, Secret> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, Secret> e : entries.entrySet()) {
            String key = e.getKey();
            if (!NAME.matcher(key).matches()) {
                throw new SanException("'" + key + "' is not a shell variable name ([A-Za-z_][A-Za-z0-9_]*)");
            }
            byte[] value = e.getValue().revealUtf8();
            out.writeBytes(key.getBytes(StandardCharsets.US_ASCII));
            out.write('=');
            out.write('\'');
            for (byte b : value) {
                if (b == 0) {
                    throw new SanException("the value of " + key + " contains a NUL byte, which a shell variable"
                            + " cannot hold");
                }
                if (b == '\'') {
                    out.writeBytes("'\\''".getBytes(StandardCharsets.US_ASCII));
                } else {
                    out.write(b);
                }
            }
            out.write('\'');
            out.write('\n');
            java.util.Arrays.fill(value, (byte) 0);
        }
        return out.toByteArray();
    }

    /**
     * Reads assignments back (comments and blank lines skipped). Refused with the line, never showing a value:
     * bytes that are not UTF-8, no assignment at all (an empty file), a name assigned twice (the shell would keep
     * the last one silently). {@code ShellEnv.parse("chap.env", bytes)}
     */
    public static Map<String, Secret> parse(String source, byte[] content) {
        String s = org.sansdk.core.ParseException.decodeUtf8(source, content);
        Map<String, Secret> out = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new java.util.HashMap<>();
        int i = 0;
        int line = 1;
        while (i < s.length()) {
            int lineStart = i;
            char c = s.charAt(i);
            if (c == '\n') {
                i++;
                line++;
                continue;
            }
            if (c == ' ' || c == '\t') {
                i++;
                continue;
            }
            if (c == '#') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (s.startsWith("export ", i)) {
                i += 7;
                continue;
            }
            int eq = s.indexOf('=', i);
            int nl = s.indexOf('\n', i);
            if (eq < 0 || (nl >= 0 && nl < eq) || !NAME.matcher(s.substring(i, eq)).matches()) {
                throw new ParseException(source, line, 1, lineAt(s, lineStart), "NAME=value");
            }
            String key = s.substring(i, eq);
            i = eq + 1;
            StringBuilder v = new StringBuilder();
            int startLine = line;
            while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != ' ' && s.charAt(i) != '\t') {
                char q = s.charAt(i);
                if (q == '\'') {
                    int end = s.indexOf('\'', i + 1);
                    if (end < 0) {
                        throw new ParseException(source, startLine, 1, lineAt(s, lineStart), "a closing '");
                    }
                    String part = s.substring(i + 1, end);
                    line += (int) part.chars().filter(ch -> ch == '\n').count();
                    v.append(part);
                    i = end + 1;
                } else if (q == '"') {
                    i++;
                    while (true) {
                        if (i >= s.length()) {
                            throw new ParseException(source, startLine, 1, lineAt(s, lineStart), "a closing \"");
                        }
                        char d = s.charAt(i);
                        if (d == '"') {
                            i++;
                            break;
                        }
                        if (d == '\\' && i + 1 < s.length() && "$`\"\\\n".indexOf(s.charAt(i + 1)) >= 0) {
                            if (s.charAt(i + 1) != '\n') {
                                v.append(s.charAt(i + 1));
                            }
                            i += 2;
                            continue;
                        }
                        if (d == '$' || d == '`') {
                            throw new ParseException(source, line, 1, lineAt(s, lineStart),
                                    "no expansions ($ or `) in a double-quoted value");
                        }
                        if (d == '\n') {
                            line++;
                        }
                        v.append(d);
                        i++;
                    }
                } else if (q == '\\' && i + 1 < s.length()) {
                    if (s.charAt(i + 1) == '\n') {
                        line++;
                    } else {
                        v.append(s.charAt(i + 1));
                    }
                    i += 2;
                } else if ("$`;&|<>()\"".indexOf(q) >= 0) {
                    throw new ParseException(source, line, 1, lineAt(s, lineStart),
                            "a literal value (quote it; no expansions or operators)");
                } else {
                    v.append(q);
                    i++;
                }
            }
            Integer first = firstLine.putIfAbsent(key, startLine);
            if (first != null) {
                throw new ParseException(source, startLine, 1, lineAt(s, lineStart), "each name once (" + key
                        + " is already assigned at line " + first + "; the shell would silently keep the last)");
            }
            out.put(key, Secret.of(v.toString()));
        }
        if (out.isEmpty()) {
            throw new ParseException(source, 1, 1, "", "at least one NAME=value line; " + (s.isBlank()
                    ? "the input is empty" : "there are only comments and blank lines"));
        }
        return Collections.unmodifiableMap(out);
    }

    private static String lineAt(String s, int start) {
        int end = s.indexOf('\n', start);
        String l = s.substring(start, end < 0 ? s.length() : end);
        // do not echo a value that might be secret: the name only, or nothing of a line without one
        int eq = l.indexOf('=');
        if (eq >= 0 && NAME.matcher(l.substring(0, eq)).matches()) {
            return l.substring(0, eq + 1) + "…";
        }
        return "… (" + l.length() + " characters, not shown)";
    }
}
