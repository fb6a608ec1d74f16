package org.sansdk.lio;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sansdk.lio.json.JsonValue;

/**
 * A fabric module entry ({@code fabric_modules[]}), in practice {@code iscsi} with discovery authentication:
 * {@code discovery_enable_auth} and the {@code discovery_userid/password/mutual_userid/mutual_password}
 * keys (held as {@link Chap}).
 *
 * <pre>{@code FabricModule iscsi = FabricModule.iscsiDiscoveryAuth(Chap.of("disc", Secret.of("pw")));}</pre>
 */
public record FabricModule(String name, Optional<Boolean> discoveryEnableAuth, Chap discoveryAuth,
                           Map<String, JsonValue> extra) {

    /** Refuses nulls, copies the map. */
    public FabricModule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(discoveryEnableAuth, "discoveryEnableAuth");
        Objects.requireNonNull(discoveryAuth, "discoveryAuth");
        extra = Maps.copy(extra);
    }

    /** The iSCSI fabric with discovery auth on exactly when {@code chap} has credentials. {@code FabricModule.iscsiDiscoveryAuth(chap)} */
    public static FabricModule iscsiDiscoveryAuth(Chap chap) {
        return new FabricModule("iscsi", Optional.of(chap.hasCredentials()), chap, Map.of());
    }
}
