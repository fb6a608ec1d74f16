package org.sansdk.cluster.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.sansdk.cluster.health.ClusterHealth.CorosyncView;
import org.sansdk.cluster.health.ClusterHealth.LinkPeer;
import org.sansdk.cluster.health.ClusterHealth.Member;
import org.sansdk.cluster.health.ClusterHealth.NodeHealth;
import org.sansdk.cluster.health.ClusterHealth.PacemakerNode;
import org.sansdk.cluster.health.ClusterHealth.PacemakerView;
import org.sansdk.cluster.health.ClusterHealth.PoolView;
import org.sansdk.cluster.health.ClusterHealth.ResourcePlacement;

/**
 * {@link ClusterHealth} in Prometheus' text exposition format (version 0.0.4). Where ClusterLabs' ha_cluster_exporter
 * and pdf/zfs_exporter export the same fact, the metric has their name, type and label set, so their dashboards and
 * alerts work: {@code ha_cluster_pacemaker_nodes}, {@code ha_cluster_pacemaker_resources},
 * {@code ha_cluster_corosync_quorate}, {@code ha_cluster_corosync_quorum_votes}, {@code ha_cluster_corosync_member_votes},
 * {@code ha_cluster_corosync_rings}, {@code ha_cluster_corosync_ring_errors}, {@code zfs_pool_health}. Everything else
 * is under {@code san_}: findings by severity and code, node reachability, per-node quorum, pool import and legs,
 * resilver progress, backend sessions, LIO LUNs, failed actions and fencing history. Same health, same bytes: families
 * and samples come in a fixed order, and a series never appears twice.
 *
 * <pre>{@code String body = PrometheusText.write(cluster.status());}</pre>
 */
public final class PrometheusText {
    /** The Content-Type of the exposition. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final List<String> NODE_STATUSES = List.of("dc", "expected_up", "maintenance", "online", "pending",
            "shutdown", "standby", "standby_onfail", "unclean");
    private static final List<String> RESOURCE_STATUSES = List.of("active", "orphaned", "blocked", "failed", "failure_ignored");
    private static final List<String> POOL_HEALTH = List.of("ONLINE", "DEGRADED", "FAULTED", "OFFLINE", "UNAVAIL", "REMOVED",
            "SUSPENDED");

    private final StringBuilder out = new StringBuilder();

    private PrometheusText() {
    }

    /** The exposition of one health. Usage: {@code PrometheusText.write(health)}. */
    public static String write(ClusterHealth health) {
        PrometheusText p = new PrometheusText();
        p.all(health);
        return p.out.toString();
    }

    /** One family: its samples keyed by their label text, so a series cannot appear twice. */
    private final class Family {
        private final String name;
        private final Map<String, Double> samples = new LinkedHashMap<>();

        Family(String name) {
            this.name = name;
        }

        Family set(double value, String... labels) {
            samples.putIfAbsent(labels(labels), value);
            return this;
        }

        Family add(double value, String... labels) {
            samples.merge(labels(labels), value, Double::sum);
            return this;
        }

        void emit(String help, String type) {
            out.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
            out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
            samples.forEach((l, v) -> out.append(name).append(l).append(' ').append(number(v)).append('\n'));
        }
    }

    private Family family(String name) {
        return new Family(name);
    }

    private void all(ClusterHealth h) {
        h.pacemaker().ifPresent(this::pacemaker);
        reporter(h).ifPresent(this::corosync);
        h.pool().ifPresent(this::zfs);
        san(h);
    }

    // ------------------------------------------------------------------ ha_cluster_exporter

    private void pacemaker(PacemakerView v) {
        Family nodes = family("ha_cluster_pacemaker_nodes");
        for (PacemakerNode n : v.nodes()) {
            boolean[] flags = {n.dc(), n.expectedUp(), n.maintenance(), n.online(), n.pending(), n.shutdown(), n.standby(),
                n.standbyOnFail(), n.unclean()};
            for (int i = 0; i < NODE_STATUSES.size(); i++) {
                nodes.set(flags[i] ? 1 : 0, "node", n.name(), "status", NODE_STATUSES.get(i), "type", n.type());
            }
        }
        nodes.emit("The status of each node in the cluster; 1 means the node is in that status, 0 otherwise", "gauge");
        Family resources = family("ha_cluster_pacemaker_resources");
        for (ResourcePlacement r : v.resources()) {
            List<String> on = r.nodes().isEmpty() ? List.of("") : r.nodes();
            boolean[] flags = {r.active(), r.orphaned(), r.blocked(), r.failed(), r.failureIgnored()};
            for (String node : on) {
                for (int i = 0; i < RESOURCE_STATUSES.size(); i++) {
                    resources.set(flags[i] ? 1 : 0, "agent", r.agent(), "clone", r.cloneOf(), "group", r.group(), "managed",
                            Boolean.toString(r.managed()), "node", node, "resource", r.id(), "role",
                            r.role().toLowerCase(Locale.ROOT), "status", RESOURCE_STATUSES.get(i));
                }
            }
        }
        resources.emit("The status of each resource in the cluster; 1 means the resource is in that status, 0 otherwise", "gauge");
    }

