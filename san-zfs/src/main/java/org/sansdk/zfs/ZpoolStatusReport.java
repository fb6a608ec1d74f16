package org.sansdk.zfs;

import java.util.List;
import java.util.Optional;
import org.sansdk.core.ParseWarning;

/**
 * Everything one {@code zpool status} output held: zero or more pools, plus located warnings for lines
 * that were skipped or read with a guess.
 *
 * <p>{@code ZpoolStatusReport r = ZpoolStatusParser.parse("zpool status", text); r.pools().size();}
 *
 * @param pools the pools in printed order (empty for {@code no pools available} or
 *              {@code all pools are healthy})
 * @param warnings located warnings
 */
public record ZpoolStatusReport(List<PoolStatus> pools, List<ParseWarning> warnings) {
    /** Validates and copies. */
    public ZpoolStatusReport {
        pools = pools == null ? List.of() : List.copyOf(pools);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /**
     * The pool with this name.
     *
     * <p>{@code report.pool("tank")}
     *
     * @param name the pool name
     * @return the pool
     */
    public Optional<PoolStatus> pool(String name) {
        for (PoolStatus p : pools) {
            if (p.name().equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
