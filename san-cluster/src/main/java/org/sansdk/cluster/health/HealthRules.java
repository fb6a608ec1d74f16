package org.sansdk.cluster.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.sansdk.cluster.design.Disk;
import org.sansdk.cluster.design.Node;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.cluster.design.ZvolSpec;
import org.sansdk.cluster.health.ClusterHealth.CorosyncView;
import org.sansdk.cluster.health.ClusterHealth.FenceAction;
import org.sansdk.cluster.health.ClusterHealth.Leg;
import org.sansdk.cluster.health.ClusterHealth.LinkPeer;
import org.sansdk.cluster.health.ClusterHealth.LioView;
import org.sansdk.cluster.health.ClusterHealth.NodeHealth;
import org.sansdk.cluster.health.ClusterHealth.NodeState;
import org.sansdk.cluster.health.ClusterHealth.PacemakerNode;
import org.sansdk.cluster.health.ClusterHealth.PacemakerView;
import org.sansdk.cluster.health.ClusterHealth.PoolPresence;
import org.sansdk.cluster.health.ClusterHealth.PoolView;
import org.sansdk.cluster.health.ClusterHealth.ResourceFailure;
import org.sansdk.cluster.health.ClusterHealth.ResourcePlacement;
import org.sansdk.cluster.health.ClusterHealth.ScanProgress;
import org.sansdk.cluster.health.ClusterHealth.Session;
import org.sansdk.cluster.health.HealthGatherer.NodeReads;
import org.sansdk.cluster.health.HealthGatherer.Read;
import org.sansdk.core.Command;
import org.sansdk.corosync.CfgStatus;
import org.sansdk.corosync.QuorumMember;
import org.sansdk.corosync.QuorumStatus;
import org.sansdk.iscsi.ByPath;
import org.sansdk.iscsi.SessionEntry;
import org.sansdk.lio.BlockStorageObject;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.Lun;
import org.sansdk.lio.Target;
import org.sansdk.lio.Tpg;
import org.sansdk.pacemaker.design.SanResourceSet;
import org.sansdk.pacemaker.status.ClusterStatus;
import org.sansdk.pacemaker.status.Failure;
import org.sansdk.pacemaker.status.FenceEvent;
import org.sansdk.pacemaker.status.MonNode;
import org.sansdk.pacemaker.status.MonResource;
import org.sansdk.zfs.DeviceState;
import org.sansdk.zfs.PoolStatus;
import org.sansdk.zfs.ScanStatus;
import org.sansdk.zfs.Vdev;

/** Turns what each node answered into {@link ClusterHealth}: the views and the findings. Pure: no I/O. */
final class HealthRules {
    private final SanDesign design;
    private final Map<String, NodeReads> reads;
    private final List<Finding> findings = new ArrayList<>();

    private HealthRules(SanDesign design, Map<String, NodeReads> reads) {
        this.design = design;
        this.reads = reads;
    }

    static ClusterHealth evaluate(SanDesign design, Instant started, Map<String, NodeReads> reads) {
        return new HealthRules(design, reads).run(started);
    }

    private void add(Severity s, String code, String node, String message, Command command) {
        findings.add(new Finding(s, code, node, message, command));
    }

