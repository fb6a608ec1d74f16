package org.sansdk.zfs.internal;

import org.sansdk.core.spi.OutputParser;
import org.sansdk.zfs.ZpoolStatusJson;
import org.sansdk.zfs.ZpoolStatusParser;

/**
 * {@code sanctl parse zpool-status FILE}: {@code zpool status} text of any release to JSON in the shape of
 * OpenZFS 2.3's {@code zpool status -j --json-int}.
 *
 * <p>{@code new ZpoolStatusOutputParser().parse("f", text)}
 */
public final class ZpoolStatusOutputParser implements OutputParser {

    /** Creates the parser (ServiceLoader). */
    public ZpoolStatusOutputParser() {
    }

    @Override
    public String kind() {
        return "zpool-status";
    }

    @Override
    public String description() {
        return "zpool status text (OpenZFS/ZoL/illumos/FreeBSD/zfs-fuse) -> JSON shaped like 'zpool status -j --json-int'";
    }

    @Override
    public Object parse(String sourceName, String text) {
        return ZpoolStatusJson.toJson(ZpoolStatusParser.parse(sourceName, text));
    }
}
