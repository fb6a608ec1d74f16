package org.sansdk.lio.sync;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sansdk.core.Iqn;
import org.sansdk.core.SanException;
import org.sansdk.core.Size;
import org.sansdk.core.ZfsName;
import org.sansdk.lio.BlockStorageObject;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.Lun;
import org.sansdk.lio.MappedLun;
import org.sansdk.lio.NodeAcl;
import org.sansdk.lio.StorageObject;
import org.sansdk.lio.Target;
import org.sansdk.lio.Tpg;
import org.sansdk.lio.targetcli.LioChange;

/**
 * Plans what the design's {@code sync-iscsi-luns} does after every pool import, for one TPG: export every
 * zvol directly under the TPG's dataset as a block backstore and LUN, without ever renumbering an existing
 * LUN (initiators and Proxmox VM configs address disks by LUN number).
 * <ul>
 * <li>a zvol already exported (found by device path, whatever its backstore name) keeps its LUN number;</li>
 * <li>a new zvol gets the lowest free LUN index (free in the TPG and as a mapped LUN number in every ACL), never
 * one freed in the same plan, in zvol name order;</li>
 * <li>its backstore gets a unit serial derived from the zvol name ({@link ScsiIdentity}) so both nodes present
 * the same disk, and {@code emulate_tpu=1} so guests' discards free space in the pool;</li>
 * <li>every explicit ACL (in ACL mode, and any left in a {@code generate_node_acls=1} TPG, which LIO prefers to
 * the generated one) maps each zvol LUN under the same number as the TPG LUN index, explicitly;</li>
 * <li>LUNs of vanished zvols are reported, and deleted only with {@link #removeMissing()};</li>
 * <li>zvols that grew since {@link #previous(List)} are reported.</li>
 * </ul>
 * Applying the plan and planning again gives an empty plan.
 *
 * <pre>{@code
 * ZfsName ds = ZfsName.parse("san-pool/iscsi/hypervisor");
 * SyncPlan p = LunSyncPlanner.forTpg(Iqn.parse("iqn.2025-01.lab.home:san-client-target"), 2, ds)
 *         .naming(BackstoreNaming.proxmox(ds)).plan(cfg, zvols);
 * }</pre>
 */
public final class LunSyncPlanner {

    /** Block backstore attributes set on every zvol backstore (thin provisioning: UNMAP reaches ZFS). */
    public static final Map<String, Long> ZVOL_ATTRIBUTES = Map.of("emulate_tpu", 1L);
    private static final int MAX_LUN = 65535;

    private final String target;
    private final int tag;
    private final String dataset;
    private BackstoreNaming naming = BackstoreNaming.plain();
    private boolean removeMissing;
    private boolean fixMappedLuns;
    private Map<String, Size> previous = Map.of();
    private String deviceRoot = "/dev/zvol/";

    private LunSyncPlanner(Iqn target, int tag, ZfsName dataset) {
        this.target = Objects.requireNonNull(target, "target").toString();
        if (tag < 1 || tag > 65535) {
            throw new IllegalArgumentException("a TPG tag is 1..65535, got " + tag);
        }
        this.tag = tag;
        this.dataset = Objects.requireNonNull(dataset, "dataset").toString();
    }

    /**
     * A planner for TPG {@code tag} of {@code target}, exporting zvols directly under {@code dataset}.
     * {@code LunSyncPlanner.forTpg(Iqn.parse("iqn.2025-01.lab.home:t"), 1, ZfsName.parse("san-pool/iscsi"))}
     */
    public static LunSyncPlanner forTpg(Iqn target, int tag, ZfsName dataset) {
        return new LunSyncPlanner(target, tag, dataset);
    }

    /** Backstore naming for new backstores (default {@link BackstoreNaming#plain()}). {@code planner.naming(BackstoreNaming.vlan("hv"))} */
    public LunSyncPlanner naming(BackstoreNaming n) {
        this.naming = Objects.requireNonNull(n, "naming");
        return this;
    }