    private ClusterHealth run(Instant started) {
        List<NodeHealth> nodes = new ArrayList<>();
        for (NodeReads r : reads.values()) {
            String name = r.node.name();
            if (!r.reachable) {
                add(r.node.design().isStorage() ? Severity.CRITICAL : Severity.WARNING, "NODE-UNREACHABLE", name,
                        name + " could not be reached through its executor: " + r.unreachableWhy, r.unreachableCommand);
                nodes.add(new NodeHealth(name, r.node.role(), false, Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty()));
                continue;
            }
            unreadable(name, "crm_mon", r.crmMon);
            unreadable(name, "corosync quorum", r.quorum);
            unreadable(name, "corosync links", r.links);
            unreadable(name, "the pool", r.pool);
            unreadable(name, "iSCSI sessions", r.sessions);
            unreadable(name, "the LIO configuration", r.lio);
            Optional<CorosyncView> corosync = Optional.empty();
            if (r.quorum != null && r.quorum.ok()) {
                corosync = Optional.of(corosyncView(r.quorum.value(), r.links != null && r.links.ok() ? r.links.value() : null));
            }
            Optional<PoolPresence> pool = r.pool != null && r.pool.ok() ? Optional.of(new PoolPresence(r.pool.value() != null))
                    : Optional.empty();
            Optional<List<Session>> sessions = r.sessions != null && r.sessions.ok()
                    ? Optional.of(r.sessions.value().sessions().stream().map(HealthRules::session).toList()) : Optional.empty();
            Optional<LioView> lio = r.lio != null && r.lio.ok() ? Optional.of(lioView(r.lio.value())) : Optional.empty();
            nodes.add(new NodeHealth(name, r.node.role(), true, corosync, pool, sessions, lio));
        }
        Optional<PacemakerView> pacemaker = pacemaker();
        quorum();
        links();
        Optional<PoolView> pool = pool(pacemaker);
        sessions();
        lio(pool, pacemaker);
        return new ClusterHealth(design.clusterName(), started, nodes, pacemaker, pool, findings);
    }

    private void unreadable(String node, String what, Read<?> read) {
        if (read != null && !read.ok()) {
            add(Severity.WARNING, "SOURCE-UNREADABLE", node, what + " could not be read on " + node + ": " + read.error(),
                    read.command());
        }
    }

    // ------------------------------------------------------------------ Pacemaker

