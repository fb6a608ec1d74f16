package org.sansdk.zfs.internal;

import org.sansdk.core.spi.OutputParser;
import org.sansdk.zfs.ZpoolStatusJson;
import org.sansdk.zfs.ZpoolStatusJsonParser;

/**
 * {@code sanctl parse zpool-json FILE}: {@code zpool status -j} (strings or {@code --json-int}) normalised to
 * the {@code --json-int} shape (states as OpenZFS prints them, sizes as bytes).
 *
 * <p>{@code new ZpoolJsonOutputParser().parse("f", json)}
 */
public final class ZpoolJsonOutputParser implements OutputParser {

    /** Creates the parser (ServiceLoader). */
    public ZpoolJsonOutputParser() {
    }

    @Override
    public String kind() {
        return "zpool-json";
    }

    @Override
    public String description() {
        return "zpool status -j JSON (with or without --json-int) -> normalised 'zpool status -j --json-int' JSON";
    }

    @Override
    public Object parse(String sourceName, String text) {
        return ZpoolStatusJson.toJson(ZpoolStatusJsonParser.parse(sourceName, text));
    }
}
