package org.sansdk.lio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;
import org.sansdk.core.Plan;
import org.sansdk.lio.design.ClientTargetSpec;
import org.sansdk.lio.reconcile.LioLock;
import org.sansdk.lio.reconcile.LioReconciler;
import org.sansdk.lio.sync.LunSyncIncompleteException;
import org.sansdk.lio.sync.LunSyncPlanner;
import org.sansdk.lio.sync.SyncPlan;
import org.sansdk.lio.sync.Zvol;

/**
 * One node's LIO configuration, reached through an {@link Executor} (local, SSH, replay, dry run): read and write
 * its {@code saveconfig.json} (Debian or RHEL path; written atomically, mode 0600, as a {@link Plan} whose content
 * is secret), list its LUNs, plan and apply a LUN sync and verify it afterwards (re-read, re-plan: empty).
 * Every change (sync, reconcile, {@link #change}, {@link #write}) holds the node's {@link LioLock} (by default
 * {@code flock} on {@code /run/lock/san-sdk-lio.lock}, waiting at most 60 s) and re-reads the file under it before
 * planning, so two writers never plan from the same stale configuration.
 * Immutable; {@link #at(SaveconfigFile.Distro)}, {@link #at(Path)}, {@link #onHost(String)} and {@link #lock(LioLock)}
 * return changed copies.
 *
 * <pre>{@code
 * Lio lio = Lio.on(ssh).onHost("storage-a");          // /etc/rtslib-fb-target/saveconfig.json
 * LioConfig cfg = lio.config();                       // cat over the executor, parsed strictly
 * SyncPlan done = lio.sync(LunSyncPlanner.forTpg(iqn, 2, dataset), zvols);  // apply, re-read, verify
 * }</pre>
 */
public final class Lio {
    private final Executor executor;
    private final Path path;
    private final String host;
    private final LioLock lock;

    private Lio(Executor executor, Path path, String host) {
        this(executor, path, host, LioLock.standard());
    }