    /** The corosync view the ha_cluster_corosync_* metrics come from: Pacemaker's reporting node, else the first readable. */
    private static Optional<CorosyncView> reporter(ClusterHealth h) {
        Optional<String> preferred = h.pacemaker().map(PacemakerView::readFrom);
        if (preferred.isPresent()) {
            Optional<CorosyncView> c = h.node(preferred.get()).flatMap(NodeHealth::corosync);
            if (c.isPresent()) {
                return c;
            }
        }
        return h.nodes().stream().map(NodeHealth::corosync).flatMap(Optional::stream).findFirst();
    }

    private void corosync(CorosyncView c) {
        family("ha_cluster_corosync_quorate").set(c.quorate() ? 1 : 0).emit("Whether or not the cluster is quorate", "gauge");
        family("ha_cluster_corosync_quorum_votes").set(c.expectedVotes(), "type", "expected_votes")
                .set(c.highestExpected(), "type", "highest_expected").set(c.quorum(), "type", "quorum")
                .set(c.totalVotes(), "type", "total_votes").emit("Cluster quorum votes; one line per type", "gauge");
        Family members = family("ha_cluster_corosync_member_votes");
        for (Member m : c.members()) {
            members.set(m.votes(), "local", Boolean.toString(m.local()), "node", m.name(), "node_id", Long.toString(m.nodeId()));
        }
        members.emit("How many votes each member node has contributed with to the current quorum", "gauge");
        if (c.links().isEmpty()) {
            return;
        }
        List<Long> memberIds = c.members().stream().map(Member::nodeId).toList();
        String localId = c.links().stream().filter(l -> l.state().equals("localhost")).map(l -> Long.toString(l.nodeId()))
                .findFirst().orElse("");
        Map<Integer, String> address = new TreeMap<>();
        Map<Integer, Boolean> healthy = new TreeMap<>();
        for (LinkPeer l : c.links()) {
            address.putIfAbsent(l.link(), l.address());
            boolean bad = l.state().equals("disconnected") && memberIds.contains(l.nodeId());
            healthy.merge(l.link(), !bad, Boolean::logicalAnd);
        }
        Family rings = family("ha_cluster_corosync_rings");
        healthy.forEach((link, ok) -> rings.set(ok ? 1 : 0, "address", address.get(link), "node_id", localId, "number",
                Integer.toString(link), "ring_id", c.ringId()));
        rings.emit("The status of each Corosync ring; 1 means healthy, 0 means faulty.", "gauge");
        family("ha_cluster_corosync_ring_errors").set(healthy.values().stream().filter(ok -> !ok).count())
                .emit("The total number of faulty corosync rings", "gauge");
    }

    // ------------------------------------------------------------------ zfs_exporter

    private void zfs(PoolView p) {
        int code = POOL_HEALTH.indexOf(p.state());
        if (code < 0) {
            return;
        }
        StringBuilder help = new StringBuilder("Health status code for the pool [");
        for (int i = 0; i < POOL_HEALTH.size(); i++) {
            help.append(i == 0 ? "" : ", ").append(i).append(": ").append(POOL_HEALTH.get(i));
        }
        family("zfs_pool_health").set(code, "pool", p.name()).emit(help.append("].").toString(), "gauge");
    }

    // ------------------------------------------------------------------ SDK

