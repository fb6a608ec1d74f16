package org.sansdk.cluster.design;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the pool and services run: the preferred storage node and its location score, the default
 * resource-stickiness (must exceed the score, or resources fail back while the pool resilvers), and the pool
 * resource's start (import) and stop (export) timeouts.
 * Usage: {@code new Placement("storage-a", 100, 200, Duration.ofSeconds(150), Duration.ofSeconds(90))}.
 *
 * @param preferredNode    the storage node preferred at first start
 * @param preferenceScore  its location score
 * @param stickiness       resource-stickiness
 * @param poolStartTimeout the pool resource's start timeout
 * @param poolStopTimeout  the pool resource's stop timeout
 */
public record Placement(String preferredNode, int preferenceScore, int stickiness, Duration poolStartTimeout,
                        Duration poolStopTimeout) {
    /** Refuses nulls. Usage: see type. */
    public Placement {
        Objects.requireNonNull(preferredNode, "preferredNode");
        Objects.requireNonNull(poolStartTimeout, "poolStartTimeout");
        Objects.requireNonNull(poolStopTimeout, "poolStopTimeout");
    }
}
