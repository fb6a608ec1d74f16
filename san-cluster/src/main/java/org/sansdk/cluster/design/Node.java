package org.sansdk.cluster.design;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sansdk.core.IpCidr;
import org.sansdk.core.Iqn;
import org.sansdk.zfs.HostId;

/**
 * One cluster node: role, corosync node id, ZFS host id, its address on each network and client VLAN (by name),
 * the networks its corosync links use (link 0 first), and for storage nodes the backend target and initiator
 * IQNs and the local data disks (LUN order).
 * Usage: {@code Node.builder("storage-a", NodeRole.STORAGE).nodeId(1).hostId(new HostId(0x7d1c0a01L))
 *        .address("management", "10.20.20.1/24").address("storage", "10.10.10.1/24").corosyncLinks("management", "storage").build()}.
 *
 * @param name             host name (corosync and Pacemaker node name)
 * @param role             storage or quorum
 * @param nodeId           corosync node id (1 …)
 * @param hostId           ZFS host id ({@link HostId#NONE} when not given)
 * @param addresses        network or client-VLAN name → this node's address there (with prefix)
 * @param corosyncLinks    network names of corosync links 0, 1, …
 * @param backendTargetIqn the backend target's IQN (storage nodes)
 * @param initiatorIqn     the initiator's IQN (storage nodes)
 * @param disks            local data disks, LUN 0 first (storage nodes)
 */
public record Node(String name, NodeRole role, int nodeId, HostId hostId, Map<String, IpCidr> addresses,
                   List<String> corosyncLinks, Optional<Iqn> backendTargetIqn, Optional<Iqn> initiatorIqn, List<Disk> disks) {
    /** Copies (addresses keep their order). Usage: see {@link #builder(String, NodeRole)}. */
    public Node {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(hostId, "hostId");
        addresses = Collections.unmodifiableMap(new LinkedHashMap<>(addresses));
        corosyncLinks = List.copyOf(corosyncLinks);
        Objects.requireNonNull(backendTargetIqn, "backendTargetIqn");
        Objects.requireNonNull(initiatorIqn, "initiatorIqn");
        disks = List.copyOf(disks);
    }

    /** Starts a builder. Usage: {@code Node.builder("quorum", NodeRole.QUORUM)}. */
    public static Builder builder(String name, NodeRole role) {
        return new Builder(name, role);
    }

    /** The node's address on a network or client VLAN. Usage: {@code node.address("storage")}. */
    public Optional<IpCidr> address(String network) {
        return Optional.ofNullable(addresses.get(network));
    }

    /** Whether this is a storage node. Usage: {@code node.isStorage()}. */
    public boolean isStorage() {
        return role == NodeRole.STORAGE;
    }

    /** Builder. Usage: see {@link Node#builder(String, NodeRole)}. */
    public static final class Builder {
        private final String name;
        private final NodeRole role;
        private int nodeId;
        private HostId hostId = HostId.NONE;
        private final Map<String, IpCidr> addresses = new LinkedHashMap<>();
        private final List<String> links = new ArrayList<>();
        private Iqn target;
        private Iqn initiator;
        private final List<Disk> disks = new ArrayList<>();

        private Builder(String name, NodeRole role) {
            this.name = name;
            this.role = role;
        }

        /** Corosync node id. Usage: {@code b.nodeId(1)}. */
        public Builder nodeId(int id) {
            this.nodeId = id;
            return this;
        }

        /** ZFS host id. Usage: {@code b.hostId(new HostId(0x7d1c0a01L))}. */
        public Builder hostId(HostId id) {
            this.hostId = id;
            return this;
        }

        /** The node's address on a network or client VLAN. Usage: {@code b.address("storage", "10.10.10.1/24")}. */
        public Builder address(String network, String cidr) {
            return address(network, IpCidr.parse(cidr));
        }

        /** The node's address on a network or client VLAN. Usage: {@code b.address("storage", IpCidr.parse("10.10.10.1/24"))}. */
        public Builder address(String network, IpCidr cidr) {
            addresses.put(network, cidr);
            return this;
        }

        /** The networks of corosync links 0, 1, … Usage: {@code b.corosyncLinks("management", "storage")}. */
        public Builder corosyncLinks(String... networks) {
            links.clear();
            links.addAll(List.of(networks));
            return this;
        }

        /** Backend target IQN. Usage: {@code b.backendTargetIqn(Iqn.parse("iqn.2025-01.lab.home:storage-a"))}. */
        public Builder backendTargetIqn(Iqn iqn) {
            this.target = iqn;
            return this;
        }

        /** Initiator IQN. Usage: {@code b.initiatorIqn(Iqn.parse("iqn.2025-01.lab.home:initiator-a"))}. */
        public Builder initiatorIqn(Iqn iqn) {
            this.initiator = iqn;
            return this;
        }

        /** Appends a local data disk (next LUN). Usage: {@code b.disk(new Disk("/dev/disk/by-id/ata-X", "data-a-0"))}. */
        public Builder disk(Disk disk) {
            disks.add(disk);
            return this;
        }

        /** Builds (consistency is checked by {@link SanDesign.Builder#build()}). Usage: {@code b.build()}. */
        public Node build() {
            return new Node(name, role, nodeId, hostId, addresses, links, Optional.ofNullable(target),
                    Optional.ofNullable(initiator), disks);
        }
    }
}
