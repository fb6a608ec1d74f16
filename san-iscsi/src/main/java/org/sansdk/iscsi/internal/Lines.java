package org.sansdk.iscsi.internal;

import java.util.ArrayList;
import java.util.List;
import org.sansdk.core.ParseException;

/**
 * The lines of a capture, with the checks every san-iscsi parser shares: empty input refused, a capture
 * that does not end with a newline refused (iscsiadm ends every line it prints with one, so the last line
 * was cut), and located errors.
 *
 * <pre>{@code Lines l = Lines.of("iscsiadm -m session", text, "a session line");}</pre>
 */
public final class Lines {
    private final String source;
    private final String text;
    private final List<String> lines;

    private Lines(String source, String text, List<String> lines) {
        this.source = source;
        this.text = text;
        this.lines = lines;
    }

    /**
     * Splits {@code text}; refuses blank input and, when {@code requireFinalNewline}, a text whose last line has
     * no newline.
     */
    public static Lines of(String source, String text, String expectedFirst, boolean requireFinalNewline) {
        if (text == null || text.isBlank()) {
            throw new ParseException(source, 1, 1, text == null ? "" : ParseException.lineOf(text, 1),
                    expectedFirst + " (the capture is empty; an empty capture is never read as \"none\")");
        }
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                out.add(stripCr(text.substring(start)));
                if (requireFinalNewline) {
                    throw new ParseException(source, out.size(), text.length() - start + 1, out.get(out.size() - 1),
                            "a line ending (iscsiadm ends every line with a newline: the capture was cut inside"
                                    + " its last line)");
                }
                break;
            }
            out.add(stripCr(text.substring(start, nl)));
            start = nl + 1;
        }
        return new Lines(source, text, out);
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /** The source name used in errors. */
    public String source() {
        return source;
    }

    /** The whole text. */
    public String text() {
        return text;
    }

    /** The number of lines. */
    public int size() {
        return lines.size();
    }

    /** Line {@code i} (0-based). */
    public String get(int i) {
        return lines.get(i);
    }

    /** A located error at 0-based line {@code i}. */
    public ParseException error(int i, String expected) {
        int shown = Math.min(Math.max(i, 0), lines.size() - 1);
        String line = lines.isEmpty() ? "" : lines.get(shown);
        int col = 1;
        while (col <= line.length() && Character.isWhitespace(line.charAt(col - 1))) {
            col++;
        }
        return new ParseException(source, shown + 1, col, line, expected);
    }

    /**
     * A located error at 0-based line {@code i} whose line holds a secret: the offending line is shown up to
     * its separator ({@code " = "} or {@code ": "}) followed by {@code ****}.
     */
    public ParseException secretError(int i, String expected) {
        String line = lines.get(i);
        int sep = line.indexOf(" = ");
        int cut = sep >= 0 ? sep + 3 : line.indexOf(": ") >= 0 ? line.indexOf(": ") + 2 : 0;
        return new ParseException(source, i + 1, 1, line.substring(0, cut) + org.sansdk.core.Secret.MASK, expected);
    }

    /** The 0-based index of the last non-blank line, or -1. */
    public int lastNonBlank() {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }
}
