package org.sansdk.pacemaker.design;

import java.util.Objects;
import org.sansdk.core.IpCidr;

/**
 * One floating IP on a client VLAN: resource {@code vip-<name>} of agent {@code ocf:heartbeat:IPaddr2}.
 * Usage: {@code new ClientVip("enduser", IpCidr.parse("10.30.30.10/24"), "eth-enduser")}.
 *
 * @param name VLAN name (enduser, hypervisor, ...)
 * @param vip  address with prefix
 * @param nic  interface the address goes on
 */
public record ClientVip(String name, IpCidr vip, String nic) {
    /** Validates. Usage: see type. */
    public ClientVip {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(vip, "vip");
        Objects.requireNonNull(nic, "nic");
    }

    /** The resource id. Usage: {@code v.resourceId()}. */
    public String resourceId() {
        return "vip-" + name;
    }
}
