package org.sansdk.benchmarks.lio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sansdk.core.Size;
import org.sansdk.lio.BlockStorageObject;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.Lun;
import org.sansdk.lio.StorageObject;
import org.sansdk.lio.Target;
import org.sansdk.lio.Tpg;
import org.sansdk.lio.sync.ScsiIdentity;
import org.sansdk.lio.sync.Zvol;

/**
 * Generated configurations shaped like a targetcli save: block backstores with unit serials and attributes,
 * LUNs with aliases and ALUA group names, full TPG attribute sets.
 *
 * <pre>{@code LioConfig big = LioFixtures.clientAndBackend(4096, 12);}</pre>
 */
public final class LioFixtures {
    /** The client target of the benchmarks. */
    public static final String CLIENT = "iqn.2025-01.lab.home:san-client-target";
    /** The backend target of the benchmarks. */
    public static final String BACKEND = "iqn.2025-01.lab.home:storage-a";
    /** The zvol dataset of the benchmarks. */
    public static final String DATASET = "san-pool/iscsi/hypervisor";

    private LioFixtures() {
    }

    /** {@code zvols} zvol LUNs on the client target (generate_node_acls mode) plus {@code disks} backend LUNs. */
    public static LioConfig clientAndBackend(int zvols, int disks) {
        List<StorageObject> sos = new ArrayList<>();
        List<Lun> backendLuns = new ArrayList<>();
        for (int i = 0; i < disks; i++) {
            BlockStorageObject so = block("data-a-" + i, "/dev/disk/by-id/ata-PLACEHOLDER_DISK_A_" + i);
            sos.add(so);
            backendLuns.add(lun(i, so.path()));
        }
        List<Lun> clientLuns = new ArrayList<>();
        for (Zvol z : zvolList(zvols)) {
            BlockStorageObject so = block(z.leaf(), z.devicePath());
            sos.add(so);
            clientLuns.add(lun(clientLuns.size(), so.path()));
        }
        Tpg backendTpg = tpg(1).withLuns(backendLuns);
        Tpg clientTpg = tpg(2).withAttribute("generate_node_acls", 1).withAttribute("cache_dynamic_acls", 1)
                .withAttribute("demo_mode_write_protect", 0).withLuns(clientLuns);
        return new LioConfig(List.of(), sos, List.of(Target.iscsi(BACKEND, List.of(backendTpg)),
                Target.iscsi(CLIENT, List.of(tpg(1), clientTpg))), Map.of());
    }

    /** {@code n} zvols named {@code vm-<100+i>-disk-0} under {@link #DATASET}. */
    public static List<Zvol> zvolList(int n) {
        List<Zvol> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Zvol.of(DATASET + "/vm-" + (100 + i) + "-disk-0", Size.ofBytes(34359738368L)));
        }
        return out;
    }

    private static Tpg tpg(int tag) {
        Tpg t = Tpg.of(tag);
        for (String[] a : new String[][] {{"authentication", "0"}, {"cache_dynamic_acls", "0"},
                {"default_cmdsn_depth", "64"}, {"default_erl", "0"}, {"demo_mode_discovery", "1"},
                {"demo_mode_write_protect", "1"}, {"fabric_prot_type", "0"}, {"generate_node_acls", "0"},
                {"login_keys_workaround", "1"}, {"login_timeout", "15"}, {"netif_timeout", "2"},
                {"prod_mode_write_protect", "0"}, {"t10_pi", "0"}, {"tpg_enabled_sendtargets", "1"}}) {
            t = t.withAttribute(a[0], Long.parseLong(a[1]));
        }
        return t;
    }

    private static Lun lun(int index, String so) {
        return new Lun(index, so, Optional.of(String.format("%010x", index * 2654435761L & 0xffffffffffL)),
                Optional.of("default_tg_pt_gp"), Map.of());
    }

    private static BlockStorageObject block(String name, String dev) {
        // the attributes a zvol backstore typically carries after a targetcli save, trimmed so the whole file
        // is ~2.7 MB like the reference (no ALUA groups: older rtslib)
        Map<String, Long> attrs = new LinkedHashMap<>();
        attrs.put("block_size", 512L);
        attrs.put("emulate_tpu", 1L);
        attrs.put("emulate_tpws", 0L);
        attrs.put("emulate_write_cache", 1L);
        attrs.put("is_nonrot", 1L);
        attrs.put("max_unmap_lba_count", 4194303L);
        attrs.put("optimal_sectors", 256L);
        attrs.put("queue_depth", 128L);
        return new BlockStorageObject(name, dev, Optional.of(ScsiIdentity.unitSerial(dev)), Optional.of(false),
                Optional.of(false), attrs, Optional.empty(), Map.of());
    }
}
