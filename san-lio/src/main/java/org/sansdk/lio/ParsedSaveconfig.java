package org.sansdk.lio;

import java.util.Objects;

/**
 * A parsed {@code saveconfig.json} with the layout it was written in.
 *
 * <pre>{@code ParsedSaveconfig doc = SaveconfigParser.parseDocument(name, text); doc.config(); doc.format();}</pre>
 */
public record ParsedSaveconfig(LioConfig config, SaveconfigFormat format) {
    /** Refuses nulls. */
    public ParsedSaveconfig {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(format, "format");
    }
}
