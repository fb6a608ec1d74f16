package org.sansdk.cluster.design;

import java.util.Objects;
import org.sansdk.core.IpCidr;

/**
 * An infrastructure network (management, storage interconnect): VLAN id, subnet, MTU.
 * Usage: {@code new Network("storage", 10, IpCidr.parse("10.10.10.0/24"), 9000)}.
 *
 * @param name   name nodes refer to in their addresses and corosync links
 * @param vlanId 802.1Q VLAN id (1-4094)
 * @param subnet the network's subnet
 * @param mtu    the MTU every interface on it uses
 */
public record Network(String name, int vlanId, IpCidr subnet, int mtu) {
    /** Refuses nulls. Usage: see type. */
    public Network {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(subnet, "subnet");
    }
}
