package org.sansdk.lio.proxmox;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.sansdk.core.Plan;
import org.sansdk.core.SanException;
import org.sansdk.core.Size;
import org.sansdk.lio.BlockStorageObject;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.Lun;
import org.sansdk.lio.StorageObject;
import org.sansdk.lio.Target;
import org.sansdk.lio.Tpg;
import org.sansdk.lio.sync.BackstoreNaming;
import org.sansdk.lio.sync.LunSyncPlanner;
import org.sansdk.lio.sync.SyncPlan;
import org.sansdk.lio.sync.Zvol;
import org.sansdk.lio.targetcli.LioChange;
import org.sansdk.lio.targetcli.TargetcliBatch;

/**
 * LUN management in the shape Proxmox's LIO provider needs ({@code create_lu}, {@code delete_lu},
 * {@code list_lu}, {@code list_view}, {@code modify_lu}), on the configuration model, each change a
 * {@link Plan} running one targetcli process. Differences from the Perl provider, on purpose: the LUN number is
 * chosen here and passed explicitly ({@code lun=N}) instead of being parsed from targetcli's "Created LUN N"
 * output; ACL mappings (if any) use the same number; the backstore gets a unit serial derived from the zvol so
 * the peer node presents the same disk; {@code saveconfig} runs once in the same process.
 *
 * <pre>{@code
 * ProxmoxLunService svc = new ProxmoxLunService("storage-a", storage);
 * ProxmoxLunService.Result r = svc.createLun(cfg, "/dev/zvol/san-pool/iscsi/hypervisor/vm-100-disk-0");
 * r.plan().applyTo(executor); int lun = r.lun();
 * }</pre>
 */
public final class ProxmoxLunService {

    private final String host;
    private final ProxmoxStorage storage;

    /** A service for one Proxmox storage definition, running its plans on {@code host}. {@code new ProxmoxLunService("storage-a", storage)} */
    public ProxmoxLunService(String host, ProxmoxStorage storage) {
        this.host = Objects.requireNonNull(host, "host");
        this.storage = Objects.requireNonNull(storage, "storage");
    }

    /**
     * The outcome of one operation: the LUN number concerned, the plan, the configuration after it.
     *
     * @param lun   the LUN number created, deleted or looked at
     * @param plan  what to run (one targetcli process; empty when nothing changes)
     * @param after the configuration after the plan
     */
    public record Result(int lun, Plan plan, LioConfig after) {
        /** Refuses nulls. */
        public Result {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(after, "after");
        }

        /** {@code lun N: PLAN TITLE (K steps)}, for JShell. {@code svc.createLun(cfg, path)} */
        @Override
        public String toString() {
            return "lun " + lun + ": " + plan.title() + " (" + plan.steps().size()
                    + (plan.steps().size() == 1 ? " step)" : " steps)");
        }
    }

    /**
     * One LUN of the storage's TPG as Proxmox sees it.
     *
     * @param lun           the LUN index
     * @param storageObject the storage object path
     * @param devicePath    the block device behind it (empty for other backstores)
     */
    public record LunEntry(int lun, String storageObject, Optional<String> devicePath) {
        /** One line: {@code lun N -> STORAGE_OBJECT (DEVICE)}. {@code entry.describe()} */
        public String describe() {
            return "lun " + lun + " -> " + storageObject + devicePath.map(d -> " (" + d + ")").orElse("");
        }

        /** Same as {@link #describe()}. */
        @Override
        public String toString() {
            return describe();
        }
    }

    /**
     * Exports a zvol: backstore {@code <pool>-<vol>}, the lowest free LUN number. {@code svc.createLun(cfg, path)}
     *
     * @throws LunAlreadyExportedException when a LUN of the TPG already exports it
     */
    public Result createLun(LioConfig cfg, String zvolPath) {
        String vol = volume(zvolPath);
        OptionalInt existing = lookup(cfg, zvolPath);
        if (existing.isPresent()) {
            throw new LunAlreadyExportedException(zvolPath, existing.getAsInt());
        }
        LunSyncPlanner planner = LunSyncPlanner.forTpg(storage.target(), storage.tpg(), storage.pool())
                .naming(BackstoreNaming.proxmox(storage.pool())).deviceRoot(storage.basePath());
        SyncPlan p = planner.plan(cfg, List.of(Zvol.of(storage.pool() + "/" + vol, Size.ofBytes(0))));
        int lun = p.changes().stream().filter(c -> c instanceof LioChange.CreateLun)
                .mapToInt(c -> ((LioChange.CreateLun) c).index()).findFirst()
                .orElseThrow(() -> new SanException(zvolPath + ": cannot export: "
                        + p.findings().stream().map(f -> f.describe()).reduce((a, b) -> a + "; " + b).orElse("?")));
        return new Result(lun, p.batch().toPlan(host, "create LUN for " + zvolPath), p.after());
    }

