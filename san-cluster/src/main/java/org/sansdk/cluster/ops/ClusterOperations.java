package org.sansdk.cluster.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.sansdk.cluster.ClusterNode;
import org.sansdk.cluster.SanCluster;
import org.sansdk.cluster.design.Disk;
import org.sansdk.cluster.design.Node;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.cluster.map.DesignMapping;
import org.sansdk.core.Command;
import org.sansdk.core.Executor;
import org.sansdk.core.SanException;
import org.sansdk.core.Size;
import org.sansdk.iscsi.Iscsiadm;
import org.sansdk.iscsi.SessionEntry;
import org.sansdk.lio.design.ClientTargetSpec;
import org.sansdk.lio.sync.SyncPlan;
import org.sansdk.lio.sync.Zvol;
import org.sansdk.pacemaker.Pacemaker;
import org.sansdk.pacemaker.cib.Cib;
import org.sansdk.pacemaker.cib.Group;
import org.sansdk.pacemaker.cib.NvSet;
import org.sansdk.pacemaker.cib.Primitive;
import org.sansdk.pacemaker.cib.Resource;
import org.sansdk.pacemaker.design.SanResourceSet;
import org.sansdk.pacemaker.status.ClusterStatus;
import org.sansdk.pacemaker.status.MonNode;
import org.sansdk.pacemaker.status.MonResource;
import org.sansdk.zfs.DevicePaths;
import org.sansdk.zfs.DeviceState;
import org.sansdk.zfs.ListRow;
import org.sansdk.zfs.PoolNotFoundException;
import org.sansdk.zfs.PoolStatus;
import org.sansdk.zfs.ScanStatus;
import org.sansdk.zfs.Vdev;
import org.sansdk.zfs.Zfs;
import org.sansdk.zfs.Zpool;
import org.sansdk.zfs.ZpoolCommands;

/**
 * The live operations of a {@link SanCluster}, with their bounds: planned failover without pcs, resilver progress,
 * reintegration of a returning storage node, the client target's LUN sync. Each checks first and refuses with
 * {@link OperationRefusedException} naming every reason; nothing is forced. {@code SanCluster}'s
 * {@code plannedFailover}, {@code resilverProgress}, {@code reintegrate} and {@code syncLuns} use the defaults here.
 *
 * <p>The pool's resource is Pacemaker's {@value SanResourceSet#POOL}; the importing node is the storage node whose
 * {@code zpool status} shows the pool (the one Pacemaker runs the pool on is asked first). A leg is found in the pool
 * by the last component of its path: the importing node's own disks by partition label, the peer's by the by-path
 * name of the peer's backend LUN ({@link #legNames}).
 *
 * <pre>{@code
 * FailoverReport r = ClusterOperations.of(cluster).failoverTimeout(Duration.ofMinutes(3))
 *         .plannedFailover("storage-b", FailoverOption.UNSTANDBY_AFTER);
 * }</pre>
 */
public final class ClusterOperations {
    /** How long after {@code zpool online} a new resilver must show before reintegrate says the legs may be stale. */
    static final Duration RESILVER_START_BOUND = Duration.ofSeconds(30);
    private final SanCluster cluster;
    private final Duration poll;
    private final Duration failoverTimeout;
    private final Duration resilverTimeout;
    private final Duration moveLifetime;
    private final org.sansdk.lio.reconcile.LioLock lioLock;

    private ClusterOperations(SanCluster cluster, Duration poll, Duration failoverTimeout, Duration resilverTimeout, Duration moveLifetime) {
        this(cluster, poll, failoverTimeout, resilverTimeout, moveLifetime, org.sansdk.lio.reconcile.LioLock.standard());
    }

    private ClusterOperations(SanCluster cluster, Duration poll, Duration failoverTimeout, Duration resilverTimeout, Duration moveLifetime,
                              org.sansdk.lio.reconcile.LioLock lioLock) {
        this.lioLock = Objects.requireNonNull(lioLock, "lioLock");
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.poll = positive(poll, "poll interval");
        this.failoverTimeout = positive(failoverTimeout, "failover timeout");
        this.resilverTimeout = positive(resilverTimeout, "resilver timeout");
        this.moveLifetime = positive(moveLifetime, "move lifetime");
    }

    /**
     * The operations with the defaults: polls every 200 ms, 120 s for a failover, 6 h for a resilver, 10 min lifetime of
     * a move constraint. Usage: {@code ClusterOperations.of(cluster)}.
     */
    public static ClusterOperations of(SanCluster cluster) {
        return new ClusterOperations(cluster, Duration.ofMillis(200), Duration.ofSeconds(120), Duration.ofHours(6), Duration.ofMinutes(10));
    }

