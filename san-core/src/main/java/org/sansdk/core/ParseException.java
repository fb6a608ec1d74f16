package org.sansdk.core;

/**
 * A tool output or file could not be parsed: names the source, the 1-based line and column, the
 * offending line and what the parser expected there.
 *
 * <pre>{@code catch (ParseException e) { System.err.println(e.source() + ":" + e.line()); }}</pre>
 */
public class ParseException extends SanException {
    private static final long serialVersionUID = 1L;
    private static final int MAX_SHOWN = 200;

    private final String source;
    private final int line;
    private final int column;
    private final String offendingLine;
    private final String expected;

    /** Creates a located parse error; {@code line} and {@code column} are 1-based (0 when unknown). */
    public ParseException(String source, int line, int column, String offendingLine, String expected) {
        this(source, line, column, offendingLine, expected, null);
    }

    /** Creates a located parse error caused by a lower-level failure (for example a JSON or XML parser). */
    public ParseException(String source, int line, int column, String offendingLine, String expected,
                          Throwable cause) {
        super(format(source, line, column, offendingLine, expected), cause);
        this.source = source == null ? "<input>" : source;
        this.line = Math.max(0, line);
        this.column = Math.max(0, column);
        this.offendingLine = offendingLine == null ? "" : offendingLine;
        this.expected = expected == null ? "" : expected;
    }

    private static String format(String source, int line, int column, String offending, String expected) {
        String shown = offending == null ? "" : offending;
        if (shown.length() > MAX_SHOWN) {
            shown = shown.substring(0, MAX_SHOWN) + "...";
        }
        shown = shown.replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n");
        return (source == null ? "<input>" : source) + ":" + Math.max(0, line) + ":" + Math.max(0, column)
                + ": expected " + expected + "; found: \"" + shown + "\"";
    }

    /**
     * The text of 1-based line {@code line} of {@code text} (without its newline), or "" when the line does
     * not exist; for building the offending-line part of a located error.
     *
     * <pre>{@code throw new ParseException(src, n, 1, ParseException.lineOf(text, n), "a vdev line");}</pre>
     */
    public static String lineOf(String text, int line) {
        if (text == null || line <= 0) {
            return "";
        }
        int start = 0;
        for (int i = 1; i < line; i++) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                return "";
            }
            start = nl + 1;
        }
        int end = text.indexOf('\n', start);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    /** The name of the parsed source: a file name, {@code -} for stdin, or a command line. */
    public String source() {
        return source;
    }

    /** The 1-based line of the problem, 0 when the problem is not tied to a line (for example empty input). */
    public int line() {
        return line;
    }

    /** The 1-based column of the problem, 0 when unknown. */
    public int column() {
        return column;
    }

    /** The text of the offending line, untruncated. */
    public String offendingLine() {
        return offendingLine;
    }

    /** What the parser expected at that place. */
    public String expected() {
        return expected;
    }
}
