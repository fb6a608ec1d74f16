package org.sansdk.zfs.internal;

import org.sansdk.core.spi.OutputParser;
import org.sansdk.zfs.ZfsListParser;

/**
 * {@code sanctl parse zfs-list FILE}: scripted {@code zfs list -Hp} output as JSON
 * {@code {"command", "columns", "rows": [{column: value as printed}], "complete"}}. The columns are
 * {@link ZfsListParser#ZFS_DEFAULT} unless the first line names them ({@code # -o name,volsize}, or the whole
 * command line after {@code #}); a row with another number of fields is refused with its line.
 *
 * <p>{@code new ZfsListOutputParser().parse("f", "# -o name,volsize\nsan-pool/v\t4096\n")}
 */
public final class ZfsListOutputParser implements OutputParser {

    /** Creates the parser (ServiceLoader). */
    public ZfsListOutputParser() {
    }

    @Override
    public String kind() {
        return "zfs-list";
    }

    @Override
    public String description() {
        return "zfs list -Hp (name, used, avail, refer, mountpoint, or '# -o ...' first line) -> JSON rows";
    }

    @Override
    public Object parse(String sourceName, String text) {
        return ScriptedOutputs.parse(sourceName, text, "zfs", "list", ZfsListParser.ZFS_DEFAULT);
    }
}