    private Optional<PacemakerView> pacemaker() {
        NodeReads chosen = null;
        for (NodeReads r : reads.values()) {
            if (r.reachable && r.crmMon != null && r.crmMon.ok()) {
                boolean quorate = r.crmMon.value().summary().map(s -> s.withQuorum()).orElse(false);
                if (chosen == null || quorate && !chosen.crmMon.value().summary().map(s -> s.withQuorum()).orElse(false)) {
                    chosen = r;
                }
            }
        }
        if (chosen == null) {
            add(Severity.CRITICAL, "SOURCE-UNREADABLE", "", "no node's crm_mon could be read: Pacemaker's view is unknown",
                    HealthGatherer.CRM_MON);
            return Optional.empty();
        }
        String from = chosen.node.name();
        ClusterStatus s = chosen.crmMon.value();
        Command cmd = chosen.crmMon.command();
        boolean quorate = s.summary().map(x -> x.withQuorum()).orElse(false);
        Optional<String> dc = s.summary().filter(x -> x.dcPresent() && x.dcName() != null && !x.dcName().isEmpty())
                .map(x -> x.dcName());
        if (dc.isEmpty()) {
            add(Severity.WARNING, "NO-DC", from, "crm_mon on " + from + " reports no designated controller", cmd);
        }
        if (!quorate) {
            add(Severity.CRITICAL, "QUORUM-LOST", from, "Pacemaker on " + from + " runs without quorum: resources are stopped"
                    + " (no-quorum-policy " + s.summary().map(x -> x.clusterOptions().getOrDefault("no-quorum-policy", "?"))
                    .orElse("?") + ")", cmd);
        }
        // fencing is what makes a takeover safe: without it a lost storage node is never fenced and its pool is
        // never imported elsewhere (or, worse, imported by hand without a confirmed fence)
        String stonith = s.summary().map(x -> x.clusterOptions().get("stonith-enabled")).orElse(null);
        if (!"true".equals(stonith)) {
            add(Severity.CRITICAL, "FENCING-DISABLED", from, "stonith-enabled is " + (stonith == null ? "not reported" : stonith)
                    + ": a lost storage node will not be fenced, so its pool cannot be taken over safely", cmd);
        }
        List<PacemakerNode> nodes = new ArrayList<>();
        for (MonNode n : s.nodes()) {
            NodeState st = state(n);
            nodes.add(new PacemakerNode(n.name(), nz(n.type()), st, n.online(), n.standby(), n.standbyOnFail(), n.maintenance(),
                    n.pending(), n.unclean(), n.shutdown(), n.expectedUp(), n.dc(), n.resourcesRunning()));
            switch (st) {
                case UNCLEAN -> add(Severity.CRITICAL, "NODE-UNCLEAN", n.name(), n.name()
                        + " is UNCLEAN (offline, not yet fenced): its resources cannot start elsewhere until fencing succeeds", cmd);
                case OFFLINE -> add(Severity.WARNING, "NODE-OFFLINE", n.name(), n.name() + " is offline", cmd);
                case STANDBY -> add(Severity.WARNING, "NODE-STANDBY", n.name(), n.name() + " is in standby"
                        + (n.standbyOnFail() ? " after a failure" : ""), cmd);
                case MAINTENANCE -> add(Severity.WARNING, "NODE-MAINTENANCE", n.name(), n.name() + " is in maintenance", cmd);
                case PENDING -> add(Severity.WARNING, "NODE-OFFLINE", n.name(), n.name() + " is pending (joining)", cmd);
                default -> {
                }
            }
        }
        List<ResourcePlacement> resources = new ArrayList<>();
        for (MonResource top : s.resources()) {
            placements(top, "", "", resources);
        }
        for (ResourcePlacement p : resources) {
            if (p.failed()) {
                add(Severity.CRITICAL, "RESOURCE-FAILED", String.join(",", p.nodes()), p.id() + " is marked failed"
                        + (p.nodes().isEmpty() ? "" : " on " + String.join(", ", p.nodes())), cmd);
            }
        }
        Map<String, Boolean> seen = new LinkedHashMap<>();
        resources.forEach(p -> seen.merge(p.id(), p.active(), Boolean::logicalOr));
        for (MonResource p : s.primitives()) {
            boolean fenceDevice = p.agent().map(a -> a.startsWith("stonith:")).orElse(false);
            if (fenceDevice && "Stopped".equals(p.attributes().get("target_role"))) {
                add(Severity.CRITICAL, "FENCING-DISABLED", from, "fencing device " + p.id() + " is disabled (target-role Stopped): the"
                        + " node it fences cannot be fenced", cmd);
            }
            if (Boolean.FALSE.equals(seen.remove(p.id())) && !p.id().equals(SanResourceSet.POOL)
                    && !"Stopped".equals(p.attributes().get("target_role"))) {
                add(Severity.WARNING, "RESOURCE-STOPPED", "", p.id() + " runs nowhere (role " + p.role().orElse("?") + ")", cmd);
            }
        }
        List<ResourceFailure> failures = new ArrayList<>();
        for (Failure f : s.failures()) {
            String rsc = resourceOf(f);
            ResourceFailure rf = new ResourceFailure(rsc, nz(f.node()), f.task() == null ? nz(f.opKey()) : f.task(),
                    nz(f.exitStatus()), f.exitCode(), nz(f.exitReason()), nz(f.lastRcChange()));
            failures.add(rf);
            add(Severity.WARNING, "RESOURCE-FAILED", rf.node(), rsc + " " + rf.task() + " failed on " + rf.node()
                    + (rf.when().isEmpty() ? "" : " at " + rf.when()) + ": " + rf.exitStatus() + " (exit " + rf.exitCode() + ")"
                    + (rf.exitReason().isEmpty() ? "" : ", reason: " + rf.exitReason()), cmd);
        }
        List<FenceAction> fencing = new ArrayList<>();
        for (FenceEvent e : s.fenceHistory()) {
            fencing.add(new FenceAction(nz(e.target()), nz(e.action()), nz(e.status()), nz(e.delegate()), nz(e.origin()),
                    nz(e.completed()), nz(e.exitReason())));
        }
        fencingFindings(fencing, nodes, cmd);
        PacemakerView view = new PacemakerView(from, dc, quorate, nodes, resources, failures, fencing);
        poolResource(view, cmd);
        return Optional.of(view);
    }