    /**
     * Delete LUNs and backstores of vanished zvols (by default they are only reported); never when the listing has
     * no zvol under the dataset at all. {@code planner.removeMissing()}
     */
    public LunSyncPlanner removeMissing() {
        this.removeMissing = true;
        return this;
    }

    /** Remap ACL mappings whose number differs from the TPG LUN index (by default: report). {@code planner.fixMappedLuns()} */
    public LunSyncPlanner fixMappedLuns() {
        this.fixMappedLuns = true;
        return this;
    }

    /** The zvol listing of the previous sync, to report grown zvols. {@code planner.previous(lastZvols)} */
    public LunSyncPlanner previous(List<Zvol> previousZvols) {
        Map<String, Size> m = new HashMap<>();
        for (Zvol z : previousZvols) {
            m.put(z.name().toString(), z.volsize());
        }
        this.previous = m;
        return this;
    }

    /**
     * Where zvol device nodes live (default {@code /dev/zvol/}, from OpenZFS's udev rules); Proxmox's
     * {@code zfs-base-path} may differ. {@code planner.deviceRoot("/dev/")}
     */
    public LunSyncPlanner deviceRoot(String root) {
        this.deviceRoot = root.endsWith("/") ? root : root + "/";
        return this;
    }

    /** The device path of a zvol under {@link #deviceRoot(String)}. {@code planner.devicePath(z)} */
    public String devicePath(Zvol z) {
        return deviceRoot + z.name();
    }

