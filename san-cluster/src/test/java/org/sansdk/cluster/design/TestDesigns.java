package org.sansdk.cluster.design;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sansdk.core.IpCidr;
import org.sansdk.core.Iqn;
import org.sansdk.zfs.HostId;

/** A design built in code, shaped like the design document's (two storage nodes, quorum node on both VLANs). */
public final class TestDesigns {
    private TestDesigns() {
    }

    /** The builder of a small valid design (3 disks per node). */
    public static SanDesign.Builder small() {
        SanDesign.Builder b = SanDesign.builder().clusterName("san-cluster")
                .network(new Network("management", 20, IpCidr.parse("10.20.20.0/24"), 1500))
                .network(new Network("storage", 10, IpCidr.parse("10.10.10.0/24"), 9000))
                .clientVlan(ClientVlanSpec.builder("enduser", 30).subnet("10.30.30.0/24").mtu(9000).vip("10.30.30.10/24")
                        .services(ClientService.NFS, ClientService.SMB).build())
                .clientVlan(ClientVlanSpec.builder("hypervisor", 40).subnet("10.40.40.0/24").mtu(9000).vip("10.40.40.10/24")
                        .services(ClientService.ISCSI)
                        .access(new IscsiAccess.GenerateNodeAcls(Optional.of(new ChapLogin("proxmox-shared",
                                new SecretRef("hypervisor-tpg-chap")))))
                        .dataset("iscsi/hypervisor").build());
        for (String x : List.of("a", "b")) {
            int i = x.equals("a") ? 1 : 2;
            Node.Builder n = Node.builder("storage-" + x, NodeRole.STORAGE).nodeId(i).hostId(new HostId(0x7d1c0a00L + i))
                    .address("management", "10.20.20." + i + "/24").address("storage", "10.10.10." + i + "/24")
                    .address("enduser", "10.30.30." + i + "/24").address("hypervisor", "10.40.40." + i + "/24")
                    .corosyncLinks("management", "storage")
                    .backendTargetIqn(Iqn.parse("iqn.2025-01.lab.home:storage-" + x))
                    .initiatorIqn(Iqn.parse("iqn.2025-01.lab.home:initiator-" + x));
            for (int d = 0; d < 3; d++) {
                n.disk(new Disk("/dev/disk/by-id/ata-SSD_" + x.toUpperCase() + "_" + d, "data-" + x + "-" + d));
            }
            b.node(n.build());
            b.fencing(new Fencing("storage-" + x, "fence_ipmilan", Map.of("ip", "10.20.20.10" + i, "username", "bmcadmin"),
                    Map.of("password", new SecretRef("fence-storage-" + x + "-password")), Duration.ofSeconds(60)));
        }
        b.node(Node.builder("quorum", NodeRole.QUORUM).nodeId(3).address("management", "10.20.20.3/24")
                .address("storage", "10.10.10.3/24").corosyncLinks("management", "storage").build());
        Map<String, String> props = new LinkedHashMap<>();
        props.put("multihost", "on");
        props.put("ashift", "12");
        b.pool(new Pool("san-pool", props, Map.of("compression", "lz4")))
                .dataset(new DatasetSpec("iscsi", Map.of()))
                .dataset(new DatasetSpec("iscsi/hypervisor", Map.of()))
                .corosync(new CorosyncTiming(Duration.ofMillis(4000), Optional.empty(), Duration.ofMillis(1000), 20,
                        Duration.ofMillis(650)))
                .iscsi(new IscsiSettings(Optional.of(Iqn.parse("iqn.2025-01.lab.home.client:san-client-target")),
                        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(2),
                        Optional.of(new BackendChap(new ChapLogin("iscsi-repl-user", new SecretRef("backend-chap")),
                                Optional.of(new ChapLogin("iscsi-target-user", new SecretRef("backend-mutual-chap")))))))
                .placement(new Placement("storage-a", 100, 200, Duration.ofSeconds(150), Duration.ofSeconds(90)))
                .sysctl("net.ipv4.ip_nonlocal_bind", "1");
        return b;
    }
}
