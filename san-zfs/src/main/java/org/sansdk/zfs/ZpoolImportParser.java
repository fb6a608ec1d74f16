package org.sansdk.zfs;

import org.sansdk.core.ParseException;

/**
 * Parses what {@code zpool import} (scan, no pool argument; {@code -d DIR}, {@code -D}) prints: the
 * importable pools, each with name, id, state, status/action/comment/see texts and the config tree (the
 * same vdev-tree reading as {@link ZpoolStatusParser}, rows without counters), or
 * {@code no pools available to import}.
 *
 * <p>{@code ZpoolImportReport r = ZpoolImportParser.parse("node-b", executor.run(cmd).stdout());}
 *
 * <p>Contract: empty input, {@code zpool status} output (a {@code scan:}/{@code errors:} line, a pool without
 * an {@code id:} line, {@code no pools available}), a repeated pool id (two captures concatenated), and a
 * block without its {@code config:} tree are refused with a located {@link ParseException}. Two candidates
 * with the same name and different ids are two candidates. {@code zpool import} prints no end marker, so a
 * cut is caught only where it leaves a trace: a group with too few members, an empty section, a non-ONLINE
 * group with only ONLINE members, a root row that disagrees with {@code state:}, or a last line without its
 * newline; such a candidate is marked {@link ImportCandidate#incomplete()}. A cut between two whole
 * top-level vdevs of a healthy pool cannot be seen.
 */
public final class ZpoolImportParser {

    private ZpoolImportParser() {
    }

    /**
     * Parses one {@code zpool import} listing.
     *
     * <p>{@code ZpoolImportParser.parse("zpool import -d /dev/disk/by-path", text).named("san-pool")}
     *
     * @param source name used in warnings and errors
     * @param text the output
     * @return the candidates
     * @throws ParseException when the text is not a whole {@code zpool import} listing
     */
    public static ZpoolImportReport parse(String source, String text) {
        return ZpoolStatusParser.parseImport(source == null ? "<input>" : source, text);
    }
}
