package org.sansdk.lio.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sansdk.lio.json.JsonValue;
import org.sansdk.lio.json.PythonJsonStyle;

/**
 * Prints a {@link JsonValue} byte for byte like CPython's {@code json.dumps(obj, sort_keys=True, indent=2)}:
 * keys sorted by code point, two-space indent, {@code ensure_ascii=True} escaping (everything outside
 * {@code ' '..'~'} as lower-case {@code \\u00e9-style escapes}, surrogate pairs for astral characters), and the item
 * separator of the chosen {@link PythonJsonStyle}.
 *
 * <pre>{@code String text = PythonJsonWriter.write(tree, PythonJsonStyle.PYTHON3);}</pre>
 */
public final class PythonJsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PythonJsonWriter() {
    }

    /** Prints {@code value} without a trailing newline (like {@code json.dumps}). */
    public static String write(JsonValue value, PythonJsonStyle style) {
        StringBuilder out = new StringBuilder(4096);
        write(out, value, style, 0);
        return out.toString();
    }

    private static void write(StringBuilder out, JsonValue value, PythonJsonStyle style, int depth) {
        if (value instanceof JsonValue.JsonObject o) {
            writeObject(out, o.members(), style, depth);
        } else if (value instanceof JsonValue.JsonArray a) {
            List<JsonValue> items = a.items();
            if (items.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    out.append(style.itemSeparator());
                }
                newline(out, depth + 1);
                write(out, items.get(i), style, depth + 1);
            }
            newline(out, depth);
            out.append(']');
        } else if (value instanceof JsonValue.JsonString s) {
            quote(out, s.value());
        } else if (value instanceof JsonValue.JsonNumber n) {
            out.append(n.literal());
        } else if (value instanceof JsonValue.JsonBool b) {
            out.append(b.value() ? "true" : "false");
        } else {
            out.append("null");
        }
    }

    private static void writeObject(StringBuilder out, Map<String, JsonValue> members, PythonJsonStyle style, int depth) {
        if (members.isEmpty()) {
            out.append("{}");
            return;
        }
        List<String> keys = new ArrayList<>(members.keySet());
        keys.sort(PythonJsonWriter::compareCodePoints);
        out.append('{');
        boolean first = true;
        for (String key : keys) {
            if (!first) {
                out.append(style.itemSeparator());
            }
            first = false;
            newline(out, depth + 1);
            quote(out, key);
            out.append(": ");
            write(out, members.get(key), style, depth + 1);
        }
        newline(out, depth);
        out.append('}');
    }

    private static void newline(StringBuilder out, int depth) {
        out.append('\n');
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }

    /** Python sorts str keys by code point, which differs from UTF-16 order only for astral characters. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Appends {@code s} quoted with Python's {@code ensure_ascii=True} rules. */
    public static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c >= ' ' && c <= '~') {
                        out.append(c);
                    } else {
                        out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
                    }
                }
            }
        }
        out.append('"');
    }
}
