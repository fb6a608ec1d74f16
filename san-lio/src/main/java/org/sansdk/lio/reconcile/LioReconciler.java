package org.sansdk.lio.reconcile;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.sansdk.core.SanException;
import org.sansdk.lio.BlockStorageObject;
import org.sansdk.lio.Chap;
import org.sansdk.lio.FabricModule;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.Lun;
import org.sansdk.lio.MappedLun;
import org.sansdk.lio.NodeAcl;
import org.sansdk.lio.Portal;
import org.sansdk.lio.StorageObject;
import org.sansdk.lio.Target;
import org.sansdk.lio.Tpg;
import org.sansdk.lio.sync.ScsiIdentity;
import org.sansdk.lio.sync.SyncFinding;
import org.sansdk.lio.sync.SyncPlan;
import org.sansdk.lio.targetcli.LioChange;

/**
 * Plans the smallest set of targetcli changes that turns a node's current LIO configuration into a desired one
 * (what {@code BackendTargetBuilder}/{@code ClientTargetBuilder} and the LUN sync produce, or san-cluster's mapping):
 * block backstores and their attributes, iSCSI targets, TPGs (enable flag, attributes, parameters, TPG CHAP),
 * portals, ACLs (attributes, CHAP), LUNs and mapped LUNs, discovery auth.
 * <ul>
 * <li>Only differences are changed: adding a VLAN's TPG, an ACL or a portal to the desired state gives exactly the
 * lines for that object. Attributes and parameters are compared only for the keys the desired state names (a
 * saveconfig also holds every kernel default).</li>
 * <li>A LUN is matched by its storage object (block: by device path, whatever its backstore name) and keeps the
 * number the node gives it; the same for an initiator's mapped LUN ({@link SyncFinding.LunKept} when the desired
 * number differs). A new LUN whose desired number is taken gets the lowest free one.</li>
 * <li>Objects the node has and the desired state does not (targets, TPGs, ACLs, LUNs, mapped LUNs, backstores) are
 * reported and kept unless {@link Extras#REMOVE} is given; portals, attributes, parameters, CHAP and the enable flag
 * of the desired TPGs follow the desired state.</li>
 * <li>CHAP values travel only in {@link LioChange.SetAuth} lines (stdin, masked in every printed form); with
 * {@code authentication} switched off the attribute goes first, switched on it goes after the credentials.</li>
 * </ul>
 * Applying the plan and planning again against the result gives no changes.
 *
 * <pre>{@code SyncPlan p = LioReconciler.toward(desired).plan(lio.config()); p.toPlan("storage-a").applyTo(ssh);}</pre>
 */
public final class LioReconciler {

    /** What to do with objects the node has and the desired state does not. */
    public enum Extras {
        /** Keep them and report each ({@link SyncFinding.ExtraKept}); the default. */
        KEEP,
        /** Delete them (LUNs and mappings clients may be using included: only when you mean it). */
        REMOVE
    }

    private static final int MAX_LUN = 65535;

    private final LioConfig desired;
    private final Extras extras;

    private LioReconciler(LioConfig desired, Extras extras) {
        this.desired = Objects.requireNonNull(desired, "desired");
        this.extras = Objects.requireNonNull(extras, "extras");
    }

    /** A reconciler toward {@code desired}, keeping extra objects. {@code LioReconciler.toward(desired)} */
    public static LioReconciler toward(LioConfig desired) {
        return new LioReconciler(desired, Extras.KEEP);
    }

    /** This reconciler with another policy for extra objects. {@code LioReconciler.toward(d).extras(Extras.REMOVE)} */
    public LioReconciler extras(Extras policy) {
        return new LioReconciler(desired, policy);
    }

    /** The desired configuration. {@code r.desired()} */
    public LioConfig desired() {
        return desired;
    }

    /**
     * The changes turning {@code current} into the desired state, in targetcli order, with findings.
     * {@code LioReconciler.toward(desired).plan(current).batch().redactedScript()}
     */
    public SyncPlan plan(LioConfig current) {
        return new Run(current).plan();
    }

