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

    /**
     * Decodes a tool output or file strictly as UTF-8 text. A byte sequence that is not UTF-8 (a sequence cut
     * by the end of input included), or a NUL byte (binary data), is refused with the 1-based line and column
     * (in characters) where it starts, never replaced or skipped. The error shows no text of the input: the
     * line may hold a secret (a CHAP password in saveconfig.json).
     *
     * <pre>{@code String text = ParseException.decodeUtf8("saveconfig.json", Files.readAllBytes(path));}</pre>
     *
     * @throws ParseException expecting "UTF-8 text (line N: not UTF-8 text, byte 0xE9 at column C)"
     */
    public static String decodeUtf8(String source, byte[] bytes) {
        java.nio.charset.CharsetDecoder decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
        java.nio.charset.CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        out.flip();
        String text = out.toString();
        int badChar = r.isError() ? text.length() : text.indexOf('\0');
        if (badChar < 0) {
            return text;
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < badChar; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = text.codePointCount(lineStart, badChar) + 1;
        String what = r.isError() ? String.format("byte 0x%02X at column %d", bytes[in.position()] & 0xff, column)
                : "a NUL byte (binary data) at column " + column;
        throw new ParseException(source, line, column, "", "UTF-8 text (line " + line + ": not UTF-8 text, " + what + ")");
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