    /** Another poll interval (crm_mon, zpool status). Usage: {@code ops.pollInterval(Duration.ofSeconds(1))}. */
    public ClusterOperations pollInterval(Duration interval) {
        return new ClusterOperations(cluster, interval, failoverTimeout, resilverTimeout, moveLifetime, lioLock);
    }

    /** Another bound for every resource to arrive on the target. Usage: {@code ops.failoverTimeout(Duration.ofMinutes(5))}. */
    public ClusterOperations failoverTimeout(Duration timeout) {
        return new ClusterOperations(cluster, poll, timeout, resilverTimeout, moveLifetime, lioLock);
    }

    /** Another bound for a resilver to finish. Usage: {@code ops.resilverTimeout(Duration.ofHours(12))}. */
    public ClusterOperations resilverTimeout(Duration timeout) {
        return new ClusterOperations(cluster, poll, failoverTimeout, timeout, moveLifetime, lioLock);
    }

    /** Another lifetime of the {@link FailoverOption#MOVE_CONSTRAINT} constraint (whole seconds). Usage: {@code ops.moveLifetime(Duration.ofMinutes(2))}. */
    public ClusterOperations moveLifetime(Duration lifetime) {
        return new ClusterOperations(cluster, poll, failoverTimeout, resilverTimeout, lifetime, lioLock);
    }

    /**
     * Another node-level LIO lock for {@link #syncLuns()} (by default {@code LioLock.standard()}: flock on
     * {@code /run/lock/san-sdk-lio.lock}, 60 s; {@code LioLock.none()} only for dry runs and replay tests).
     * Usage: {@code ops.lioLock(LioLock.standard().waitingAtMost(Duration.ofSeconds(10)))}.
     */
    public ClusterOperations lioLock(org.sansdk.lio.reconcile.LioLock lock) {
        return new ClusterOperations(cluster, poll, failoverTimeout, resilverTimeout, moveLifetime, lock);
    }