    /** One planning pass: a working model every emitted change is applied to, so later diffs see earlier changes. */
    private final class Run {
        private final LioConfig current;
        private LioConfig w;
        private final List<LioChange> changes = new ArrayList<>();
        private final List<SyncFinding> findings = new ArrayList<>();
        /** desired storage object path → the path on the node (same object, possibly another name). */
        private final Map<String, String> soPath = new LinkedHashMap<>();

        Run(LioConfig current) {
            this.current = Objects.requireNonNull(current, "current");
            this.w = current;
        }

        private void emit(LioChange c) {
            changes.add(c);
            w = c.apply(w);
        }

        SyncPlan plan() {
            storageObjects();
            for (Target d : desired.targets()) {
                if (!d.fabric().equals("iscsi")) {
                    findings.add(new SyncFinding.NotReconciled(d.fabric() + " target " + d.wwn(),
                            "only iSCSI targets are reconciled"));
                    continue;
                }
                target(d);
            }
            for (Target t : current.targets()) {
                if (t.fabric().equals("iscsi") && desired.target(t.wwn()).isEmpty()) {
                    extra("iSCSI target " + t.wwn(), new LioChange.DeleteIscsiTarget(t.wwn()));
                }
            }
            discoveryAuth();
            removeUnusedStorageObjects();
            return new SyncPlan(changes, findings, current);
        }

        private void extra(String what, LioChange removal) {
            if (extras == Extras.REMOVE) {
                emit(removal);
            } else {
                findings.add(new SyncFinding.ExtraKept(what));
            }
        }

        // ---- storage objects

        private void storageObjects() {
            for (StorageObject d : desired.storageObjects()) {
                Optional<StorageObject> same = w.storageObject(d.path());
                if (same.isEmpty() && d instanceof BlockStorageObject db) {
                    same = w.storageObjects().stream().filter(s -> s instanceof BlockStorageObject b
                            && b.dev().equals(db.dev())).findFirst();
                }
                if (same.isPresent()) {
                    StorageObject s = same.get();
                    soPath.put(d.path(), s.path());
                    if (d instanceof BlockStorageObject db && s instanceof BlockStorageObject sb) {
                        if (!db.dev().equals(sb.dev())) {
                            findings.add(new SyncFinding.NotReconciled("backstore " + s.path(), "it is on " + sb.dev()
                                    + ", desired " + db.dev() + ": moving it means deleting it with its LUNs; do it by hand"));
                            continue;
                        }
                        if (db.wwn().isPresent() && sb.wwn().isPresent() && !db.wwn().equals(sb.wwn())) {
                            findings.add(new SyncFinding.IdentityMismatch(sb.name(), db.wwn().get(), sb.wwn().get()));
                        }
                    }
                    Map<String, Long> diff = longDiff(d.attributes(), s.attributes());
                    if (!diff.isEmpty()) {
                        if (s instanceof BlockStorageObject) {
                            emit(new LioChange.SetBackstoreAttributes(s.plugin(), s.name(), diff));
                        } else {
                            findings.add(new SyncFinding.NotReconciled("backstore " + s.path(), "attributes " + diff
                                    + " differ; only block backstores are changed"));
                        }
                    }
                } else if (d instanceof BlockStorageObject db) {
                    String serial = db.wwn().orElse(ScsiIdentity.unitSerial(db.dev()));
                    try {
                        emit(new LioChange.CreateBlockBackstore(db.name(), db.dev(), serial, db.attributes()));
                        soPath.put(d.path(), d.path());
                    } catch (SanException e) {
                        findings.add(new SyncFinding.NotReconciled("backstore " + d.path(), e.getMessage()));
                    }
                } else {
                    findings.add(new SyncFinding.NotReconciled("backstore " + d.path(), "creating " + d.plugin()
                            + " backstores is not supported; LUNs on it are skipped"));
                }
            }
        }

