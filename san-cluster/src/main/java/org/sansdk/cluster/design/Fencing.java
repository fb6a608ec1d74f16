package org.sansdk.cluster.design;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The fencing device of one storage node: a fence agent, its plain parameters, its secret parameters and how long
 * a fence may take (Pacemaker's {@code pcmk_reboot_timeout}, 60 s by default).
 * Usage: {@code new Fencing("storage-a", "fence_ipmilan", Map.of("ip", "10.20.20.101", "username", "bmcadmin"),
 *        Map.of("password", new SecretRef("fence-storage-a-password")), Duration.ofSeconds(60))}.
 *
 * @param node       the node this device fences
 * @param agent      the fence agent ({@code fence_ipmilan}, …)
 * @param parameters plain parameters, in order
 * @param secrets    secret parameters, in order
 * @param timeout    the longest a fence may take
 */
public record Fencing(String node, String agent, Map<String, String> parameters, Map<String, DesignSecret> secrets,
                      Duration timeout) {
    /** Pacemaker's default fence timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** Copies. Usage: see type. */
    public Fencing {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(agent, "agent");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        secrets = Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
        Objects.requireNonNull(timeout, "timeout");
    }

    Fencing mapSecrets(UnaryOperator<DesignSecret> f) {
        Map<String, DesignSecret> m = new LinkedHashMap<>();
        secrets.forEach((k, v) -> m.put(k, f.apply(v)));
        return new Fencing(node, agent, parameters, m, timeout);
    }
}