    private void fencingFindings(List<FenceAction> fencing, List<PacemakerNode> nodes, Command cmd) {
        Map<String, List<FenceAction>> byTarget = new LinkedHashMap<>();
        fencing.forEach(f -> byTarget.computeIfAbsent(f.target(), k -> new ArrayList<>()).add(f));
        for (Map.Entry<String, List<FenceAction>> e : byTarget.entrySet()) {
            String target = e.getKey();
            NodeState st = nodes.stream().filter(n -> n.name().equals(target)).map(PacemakerNode::state).findFirst()
                    .orElse(NodeState.OFFLINE);
            boolean up = st == NodeState.ONLINE || st == NodeState.STANDBY || st == NodeState.MAINTENANCE;
            boolean succeeded = e.getValue().stream().anyMatch(f -> f.status().equals("success"));
            for (FenceAction f : e.getValue()) {
                String who = (f.delegate().isEmpty() ? "" : " by " + f.delegate()) + (f.origin().isEmpty() ? "" : ", asked by " + f.origin());
                switch (f.status()) {
                    case "failed" -> add(succeeded || up ? Severity.WARNING : Severity.CRITICAL, "FENCING-FAILED", target,
                            "fencing (" + f.action() + ") of " + target + " failed" + who
                                    + (f.completed().isEmpty() ? "" : " at " + f.completed())
                                    + (f.exitReason().isEmpty() ? "" : ": " + f.exitReason())
                                    + (succeeded ? " (a later attempt succeeded)" : ""), cmd);
                    case "pending" -> add(Severity.WARNING, "FENCING-PENDING", target, "fencing (" + f.action() + ") of " + target
                            + " is pending" + who, cmd);
                    case "success" -> {
                        if (!up) {
                            add(Severity.INFO, "NODE-FENCED", target, target + " was fenced (" + f.action() + ")" + who
                                    + (f.completed().isEmpty() ? "" : " at " + f.completed()), cmd);
                        }
                    }
                    default -> {
                    }
                }
            }
        }
    }

    private void poolResource(PacemakerView view, Command cmd) {
        Optional<ResourcePlacement> pool = view.resources().stream().filter(r -> r.id().equals(SanResourceSet.POOL)).findFirst();
        if (pool.isEmpty()) {
            return;
        }
        // a node that is offline or UNCLEAN serves nothing, whatever crm_mon last knew it ran
        List<String> on = pool.get().nodes();
        List<String> alive = on.stream().filter(n -> view.nodes().stream().anyMatch(x -> x.name().equals(n) && x.online()
                && !x.unclean())).toList();
        if (alive.size() > 1) {
            add(Severity.CRITICAL, "POOL-IMPORTED-TWICE", "", "Pacemaker reports " + SanResourceSet.POOL + " active on "
                    + String.join(" and ", alive) + ": the pool may be imported twice", cmd);
        } else if (alive.isEmpty()) {
            add(Severity.CRITICAL, "POOL-NOT-IMPORTED", "", SanResourceSet.POOL + " (pool " + design.pool().name()
                    + ") runs on no online node" + (on.isEmpty() ? "" : " (last known on " + String.join(", ", on) + ")")
                    + why(view), cmd);
        }
    }

    /** Why Pacemaker may hold the pool back, from what it says. */
    private static String why(PacemakerView v) {
        List<String> reasons = new ArrayList<>();
        if (!v.quorate()) {
            reasons.add("the partition of " + v.readFrom() + " has no quorum");
        }
        for (PacemakerNode n : v.nodes()) {
            if (n.state() == NodeState.UNCLEAN) {
                reasons.add(n.name() + " is UNCLEAN and must be fenced first");
            }
        }
        for (FenceAction f : v.fencing()) {
            if (f.status().equals("failed") || f.status().equals("pending")) {
                String r = "fencing of " + f.target() + " " + f.status();
                if (!reasons.contains(r)) {
                    reasons.add(r);
                }
            }
        }
        for (ResourceFailure f : v.failures()) {
            if (f.resource().equals(SanResourceSet.POOL)) {
                reasons.add(f.task() + " failed on " + f.node() + (f.exitReason().isEmpty() ? "" : ": " + f.exitReason()));
            }
        }
        return reasons.isEmpty() ? "" : ": " + String.join("; ", reasons);
    }