    private Lio(Executor executor, Path path, String host, LioLock lock) {
        this.lock = Objects.requireNonNull(lock, "lock");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.path = Objects.requireNonNull(path, "path");
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException("saveconfig.json path must be absolute: " + path);
        }
        this.host = Objects.requireNonNull(host, "host");
    }

    /**
     * The node behind {@code executor}, with the Debian/Ubuntu/Proxmox path
     * ({@code /etc/rtslib-fb-target/saveconfig.json}) and plan steps naming {@link Plan#LOCAL}.
     * {@code Lio.on(new LocalExecutor())}
     */
    public static Lio on(Executor executor) {
        return new Lio(executor, SaveconfigFile.Distro.DEBIAN.path(), Plan.LOCAL);
    }

    /** This node with the saveconfig path of {@code distro}. {@code Lio.on(ssh).at(SaveconfigFile.Distro.RHEL)} */
    public Lio at(SaveconfigFile.Distro distro) {
        return new Lio(executor, distro.path(), host, lock);
    }

    /** This node with another absolute saveconfig path (tests, a staging copy). {@code Lio.on(local).at(dir.resolve("saveconfig.json"))} */
    public Lio at(Path saveconfigPath) {
        return new Lio(executor, saveconfigPath, host, lock);
    }

    /** This node with plan steps naming {@code hostName} (what printed plans and multi-host plans show). {@code lio.onHost("storage-a")} */
    public Lio onHost(String hostName) {
        return new Lio(executor, path, hostName, lock);
    }

    /**
     * This node at the path that exists there, in Proxmox's LIO provider order (Debian path first, then RHEL's),
     * checked with {@code test -e} through the executor; the Debian path when neither exists. {@code Lio.on(ssh).locate()}
     */
    public Lio locate() {
        for (SaveconfigFile.Distro d : List.of(SaveconfigFile.Distro.DEBIAN, SaveconfigFile.Distro.RHEL)) {
            if (executor.run(Command.of("test", "-e", d.path().toString())).isSuccess()) {
                return at(d);
            }
        }
        return at(SaveconfigFile.Distro.DEBIAN);
    }

    /**
     * This node with another lock ({@link LioLock#none()} only for dry runs and replay tests).
     * {@code lio.lock(LioLock.standard().waitingAtMost(Duration.ofSeconds(10)))}
     */
    public Lio lock(LioLock newLock) {
        return new Lio(executor, path, host, newLock);
    }

    /** The lock every change holds. {@code lio.lock()} */
    public LioLock lock() {
        return lock;
    }

    /** The saveconfig path read and written. {@code lio.path()} */
    public Path path() {
        return path;
    }

    /** The host name plan steps carry. {@code lio.host()} */
    public String host() {
        return host;
    }

    /** The command that reads the file: {@code cat -- PATH}. {@code lio.readCommand()} */
    public Command readCommand() {
        return Command.of("cat", "--", path.toString());
    }

    /**
     * Reads and parses the file with its layout.
     * {@code ParsedSaveconfig doc = lio.read(); doc.format();}
     *
     * @throws SaveconfigUnreadableException when the file is absent or cannot be read
     * @throws org.sansdk.core.ParseException when it is not a valid saveconfig.json (located)
     */
    public ParsedSaveconfig read() {
        CommandResult r = executor.run(readCommand());
        if (!r.isSuccess()) {
            String err = r.stderr() == null ? "" : r.stderr();
            SaveconfigUnreadableException.Reason reason = err.contains("No such file")
                    ? SaveconfigUnreadableException.Reason.ABSENT : SaveconfigUnreadableException.Reason.UNREADABLE;
            throw new SaveconfigUnreadableException(path, reason, "exit " + r.exitCode() + (err.isBlank() ? "" : ": "
                    + err.strip()));
        }
        return SaveconfigParser.parseDocument(source(), r.stdout());
    }

    /** The parsed configuration. {@code LioConfig cfg = Lio.on(ssh).config();} */
    public LioConfig config() {
        return read().config();
    }

    /**
     * A plan writing {@code config} to the file on this node: atomic (temporary file, fsync, rename), mode 0600,
     * root:root, content marked secret (it holds CHAP passwords), rtslib layout. The running kernel state is not
     * changed: apply it while the target is stopped or follow it with {@code targetctl restore}.
     * {@code lio.writePlan(cfg).applyTo(executor)}
     */
    public Plan writePlan(LioConfig config) {
        byte[] bytes = SaveconfigWriter.write(config).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return Plan.builder("write " + path).writeFile(host, path, bytes, SaveconfigFile.MODE, "root:root", true,
                "LIO configuration (contains CHAP secrets)").build();
    }

    /** Applies {@link #writePlan(LioConfig)} through the executor, holding the lock. {@code lio.write(cfg)} */
    public void write(LioConfig config) {
        lock.hold(executor, () -> writePlan(config).applyTo(executor));
    }

    /** Every LUN of every target on this node, in file order. {@code lio.luns().forEach(System.out::println)} */
    public List<LunEntry> luns() {
        return luns(config());
    }

    /** Every LUN of {@code config}, in file order. {@code Lio.luns(cfg)} */
    public static List<LunEntry> luns(LioConfig config) {
        List<LunEntry> out = new ArrayList<>();
        for (Target t : config.targets()) {
            for (Tpg tpg : t.tpgs()) {
                for (Lun l : tpg.luns()) {
                    Optional<String> dev = config.storageObject(l.storageObject())
                            .filter(s -> s instanceof BlockStorageObject).map(s -> ((BlockStorageObject) s).dev());
                    out.add(new LunEntry(t.wwn(), tpg.tag(), l.index(), l.storageObject(), dev));
                }
            }
        }
        return out;
    }

    /** Plans a LUN sync against the node's current file. {@code lio.planSync(planner, zvols)} */
    public SyncPlan planSync(LunSyncPlanner planner, List<Zvol> zvols) {
        return planner.plan(config(), zvols);
    }

    /**
     * Plans the LUN sync of one TPG, applies it as one targetcli process (nothing runs when there is nothing to
     * do), re-reads the file and verifies that planning again gives nothing. Returns the applied plan (its
     * findings say what was noticed). {@code lio.sync(planner, zvols)}
     *
     * @throws LunSyncIncompleteException when the re-read configuration still needs changes
     */
    public SyncPlan sync(LunSyncPlanner planner, List<Zvol> zvols) {
        return syncWith(cfg -> planner.plan(cfg, zvols));
    }

    /** {@link #sync(LunSyncPlanner, List)} for every iSCSI VLAN of the client target. {@code lio.sync(spec, zvols)} */
    public SyncPlan sync(ClientTargetSpec spec, List<Zvol> zvols) {
        return syncWith(cfg -> spec.planSync(cfg, zvols));
    }

    /**
     * Re-reads the file and checks that the sync needs no further change.
     * {@code lio.verify(planner, zvols)}
     *
     * @throws LunSyncIncompleteException naming what is still to do
     */
    public void verify(LunSyncPlanner planner, List<Zvol> zvols) {
        SyncPlan again = planner.plan(config(), zvols);
        if (!again.isEmpty()) {
            throw new LunSyncIncompleteException(again);
        }
    }

    /**
     * Brings the node to {@code reconciler}'s desired state: under the lock, re-reads the file, plans, applies one
     * targetcli batch, re-reads and verifies. {@code lio.reconcile(LioReconciler.toward(desired))}
     *
     * @throws LunSyncIncompleteException when the re-read configuration still needs changes
     * @throws org.sansdk.lio.reconcile.LioLockedException when another writer held the lock past its bound
     */
    public SyncPlan reconcile(LioReconciler reconciler) {
        return change(reconciler::plan);
    }

    /**
     * Any planned change (CHAP rotation, a Proxmox LUN, a reconcile) under the lock: re-read, plan with
     * {@code planner}, apply as one targetcli process, re-read and check that planning again is empty.
     * {@code lio.change(cfg -> ClientTargetBuilder.reconcileAuth(cfg, spec))}
     *
     * @throws LunSyncIncompleteException when the re-read configuration still needs changes
     * @throws org.sansdk.lio.reconcile.LioLockedException when another writer held the lock past its bound
     */
    public SyncPlan change(java.util.function.Function<LioConfig, SyncPlan> planner) {
        return syncWith(planner);
    }

    private SyncPlan syncWith(java.util.function.Function<LioConfig, SyncPlan> planner) {
        return lock.hold(executor, () -> syncUnderLock(planner));
    }

    private SyncPlan syncUnderLock(java.util.function.Function<LioConfig, SyncPlan> planner) {
        SyncPlan plan = planner.apply(config());
        if (!plan.isEmpty()) {
            plan.toPlan(host).applyTo(executor);
        }
        SyncPlan again = planner.apply(config());
        if (!again.isEmpty()) {
            throw new LunSyncIncompleteException(again);
        }
        return plan;
    }

    private String source() {
        return host.equals(Plan.LOCAL) ? path.toString() : host + ":" + path;
    }

    /** {@code toString}: where this facade reads and writes. */
    @Override
    public String toString() {
        return "Lio[" + host + ":" + path + " via " + executor + ", " + lock + "]";
    }
}