    /**
     * Plans the changes for {@code zvols} against {@code config}. {@code planner.plan(cfg, zvols)}
     *
     * @throws LunSyncRefusedException when the target or TPG is missing, the configuration holds an object twice,
     *                                 or no LUN index is free
     */
    public SyncPlan plan(LioConfig config, List<Zvol> zvols) {
        Target t = config.target(target).orElseThrow(() -> new LunSyncRefusedException(
                "target " + target + " is not in the configuration: build it first (ClientTargetBuilder)"));
        Tpg tpg = t.tpg(tag).orElseThrow(() -> new LunSyncRefusedException("target " + target + " has no tpg" + tag));
        List<LioChange> backstores = new ArrayList<>();
        List<LioChange> luns = new ArrayList<>();
        List<LioChange> mappings = new ArrayList<>();
        List<LioChange> removals = new ArrayList<>();
        List<SyncFinding> findings = new ArrayList<>();

        Map<String, BlockStorageObject> blockByDev = new HashMap<>();
        Map<String, StorageObject> soByPath = new HashMap<>();
        Map<String, StorageObject> blockByName = new HashMap<>();
        for (StorageObject so : config.storageObjects()) {
            if (soByPath.putIfAbsent(so.path(), so) != null) {
                throw new LunSyncRefusedException("the configuration holds storage object " + so.path() + " twice (LioValidator"
                        + " LIO-SO-001): fix it before syncing, a plan would have to guess which one is meant");
            }
            if (so instanceof BlockStorageObject b) {
                blockByDev.putIfAbsent(b.dev(), b);
                blockByName.put(b.name(), b);
            }
        }
        Map<String, Lun> lunByDev = new HashMap<>();
        BitSet used = new BitSet();
        java.util.Set<Integer> lunIndexes = new java.util.HashSet<>();
        for (Lun l : tpg.luns()) {
            if (!lunIndexes.add(l.index())) {
                throw new LunSyncRefusedException("tpg" + tag + " of " + target + " holds LUN " + l.index() + " twice (LioValidator"
                        + " LIO-LUN-002): fix it before syncing");
            }
            markUsed(used, l.index());
            StorageObject so = soByPath.get(l.storageObject());
            if (so instanceof BlockStorageObject b) {
                lunByDev.putIfAbsent(b.dev(), l);
            }
        }

        List<Zvol> mine = new ArrayList<>();
        Map<String, Zvol> byDev = new HashMap<>();
        String under = dataset + "/";
        boolean anyListed = false;
        for (Zvol z : zvols) {
            String zname = z.name().toString();
            if (!zname.startsWith(under)) {
                continue;
            }
            anyListed = true;
            if (zname.indexOf('/', under.length()) >= 0) {
                findings.add(new SyncFinding.SkippedZvol(zname, "nested below " + dataset
                        + "; only direct children are exported"));
                continue;
            }
            mine.add(z);
            byDev.put(devicePath(z), z);
        }
        mine.sort(Comparator.comparing(Zvol::name));

        // LUNs of vanished zvols first, so their numbers are known to be freed (and never reused in this plan).
        // A listing with nothing at all under the dataset (pool not imported, wrong dataset, a failed zfs list)
        // never removes anything: that would unexport every disk of the VLAN at once.
        boolean remove = removeMissing && anyListed;
        String devPrefix = deviceRoot + under;
        int orphans = 0;
        for (Lun l : tpg.luns()) {
            StorageObject so = soByPath.get(l.storageObject());
            if (so instanceof BlockStorageObject b && b.dev().startsWith(devPrefix)
                    && b.dev().indexOf('/', devPrefix.length()) < 0 && !byDev.containsKey(b.dev())) {
                orphans++;
                findings.add(new SyncFinding.OrphanLun(l.index(), l.storageObject(), b.dev(), remove));
                if (remove) {
                    removals.add(new LioChange.DeleteLun(target, tag, l.index()));
                    if (!exportedElsewhere(config, b.path(), l.index())) {
                        removals.add(new LioChange.DeleteBackstore("block", b.name()));
                    }
                }
            }
        }

        if (removeMissing && !anyListed && orphans > 0) {
            findings.add(new SyncFinding.RemovalRefused(dataset, orphans));
        }

        // every explicit ACL, also with generate_node_acls=1: LIO uses an initiator's explicit ACL before a generated
        // one, so an unmapped LUN would stay invisible to it
        List<AclView> acls = new ArrayList<>();
        for (NodeAcl a : tpg.nodeAcls()) {
            acls.add(new AclView(a));
            // a number an ACL already shows (e.g. left by targetcli's auto mapping) is not free: a new LUN
            // there could not be mapped under its own number
            for (MappedLun m : a.mappedLuns()) {
                markUsed(used, m.index());
            }
        }
        int nextFree = 0;
        for (Zvol z : mine) {
            String dev = devicePath(z);
            Size before = previous.get(z.name().toString());
            if (before != null && z.volsize().bytes() > before.bytes()) {
                findings.add(new SyncFinding.GrownZvol(z.name().toString(), before, z.volsize()));
            }
            String serial = ScsiIdentity.unitSerial(z.name().toString());
            int index;
            Lun existing = lunByDev.get(dev);
            if (existing != null) {
                index = existing.index();
                BlockStorageObject b = blockByDev.get(dev);
                if (b.wwn().isPresent() && !b.wwn().get().equals(serial)) {
                    findings.add(new SyncFinding.IdentityMismatch(b.name(), serial, b.wwn().get()));
                }
            } else {
                BlockStorageObject b = blockByDev.get(dev);
                String soPath;
                if (b != null) {
                    soPath = b.path();
                    if (b.wwn().isPresent() && !b.wwn().get().equals(serial)) {
                        findings.add(new SyncFinding.IdentityMismatch(b.name(), serial, b.wwn().get()));
                    }
                } else {
                    String name = naming.backstoreName(z);
                    StorageObject clash = blockByName.get(name);
                    if (clash instanceof BlockStorageObject cb) {
                        findings.add(new SyncFinding.NameConflict(z.name().toString(), name, cb.dev()));
                        continue;
                    }
                    LioChange.CreateBlockBackstore create;
                    try {
                        create = new LioChange.CreateBlockBackstore(name, dev, serial, ZVOL_ATTRIBUTES);
                    } catch (SanException e) {
                        // e.g. a space in the zvol name (legal in ZFS): skip it, export the others
                        findings.add(new SyncFinding.SkippedZvol(z.name().toString(), e.getMessage()));
                        continue;
                    }
                    backstores.add(create);
                    soPath = "/backstores/block/" + name;
                }
                index = used.nextClearBit(nextFree);
                if (index > MAX_LUN) {
                    throw new LunSyncRefusedException("tpg" + tag + " of " + target + " has no free LUN index left (0.."
                            + MAX_LUN + ")");
                }
                nextFree = index + 1;
                used.set(index);
                luns.add(new LioChange.CreateLun(target, tag, index, soPath));
            }
            for (AclView a : acls) {
                a.ensure(index, mappings, findings);
            }
        }
        List<LioChange> all = new ArrayList<>(removals.size() + backstores.size() + luns.size() + mappings.size());
        all.addAll(removals);
        all.addAll(backstores);
        all.addAll(luns);
        all.addAll(mappings);
        return new SyncPlan(all, findings, config);
    }