        private void removeUnusedStorageObjects() {
            Set<String> wanted = new LinkedHashSet<>(soPath.values());
            for (StorageObject s : current.storageObjects()) {
                if (wanted.contains(s.path()) || desired.storageObject(s.path()).isPresent()
                        || w.storageObject(s.path()).isEmpty()) {
                    continue;
                }
                if (extras == Extras.REMOVE && !usedByLun(s.path())) {
                    emit(new LioChange.DeleteBackstore(s.plugin(), s.name()));
                } else if (extras == Extras.KEEP) {
                    findings.add(new SyncFinding.ExtraKept("backstore " + s.path()));
                }
            }
        }

        private boolean usedByLun(String path) {
            return w.targets().stream().flatMap(t -> t.tpgs().stream()).flatMap(p -> p.luns().stream())
                    .anyMatch(l -> l.storageObject().equals(path));
        }

        // ---- targets and TPGs

        private void target(Target d) {
            boolean created = false;
            if (w.target(d.wwn()).isEmpty()) {
                emit(new LioChange.CreateIscsiTarget(d.wwn()));
                created = true;
            }
            for (Tpg dt : d.tpgs()) {
                if (w.target(d.wwn()).flatMap(t -> t.tpg(dt.tag())).isEmpty()) {
                    emit(new LioChange.CreateTpg(d.wwn(), dt.tag()));
                }
                tpg(d.wwn(), dt);
            }
            for (Tpg t : w.target(d.wwn()).orElseThrow().tpgs()) {
                if (d.tpg(t.tag()).isEmpty()) {
                    if (created) {
                        emit(new LioChange.DeleteTpg(d.wwn(), t.tag()));   // the tpg1 targetcli added itself
                    } else {
                        extra(d.wwn() + " tpg" + t.tag(), new LioChange.DeleteTpg(d.wwn(), t.tag()));
                    }
                }
            }
        }

        private Tpg now(String iqn, int tag) {
            return w.target(iqn).flatMap(t -> t.tpg(tag)).orElseThrow();
        }

        private void tpg(String iqn, Tpg d) {
            int tag = d.tag();
            String where = iqn + " tpg" + tag;
            Tpg c = now(iqn, tag);
            if (c.enable() && !d.enable()) {
                emit(new LioChange.SetTpgEnabled(iqn, tag, false));
            }
            for (Portal p : c.portals()) {
                if (d.portals().stream().noneMatch(x -> samePortal(x, p))) {
                    emit(new LioChange.DeletePortal(iqn, tag, p.ipAddress(), p.port()));
                }
            }
            for (Portal p : d.portals()) {
                if (now(iqn, tag).portals().stream().noneMatch(x -> samePortal(x, p))) {
                    emit(new LioChange.CreatePortal(iqn, tag, p.ipAddress(), p.port()));
                }
            }
            Map<String, String> params = new LinkedHashMap<>();
            d.parameters().forEach((k, v) -> {
                if (!v.equals(c.parameters().get(k))) {
                    params.put(k, v);
                }
            });
            if (!params.isEmpty()) {
                try {
                    emit(new LioChange.SetTpgParameters(iqn, tag, params));
                } catch (SanException e) {
                    findings.add(new SyncFinding.NotReconciled(where + " parameters " + params.keySet(), e.getMessage()));
                }
            }
            Map<String, Long> attrs = longDiff(d.attributes(), c.attributes());
            // switching authentication off goes first (then the credentials may be cleared); on goes last (after them)
            boolean authOff = Long.valueOf(0L).equals(attrs.get("authentication"))
                    && Long.valueOf(1L).equals(c.attributes().get("authentication"));
            if (authOff) {
                emit(new LioChange.SetTpgAttributes(iqn, tag, attrs));
            }
            if (!d.chap().equals(c.chap())) {
                emit(LioChange.SetAuth.onTpg(iqn, tag, d.chap()));
            }
            Map<Integer, Integer> lunIndex = luns(iqn, d);
            acls(iqn, d, lunIndex);
            Set<Integer> kept = new LinkedHashSet<>(lunIndex.values());
            for (Lun l : now(iqn, tag).luns()) {
                if (!kept.contains(l.index())) {
                    extra("LUN " + l.index() + " of " + where + " (" + l.storageObject() + ")",
                            new LioChange.DeleteLun(iqn, tag, l.index()));
                }
            }
            if (!authOff && !attrs.isEmpty()) {
                emit(new LioChange.SetTpgAttributes(iqn, tag, attrs));
            }
            if (!c.enable() && d.enable()) {
                emit(new LioChange.SetTpgEnabled(iqn, tag, true));
            }
        }

