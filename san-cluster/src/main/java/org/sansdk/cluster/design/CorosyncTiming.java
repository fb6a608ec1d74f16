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

    /**
     * The SDK's recommended timing for this design's three nodes: token 3000 ms (the lowest the design accepts; the lab
     * saw a 2000 ms token fence a healthy node on any 2 s stall), token_coefficient 0 (three nodes need no growth of
     * the token), consensus 3600 ms (exactly corosync's 1.2 × token), join 1000 ms and max_messages 20 as the design
     * document has them. Detection is token + consensus = 6.6 s, against 10.23 s for the document's token 4000 ms
     * with the default coefficient. Usage: {@code b.corosync(CorosyncTiming.SDK_PROFILE)}.
     */
    public static final CorosyncTiming SDK_PROFILE = new CorosyncTiming(Duration.ofMillis(3000), Optional.of(Duration.ofMillis(3600)),
            Duration.ofMillis(1000), 20, Duration.ZERO);

    /** Refuses nulls. Usage: see type. */
    public CorosyncTiming {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(consensus, "consensus");
        Objects.requireNonNull(join, "join");
        Objects.requireNonNull(tokenCoefficient, "tokenCoefficient");
    }
}
