package org.sansdk.corosync;

import java.util.List;

/**
 * Renders a {@link CorosyncConf}. Items read from a file are written with their original text, so a parsed
 * file renders back byte for byte; items built in code are written in corosync's layout (4-space indent,
 * {@code key: value}, {@code name {}, {@code }}). Only syntax corosync accepts is written: a built value that
 * holds a newline, a brace, or a {@code #} after white space (an inline comment, which corosync would store as
 * part of the value) is refused.
 *
 * <pre>{@code Files.writeString(path, CorosyncConfWriter.render(conf));}</pre>
 */
public final class CorosyncConfWriter {

    private static final String INDENT = "    ";

    private CorosyncConfWriter() {
    }

    /**
     * The text of the config.
     *
     * <pre>{@code String text = CorosyncConfWriter.render(CorosyncConfParser.parse("c", original));}</pre>
     *
     * @throws IllegalArgumentException when a built key, name or value is not something corosync reads back
     */
    public static String render(CorosyncConf conf) {
        StringBuilder sb = new StringBuilder();
        write(sb, conf.items(), 0);
        if (sb.length() > 0 && !conf.endsWithNewline()) {
            sb.setLength(sb.length() - 1);
        }
        return sb.toString();
    }

    private static void write(StringBuilder sb, List<ConfItem> items, int depth) {
        String ind = INDENT.repeat(depth);
        for (ConfItem item : items) {
            if (item instanceof ConfItem.Comment c) {
                sb.append(c.raw() != null ? c.raw() : ind + c.text()).append('\n');
            } else if (item instanceof ConfItem.Blank b) {
                sb.append(b.raw() != null ? b.raw() : "").append('\n');
            } else if (item instanceof ConfItem.Entry e) {
                if (e.raw() != null) {
                    sb.append(e.raw());
                } else {
                    checkName(e.key(), "key");
                    checkValue(e.key(), e.value());
                    sb.append(ind).append(e.key()).append(": ").append(e.value());
                }
                sb.append('\n');
            } else if (item instanceof ConfItem.Section s) {
                if (s.openRaw() != null) {
                    sb.append(s.openRaw());
                } else {
                    checkName(s.name(), "section name");
                    sb.append(ind).append(s.name()).append(" {");
                }
                sb.append('\n');
                write(sb, s.items(), depth + 1);
                sb.append(s.closeRaw() != null ? s.closeRaw() : ind + "}").append('\n');
            }
        }
    }

    private static void checkName(String name, String what) {
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("corosync.conf " + what + " '" + name
                    + "' must be letters, digits, '_', '.' or '-'");
        }
    }

    private static void checkValue(String key, String value) {
        if (value.isEmpty() || !value.equals(value.strip())) {
            throw new IllegalArgumentException("value of '" + key + "' must be non-empty without surrounding white space");
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('{') >= 0 || value.indexOf('}') >= 0) {
            throw new IllegalArgumentException("value of '" + key + "' must not hold a newline or a brace");
        }
        if (value.matches(".*\\s#.*")) {
            throw new IllegalArgumentException("value of '" + key
                    + "' holds ' #': corosync has no inline comments and would keep it as part of the value");
        }
    }
}
