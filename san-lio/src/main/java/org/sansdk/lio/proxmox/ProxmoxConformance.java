package org.sansdk.lio.proxmox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sansdk.core.Violation;
import org.sansdk.lio.BlockStorageObject;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.Lun;
import org.sansdk.lio.MappedLun;
import org.sansdk.lio.NodeAcl;
import org.sansdk.lio.StorageObject;
import org.sansdk.lio.Target;
import org.sansdk.lio.Tpg;

/**
 * Reads a configuration the way Proxmox's LIO provider does and reports every way it would trip over it:
 * <ul>
 * <li>{@code PVE-TARGET-001} no iSCSI target whose WWN equals the storage's {@code target}</li>
 * <li>{@code PVE-TPG-001} {@code lio_tpg} is not {@code tpgN}; {@code PVE-TPG-002} that TPG does not exist</li>
 * <li>{@code PVE-LUN-001} a LUN outside {@code /backstores/block}: the provider dies with "Invalid lun definition
 * in config!" and the whole storage becomes unusable</li>
 * <li>{@code PVE-LUN-002} a LUN's backstore is missing; {@code PVE-LUN-003} a backstore's device is not
 * {@code <base>/<pool>/<vol>} with a {@code [\w-]+} volume name, so no Proxmox volume maps to it;
 * {@code PVE-LUN-004} two LUNs export the same volume (lookups return the first)</li>
 * <li>{@code PVE-NAME-001} a backstore not named {@code <pool-with-dashes>-<vol>}: {@code <vol>} alone is only found
 * through the legacy fallback (and collides across pools), any other name is not found at all — Proxmox then
 * tries to create a second backstore for the same zvol and fails</li>
 * <li>{@code PVE-ACL-001} {@code generate_node_acls} is not 1: Proxmox manages no ACLs, so LUNs it creates are
 * auto-mapped by targetcli under numbers it does not know</li>
 * <li>{@code PVE-ACL-002} an ACL sees a LUN under another number than the TPG LUN index: Proxmox attaches the
 * VM disk by TPG LUN index, so that initiator would open a different disk</li>
 * </ul>
 *
 * <pre>{@code List<Violation> v = ProxmoxConformance.check(cfg, storage);}</pre>
 */
public final class ProxmoxConformance {

    private static final String BACKSTORE = "/backstores/block/";

    private ProxmoxConformance() {
    }

    /** Every violation for one Proxmox storage definition. {@code ProxmoxConformance.check(cfg, storage)} */
    public static List<Violation> check(LioConfig cfg, ProxmoxStorage storage) {
        List<Violation> out = new ArrayList<>();
        int ti = indexOfTarget(cfg, storage.target().toString());
        if (ti < 0) {
            out.add(new Violation("PVE-TARGET-001", "targets", "no iSCSI target " + storage.target()
                    + " (Proxmox compares the WWN exactly)"));
            return out;
        }
        Target t = cfg.targets().get(ti);
        int pi = -1;
        for (int i = 0; i < t.tpgs().size(); i++) {
            if (t.tpgs().get(i).tag() == storage.tpg()) {
                pi = i;
                break;
            }
        }
        if (pi < 0) {
            out.add(new Violation("PVE-TPG-002", "targets[" + ti + "]", "target portal group " + storage.lioTpg()
                    + " not found"));
            return out;
        }
        tpg(cfg, "targets[" + ti + "].tpgs[" + pi + "]", t.tpgs().get(pi), Optional.of(storage), out);
        return out;
    }

    /** The storage-independent rules for every TPG of every iSCSI target. {@code ProxmoxConformance.checkAll(cfg)} */
    public static List<Violation> checkAll(LioConfig cfg) {
        List<Violation> out = new ArrayList<>();
        for (int ti = 0; ti < cfg.targets().size(); ti++) {
            Target t = cfg.targets().get(ti);
            if (!t.fabric().equals("iscsi")) {
                continue;
            }
            for (int pi = 0; pi < t.tpgs().size(); pi++) {
                tpg(cfg, "targets[" + ti + "].tpgs[" + pi + "]", t.tpgs().get(pi), Optional.empty(), out);
            }
        }
        return out;
    }

