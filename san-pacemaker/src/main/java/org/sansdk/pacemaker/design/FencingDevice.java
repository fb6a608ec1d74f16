package org.sansdk.pacemaker.design;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.sansdk.core.Secret;

/**
 * A fencing device for one storage node: a real installed fence agent ({@code fence_ipmilan}, {@code fence_apc_snmp},
 * {@code fence_dummy} in tests) and its parameters; secret parameters (passwords) stay {@link Secret}s.
 * Usage: {@code FencingDevice.of("storage-a", "fence_ipmilan", Map.of("ip", "10.20.20.101", "username", "admin"))
 *          .withSecret("password", Secret.of(pw))}.
 *
 * @param node    the node this device fences (becomes {@code pcmk_host_list})
 * @param agent   fence agent name without the {@code stonith:} prefix
 * @param params  plain parameters
 * @param secrets secret parameters (never printed)
 */
public record FencingDevice(String node, String agent, Map<String, String> params, Map<String, Secret> secrets) {
    /** Copies. Usage: see type. */
    public FencingDevice {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(agent, "agent");
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        secrets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
    }

    /** A device without secrets. Usage: {@code FencingDevice.of("storage-a", "fence_dummy", Map.of())}. */
    public static FencingDevice of(String node, String agent, Map<String, String> params) {
        return new FencingDevice(node, agent, params, Map.of());
    }

    /**
     * An IPMI BMC ({@code fence_ipmilan} with {@code lanplus=1}), the inventory's {@code method: ipmi}.
     * Usage: {@code FencingDevice.ipmi("storage-a", "10.20.20.101", "bmcadmin", Secret.of(pw))}.
     */
    public static FencingDevice ipmi(String node, String bmcAddress, String username, Secret password) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ip", bmcAddress);
        p.put("username", username);
        p.put("lanplus", "1");
        return new FencingDevice(node, "fence_ipmilan", p, Map.of("password", password));
    }

    /** Adds a secret parameter. Usage: {@code dev.withSecret("password", Secret.of("x"))}. */
    public FencingDevice withSecret(String name, Secret value) {
        Map<String, Secret> s = new LinkedHashMap<>(secrets);
        s.put(name, value);
        return new FencingDevice(node, agent, params, s);
    }

    /** The resource id, {@code fence-<node>}. Usage: {@code dev.resourceId()}. */
    public String resourceId() {
        return "fence-" + node;
    }

    /** Secret values are never shown. Usage: {@code dev.toString()}. */
    @Override
    public String toString() {
        return "FencingDevice[node=" + node + ", agent=" + agent + ", params=" + params + ", secrets=" + secrets.keySet() + "=****]";
    }
}
