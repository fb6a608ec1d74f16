package org.sansdk.zfs.internal;

import org.sansdk.core.spi.OutputParser;
import org.sansdk.zfs.ZfsGetParser;

/**
 * {@code sanctl parse zfs-get FILE}: scripted {@code zfs get -Hp} output as JSON
 * {@code {"command", "columns", "rows": [{column: value as printed}], "complete"}}. The columns are
 * {@link ZfsGetParser#DEFAULT_FIELDS} unless the first line names them ({@code # -o name,volsize}, or the whole
 * command line after {@code #}); a row with another number of fields is refused with its line.
 *
 * <p>{@code new ZfsGetOutputParser().parse("f", "# -o name,value\nsan-pool\ton\n")}
 */
public final class ZfsGetOutputParser implements OutputParser {

    /** Creates the parser (ServiceLoader). */
    public ZfsGetOutputParser() {
    }

    @Override
    public String kind() {
        return "zfs-get";
    }

    @Override
    public String description() {
        return "zfs get -Hp (name, property, value, source, or '# -o ...' first line) -> JSON rows";
    }

    @Override
    public Object parse(String sourceName, String text) {
        return ScriptedOutputs.parse(sourceName, text, "zfs", "get", ZfsGetParser.DEFAULT_FIELDS);
    }
}