        /** Creates missing LUNs; returns desired LUN index → the index on the node. */
        private Map<Integer, Integer> luns(String iqn, Tpg d) {
            int tag = d.tag();
            String where = iqn + " tpg" + tag;
            Map<Integer, Integer> index = new LinkedHashMap<>();
            List<Lun> missing = new ArrayList<>();
            Set<Integer> claimed = new LinkedHashSet<>();
            for (Lun l : d.luns()) {
                String path = soPath.get(l.storageObject());
                if (path == null) {
                    findings.add(new SyncFinding.NotReconciled("LUN " + l.index() + " of " + where, "its storage object "
                            + l.storageObject() + " is not on the node and could not be created"));
                    continue;
                }
                Optional<Lun> have = now(iqn, tag).luns().stream()
                        .filter(x -> !claimed.contains(x.index()) && sameObject(x.storageObject(), path)).findFirst();
                if (have.isPresent()) {
                    int n = have.get().index();
                    claimed.add(n);
                    index.put(l.index(), n);
                    if (n != l.index()) {
                        findings.add(new SyncFinding.LunKept(where, n, l.index(), path));
                    }
                } else {
                    missing.add(l);
                }
            }
            BitSet used = new BitSet();
            for (Lun x : now(iqn, tag).luns()) {
                mark(used, x.index());
            }
            for (NodeAcl a : now(iqn, tag).nodeAcls()) {
                a.mappedLuns().forEach(m -> mark(used, m.index()));
            }
            for (Lun l : missing) {
                int n = l.index();
                if (n < 0 || n > MAX_LUN || used.get(n)) {
                    BitSet avoid = (BitSet) used.clone();
                    d.luns().forEach(x -> mark(avoid, x.index()));
                    n = avoid.nextClearBit(0);
                    if (n > MAX_LUN) {
                        findings.add(new SyncFinding.NotReconciled("LUN " + l.index() + " of " + where,
                                "no free LUN number left"));
                        continue;
                    }
                    findings.add(new SyncFinding.LunKept(where, n, l.index(), soPath.get(l.storageObject())
                            + " (desired number taken; created as " + n + ")"));
                }
                mark(used, n);
                emit(new LioChange.CreateLun(iqn, tag, n, soPath.get(l.storageObject())));
                index.put(l.index(), n);
            }
            return index;
        }

        private boolean sameObject(String a, String b) {
            if (a.equals(b)) {
                return true;
            }
            Optional<StorageObject> sa = w.storageObject(a);
            Optional<StorageObject> sb = w.storageObject(b);
            return sa.isPresent() && sb.isPresent() && sa.get() instanceof BlockStorageObject ba
                    && sb.get() instanceof BlockStorageObject bb && ba.dev().equals(bb.dev());
        }