    private static Duration positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
        return d;
    }

    // ------------------------------------------------------------------ planned failover

    /**
     * What would refuse a planned failover to {@code toNode} now (empty when it is safe): the target online, not
     * UNCLEAN, not in standby or maintenance; quorum held; no failed resource or failed action; stonith-enabled true
     * and for each storage node a fencing device that is not disabled (target-role Stopped); the pool resource running on one node; the pool imported and not
     * resilvering (unless {@link FailoverOption#EVEN_IF_RESILVERING}). Usage: {@code ops.failoverChecks("storage-b")}.
     *
     * @throws org.sansdk.cluster.UnknownNodeException when the design has no such node
     */
    public List<Refusal> failoverChecks(String toNode, FailoverOption... options) {
        return failoverChecks(toNode, set(options), new ArrayList<>());
    }

    private List<Refusal> failoverChecks(String toNode, Set<FailoverOption> options, List<ClusterStatus> seen) {
        List<Refusal> out = new ArrayList<>();
        ClusterNode target = cluster.node(toNode);
        if (!target.design().isStorage()) {
            out.add(new Refusal(Refusal.Reason.NOT_A_STORAGE_NODE, toNode + " is a " + target.role() + " node"));
            return out;
        }
        Optional<Seen> st = status(toNode);
        if (st.isEmpty()) {
            out.add(new Refusal(Refusal.Reason.STATUS_UNAVAILABLE, "crm_mon answered on no node"));
            return out;
        }
        ClusterStatus s = st.get().status;
        seen.add(s);
        nodeChecks(s, toNode, out, true);
        quorumAndFailures(s, out);
        fencingChecks(s, st.get().node, out);
        List<String> pool = s.runningOn(SanResourceSet.POOL);
        if (pool.size() != 1) {
            out.add(new Refusal(Refusal.Reason.POOL_RESOURCE_PLACEMENT, SanResourceSet.POOL + " runs on " + pool + " (crm_mon)"));
        }
        Optional<Imported> imp = imported(pool);
        if (imp.isEmpty()) {
            out.add(new Refusal(Refusal.Reason.POOL_NOT_IMPORTED, "no storage node shows pool " + poolName() + " in zpool status"));
        } else {
            ResilverProgress p = ResilverProgress.of(poolName(), imp.get().node, imp.get().status);
            if (p.resilvering() && !options.contains(FailoverOption.EVEN_IF_RESILVERING)) {
                out.add(new Refusal(Refusal.Reason.POOL_RESILVERING, p.describe() + " (zpool status on " + imp.get().node + ")"));
            }
            // the target imports with its own legs: a stale or missing copy there (a node back but not reintegrated)
            // would be imported as the pool's truth, or the import would rest on the session to the source alone
            if (!toNode.equals(imp.get().node)) {
                List<String> stale = new ArrayList<>();
                for (String leg : legNames(design(), toNode, imp.get().node)) {
                    DeviceState state = leaf(imp.get().status, leg).map(Vdev::state).orElse(DeviceState.UNAVAIL);
                    if (state != DeviceState.ONLINE) {
                        stale.add(leg + "=" + state);
                    }
                }
                if (!stale.isEmpty()) {
                    out.add(new Refusal(Refusal.Reason.TARGET_LEGS_NOT_ONLINE, toNode + "'s legs are not all ONLINE in " + poolName()
                            + " on " + imp.get().node + ": " + stale + " (reintegrate " + toNode + " first; zpool status -P -v)"));
                }
                // after the move the target reaches the source's disks only through its backend session
                sessionCheck(toNode, imp.get().node, out);
            }
        }
        return out;
    }

    /**
     * Moves every resource to {@code toNode} without pcs: checks ({@link #failoverChecks}), then puts the node running the
     * pool in standby ({@code crm_attribute}; or {@link FailoverOption#MOVE_CONSTRAINT}: {@code crm_resource --move} of the
     * pool with a lifetime, cleared afterwards), follows crm_mon until every non-fencing resource runs on the target or
     * the bound passes, and takes the source out of standby when asked ({@link FailoverOption#UNSTANDBY_AFTER}).
     * Usage: {@code ops.plannedFailover("storage-b", FailoverOption.UNSTANDBY_AFTER).describe()}.
     *
     * @throws OperationRefusedException naming every reason when it is not safe now (nothing was changed)
     */
    public FailoverReport plannedFailover(String toNode, FailoverOption... options) {
        Set<FailoverOption> opts = set(options);
        List<ClusterStatus> seen = new ArrayList<>();
        List<Refusal> refusals = failoverChecks(toNode, opts, seen);
        if (!refusals.isEmpty()) {
            throw new OperationRefusedException("planned failover to " + toNode, refusals);
        }
        ClusterStatus before = seen.get(0);
        String from = before.runningOn(SanResourceSet.POOL).get(0);
        boolean move = opts.contains(FailoverOption.MOVE_CONSTRAINT);
        String method = move ? "move constraint" : "standby";
        List<OperationStep> steps = new ArrayList<>();
        long t0 = System.nanoTime();
        // wait only for what can move: the resources running on the source alone (a disabled resource never starts
        // anywhere, a clone instance runs on both nodes already)
        List<String> resources = services(before).stream().filter(r -> before.runningOn(r).equals(List.of(from))).toList();
        if (from.equals(toNode)) {
            steps.add(new OperationStep("checked", "everything already runs on " + toNode + ": nothing to move", since(t0)));
            return new FailoverReport(from, toNode, method, steps, Map.of(), List.of(), since(t0));
        }
        steps.add(new OperationStep("checked", "safe: " + toNode + " online, quorum, no failures, fencing on, pool not resilvering; "
                + resources.size() + " resources on " + from, since(t0)));
        Pacemaker pm = Pacemaker.on(cluster.node(toNode).executor());
        t0 = System.nanoTime();
        if (move) {
            pm.crmMove(SanResourceSet.POOL, toNode, moveLifetime);
            steps.add(new OperationStep("move", String.join(" ", pm.crm().move(SanResourceSet.POOL, toNode, moveLifetime).argv()), since(t0)));
        } else {
            pm.crmStandby(from);
            steps.add(new OperationStep("standby", String.join(" ", pm.crm().standby(from).argv()), since(t0)));
        }
        Map<String, Duration> arrivals = new LinkedHashMap<>();
        long deadline = t0 + failoverTimeout.toNanos();
        while (true) {
            ClusterStatus s = statusOrNull(toNode);
            if (s != null) {
                for (String r : resources) {
                    if (!arrivals.containsKey(r) && s.runningOn(r).equals(List.of(toNode)) && !failed(s, r)) {
                        Duration at = since(t0);
                        arrivals.put(r, at);
                        steps.add(new OperationStep("arrived", r + " started on " + toNode, at));
                    }
                }
            }
            if (arrivals.size() == resources.size() || System.nanoTime() > deadline) {
                break;
            }
            sleep(poll);
        }
        Duration total = arrivals.size() == resources.size() ? arrivals.values().stream().max(Duration::compareTo).orElse(Duration.ZERO)
                : since(t0);
        List<String> missing = resources.stream().filter(r -> !arrivals.containsKey(r)).toList();
        if (!missing.isEmpty()) {
            steps.add(new OperationStep("timeout", "not on " + toNode + " after " + failoverTimeout.toSeconds() + " s: " + missing, since(t0)));
        }
        if (move) {
            pm.crmClear(SanResourceSet.POOL);
            steps.add(new OperationStep("clear", String.join(" ", pm.crm().clear(SanResourceSet.POOL).argv())
                    + " (resource-stickiness keeps the resources on " + toNode + ")", since(t0)));
        } else if (opts.contains(FailoverOption.UNSTANDBY_AFTER)) {
            pm.crmUnstandby(from);
            steps.add(new OperationStep("unstandby", String.join(" ", pm.crm().unstandby(from).argv())
                    + " (resource-stickiness keeps the resources on " + toNode + ")", since(t0)));
        }
        return new FailoverReport(from, toNode, method, steps, arrivals, missing, total);
    }

    // ------------------------------------------------------------------ resilver

    /**
     * The pool's scan state from the node that imports it. Usage: {@code ops.resilverProgress().describe()}.
     *
     * @throws OperationRefusedException when no storage node shows the pool
     */
    public ResilverProgress resilverProgress() {
        Optional<Seen> st = status(cluster.storageNodes().get(0).name());
        Optional<Imported> imp = imported(st.map(x -> x.status.runningOn(SanResourceSet.POOL)).orElse(List.of()));
        if (imp.isEmpty()) {
            throw new OperationRefusedException("resilver progress", List.of(new Refusal(Refusal.Reason.POOL_NOT_IMPORTED,
                    "no storage node shows pool " + poolName() + " in zpool status")));
        }
        return ResilverProgress.of(poolName(), imp.get().node, imp.get().status);
    }

    // ------------------------------------------------------------------ reintegrate

    /**
     * Brings a returning storage node's legs back into the pool on the survivor and holds failback. Checks first: the
     * node online and not UNCLEAN in Pacemaker; the pool resource on the survivor and the pool imported there;
     * resource-stickiness above zero (so nothing fails back on its own); the node's backend session to the survivor's
     * target and the survivor's session to the node's target logged in ({@code iscsiadm -m session} on each); each of
     * the node's legs in the pool. Then {@code zpool online} of exactly those legs that are not ONLINE, {@code zpool
     * clear} of those legs that show errors, the resilver followed to its end (bounded), and a last look that the
     * resources stayed on the survivor. Usage: {@code ops.reintegrate("storage-b").describe()}.
     *
     * @throws OperationRefusedException naming every reason (nothing was changed)
     * @throws SanException              when the resilver does not finish within the bound (the report so far in the message)
     */
    public ReintegrationReport reintegrate(String node) {
        ClusterNode returning = cluster.node(node);
        List<Refusal> out = new ArrayList<>();
        if (!returning.design().isStorage()) {
            throw new OperationRefusedException("reintegrate " + node, List.of(new Refusal(Refusal.Reason.NOT_A_STORAGE_NODE,
                    node + " is a " + returning.role() + " node")));
        }
        String survivor = design().peerOf(node).orElseThrow().name();
        long t0 = System.nanoTime();
        List<OperationStep> steps = new ArrayList<>();
        Optional<Seen> st = status(survivor);
        if (st.isEmpty()) {
            throw new OperationRefusedException("reintegrate " + node, List.of(new Refusal(Refusal.Reason.STATUS_UNAVAILABLE,
                    "crm_mon answered on no node")));
        }
        ClusterStatus s = st.get().status;
        nodeChecks(s, node, out, false);
        List<String> pool = s.runningOn(SanResourceSet.POOL);
        if (!pool.equals(List.of(survivor))) {
            out.add(new Refusal(Refusal.Reason.POOL_RESOURCE_PLACEMENT, SanResourceSet.POOL + " runs on " + pool + ", not on the survivor "
                    + survivor + " (crm_mon)"));
        }
        Optional<String> stickiness = stickiness(st.get().node);
        if (!stickiness.map(ClusterOperations::positiveInt).orElse(false)) {
            out.add(new Refusal(Refusal.Reason.NO_STICKINESS, "rsc_defaults resource-stickiness is " + stickiness.orElse("not set")
                    + " (cibadmin -Q): resources could fail back to " + node + " on their own"));
        }
        sessionCheck(node, survivor, out);
        sessionCheck(survivor, node, out);
        if (poolStatus(node).isPresent()) {
            // the returning node imports the pool itself: two imports of one pool; nothing may be onlined now
            out.add(new Refusal(Refusal.Reason.POOL_RESOURCE_PLACEMENT, "zpool status on the returning node " + node + " shows pool "
                    + poolName() + " imported there as well"));
        }
        Optional<PoolStatus> ps = poolStatus(survivor);
        List<String> wanted = legNames(design(), node, survivor);
        List<Vdev> legs = new ArrayList<>();
        if (ps.isEmpty()) {
            out.add(new Refusal(Refusal.Reason.POOL_NOT_IMPORTED, "zpool status on " + survivor + " shows no pool " + poolName()));
        } else {
            for (String w : wanted) {
                Optional<Vdev> v = leaf(ps.get(), w);
                if (v.isEmpty()) {
                    out.add(new Refusal(Refusal.Reason.LEG_NOT_IN_POOL, node + "'s leg " + w + " is not in pool " + poolName() + " on " + survivor));
                } else {
                    legs.add(v.get());
                }
            }
        }
        if (!out.isEmpty()) {
            throw new OperationRefusedException("reintegrate " + node, out);
        }
        steps.add(new OperationStep("checked", node + " online; sessions " + node + "<->" + survivor + " logged in; resource-stickiness "
                + stickiness.orElseThrow() + "; legs " + legs.stream().map(v -> v.name() + "=" + v.state()).toList(), since(t0)));
        Zpool zpool = Zpool.on(cluster.node(survivor).executor());
        List<String> onlined = new ArrayList<>();
        for (Vdev v : legs) {
            if (v.state() != DeviceState.ONLINE) {
                Command c = ZpoolCommands.online(poolName(), v.name());
                zpool.run(c);
                onlined.add(v.name());
                steps.add(new OperationStep("zpool online", String.join(" ", c.argv()) + " (was " + v.state() + ")", since(t0)));
            }
        }
        if (onlined.isEmpty()) {
            steps.add(new OperationStep("zpool online", "every leg of " + node + " is ONLINE already", since(t0)));
        }
        PoolStatus now = poolStatus(survivor).orElseThrow(() -> new SanException("pool " + poolName() + " vanished from " + survivor));
        List<String> cleared = new ArrayList<>();
        for (String w : wanted) {
            Optional<Vdev> v = leaf(now, w);
            if (v.isPresent() && v.get().errors().map(e -> e.total() > 0).orElse(false)) {
                Command c = ZpoolCommands.clear(poolName(), v.get().name());
                zpool.run(c);
                cleared.add(v.get().name());
                steps.add(new OperationStep("zpool clear", String.join(" ", c.argv()) + " (errors " + v.get().errors().get() + ")", since(t0)));
            }
        }
        long deadline = System.nanoTime() + resilverTimeout.toNanos();
        ResilverProgress p = ResilverProgress.of(poolName(), survivor, now);
        // OpenZFS starts the resilver a txg after zpool online/clear (or defers it): a first read can still show the
        // previous scan with the legs ONLINE while their data is stale. Wait (bounded) until a new scan shows.
        boolean newScanSeen = onlined.isEmpty() && cleared.isEmpty();
        String scanBefore = ps.get().scan().map(ScanStatus::describe).orElse("");
        Duration startWait = RESILVER_START_BOUND.compareTo(resilverTimeout) < 0 ? RESILVER_START_BOUND : resilverTimeout;
        long startBound = System.nanoTime() + startWait.toNanos();
        while (!newScanSeen) {
            String scanNow = now.scan().map(ScanStatus::describe).orElse("");
            if (p.resilvering() || !scanNow.equals(scanBefore)) {
                newScanSeen = true;
                break;
            }
            if (System.nanoTime() > startBound) {
                break;
            }
            sleep(poll);
            now = poolStatus(survivor).orElseThrow(() -> new SanException("pool " + poolName() + " vanished from " + survivor));
            p = ResilverProgress.of(poolName(), survivor, now);
        }
        if (!newScanSeen) {
            steps.add(new OperationStep("resilver", "no resilver seen within " + startWait.toMillis() / 1000.0 + " s of zpool online: "
                    + node + "'s legs may still be stale (zpool status -v " + poolName() + " on " + survivor + ")", since(t0)));
        }
        String last = "";
        while (p.resilvering()) {
            String d = p.describe();
            if (!d.equals(last)) {
                steps.add(new OperationStep("resilver", d, since(t0)));
                last = d;
            }
            if (System.nanoTime() > deadline) {
                throw new SanException("reintegrate " + node + ": the resilver did not finish within " + resilverTimeout + ": " + d);
            }
            sleep(poll);
            now = poolStatus(survivor).orElseThrow(() -> new SanException("pool " + poolName() + " vanished from " + survivor));
            p = ResilverProgress.of(poolName(), survivor, now);
        }
        steps.add(new OperationStep("resilver", p.describe(), since(t0)));
        List<DeviceState> finalLegs = new ArrayList<>();
        for (String w : wanted) {
            finalLegs.add(leaf(now, w).map(Vdev::state).orElse(DeviceState.UNAVAIL));
        }
        ClusterStatus after = statusOrNull(survivor);
        List<String> where = after == null ? List.of() : after.runningOn(SanResourceSet.POOL);
        steps.add(new OperationStep("failback held", "no move requested; " + SanResourceSet.POOL + " runs on " + where
                + " (resource-stickiness " + stickiness.get() + ")", since(t0)));
        return new ReintegrationReport(node, survivor, steps, onlined, cleared, finalLegs, now.state(), p, newScanSeen);
    }

    // ------------------------------------------------------------------ LUN sync

    /**
     * The client target's LUN sync on the node that runs the pool. Usage: {@code ops.syncLuns().plan().describe()}.
     *
     * @throws OperationRefusedException when the pool runs nowhere or the design has no client target
     */
    public LunSyncReport syncLuns() {
        Optional<Seen> st = status(cluster.storageNodes().get(0).name());
        List<String> pool = st.map(x -> x.status.runningOn(SanResourceSet.POOL)).orElse(List.of());
        if (pool.size() != 1) {
            throw new OperationRefusedException("LUN sync", List.of(new Refusal(st.isEmpty() ? Refusal.Reason.STATUS_UNAVAILABLE
                    : Refusal.Reason.POOL_RESOURCE_PLACEMENT, SanResourceSet.POOL + " runs on " + pool)));
        }
        return syncLuns(pool.get(0));
    }

    /**
     * The client target's LUN sync on {@code node} through san-lio ({@code Lio.sync(spec, zvols)}, one targetcli batch,
     * re-read and verified), with the zvols {@code zfs list -t volume} shows there. Refused unless Pacemaker runs the
     * pool on that node and its zpool status shows the pool. Usage: {@code ops.syncLuns("storage-a")}.
     *
     * @throws OperationRefusedException naming every reason (nothing was changed)
     */
    public LunSyncReport syncLuns(String node) {
        ClusterNode n = cluster.node(node);
        List<Refusal> out = new ArrayList<>();
        long t0 = System.nanoTime();
        Optional<ClientTargetSpec> spec = DesignMapping.of(design()).clientTarget();
        if (spec.isEmpty()) {
            out.add(new Refusal(Refusal.Reason.NO_CLIENT_TARGET, "no client VLAN of the design offers iscsi"));
        }
        Optional<Seen> st = status(node);
        if (st.isEmpty()) {
            out.add(new Refusal(Refusal.Reason.STATUS_UNAVAILABLE, "crm_mon answered on no node"));
        } else if (!st.get().status.runningOn(SanResourceSet.POOL).equals(List.of(node))) {
            out.add(new Refusal(Refusal.Reason.POOL_RESOURCE_PLACEMENT, SanResourceSet.POOL + " runs on "
                    + st.get().status.runningOn(SanResourceSet.POOL) + ", not on " + node + " (crm_mon)"));
        }
        if (n.design().isStorage() && poolStatus(node).isEmpty()) {
            out.add(new Refusal(Refusal.Reason.POOL_NOT_IMPORTED, "zpool status on " + node + " shows no pool " + poolName()));
        } else if (!n.design().isStorage()) {
            out.add(new Refusal(Refusal.Reason.NOT_A_STORAGE_NODE, node + " is a " + n.role() + " node"));
        }
        if (!out.isEmpty()) {
            throw new OperationRefusedException("LUN sync on " + node, out);
        }
        List<OperationStep> steps = new ArrayList<>();
        steps.add(new OperationStep("checked", SanResourceSet.POOL + " runs on " + node + " and the pool is imported there", since(t0)));
        List<Zvol> zvols = new ArrayList<>();
        for (ListRow r : Zfs.on(n.executor()).list(List.of("name", "volsize"), "volume", poolName())) {
            long size = r.bytes("volsize").orElseThrow(() -> new SanException("zfs list: no volsize for " + r.name()));
            zvols.add(Zvol.of(r.name(), Size.ofBytes(size)));
        }
        steps.add(new OperationStep("zfs list", zvols.size() + " zvols under " + poolName(), since(t0)));
        SyncPlan plan = n.lio().lock(lioLock).sync(spec.orElseThrow(), zvols);
        steps.add(new OperationStep("lio sync", plan.isEmpty() ? "in sync already" : plan.changes().size() + " changes applied in one targetcli batch, "
                + "re-read and verified", since(t0)));
        return new LunSyncReport(node, zvols, plan, steps);
    }

    // ------------------------------------------------------------------ leg naming

    /**
     * The names (last path component) under which {@code importingNode}'s zpool shows {@code legNode}'s legs, in design
     * order: its own disks by partition label ({@code /dev/disk/by-partlabel/LABEL}), the peer's by the by-path name of
     * the peer's backend LUN, partition 1 ({@code ip-ADDR:3260-iscsi-IQN-lun-N-part1}).
     * Usage: {@code ClusterOperations.legNames(design, "storage-b", "storage-a")}.
     */
    public static List<String> legNames(SanDesign design, String legNode, String importingNode) {
        Node n = design.node(legNode).orElseThrow(() -> new SanException("no node " + legNode + " in the design"));
        List<String> out = new ArrayList<>();
        if (legNode.equals(importingNode)) {
            for (Disk d : n.disks()) {
                out.add(d.partlabel());
            }
            return out;
        }
        DesignMapping m = DesignMapping.of(design);
        if (!m.peer(importingNode).name().equals(legNode)) {
            throw new SanException(legNode + " is not the peer of " + importingNode);
        }
        for (int i = 0; i < n.disks().size(); i++) {
            out.add(m.remoteLeg(importingNode, i).name());
        }
        return out;
    }

    // ------------------------------------------------------------------ helpers

    private record Seen(String node, ClusterStatus status) {
    }

    private record Imported(String node, PoolStatus status) {
    }

    private SanDesign design() {
        return cluster.design();
    }

    private String poolName() {
        return design().pool().name();
    }

    private static Set<FailoverOption> set(FailoverOption... options) {
        Set<FailoverOption> s = EnumSet.noneOf(FailoverOption.class);
        for (FailoverOption o : options) {
            s.add(Objects.requireNonNull(o, "option"));
        }
        return s;
    }

    /** crm_mon from {@code first}, else from the other nodes in design order. */
    private Optional<Seen> status(String first) {
        List<String> order = new ArrayList<>();
        order.add(first);
        cluster.nodes().forEach(n -> {
            if (!order.contains(n.name())) {
                order.add(n.name());
            }
        });
        for (String n : order) {
            ClusterStatus s = statusOrNull(n);
            if (s != null) {
                return Optional.of(new Seen(n, s));
            }
        }
        return Optional.empty();
    }

    private ClusterStatus statusOrNull(String node) {
        try {
            return Pacemaker.on(cluster.node(node).executor()).status();
        } catch (SanException e) {
            return null;
        }
    }

    private static void nodeChecks(ClusterStatus s, String node, List<Refusal> out, boolean target) {
        Optional<MonNode> n = s.node(node);
        if (n.isEmpty() || !n.get().online()) {
            out.add(new Refusal(Refusal.Reason.NODE_OFFLINE, node + " is not online (crm_mon)"));
        }
        if (n.isPresent() && n.get().unclean()) {
            out.add(new Refusal(Refusal.Reason.NODE_UNCLEAN, node + " is UNCLEAN (crm_mon)"));
        }
        if (target && n.isPresent() && n.get().standby()) {
            out.add(new Refusal(Refusal.Reason.NODE_STANDBY, node + " is in standby (crm_mon)"));
        }
        if (target && n.isPresent() && n.get().maintenance()) {
            out.add(new Refusal(Refusal.Reason.NODE_MAINTENANCE, node + " is in maintenance (crm_mon)"));
        }
    }

    private static void quorumAndFailures(ClusterStatus s, List<Refusal> out) {
        if (s.summary().map(x -> !x.withQuorum()).orElse(true)) {
            out.add(new Refusal(Refusal.Reason.NO_QUORUM, "the partition has no quorum (crm_mon summary)"));
        }
        List<String> failed = new ArrayList<>();
        s.failures().forEach(f -> failed.add(f.opKey() + " on " + f.node() + " (" + f.exitStatus() + ")"));
        s.primitives().stream().filter(MonResource::failed).forEach(r -> failed.add(r.id() + " failed on " + r.nodes()));
        if (!failed.isEmpty()) {
            out.add(new Refusal(Refusal.Reason.FAILED_RESOURCES, String.join("; ", failed) + " (crm_mon)"));
        }
    }

    private void fencingChecks(ClusterStatus s, String from, List<Refusal> out) {
        String enabled = s.summary().map(x -> x.clusterOptions().get("stonith-enabled")).orElse(null);
        if (!"true".equals(enabled)) {
            out.add(new Refusal(Refusal.Reason.FENCING_DISABLED, "stonith-enabled is " + enabled + " (crm_mon cluster options)"));
        }
        Cib cib;
        try {
            cib = Pacemaker.on(cluster.node(from).executor()).cib();
        } catch (SanException e) {
            out.add(new Refusal(Refusal.Reason.NO_FENCING_DEVICE, "the CIB could not be read on " + from + ": " + e.getMessage()));
            return;
        }
        for (ClusterNode n : cluster.storageNodes()) {
            List<Primitive> devices = primitives(cib).stream().filter(p -> p.isFencingDevice() && SanResourceSet.fencedNodes(p).contains(n.name()))
                    .toList();
            if (devices.isEmpty()) {
                out.add(new Refusal(Refusal.Reason.NO_FENCING_DEVICE, "no stonith primitive lists " + n.name()
                        + " in pcmk_host_list or pcmk_host_map (cibadmin -Q)"));
            } else if (devices.stream().allMatch(ClusterOperations::stopped)) {
                out.add(new Refusal(Refusal.Reason.NO_FENCING_DEVICE, "every fencing device of " + n.name() + " "
                        + devices.stream().map(Primitive::id).toList() + " has target-role Stopped (cibadmin -Q)"));
            }
        }
    }

    private static boolean stopped(Primitive p) {
        return NvSet.lookup(p.metaAttributes(), "target-role").map(v -> v.equalsIgnoreCase("Stopped")).orElse(false);
    }

    private static List<Primitive> primitives(Cib cib) {
        List<Primitive> out = new ArrayList<>();
        for (Resource r : cib.configuration().resources()) {
            if (r instanceof Primitive p) {
                out.add(p);
            } else if (r instanceof Group g) {
                out.addAll(g.members());
            }
        }
        return out;
    }

    private Optional<String> stickiness(String from) {
        try {
            List<NvSet> sets = Pacemaker.on(cluster.node(from).executor()).cib().configuration().rscDefaults();
            return NvSet.lookup(sets, "resource-stickiness");
        } catch (SanException e) {
            return Optional.empty();
        }
    }

    private static boolean positiveInt(String v) {
        String t = v.trim().toUpperCase(java.util.Locale.ROOT);
        if (t.equals("INFINITY") || t.equals("+INFINITY")) {
            return true;
        }
        try {
            return Long.parseLong(t) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void sessionCheck(String initiatorNode, String targetNode, List<Refusal> out) {
        DesignMapping m = DesignMapping.of(design());
        String iqn = design().node(targetNode).orElseThrow().backendTargetIqn().orElseThrow().toString();
        String address = m.backendPortal(targetNode).address();
        Executor x = cluster.node(initiatorNode).executor();
        try {
            List<SessionEntry> sessions = Iscsiadm.on(x).sessions().sessions();
            boolean in = sessions.stream().anyMatch(e -> e.target().equals(iqn) && e.portal().address().equals(address));
            if (!in) {
                out.add(new Refusal(Refusal.Reason.ISCSI_SESSION_MISSING, initiatorNode + " has no session to " + iqn + " at " + address
                        + " (iscsiadm -m session: " + sessions.size() + " sessions)"));
            }
        } catch (SanException e) {
            out.add(new Refusal(Refusal.Reason.ISCSI_SESSION_MISSING, "iscsiadm -m session on " + initiatorNode + " failed: " + e.getMessage()));
        }
    }

    /** The importing node: the node Pacemaker runs the pool on first, then the other storage nodes. */
    private Optional<Imported> imported(List<String> poolNodes) {
        List<String> order = new ArrayList<>(poolNodes.stream().filter(n -> design().node(n).map(Node::isStorage).orElse(false)).toList());
        cluster.storageNodes().forEach(n -> {
            if (!order.contains(n.name())) {
                order.add(n.name());
            }
        });
        for (String n : order) {
            Optional<PoolStatus> p = poolStatus(n);
            if (p.isPresent()) {
                return Optional.of(new Imported(n, p.get()));
            }
        }
        return Optional.empty();
    }

    /** {@code zpool status -P -v POOL}; without {@code -P} where zpool has no such option (zfs-fuse); empty when not imported there. */
    private Optional<PoolStatus> poolStatus(String node) {
        Zpool z = Zpool.on(cluster.node(node).executor());
        try {
            return Optional.of(z.status(poolName(), DevicePaths.FULL));
        } catch (PoolNotFoundException e) {
            return Optional.empty();
        } catch (SanException e) {
            try {
                return Optional.of(z.status(poolName(), DevicePaths.SHORT));
            } catch (SanException again) {
                return Optional.empty();
            }
        }
    }

    private static Optional<Vdev> leaf(PoolStatus p, String lastComponent) {
        return p.root().flatMap(r -> r.leaves().filter(v -> last(v.name()).equals(lastComponent)).findFirst());
    }

    private static String last(String path) {
        int i = path.lastIndexOf('/');
        return i < 0 ? path : path.substring(i + 1);
    }

    private static List<String> services(ClusterStatus s) {
        return s.primitives().stream().filter(r -> !r.agent().map(a -> a.startsWith("stonith:")).orElse(false)).map(MonResource::id)
                .distinct().toList();
    }

    private static boolean failed(ClusterStatus s, String rsc) {
        return s.primitives().stream().anyMatch(r -> r.id().equals(rsc) && r.failed());
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SanException("interrupted while waiting", e);
        }
    }
}