    /**
     * Checks, after a batch ran, that the re-read configuration needs no further change. targetcli keeps
     * going after a failing line of a stdin batch, so this is how a failure shows up.
     * {@code planner.verify(SaveconfigFile.read(path).config(), zvols)}
     *
     * @throws LunSyncIncompleteException listing what is still missing
     */
    public void verify(LioConfig reread, List<Zvol> zvols) {
        SyncPlan again = plan(reread, zvols);
        if (!again.isEmpty()) {
            throw new LunSyncIncompleteException(again);
        }
    }

    /** Marks a number taken; numbers outside 0..65535 (flagged by the validator) cannot be handed out anyway. */
    private static void markUsed(BitSet used, int index) {
        if (index >= 0 && index <= MAX_LUN) {
            used.set(index);
        }
    }

    private boolean exportedElsewhere(LioConfig config, String soPath, int index) {
        for (Target t : config.targets()) {
            for (Tpg p : t.tpgs()) {
                for (Lun l : p.luns()) {
                    boolean self = t.wwn().equals(target) && p.tag() == tag && l.index() == index;
                    if (!self && l.storageObject().equals(soPath)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** One ACL's mappings indexed both ways. */
    private final class AclView {
        private final String initiator;
        private final Map<Integer, MappedLun> byTpgLun = new HashMap<>();
        private final Map<Integer, MappedLun> byIndex = new HashMap<>();

        AclView(NodeAcl acl) {
            initiator = acl.nodeWwn();
            for (MappedLun m : acl.mappedLuns()) {
                byTpgLun.putIfAbsent(m.tpgLun(), m);
                if (byIndex.putIfAbsent(m.index(), m) != null) {
                    throw new LunSyncRefusedException("the ACL for " + initiator + " in tpg" + tag + " of " + target
                            + " holds mapped LUN " + m.index() + " twice (LioValidator LIO-MLUN-002): fix it before syncing");
                }
            }
        }

        void ensure(int lun, List<LioChange> out, List<SyncFinding> findings) {
            MappedLun current = byTpgLun.get(lun);
            if (current != null && current.index() == lun) {
                return;
            }
            MappedLun occupant = byIndex.get(lun);
            if (occupant != null && occupant.tpgLun() != lun) {
                findings.add(new SyncFinding.MappedLunConflict(initiator, lun, lun, occupant.tpgLun()));
                return;
            }
            if (current != null) {
                findings.add(new SyncFinding.MappedLunMismatch(initiator, current.index(), lun, fixMappedLuns));
                if (!fixMappedLuns) {
                    return;
                }
                out.add(new LioChange.DeleteMappedLun(target, tag, initiator, current.index()));
                byIndex.remove(current.index());
            }
            out.add(new LioChange.CreateMappedLun(target, tag, initiator, lun, lun));
            MappedLun m = MappedLun.of(lun, lun);
            byTpgLun.put(lun, m);
            byIndex.put(lun, m);
        }
    }
}
