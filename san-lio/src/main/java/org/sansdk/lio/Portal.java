package org.sansdk.lio;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sansdk.lio.json.JsonValue;

/**
 * A network portal of a TPG ({@code portals[]}): listen address (IPv6 in brackets, as rtslib stores it),
 * TCP port, iSER and offload flags (absent in files from older rtslib).
 *
 * <pre>{@code Portal p = Portal.of("10.10.10.1", 3260);}</pre>
 */
public record Portal(String ipAddress, int port, Optional<Boolean> iser, Optional<Boolean> offload,
                     Map<String, JsonValue> extra) {

    /** Refuses nulls, copies the map. */
    public Portal {
        Objects.requireNonNull(ipAddress, "ipAddress");
        Objects.requireNonNull(iser, "iser");
        Objects.requireNonNull(offload, "offload");
        extra = Maps.copy(extra);
    }

    /** A plain TCP portal as current rtslib writes it. {@code Portal.of("0.0.0.0", 3260)} */
    public static Portal of(String ipAddress, int port) {
        return new Portal(ipAddress, port, Optional.of(false), Optional.of(false), Map.of());
    }
}
