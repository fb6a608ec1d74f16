package org.sansdk.cluster.design;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Corosync's totem timing. An absent consensus is derived by corosync (1.2 × the effective token, which grows by
 * the token coefficient for every node past two) and is what the design should normally do.
 * Usage: {@code new CorosyncTiming(Duration.ofMillis(4000), Optional.empty(), Duration.ofMillis(1000), 20, Duration.ofMillis(650))}.
 *
 * @param token            {@code totem.token}
 * @param consensus        {@code totem.consensus}, empty = derived
 * @param join             {@code totem.join}
 * @param maxMessages      {@code totem.max_messages}
 * @param tokenCoefficient {@code totem.token_coefficient}
 */
public record CorosyncTiming(Duration token, Optional<Duration> consensus, Duration join, int maxMessages,
                             Duration tokenCoefficient) {
    /** corosync 3's defaults: token 3000 ms, derived consensus, join 50 ms, max_messages 17, coefficient 650 ms. */
    public static final CorosyncTiming DEFAULTS = new CorosyncTiming(Duration.ofMillis(3000), Optional.empty(),
            Duration.ofMillis(50), 17, Duration.ofMillis(650));

    /** Refuses nulls. Usage: see type. */
    public CorosyncTiming {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(consensus, "consensus");
        Objects.requireNonNull(join, "join");
        Objects.requireNonNull(tokenCoefficient, "tokenCoefficient");
    }
}
