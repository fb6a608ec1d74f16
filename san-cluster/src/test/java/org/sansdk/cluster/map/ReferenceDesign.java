package org.sansdk.cluster.map;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sansdk.cluster.design.BackendChap;
import org.sansdk.cluster.design.ChapLogin;
import org.sansdk.cluster.design.ClientService;
import org.sansdk.cluster.design.ClientVlanSpec;
import org.sansdk.cluster.design.CorosyncTiming;
import org.sansdk.cluster.design.DatasetSpec;
import org.sansdk.cluster.design.Disk;
import org.sansdk.cluster.design.Fencing;
import org.sansdk.cluster.design.IscsiAccess;
import org.sansdk.cluster.design.IscsiSettings;
import org.sansdk.cluster.design.Network;
import org.sansdk.cluster.design.Node;
import org.sansdk.cluster.design.NodeRole;
import org.sansdk.cluster.design.Placement;
import org.sansdk.cluster.design.Pool;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.cluster.design.SecretRef;
import org.sansdk.cluster.design.SecretSource;
import org.sansdk.cluster.design.ZvolSpec;
import org.sansdk.core.IpCidr;
import org.sansdk.core.Iqn;
import org.sansdk.core.Secret;
import org.sansdk.core.Size;
import org.sansdk.zfs.HostId;

/**
 * The design document's reference design built with SanDesign's builder: storage VLAN 10 (10.10.10.0/24, MTU 9000),
 * management VLAN 20 (10.20.20.0/24), client VLANs enduser 30 (NFS, SMB) and hypervisor 40 (iSCSI,
 * generate_node_acls, per-TPG CHAP, dataset iscsi/hypervisor), storage-a/-b = .1/.2, quorum = .3 with two corosync
 * links (management + storage: the document's single link fails corosync -t), 12 disks per storage node labelled
 * data-a-a … data-a-l as in the document's sgdisk loop, token 4000 / join 1000 / max_messages 20 with consensus left
 * to corosync (the document's 4800 is below 1.2 × the effective token), pool properties of section 4.
 */
public final class ReferenceDesign {
    /** The design's IQN prefix. */
    public static final String PREFIX = "iqn.2025-01.lab.home";
    /** The secrets the reference design refers to, with test values. */
    public static final Map<String, Secret> SECRETS = secrets();

    private ReferenceDesign() {
    }

    private static Map<String, Secret> secrets() {
        Map<String, Secret> m = new LinkedHashMap<>();
        m.put("hypervisor-tpg-chap", Secret.of("Tpg-chap-secret-40"));
        m.put("backend-chap", Secret.of("Backend-chap-secret-1"));
        m.put("backend-mutual-chap", Secret.of("Backend-mutual-secret-2"));
        m.put("fence-storage-a-password", Secret.of("Bmc-a-password-3"));
        m.put("fence-storage-b-password", Secret.of("Bmc-b-password-4"));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The reference design with its secrets as unresolved references. */
    public static SanDesign unresolved() {
        return builder().build();
    }

    /** The reference design with every secret supplied (test values). */
    public static SanDesign resolved() {
        return unresolved().withSecrets(SecretSource.of(SECRETS));
    }

    /** The builder of the reference design, to vary it. */
    public static SanDesign.Builder builder() {
        return builder(12);
    }

    /** The builder of the reference design with another number of disks per storage node (1 … 26). */
    public static SanDesign.Builder builder(int disksPerNode) {
        SanDesign.Builder b = SanDesign.builder().clusterName("san-cluster")
                .network(new Network("storage", 10, IpCidr.parse("10.10.10.0/24"), 9000))
                .network(new Network("management", 20, IpCidr.parse("10.20.20.0/24"), 1500))
                .clientVlan(ClientVlanSpec.builder("enduser", 30).subnet("10.30.30.0/24").mtu(9000).vip("10.30.30.10/24")
                        .services(ClientService.NFS, ClientService.SMB).build())
                .clientVlan(ClientVlanSpec.builder("hypervisor", 40).subnet("10.40.40.0/24").mtu(9000).vip("10.40.40.10/24")
                        .services(ClientService.ISCSI, ClientService.SSH)
                        .access(new IscsiAccess.GenerateNodeAcls(Optional.of(new ChapLogin("proxmox-shared",
                                new SecretRef("hypervisor-tpg-chap")))))
                        .dataset("iscsi/hypervisor").build());
        for (String x : List.of("a", "b")) {
            int i = x.equals("a") ? 1 : 2;
            Node.Builder n = Node.builder("storage-" + x, NodeRole.STORAGE).nodeId(i).hostId(new HostId(0x7d1c0a00L + i))
                    .address("management", "10.20.20." + i + "/24").address("storage", "10.10.10." + i + "/24")
                    .corosyncLinks("management", "storage")
                    .backendTargetIqn(Iqn.parse(PREFIX + ":storage-" + x))
                    .initiatorIqn(Iqn.parse(PREFIX + ":initiator-" + x));
            for (int d = 0; d < disksPerNode; d++) {
                char letter = (char) ('a' + d);
                n.disk(new Disk("/dev/disk/by-id/ata-SSD_" + x.toUpperCase() + "_" + d, "data-" + x + "-" + letter));
            }
            b.node(n.build());
            b.fencing(new Fencing("storage-" + x, "fence_ipmilan", ordered("ip", "10.20.20.10" + i, "username", "bmcadmin",
                    "lanplus", "1"), Map.of("password", new SecretRef("fence-storage-" + x + "-password")), Duration.ofSeconds(60)));
        }
        b.node(Node.builder("quorum", NodeRole.QUORUM).nodeId(3).address("management", "10.20.20.3/24")
                .address("storage", "10.10.10.3/24").corosyncLinks("management", "storage").build());
        b.pool(new Pool("san-pool", ordered("multihost", "on", "ashift", "12", "autotrim", "on"),
                        ordered("acltype", "posixacl", "compression", "lz4", "dnodesize", "auto", "xattr", "sa", "atime", "off")))
                .dataset(new DatasetSpec("nfs", Map.of()))
                .dataset(new DatasetSpec("smb", Map.of()))
                .dataset(new DatasetSpec("iscsi", Map.of()))
                .dataset(new DatasetSpec("iscsi/hypervisor", Map.of()))
                .dataset(new DatasetSpec("k3s-pv", Map.of()))
                .zvol(new ZvolSpec("iscsi/hypervisor/vm-disk-01", Size.parse("100G"), Optional.of(Size.parse("64K"))))
                .corosync(new CorosyncTiming(Duration.ofMillis(4000), Optional.empty(), Duration.ofMillis(1000), 20,
                        Duration.ofMillis(650)))
                .iscsi(new IscsiSettings(Optional.of(Iqn.parse("iqn.2025-01.lab.home.client:san-client-target")),
                        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(2),
                        Optional.of(new BackendChap(new ChapLogin("iscsi-repl-user", new SecretRef("backend-chap")),
                                Optional.of(new ChapLogin("iscsi-target-user", new SecretRef("backend-mutual-chap")))))))
                .placement(new Placement("storage-a", 100, 200, Duration.ofSeconds(150), Duration.ofSeconds(90)))
                .zfsTunable("zfs_txg_timeout", "30")
                .zfsTunable("zfs_resilver_min_time_ms", "27000")
                .sysctl("net.ipv4.ip_nonlocal_bind", "1")
                .sysctl("net.core.rmem_max", "16777216")
                .sysctl("net.core.wmem_max", "16777216");
        return b;
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