    private void san(ClusterHealth h) {
        family("san_health_overall").set(h.overall().ordinal(), "cluster", h.clusterName())
                .emit("Worst finding's severity (0 OK, 1 INFO, 2 WARNING, 3 CRITICAL)", "gauge");
        Family bySeverity = family("san_health_findings");
        for (Severity s : List.of(Severity.CRITICAL, Severity.WARNING, Severity.INFO)) {
            bySeverity.set(h.findings().stream().filter(f -> f.severity() == s).count(), "severity", s.name().toLowerCase(Locale.ROOT));
        }
        bySeverity.emit("Number of findings by severity", "gauge");
        Family byCode = family("san_health_finding");
        for (Finding f : h.findings()) {
            byCode.add(1, "code", f.code(), "node", f.node(), "severity", f.severity().name().toLowerCase(Locale.ROOT));
        }
        byCode.emit("Number of findings with this code, node and severity (absent when none)", "gauge");
        Family reachable = family("san_node_reachable");
        h.nodes().forEach(n -> reachable.set(n.reachable() ? 1 : 0, "node", n.name(), "role", n.role().name().toLowerCase(Locale.ROOT)));
        reachable.emit("Whether the node's executor reached it (1) or not (0)", "gauge");
        Family quorate = family("san_corosync_node_quorate");
        h.nodes().forEach(n -> n.corosync().ifPresent(c -> quorate.set(c.quorate() ? 1 : 0, "node", n.name())));
        quorate.emit("Whether corosync on this node reports quorum (absent when it could not be read)", "gauge");
        String pool = h.pool().map(PoolView::name).orElse("");
        Family imported = family("san_pool_imported");
        h.nodes().forEach(n -> n.pool().ifPresent(p -> imported.set(p.imported() ? 1 : 0, "node", n.name())));
        imported.emit("Whether the design's pool is imported on this storage node (absent when zpool could not be read)", "gauge");
        h.pool().ifPresent(p -> {
            Family legs = family("san_pool_legs");
            p.legs().forEach(l -> legs.add(1, "owner", l.owner(), "pool", p.name(), "state", l.state()));
            legs.emit("Leaf devices of the pool by owning storage node (empty when the design does not name it) and state", "gauge");
            p.scan().filter(s -> s.function().equals("resilver") && s.state().equals("in_progress")).ifPresent(s -> {
                s.percent().ifPresent(pc -> family("san_pool_resilver_progress_ratio").set(pc / 100.0, "pool", pool)
                        .emit("Resilver progress as a ratio 0..1 (present while a resilver runs and zpool prints it)", "gauge"));
                s.eta().ifPresent(d -> family("san_pool_resilver_eta_seconds").set(d.toSeconds(), "pool", pool)
                        .emit("Resilver time to go as zpool estimates it", "gauge"));
            });
        });
        Family sessions = family("san_iscsi_sessions");
        for (NodeHealth n : h.nodes()) {
            n.sessions().ifPresent(list -> list.forEach(s -> sessions.add(1, "node", n.name(), "target", s.target())));
        }
        sessions.emit("iSCSI sessions on the node by target (absent when iscsiadm could not be read)", "gauge");
        Family luns = family("san_lio_lun_present");
        for (NodeHealth n : h.nodes()) {
            n.lio().ifPresent(l -> l.luns().forEach((z, present) -> luns.set(present ? 1 : 0, "node", n.name(), "target", l.target(),
                    "zvol", z)));
        }
        luns.emit("Whether the design's zvol is a LUN of the client target in the node's LIO configuration", "gauge");
        h.pacemaker().ifPresent(v -> {
            Family failed = family("san_pacemaker_failed_actions");
            v.failures().forEach(f -> failed.add(1, "node", f.node(), "resource", f.resource(), "task", f.task()));
            failed.emit("Failed resource actions crm_mon lists", "gauge");
            Family fencing = family("san_pacemaker_fencing_actions");
            v.fencing().forEach(f -> fencing.add(1, "action", f.action(), "status", f.status(), "target", f.target()));
            fencing.emit("Fencing actions in crm_mon's fencing history by target, action and outcome", "gauge");
        });
    }

    // ------------------------------------------------------------------ format

    private static String labels(String... kv) {
        if (kv.length == 0) {
            return "";
        }
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < kv.length; i += 2) {
            b.append(i == 0 ? "" : ",").append(kv[i]).append("=\"").append(escapeLabel(kv[i + 1])).append('"');
        }
        return b.append('}').toString();
    }

    /** Label values escape backslash, double quote and line feed. Usage: internal. */
    static String escapeLabel(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String escapeHelp(String v) {
        return v.replace("\\", "\\\\").replace("\n", "\\n");
    }

    private static String number(double v) {
        if (v == Math.rint(v) && !Double.isInfinite(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

}