        private void acls(String iqn, Tpg d, Map<Integer, Integer> lunIndex) {
            int tag = d.tag();
            String where = iqn + " tpg" + tag;
            for (NodeAcl da : d.nodeAcls()) {
                String init = da.nodeWwn();
                if (now(iqn, tag).acl(init).isEmpty()) {
                    emit(new LioChange.CreateAcl(iqn, tag, init));
                }
                NodeAcl ca = now(iqn, tag).acl(init).orElseThrow();
                Map<String, Long> attrs = longDiff(da.attributes(), ca.attributes());
                if (!attrs.isEmpty()) {
                    emit(new LioChange.SetAclAttributes(iqn, tag, init, attrs));
                }
                if (!da.chap().equals(ca.chap())) {
                    emit(LioChange.SetAuth.onAcl(iqn, tag, init, da.chap()));
                }
                Set<Integer> keepTpgLuns = new LinkedHashSet<>();
                for (MappedLun dm : da.mappedLuns()) {
                    Integer tl = lunIndex.get(dm.tpgLun());
                    if (tl == null) {
                        findings.add(new SyncFinding.NotReconciled("mapped LUN " + dm.index() + " of " + init + " in "
                                + where, "its TPG LUN " + dm.tpgLun() + " is not reconciled"));
                        continue;
                    }
                    keepTpgLuns.add(tl);
                    int mi = dm.index() == dm.tpgLun() ? tl : dm.index();
                    NodeAcl acl = now(iqn, tag).acl(init).orElseThrow();
                    Optional<MappedLun> have = acl.mappingFor(tl);
                    if (have.isPresent()) {
                        if (have.get().index() != mi) {
                            findings.add(new SyncFinding.LunKept(init + " in " + where, have.get().index(), mi,
                                    "TPG LUN " + tl));
                        }
                        continue;
                    }
                    Optional<MappedLun> occupant = acl.mappedLuns().stream().filter(m -> m.index() == mi).findFirst();
                    if (occupant.isPresent()) {
                        findings.add(new SyncFinding.MappedLunConflict(init, mi, tl, occupant.get().tpgLun()));
                        continue;
                    }
                    emit(new LioChange.CreateMappedLun(iqn, tag, init, mi, tl));
                }
                for (MappedLun m : now(iqn, tag).acl(init).orElseThrow().mappedLuns()) {
                    if (!keepTpgLuns.contains(m.tpgLun())) {
                        extra("mapped LUN " + m.index() + " of " + init + " in " + where,
                                new LioChange.DeleteMappedLun(iqn, tag, init, m.index()));
                    }
                }
            }
            for (NodeAcl ca : now(iqn, tag).nodeAcls()) {
                if (d.acl(ca.nodeWwn()).isEmpty()) {
                    extra("ACL " + ca.nodeWwn() + " in " + where, new LioChange.DeleteAcl(iqn, tag, ca.nodeWwn()));
                }
            }
        }

        private void discoveryAuth() {
            Optional<FabricModule> d = desired.fabricModules().stream().filter(f -> f.name().equals("iscsi")).findFirst();
            if (d.isEmpty()) {
                return;
            }
            Chap have = w.fabricModules().stream().filter(f -> f.name().equals("iscsi")).findFirst()
                    .map(FabricModule::discoveryAuth).orElse(Chap.NONE);
            if (!have.equals(d.get().discoveryAuth())) {
                emit(new LioChange.SetDiscoveryAuth(d.get().discoveryAuth()));
            }
        }
    }

    private static boolean samePortal(Portal a, Portal b) {
        return a.ipAddress().equals(b.ipAddress()) && a.port() == b.port();
    }

    /** The desired entries whose value differs on the node (keys the desired state does not name are not compared). */
    private static Map<String, Long> longDiff(Map<String, Long> desired, Map<String, Long> current) {
        Map<String, Long> out = new LinkedHashMap<>();
        desired.forEach((k, v) -> {
            if (!v.equals(current.get(k))) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static void mark(BitSet used, int index) {
        if (index >= 0 && index <= MAX_LUN) {
            used.set(index);
        }
    }

    /** {@code toString}: what it reconciles toward. */
    @Override
    public String toString() {
        return "LioReconciler[" + desired.targets().size() + " target(s), " + desired.storageObjects().size()
                + " backstore(s), extras " + extras + "]";
    }
}
