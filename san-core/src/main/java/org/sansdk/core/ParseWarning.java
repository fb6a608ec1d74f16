package org.sansdk.core;

/**
 * A located, non-fatal remark from a lenient parser: a line it did not understand and skipped, or a
 * shape it accepted although the real tool would not print it (re-indented documentation, a snipped line).
 *
 * <pre>{@code status.warnings().forEach(w -> System.err.println(w));}</pre>
 *
 * @param source  the parsed source name
 * @param line    1-based line
 * @param column  1-based column, 0 when unknown
 * @param message what was odd and what the parser did about it
 */
public record ParseWarning(String source, int line, int column, String message) {
    /** Validates the fields. */
    public ParseWarning {
        source = source == null ? "<input>" : source;
        message = message == null ? "" : message;
    }

    @Override
    public String toString() {
        return source + ":" + line + ":" + column + ": warning: " + message;
    }
}
