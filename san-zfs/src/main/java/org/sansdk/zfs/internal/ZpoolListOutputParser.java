package org.sansdk.zfs.internal;

import org.sansdk.core.spi.OutputParser;
import org.sansdk.zfs.ZfsListParser;

/**
 * {@code sanctl parse zpool-list FILE}: scripted {@code zpool list -Hp} output as JSON
 * {@code {"command", "columns", "rows": [{column: value as printed}], "complete"}}. The columns are
 * {@link ZfsListParser#ZPOOL_DEFAULT} unless the first line names them ({@code # -o name,volsize}, or the whole
 * command line after {@code #}); a row with another number of fields is refused with its line.
 *
 * <p>{@code new ZpoolListOutputParser().parse("f", "# -o name,health\nsan-pool\tONLINE\n")}
 */
public final class ZpoolListOutputParser implements OutputParser {

    /** Creates the parser (ServiceLoader). */
    public ZpoolListOutputParser() {
    }

    @Override
    public String kind() {
        return "zpool-list";
    }

    @Override
    public String description() {
        return "zpool list -Hp (name, size, alloc, free, ckpoint, expandsz, frag, cap, dedup, health, altroot, or '# -o ...' first line) -> JSON rows";
    }

    @Override
    public Object parse(String sourceName, String text) {
        return ScriptedOutputs.parse(sourceName, text, "zpool", "list", ZfsListParser.ZPOOL_DEFAULT);
    }
}
