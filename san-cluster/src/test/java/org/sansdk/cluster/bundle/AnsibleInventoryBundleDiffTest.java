package org.sansdk.cluster.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.sansdk.cluster.design.AnsibleInventoryImport;
import org.sansdk.cluster.design.CorosyncTiming;
import org.sansdk.cluster.design.Fencing;
import org.sansdk.cluster.design.Node;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.cluster.design.SanDesignYaml;
import org.sansdk.core.IpCidr;
import org.sansdk.core.SanException;

/**
 * The recorded Ansible inventory of the design (src/test/resources/ansible-ha-san) against the shipped reference
 * design (examples/designs/reference.yml): the inventory as imported cannot be rendered (it breaks rules the SDK
 * enforces); with exactly those corrections applied, its bundle differs from the reference design's only where
 * the inventory sets something differently, and every difference is listed here with its reason.
 */
class AnsibleInventoryBundleDiffTest {
    static final Path REFERENCE = Path.of("..", "examples", "designs", "reference.yml");
    static final Path INVENTORY = Path.of("src", "test", "resources", "ansible-ha-san");

    /** Each file that differs, with the inventory setting that makes it differ. */
    static final Map<String, String> EXPECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("storage-a /etc/exports", "nfs_exports adds sec=sys to both exports"),
            Map.entry("storage-b /etc/exports", "nfs_exports adds sec=sys to both exports"),
            Map.entry("storage-a /etc/modprobe.d/zfs.conf", "absent: zfs_modprobe_options holds zfs_vdev_scheduler (no effect"
                    + " since 0.8.3), zfs_resilver_delay (gone), zfs_nocacheflush=1 without confirmed power-loss protection:"
                    + " refused, REPORT.md says why"),
            Map.entry("storage-b /etc/modprobe.d/zfs.conf", "absent: as storage-a"),
            Map.entry("storage-a /etc/sysctl.d/90-san.conf", "absent: the inventory's sysctls include"
                    + " net.ipv4.tcp_congestion_control, a key the renderer does not know the namespace scope of: refused"),
            Map.entry("storage-b /etc/sysctl.d/90-san.conf", "absent: as storage-a"),
            Map.entry("storage-a /root/san-bundle/backend-target.targetcli", "local_data_disks: PLACEHOLDER by-id paths,"
                    + " labels data-a-0…"),
            Map.entry("storage-a /root/san-bundle/backend-saveconfig.json", "local_data_disks, as the batch"),
            Map.entry("storage-b /root/san-bundle/backend-target.targetcli", "local_data_disks: PLACEHOLDER by-id paths,"
                    + " labels data-b-0…"),
            Map.entry("storage-b /root/san-bundle/backend-saveconfig.json", "local_data_disks, as the batch"),
            Map.entry("storage-a /root/san-bundle/client-target.targetcli", "iscsi_client_target_iqn is in the backend's"
                    + " namespace iqn.2025-01.lab.home (a rule error), the reference uses iqn.2025-01.lab.home.client"),
            Map.entry("storage-b /root/san-bundle/client-target.targetcli", "as storage-a")));

    static SanDesign reference() {
        return SanDesignYaml.read(REFERENCE);
    }

    /**
     * The inventory's design with the corrections the SDK needs before it renders anything: the quorum node's second
     * corosync link (storage VLAN), consensus derived from the token, a fencing device for storage-b (the inventory's
     * 'kasa' plug names no agent), host ids (the inventory has none; multihost needs them), ip_nonlocal_bind.
     */
    static SanDesign correctedInventory(SanDesign ref) {
        SanDesign inv = AnsibleInventoryImport.read(INVENTORY).design();
        SanDesign.Builder b = inv.toBuilder();
        List<Node> nodes = new ArrayList<>();
        for (Node n : inv.nodes()) {
            Node r = ref.node(n.name()).orElseThrow();
            Map<String, IpCidr> addresses = new LinkedHashMap<>(n.addresses());
            addresses.putIfAbsent("storage", r.address("storage").orElseThrow());
            nodes.add(new Node(n.name(), n.role(), n.nodeId(), r.hostId(), addresses, List.of("management", "storage"),
                    n.backendTargetIqn(), n.initiatorIqn(), n.disks()));
        }
        b.nodes(nodes);
        CorosyncTiming t = inv.corosync();
        b.corosync(new CorosyncTiming(t.token(), Optional.empty(), t.join(), t.maxMessages(), t.tokenCoefficient()));
        List<Fencing> fencing = new ArrayList<>(inv.fencing());
        ref.fencing().stream().filter(f -> inv.fencing().stream().noneMatch(g -> g.node().equals(f.node()))).forEach(fencing::add);
        b.fencing(fencing);
        b.sysctl("net.ipv4.ip_nonlocal_bind", "1");
        return b.build();
    }

    @Test
    void theInventoryAsImported_isRefusedByTheRenderer() {
        SanDesign inv = AnsibleInventoryImport.read(INVENTORY).design();
        // the quorum node on one link and consensus 4800 < 1.2 x 4650: corosync's own rules, before any file is written
        assertThatThrownBy(() -> BundleRenderer.standard().render(inv)).isInstanceOf(SanException.class)
                .hasMessageContaining("COROSYNC-LINK-MISMATCH").hasMessageContaining("COROSYNC-CONSENSUS");
    }

    @Test
    void correctedInventoryBundle_differsFromTheReferenceOnlyWhereTheInventorySaysSo() {
        SanDesign ref = reference();
        Bundle a = BundleRenderer.standard().render(ref);
        Bundle b = BundleRenderer.standard().render(correctedInventory(ref));
        TreeSet<String> all = new TreeSet<>();
        a.files().forEach(f -> all.add(f.node() + " " + f.path()));
        b.files().forEach(f -> all.add(f.node() + " " + f.path()));
        List<String> differing = new ArrayList<>();
        List<String> same = new ArrayList<>();
        for (String key : all) {
            String[] k = key.split(" ", 2);
            Optional<BundleFile> x = a.file(k[0], k[1]);
            Optional<BundleFile> y = b.file(k[0], k[1]);
            if (x.isPresent() && y.isPresent() && Arrays.equals(x.get().bytes(), y.get().bytes()) && x.get().mode() == y.get().mode()) {
                same.add(key);
            } else {
                differing.add(key);
            }
        }
        assertThat(differing).as("files that differ").containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        // the rest is byte for byte the same: corosync.conf on every node, iscsid.conf, initiator names, node records,
        // the CIB and the pcs script, nfs.conf and smb.conf
        assertThat(same).contains("quorum /etc/corosync/corosync.conf", "storage-a /etc/iscsi/iscsid.conf",
                "storage-a /etc/iscsi/initiatorname.iscsi", "storage-a /root/san-bundle/cib.xml",
                "storage-a /root/san-bundle/pcs-setup.sh", "storage-b /etc/samba/smb.conf", "storage-b /etc/nfs.conf");
        // and each listed difference is the one the reason names
        assertThat(text(b, "storage-a", "/etc/exports")).contains("10.30.30.0/24(rw,sync,no_subtree_check,sec=sys,root_squash)");
        assertThat(text(b, "storage-b", "/root/san-bundle/backend-target.targetcli")).contains("dev=/dev/disk/by-id/ata-PLACEHOLDER_DISK_B_0");
        assertThat(text(b, "storage-a", "/root/san-bundle/client-target.targetcli")).contains("/iscsi create iqn.2025-01.lab.home:san-client-target");
        assertThat(b.file("storage-a", "/etc/modprobe.d/zfs.conf")).isEmpty();
        assertThat(b.report()).contains("zfs_vdev_scheduler").contains("net.ipv4.tcp_congestion_control");
    }

    private static String text(Bundle b, String node, String path) {
        return new String(b.file(node, path).orElseThrow().bytes(), StandardCharsets.UTF_8);
    }

}
