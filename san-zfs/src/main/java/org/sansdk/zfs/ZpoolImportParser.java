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

    /** What an empty stdout means to {@link #parse(String, String, String, EmptyStdout)}. */
    public enum EmptyStdout {
        /** Refused, unless stderr says {@code no pools available to import} (OpenZFS). */
        REFUSED,
        /** No pools to import: the caller knows its zpool prints nothing for that (zfs-fuse, exit status 1). */
        MEANS_NO_POOLS
    }

    /**
     * Parses a run of {@code zpool import} given both streams: OpenZFS prints
     * {@code no pools available to import} on stderr (stdout empty), which gives
     * {@link ZpoolImportReport.Result#NO_POOLS_AVAILABLE_TO_IMPORT}; any other empty stdout is refused like
     * {@link #parse(String, String)}.
     *
     * <p>{@code ZpoolImportParser.parse("node-b", r.stdout(), r.stderr())}
     *
     * @param source name used in warnings and errors
     * @param stdout standard output
     * @param stderr standard error (may be null)
     * @return the candidates, or {@link ZpoolImportReport.Result#NO_POOLS_AVAILABLE_TO_IMPORT}
     */
    public static ZpoolImportReport parse(String source, String stdout, String stderr) {
        return parse(source, stdout, stderr, EmptyStdout.REFUSED);
    }

    /**
     * Parses a run of {@code zpool import} given both streams: OpenZFS prints
     * {@code no pools available to import} on stderr (stdout empty) and zfs-fuse prints nothing at all when
     * no pool is found, so an empty stdout means "none" only when the caller says so: with that stderr line,
     * or with {@link EmptyStdout#MEANS_NO_POOLS} (zfs-fuse, exit status 1). Otherwise an empty stdout is
     * refused like {@link #parse(String, String)}.
     *
     * <p>{@code ZpoolImportParser.parse("node-b", r.stdout(), r.stderr(), ZpoolImportParser.EmptyStdout.MEANS_NO_POOLS)}
     *
     * @param source name used in warnings and errors
     * @param stdout standard output
     * @param stderr standard error (may be null)
     * @param empty what an empty stdout means
     * @return the candidates, or {@link ZpoolImportReport.Result#NO_POOLS_AVAILABLE_TO_IMPORT}
     */
    public static ZpoolImportReport parse(String source, String stdout, String stderr, EmptyStdout empty) {
        java.util.Objects.requireNonNull(empty, "empty");
        if (stdout != null && stdout.isBlank()
                && (empty == EmptyStdout.MEANS_NO_POOLS || (stderr != null && stderr.lines().map(String::strip)
                        .anyMatch("no pools available to import"::equals)))) {
            return new ZpoolImportReport(ZpoolImportReport.Result.NO_POOLS_AVAILABLE_TO_IMPORT,
                    java.util.List.of(), java.util.List.of());
        }
        return parse(source, stdout);
    }
}
