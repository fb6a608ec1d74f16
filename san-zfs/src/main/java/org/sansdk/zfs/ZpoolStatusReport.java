package org.sansdk.zfs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.sansdk.core.ParseWarning;

/**
 * Everything one {@code zpool status} output held: what kind of answer it was ({@link Result}), the pools,
 * plus located warnings for lines that were skipped or read with a guess.
 *
 * <p>{@code ZpoolStatusReport r = ZpoolStatusParser.parse("zpool status", text); r.result(); r.pools();}
 *
 * <p>{@code no pools available}, {@code all pools are healthy} ({@code zpool status -x}) and
 * {@code pool 'tank' is healthy} ({@code zpool status -x tank}) are distinct results, never an empty
 * list that could mean any of them.
 *
 * @param result which answer zpool gave
 * @param healthyPools the pools zpool said are healthy ({@code pool 'X' is healthy}, {@code -x} with named
 *                     pools), in printed order; with {@link Result#POOLS} when some named pools were
 *                     healthy and others printed a block
 * @param pools the pools in printed order (empty unless {@link Result#POOLS})
 * @param warnings located warnings
 * @param producerJson for a report read from {@code zpool status -j}: the producer's JSON document as read
 *                     (so it can be given back unchanged); empty for text
 */
public record ZpoolStatusReport(Result result, List<String> healthyPools, List<PoolStatus> pools,
                                List<ParseWarning> warnings, Optional<JsonNode> producerJson) {

    /** The kinds of answer {@code zpool status} gives. */
    public enum Result {
        /** One or more pool blocks. */
        POOLS,
        /** {@code no pools available}: nothing is imported. */
        NO_POOLS_AVAILABLE,
        /** {@code all pools are healthy}: {@code zpool status -x} found nothing to report. */
        ALL_POOLS_HEALTHY,
        /** {@code pool 'X' is healthy}: {@code zpool status -x X} for named pools. */
        POOL_HEALTHY,
        /**
         * {@code zpool status -j} printed an empty {@code pools} object: zpool prints that both when nothing
         * is imported and when {@code -x} found nothing to report, and the JSON does not say which.
         */
        NO_POOLS_IN_JSON
    }

    /** Validates and copies. */
    public ZpoolStatusReport {
        if (result == null) {
            throw new IllegalArgumentException("result is required");
        }
        healthyPools = healthyPools == null ? List.of() : List.copyOf(healthyPools);
        pools = pools == null ? List.of() : List.copyOf(pools);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        producerJson = producerJson == null ? Optional.empty() : producerJson.map(JsonNode::deepCopy);
        if (result == Result.POOLS && pools.isEmpty()) {
            throw new IllegalArgumentException("result POOLS needs at least one pool");
        }
        if (result != Result.POOLS && !pools.isEmpty()) {
            throw new IllegalArgumentException("result " + result + " cannot hold pools");
        }
        if (result == Result.POOL_HEALTHY && healthyPools.isEmpty()) {
            throw new IllegalArgumentException("result POOL_HEALTHY needs the healthy pool names");
        }
        if (result != Result.POOL_HEALTHY && result != Result.POOLS && !healthyPools.isEmpty()) {
            throw new IllegalArgumentException("result " + result + " cannot name healthy pools");
        }
    }

    /**
     * A report of pools read from text.
     *
     * <p>{@code ZpoolStatusReport.ofPools(List.of(pool), List.of())}
     *
     * @param pools at least one pool
     * @param warnings warnings
     * @return the report
     */
    public static ZpoolStatusReport ofPools(List<PoolStatus> pools, List<ParseWarning> warnings) {
        return new ZpoolStatusReport(Result.POOLS, List.of(), pools, warnings, Optional.empty());
    }

    /**
     * True when every pool block ended with its end marker ({@link PoolStatus#complete()}).
     *
     * <p>{@code if (!report.complete()) ...}
     *
     * @return whether complete
     */
    public boolean complete() {
        for (PoolStatus p : pools) {
            if (!p.complete()) {
                return false;
            }
        }
        return true;
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
