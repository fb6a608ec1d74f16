package org.sansdk.cluster.design;

import org.sansdk.core.ParseException;

/**
 * A design or inventory file is not well-formed YAML, repeats a key, uses a YAML feature the readers refuse
 * (aliases), or a {@code {{ var }}} reference cannot be resolved: located by file, 1-based line and column,
 * with the key path it was in.
 *
 * <pre>{@code catch (DesignParseException e) { System.err.println(e.source() + ":" + e.line() + ": " + e.keyPath()); }}</pre>
 */
public class DesignParseException extends ParseException {
    private static final long serialVersionUID = 1L;

    private final String keyPath;

    /**
     * Creates the error. Usage: {@code new DesignParseException("d.yml", 3, 1, "a: 1", "a key only once", "a", null)}.
     *
     * @param source        the file
     * @param line          1-based line
     * @param column        1-based column
     * @param offendingLine the text of that line
     * @param expected      what was expected
     * @param keyPath       the key path ({@code nodes[0].name}, "" at the top)
     * @param cause         the lower-level failure, or null
     */
    public DesignParseException(String source, int line, int column, String offendingLine, String expected, String keyPath,
                                Throwable cause) {
        super(source, line, column, offendingLine, expected + (keyPath.isEmpty() ? "" : " (at " + keyPath + ")"), cause);
        this.keyPath = keyPath;
    }

    /** The key path the error is in ({@code client_vlans[1].vip}; "" for the document itself). Usage: {@code e.keyPath()}. */
    public String keyPath() {
        return keyPath;
    }
}
