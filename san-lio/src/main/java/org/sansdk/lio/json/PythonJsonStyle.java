package org.sansdk.lio.json;

/**
 * Which Python printed a JSON file with {@code json.dumps(obj, sort_keys=True, indent=2)}: the item
 * separators differ when {@code indent} is set, and writing a file back byte for byte needs the same one.
 *
 * <pre>{@code new SaveconfigFormat(PythonJsonStyle.PYTHON2, true)}</pre>
 */
public enum PythonJsonStyle {
    /** Python 3.4+: {@code separators=(',', ': ')} — what current rtslib-fb writes. */
    PYTHON3(","),
    /** Python 2: {@code separators=(', ', ': ')} — every line ending in a comma carries a trailing space. */
    PYTHON2(", ");

    private final String itemSeparator;

    PythonJsonStyle(String itemSeparator) {
        this.itemSeparator = itemSeparator;
    }

    /** The item separator printed before a newline: {@code PythonJsonStyle.PYTHON2.itemSeparator()}. */
    public String itemSeparator() {
        return itemSeparator;
    }
}