    private static void tpg(LioConfig cfg, String path, Tpg tpg, Optional<ProxmoxStorage> storage,
                            List<Violation> out) {
        Map<String, StorageObject> sos = new HashMap<>();
        for (StorageObject so : cfg.storageObjects()) {
            sos.put(so.path(), so);
        }
        if (!tpg.generatesNodeAcls()) {
            out.add(new Violation("PVE-ACL-001", path, "generate_node_acls is not 1: Proxmox creates LUNs without"
                    + " managing ACLs, so initiators see auto-mapped numbers (or nothing)"));
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int li = 0; li < tpg.luns().size(); li++) {
            Lun lun = tpg.luns().get(li);
            String lp = path + ".luns[" + li + "]";
            if (!lun.storageObject().startsWith(BACKSTORE)) {
                out.add(new Violation("PVE-LUN-001", lp, "LUN " + lun.index() + " uses " + lun.storageObject()
                        + ": Proxmox accepts only /backstores/block and rejects the whole configuration"));
                continue;
            }
            Integer first = seen.putIfAbsent(lun.storageObject(), lun.index());
            if (first != null) {
                out.add(new Violation("PVE-LUN-004", lp, "LUN " + lun.index() + " exports " + lun.storageObject()
                        + " like LUN " + first + ": Proxmox finds only one of them"));
            }
            StorageObject so = sos.get(lun.storageObject());
            if (!(so instanceof BlockStorageObject b)) {
                out.add(new Violation("PVE-LUN-002", lp, "backstore " + lun.storageObject() + " does not exist"));
                continue;
            }
            if (storage.isEmpty()) {
                continue;
            }
            ProxmoxStorage st = storage.get();
            Optional<String> vol = st.volumeOf(b.dev());
            if (vol.isEmpty()) {
                out.add(new Violation("PVE-LUN-003", lp, "backstore " + b.name() + " exports " + b.dev()
                        + ", not a volume " + st.devicePath("<vol>") + " with a [A-Za-z0-9_-] name"));
                continue;
            }
            String wanted = st.backstorePrefix() + vol.get();
            if (b.name().equals(wanted)) {
                continue;
            }
            if (b.name().equals(vol.get())) {
                out.add(new Violation("PVE-NAME-001", lp, "backstore " + b.name() + " is found only through"
                        + " Proxmox's legacy fallback; name it " + wanted + " (collision-free across pools)"));
            } else {
                out.add(new Violation("PVE-NAME-001", lp, "backstore " + b.name() + " for volume " + vol.get()
                        + " is not found by Proxmox (it looks for " + wanted + " then " + vol.get()
                        + "): the volume cannot be attached or deleted from Proxmox"));
            }
        }
        for (int ai = 0; ai < tpg.nodeAcls().size(); ai++) {
            NodeAcl acl = tpg.nodeAcls().get(ai);
            for (int mi = 0; mi < acl.mappedLuns().size(); mi++) {
                MappedLun m = acl.mappedLuns().get(mi);
                if (m.index() != m.tpgLun()) {
                    out.add(new Violation("PVE-ACL-002", path + ".node_acls[" + ai + "].mapped_luns[" + mi + "]",
                            acl.nodeWwn() + " sees TPG LUN " + m.tpgLun() + " as LUN " + m.index()
                                    + ": Proxmox would attach the wrong disk through this initiator"));
                }
            }
        }
    }

    private static int indexOfTarget(LioConfig cfg, String wwn) {
        for (int i = 0; i < cfg.targets().size(); i++) {
            Target t = cfg.targets().get(i);
            if (t.fabric().equals("iscsi") && t.wwn().equals(wwn)) {
                return i;
            }
        }
        return -1;
    }
}
