package org.sansdk.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sansdk.cluster.design.ClientService;
import org.sansdk.cluster.design.ClientVlanSpec;
import org.sansdk.cluster.design.CorosyncTiming;
import org.sansdk.cluster.design.Disk;
import org.sansdk.cluster.design.Fencing;
import org.sansdk.cluster.design.IscsiSettings;
import org.sansdk.cluster.design.Network;
import org.sansdk.cluster.design.Node;
import org.sansdk.cluster.design.NodeRole;
import org.sansdk.cluster.design.Pool;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.core.IpCidr;
import org.sansdk.core.Iqn;
import org.sansdk.zfs.HostId;

/**
 * The design shape of san-lab's standard lab (which san-cluster's tests cannot depend on: san-lab depends on
 * san-cluster), for tests that replay outputs recorded on the lab: storage-a (1), storage-b (2), quorum (3) on
 * 10.99.20.0/24 (link 0) and 10.99.10.0/24 (link 1), disks data-x-0/1, fence_dummy, token 3000 ms.
 */
public final class LabShapedDesign {
    private LabShapedDesign() {
    }

    /** Without client VLANs, pool {@code pool}. Usage: {@code LabShapedDesign.builder("lab-pool").build()}. */
    public static SanDesign.Builder builder(String pool) {
        return builder(pool, false);
    }

    /**
     * With {@code enduser} true also the lab's enduser VLAN (10.99.30.0/24, VIP .10, NFS and SMB) and the nodes'
     * addresses on it. Usage: {@code LabShapedDesign.builder("lab-pool", true)}.
     */
    public static SanDesign.Builder builder(String pool, boolean enduser) {
        SanDesign.Builder b = SanDesign.builder().clusterName("san-lab")
                .network(new Network("management", 20, IpCidr.parse("10.99.20.0/24"), 1500))
                .network(new Network("storage", 10, IpCidr.parse("10.99.10.0/24"), 1500));
        if (enduser) {
            b.clientVlan(ClientVlanSpec.builder("enduser", 30).subnet("10.99.30.0/24").mtu(1500).vip("10.99.30.10/24")
                    .services(ClientService.NFS, ClientService.SMB).build());
        }
        for (String x : List.of("a", "b")) {
            int i = x.equals("a") ? 1 : 2;
            Node.Builder n = Node.builder("storage-" + x, NodeRole.STORAGE).nodeId(i).hostId(new HostId(0x5a1ab000L + i))
                    .address("management", "10.99.20." + i + "/24").address("storage", "10.99.10." + i + "/24")
                    .corosyncLinks("management", "storage")
                    .backendTargetIqn(Iqn.parse("iqn.2025-01.lab.san:storage-" + x))
                    .initiatorIqn(Iqn.parse("iqn.2025-01.lab.san:initiator-" + x));
            if (enduser) {
                n.address("enduser", "10.99.30." + i + "/24");
            }
            for (int d = 0; d < 2; d++) {
                n.disk(new Disk("/dev/disk/by-id/lab-" + x + "-" + d, "data-" + x + "-" + d));
            }
            b.node(n.build());
            b.fencing(new Fencing("storage-" + x, "fence_dummy", Map.of(), Map.of(), Duration.ofSeconds(60)));
        }
        b.node(Node.builder("quorum", NodeRole.QUORUM).nodeId(3).address("management", "10.99.20.3/24")
                .address("storage", "10.99.10.3/24").corosyncLinks("management", "storage").build());
        return b.pool(new Pool(pool, Map.of(), Map.of()))
                .corosync(new CorosyncTiming(Duration.ofMillis(3000), Optional.empty(), Duration.ofMillis(1000), 20, Duration.ofMillis(650)))
                .iscsi(new IscsiSettings(Optional.empty(), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(2),
                        Duration.ofSeconds(2), Optional.empty()));
    }
}