    private static void placements(MonResource r, String group, String clone, List<ResourcePlacement> out) {
        switch (r.kind()) {
            case PRIMITIVE -> out.add(new ResourcePlacement(r.id(), r.agent().orElse(""), r.role().orElse(""),
                    r.active() ? r.nodes() : List.of(), group, clone, r.active(), flag(r, "orphaned"), flag(r, "blocked"),
                    r.failed(), flag(r, "failure_ignored"), r.managed()));
            case GROUP -> r.children().forEach(c -> placements(c, r.id(), clone, out));
            case CLONE -> r.children().forEach(c -> placements(c, group, r.id(), out));
            default -> r.children().forEach(c -> placements(c, group, clone, out));
        }
    }

    private static boolean flag(MonResource r, String name) {
        return "true".equals(r.attributes().get(name));
    }

    private static NodeState state(MonNode n) {
        if (n.unclean()) {
            return NodeState.UNCLEAN;
        }
        if (!n.online()) {
            return n.pending() ? NodeState.PENDING : NodeState.OFFLINE;
        }
        if (n.maintenance()) {
            return NodeState.MAINTENANCE;
        }
        if (n.standby() || n.standbyOnFail()) {
            return NodeState.STANDBY;
        }
        return n.pending() ? NodeState.PENDING : NodeState.ONLINE;
    }

