package org.sansdk.zfs.internal;

import org.sansdk.core.spi.OutputParser;
import org.sansdk.zfs.ZpoolImportJson;
import org.sansdk.zfs.ZpoolImportParser;

/**
 * {@code sanctl parse zpool-import FILE}: the listing {@code zpool import} (scan) prints, as JSON keyed by
 * pool id.
 *
 * <p>{@code new ZpoolImportOutputParser().parse("f", text)}
 */
public final class ZpoolImportOutputParser implements OutputParser {

    /** Creates the parser (ServiceLoader). */
    public ZpoolImportOutputParser() {
    }

    @Override
    public String kind() {
        return "zpool-import";
    }

    @Override
    public String description() {
        return "zpool import (scan) listing text -> JSON of the importable pools keyed by pool id";
    }

    @Override
    public Object parse(String sourceName, String text) {
        return ZpoolImportJson.toJson(ZpoolImportParser.parse(sourceName, text));
    }
}