    /**
     * Unexports a zvol: deletes its LUN (and mappings) and its backstore, unless another LUN (another TPG or
     * target) still exports that backstore. {@code svc.deleteLun(cfg, path)}
     *
     * @throws LunNotExportedException when no LUN of the TPG exports it
     */
    public Result deleteLun(LioConfig cfg, String zvolPath) {
        int lun = lookup(cfg, zvolPath).orElseThrow(() -> new LunNotExportedException(zvolPath));
        Lun l = tpg(cfg).lun(lun).orElseThrow();
        List<LioChange> changes = new ArrayList<>();
        changes.add(new LioChange.DeleteLun(storage.target().toString(), storage.tpg(), lun));
        // rtslib deletes a backstore together with every LUN exporting it: keep it while another LUN uses it
        if (!exportedElsewhere(cfg, l.storageObject(), lun)) {
            l.backstoreName().ifPresent(name -> changes.add(new LioChange.DeleteBackstore(
                    l.plugin().orElse("block"), name)));
        }
        TargetcliBatch b = TargetcliBatch.of(changes);
        return new Result(lun, b.toPlan(host, "delete LUN for " + zvolPath), b.applyTo(cfg));
    }

    /** Every LUN of the TPG with its device, in file order. {@code svc.listLuns(cfg)} */
    public List<LunEntry> listLuns(LioConfig cfg) {
        List<LunEntry> out = new ArrayList<>();
        for (Lun l : tpg(cfg).luns()) {
            Optional<StorageObject> so = cfg.storageObject(l.storageObject());
            out.add(new LunEntry(l.index(), l.storageObject(),
                    so.filter(s -> s instanceof BlockStorageObject).map(s -> ((BlockStorageObject) s).dev())));
        }
        return out;
    }

    /**
     * The LUN number exporting a zvol path, found by the backstore's device path (so it works whatever the
     * backstore is called, unlike Proxmox's name-based lookup). {@code svc.lookup(cfg, path)}
     */
    public OptionalInt lookup(LioConfig cfg, String zvolPath) {
        for (Lun l : tpg(cfg).luns()) {
            Optional<StorageObject> so = cfg.storageObject(l.storageObject());
            if (so.isPresent() && so.get() instanceof BlockStorageObject b && b.dev().equals(zvolPath)) {
                return OptionalInt.of(l.index());
            }
        }
        return OptionalInt.empty();
    }

    /**
     * After {@code zfs set volsize}: nothing to change in LIO — a block backstore reports the zvol's current
     * size on every READ CAPACITY; initiators must rescan. Returns an empty plan for an exported zvol.
     * {@code svc.resize(cfg, path).plan().isEmpty()}
     */
    public Result resize(LioConfig cfg, String zvolPath) {
        int lun = lookup(cfg, zvolPath).orElseThrow(() -> new LunNotExportedException(zvolPath));
        return new Result(lun, Plan.empty("resize " + zvolPath + " (block backstores follow the zvol size)"), cfg);
    }

    private boolean exportedElsewhere(LioConfig cfg, String soPath, int lun) {
        int tag = storage.tpg();
        for (Target t : cfg.targets()) {
            for (Tpg p : t.tpgs()) {
                for (Lun l : p.luns()) {
                    boolean self = t.wwn().equals(storage.target().toString()) && p.tag() == tag && l.index() == lun;
                    if (!self && l.storageObject().equals(soPath)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private String volume(String zvolPath) {
        return storage.volumeOf(zvolPath).orElseThrow(() -> new SanException(zvolPath + " is not a volume of "
                + storage.devicePath("<vol>") + " (Proxmox volume names are [A-Za-z0-9_-]+)"));
    }

    private Tpg tpg(LioConfig cfg) {
        Target t = cfg.targets().stream().filter(x -> x.fabric().equals("iscsi") && x.wwn().equals(storage.target().toString()))
                .findFirst().orElseThrow(() -> new SanException("no iSCSI target " + storage.target()));
        return t.tpg(storage.tpg()).orElseThrow(() -> new SanException("target portal group "
                + storage.lioTpg() + " not found"));
    }
}