    /** {@code zfs-pool_monitor_10000} → {@code zfs-pool}. */
    static String resourceOf(Failure f) {
        String key = nz(f.opKey());
        String k = key.replaceFirst("_\\d+$", "");
        if (f.task() != null && k.endsWith("_" + f.task())) {
            return k.substring(0, k.length() - f.task().length() - 1);
        }
        int u = k.lastIndexOf('_');
        return u > 0 ? k.substring(0, u) : key;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    // ------------------------------------------------------------------ corosync

    private CorosyncView corosyncView(QuorumStatus q, CfgStatus links) {
        List<LinkPeer> peers = new ArrayList<>();
        if (links != null) {
            for (CfgStatus.Link l : links.links()) {
                for (CfgStatus.Peer p : l.peers()) {
                    peers.add(new LinkPeer(l.id(), l.address(), p.nodeId(), nodeName(p.nodeId()), p.state()));
                }
            }
        }
        return new CorosyncView(q.ringId(), q.quorate(), q.totalVotes(), q.expectedVotes(), q.highestExpected(), q.quorum(),
                q.activityBlocked(), q.members().stream().map(m -> new ClusterHealth.Member(m.nodeId(), m.name(), m.votes(), m.local()))
                .toList(), peers);
    }

    private String nodeName(long id) {
        return design.nodes().stream().filter(n -> n.nodeId() == id).map(Node::name).findFirst().orElse(Long.toString(id));
    }

    private void quorum() {
        List<String> quorate = new ArrayList<>();
        for (NodeReads r : reads.values()) {
            if (r.reachable && r.quorum != null && r.quorum.ok() && r.quorum.value().quorate()) {
                quorate.add(r.node.name());
            }
        }
        for (NodeReads r : reads.values()) {
            if (!r.reachable || r.quorum == null || !r.quorum.ok() || r.quorum.value().quorate()) {
                continue;
            }
            QuorumStatus q = r.quorum.value();
            String name = r.node.name();
            add(quorate.isEmpty() ? Severity.CRITICAL : Severity.WARNING, "QUORUM-LOST", name, name + " is not quorate: "
                    + q.totalVotes() + " of " + q.expectedVotes() + " votes, " + q.quorum() + " needed"
                    + (q.activityBlocked() ? ", activity blocked" : "") + "; members "
                    + q.members().stream().map(QuorumMember::name).collect(Collectors.joining(", "))
                    + (quorate.isEmpty() ? "" : " (quorate elsewhere: " + String.join(", ", quorate) + ")"), r.quorum.command());
        }
    }

    private void links() {
        for (NodeReads r : reads.values()) {
            if (!r.reachable || r.links == null || !r.links.ok()) {
                continue;
            }
            List<Long> members = r.quorum != null && r.quorum.ok()
                    ? r.quorum.value().members().stream().map(QuorumMember::nodeId).toList() : null;
            for (CfgStatus.Link l : r.links.value().links()) {
                for (CfgStatus.Peer p : l.peers()) {
                    if (!p.state().equals("disconnected")) {
                        continue;
                    }
                    // a node that left the membership is NODE-OFFLINE, not a link fault; unknown membership: report
                    if (members != null && !members.contains(p.nodeId())) {
                        continue;
                    }
                    add(Severity.WARNING, "LINK-DOWN", r.node.name(), "corosync link " + l.id() + " (" + l.address() + ") from "
                            + r.node.name() + " to " + nodeName(p.nodeId()) + " is disconnected; the node is still a member"
                            + " over another link", r.links.command());
                }
            }
        }
    }

    // ------------------------------------------------------------------ pool

    private Optional<PoolView> pool(Optional<PacemakerView> pacemaker) {
        String name = design.pool().name();
        List<NodeReads> importers = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Command cmd = null;
        for (NodeReads r : reads.values()) {
            if (!r.node.design().isStorage()) {
                continue;
            }
            if (r.reachable && r.pool != null && r.pool.ok()) {
                cmd = r.pool.command();
                if (r.pool.value() != null) {
                    importers.add(r);
                }
            } else {
                unknown.add(r.node.name());
                if (cmd == null && r.pool != null) {
                    cmd = r.pool.command();
                }
            }
        }
        if (importers.size() > 1) {
            add(Severity.CRITICAL, "POOL-IMPORTED-TWICE", "", "pool " + name + " is imported on "
                    + importers.stream().map(r -> r.node.name()).collect(Collectors.joining(" and ")), importers.get(1).pool.command());
        }
        if (importers.isEmpty()) {
            if (unknown.isEmpty() && cmd != null) {
                add(Severity.CRITICAL, "POOL-NOT-IMPORTED", "", "pool " + name + " is imported on no storage node"
                        + pacemaker.map(HealthRules::why).orElse(""), cmd);
            }
            return Optional.empty();
        }
        if (!unknown.isEmpty()) {
            add(Severity.WARNING, "SOURCE-UNREADABLE", String.join(",", unknown), "pool " + name + " is imported on "
                    + importers.get(0).node.name() + "; whether it is also imported on " + String.join(", ", unknown)
                    + " is unknown (zpool status could not be read there)", importers.get(0).pool.command());
        }
        NodeReads r = importers.get(0);
        return Optional.of(poolView(r.node.name(), r.pool.value(), r.pool.command()));
    }

    private PoolView poolView(String node, PoolStatus p, Command cmd) {
        List<Leg> legs = new ArrayList<>();
        for (Vdev top : p.dataVdevs()) {
            if (top.isLeaf()) {
                legs.add(leg(top, ""));
            } else {
                top.leaves().forEach(v -> legs.add(leg(v, top.name())));
            }
        }
        for (var section : p.classes()) {
            for (Vdev top : section.vdevs()) {
                top.leaves().forEach(v -> legs.add(leg(v, top.name())));
            }
        }
        Optional<ScanProgress> scan = p.scan().filter(s -> s.function() != ScanStatus.ScanFunction.NONE)
                .map(s -> new ScanProgress(s.function().name().toLowerCase(java.util.Locale.ROOT),
                        s.state().name().toLowerCase(java.util.Locale.ROOT), s.percentDone(), s.timeToGo(), s.describe()));
        long errors = p.errors().map(e -> e.count().orElse(e.permanent().isEmpty() ? -1 : e.permanent().size())).orElse(-1L);
        PoolView view = new PoolView(p.name(), node, p.state().name(), legs, scan, errors, cmd);
        poolFindings(view, p, cmd);
        return view;
    }

    private void poolFindings(PoolView v, PoolStatus p, Command cmd) {
        if (p.state() != DeviceState.ONLINE) {
            Map<String, List<String>> badByOwner = new LinkedHashMap<>();
            for (Leg l : v.legs()) {
                if (!l.state().equals("ONLINE") && !l.state().equals("AVAIL") && !l.state().equals("INUSE")) {
                    badByOwner.computeIfAbsent(l.owner().isEmpty() ? "unattributed" : l.owner(), k -> new ArrayList<>())
                            .add(shortName(l.vdev()) + " " + l.state());
                }
            }
            List<String> parts = new ArrayList<>();
            badByOwner.forEach((owner, legs) -> parts.add((owner.equals("unattributed") ? "legs the design does not name"
                    : owner + (owner.equals(v.node()) ? "'s (local) legs" : "'s legs")) + ": " + String.join(", ", legs)));
            boolean bad = p.state() == DeviceState.FAULTED || p.state() == DeviceState.UNAVAIL
                    || p.state() == DeviceState.SUSPENDED;
            add(bad ? Severity.CRITICAL : Severity.WARNING, "POOL-DEGRADED", v.node(), "pool " + v.name() + " is " + p.state()
                    + " on " + v.node() + (parts.isEmpty() ? "" : "; " + String.join("; ", parts)), cmd);
        }
        v.scan().ifPresent(s -> {
            if (s.function().equals("resilver") && s.state().equals("in_progress")) {
                add(Severity.WARNING, "POOL-RESILVERING", v.node(), "pool " + v.name() + " is resilvering"
                        + (s.percent().isPresent() ? String.format(java.util.Locale.ROOT, ", %.2f%% done", s.percent().getAsDouble()) : "")
                        + s.eta().map(d -> ", " + eta(d) + " to go").orElse(", no estimate"), cmd);
            }
        });
        List<String> erring = new ArrayList<>();
        for (Leg l : v.legs()) {
            if (l.read() + l.write() + l.checksum() > 0) {
                erring.add(shortName(l.vdev()) + " (read " + l.read() + ", write " + l.write() + ", checksum " + l.checksum() + ")");
            }
        }
        boolean permanent = p.errors().map(e -> !e.permanent().isEmpty() || e.count().orElse(0) > 0).orElse(false);
        if (!erring.isEmpty() || permanent) {
            add(permanent ? Severity.CRITICAL : Severity.WARNING, "POOL-ERRORS", v.node(), "pool " + v.name()
                    + (permanent ? " has data errors (" + v.errors() + ")" : " has device errors")
                    + (erring.isEmpty() ? "" : ": " + String.join(", ", erring)), cmd);
        }
    }

    private static String eta(java.time.Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? (s / 3600) + "h" + ((s % 3600) / 60) + "m" : s >= 60 ? (s / 60) + "m" + (s % 60) + "s" : s + "s";
    }

    private static String shortName(String vdev) {
        return vdev.substring(vdev.lastIndexOf('/') + 1);
    }

    private Leg leg(Vdev v, String parent) {
        var e = v.errors();
        return new Leg(v.name(), parent, ownerOf(v.path().orElse(v.name())), v.state().name(),
                e.map(x -> x.read()).orElse(0L), e.map(x -> x.write()).orElse(0L), e.map(x -> x.checksum()).orElse(0L));
    }

    /** Whose disk a leaf is: a storage node's data partition (by label or device) or a by-path leg of its backend target. */
    String ownerOf(String vdev) {
        String base = shortName(vdev);
        for (Node n : design.storageNodes()) {
            for (Disk d : n.disks()) {
                if (base.equals(d.partlabel()) || vdev.equals(d.partlabelPath()) || vdev.equals(d.device())
                        || base.equals(shortName(d.device()))) {
                    return n.name();
                }
            }
        }
        if (ByPath.isByPath(base)) {
            try {
                String target = ByPath.parse(base).target();
                for (Node n : design.storageNodes()) {
                    if (n.backendTargetIqn().map(i -> i.toString().equalsIgnoreCase(target)).orElse(false)) {
                        return n.name();
                    }
                }
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
        return "";
    }

    // ------------------------------------------------------------------ iSCSI and LIO

    private static Session session(SessionEntry e) {
        return new Session(e.target(), e.portal().address(), e.portal().port(), e.sid());
    }

    private void sessions() {
        for (NodeReads r : reads.values()) {
            if (!r.reachable || r.sessions == null || !r.sessions.ok()) {
                continue;
            }
            Node self = r.node.design();
            for (Node peer : design.storageNodes()) {
                if (peer.name().equals(self.name()) || peer.backendTargetIqn().isEmpty()) {
                    continue;
                }
                String iqn = peer.backendTargetIqn().get().toString();
                boolean present = r.sessions.value().sessions().stream().anyMatch(s -> s.target().equalsIgnoreCase(iqn));
                if (!present) {
                    add(Severity.WARNING, "SESSION-MISSING", self.name(), self.name() + " has no iSCSI session to " + peer.name()
                            + "'s backend target " + iqn + ": " + peer.name() + "'s legs are not reachable from " + self.name(),
                            r.sessions.command());
                }
            }
        }
    }

    private LioView lioView(LioConfig cfg) {
        String iqn = design.iscsi().clientTargetIqn().map(Object::toString).orElse("");
        Optional<Target> t = cfg.targets().stream().filter(x -> x.wwn().equalsIgnoreCase(iqn)).findFirst();
        Map<String, Boolean> luns = new LinkedHashMap<>();
        for (ZvolSpec z : design.zvols()) {
            String dev = "/dev/zvol/" + design.pool().name() + "/" + z.name();
            boolean present = false;
            if (t.isPresent()) {
                for (Tpg tpg : t.get().tpgs()) {
                    for (Lun l : tpg.luns()) {
                        present |= cfg.storageObject(l.storageObject())
                                .filter(so -> so instanceof BlockStorageObject b && b.dev().equals(dev)).isPresent();
                    }
                }
            }
            luns.put(z.name(), present);
        }
        return new LioView(iqn, t.isPresent(), luns);
    }

    private void lio(Optional<PoolView> pool, Optional<PacemakerView> pacemaker) {
        if (design.iscsi().clientTargetIqn().isEmpty()) {
            return;
        }
        Optional<String> active = pool.map(PoolView::node).or(() -> pacemaker.flatMap(v -> v.resources().stream()
                .filter(r -> r.id().equals(SanResourceSet.POOL) && r.nodes().size() == 1).map(r -> r.nodes().get(0)).findFirst()));
        if (active.isEmpty()) {
            return;
        }
        NodeReads r = reads.get(active.get());
        if (r == null || !r.reachable || r.lio == null || !r.lio.ok()) {
            return;
        }
        LioView v = lioView(r.lio.value());
        if (!v.targetPresent()) {
            add(Severity.CRITICAL, "TARGET-MISSING", active.get(), "the client target " + v.target() + " is not in LIO's"
                    + " configuration on " + active.get() + ", where the pool is active", r.lio.command());
            return;
        }
        List<String> missing = v.luns().entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        for (String z : missing) {
            add(Severity.CRITICAL, "LUN-MISSING", active.get(), "zvol " + design.pool().name() + "/" + z + " is not a LUN of "
                    + v.target() + " on " + active.get(), r.lio.command());
        }
    }

}
