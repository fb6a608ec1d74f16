package org.sansdk.lio;

import org.sansdk.lio.json.PythonJsonStyle;

/**
 * How a {@code saveconfig.json} was laid out, so a file can be written back byte for byte: which Python
 * printed it (item separators) and whether a newline follows the closing brace. Current rtslib-fb writes
 * {@link #RTSLIB}: Python 3 separators plus a trailing newline.
 *
 * <pre>{@code String again = SaveconfigWriter.write(doc.config(), doc.format());}</pre>
 */
public record SaveconfigFormat(PythonJsonStyle style, boolean trailingNewline) {

    /** What rtslib-fb on Python 3 writes ({@code json.dumps(..., sort_keys=True, indent=2)} + {@code "\n"}). */
    public static final SaveconfigFormat RTSLIB = new SaveconfigFormat(PythonJsonStyle.PYTHON3, true);

    /** Guesses the layout of an existing file text. {@code SaveconfigFormat.detect(text)} */
    public static SaveconfigFormat detect(String text) {
        PythonJsonStyle style = text.contains(", \n") ? PythonJsonStyle.PYTHON2
                : PythonJsonStyle.PYTHON3;
        return new SaveconfigFormat(style, text.endsWith("\n"));
    }
}
