package org.sansdk.cluster.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sansdk.cluster.health.ClusterHealthTest.NO_SESSIONS;
import static org.sansdk.cluster.health.ClusterHealthTest.NO_SUCH_POOL;
import static org.sansdk.cluster.health.ClusterHealthTest.sessionTo;
import static org.sansdk.cluster.health.HealthFixtures.node;
import static org.sansdk.cluster.health.HealthFixtures.res;
import static org.sansdk.cluster.health.HealthFixtures.zpoolStatus;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.core.CommandResult;
import org.sansdk.core.ReplayExecutor;

/** The exposition of several recorded healths, checked by the real promtool, and its exporter-compatible lines. */
class PrometheusTextTest {

    static Map<String, ClusterHealth> healths() {
        Map<String, ClusterHealth> m = new LinkedHashMap<>();
        m.put("healthy", ClusterHealthTest.healthy(HealthFixtures.lab(), "healthy-zpool-storage-a.txt").status());
        m.put("degraded", ClusterHealthTest.healthy(HealthFixtures.lab(), "degraded-zpool-storage-a.txt").status());
        SanDesign d = HealthFixtures.lab();
        ReplayExecutor b = node("noquorum-crm_mon-storage-b.xml", "noquorum-quorumtool-storage-b.txt", 2, "noquorum-cfgtool-storage-b.txt")
                .on(zpoolStatus("lab-pool"), NO_SUCH_POOL).on(SESSIONS_ARGV, NO_SESSIONS).build();
        m.put("no-quorum", HealthFixtures.cluster(d, HealthFixtures.unreachable("a"), b, HealthFixtures.unreachable("q")).status());
        SanDesign tr = HealthFixtures.lab("tr").build();
        ReplayExecutor ra = node("real-crm_mon-2.1.5-on_fail_demote3.xml", "healthy-quorumtool-storage-a.txt", 0,
                "linkdown-cfgtool-storage-a.txt").on(zpoolStatus("tr"), res("zfs-fuse-resilver-replacing-poll-2.txt"))
                .on(SESSIONS_ARGV, sessionTo("storage-b", 1)).build();
        ReplayExecutor rb = node("failover-crm_mon-storage-b.xml", "healthy-quorumtool-storage-b.txt", 0, "healthy-cfgtool-storage-b.txt")
                .on(zpoolStatus("tr"), CommandResult.of(1, "", "cannot open 'tr': no such pool\n"))
                .on(SESSIONS_ARGV, sessionTo("storage-a", 2)).build();
        ReplayExecutor rq = node("healthy-crm_mon-quorum.xml", "healthy-quorumtool-quorum.txt", 0, "healthy-cfgtool-quorum.txt").build();
        m.put("resilver-failures-link-down", HealthFixtures.cluster(tr, ra, rb, rq).status());
        m.put("unreachable", HealthFixtures.cluster(d, HealthFixtures.unreachable("a"), HealthFixtures.unreachable("b"),
                HealthFixtures.unreachable("q")).status());
        return m;
    }

    static final java.util.List<String> SESSIONS_ARGV = HealthFixtures.SESSIONS;

    @Test
    void promtoolAcceptsEveryExposition() throws Exception {
        for (Map.Entry<String, ClusterHealth> e : healths().entrySet()) {
            String text = PrometheusText.write(e.getValue());
            Promtool.Result r = Promtool.check(text);
            assertThat(r.clean()).as(e.getKey() + ": promtool exit " + r.exit() + ": " + r.output() + "\n" + text).isTrue();
            assertThat(PrometheusText.write(e.getValue())).as("same health, same bytes").isEqualTo(text);
        }
    }

    @Test
    void promtoolCatchesABrokenExposition() throws Exception {
        String text = PrometheusText.write(healths().get("healthy"));
        // the same family twice (what concatenating two expositions gives)
        Promtool.Result twice = Promtool.check(text + text);
        assertThat(twice.exit()).isNotZero();
        assertThat(twice.output()).contains("second HELP line");
        // a label value with an unescaped double quote
        Promtool.Result quote = Promtool.check(text.replace("node=\"storage-a\"", "node=\"stor\"age-a\""));
        assertThat(quote.clean()).isFalse();
        // a family without HELP
        Promtool.Result noHelp = Promtool.check(text.replace("# HELP zfs_pool_health ", "# zfs_pool_health "));
        assertThat(noHelp.clean()).isFalse();
    }

    @Test
    void linesFollowHaClusterExporterAndZfsExporter() {
        String healthy = PrometheusText.write(healths().get("healthy"));
        assertThat(healthy).contains(
                "ha_cluster_pacemaker_nodes{node=\"storage-a\",status=\"dc\",type=\"member\"} 1\n",
                "ha_cluster_pacemaker_nodes{node=\"storage-b\",status=\"online\",type=\"member\"} 1\n",
                "ha_cluster_pacemaker_resources{agent=\"ocf:pacemaker:Dummy\",clone=\"\",group=\"san-services\",managed=\"true\","
                        + "node=\"storage-a\",resource=\"nfs-server\",role=\"started\",status=\"active\"} 1\n",
                "# TYPE ha_cluster_corosync_quorate gauge\nha_cluster_corosync_quorate 1\n",
                "ha_cluster_corosync_quorum_votes{type=\"total_votes\"} 3\n",
                "ha_cluster_corosync_member_votes{local=\"true\",node=\"storage-a\",node_id=\"1\"} 1\n",
                "ha_cluster_corosync_rings{address=\"10.99.10.1\",node_id=\"1\",number=\"1\",ring_id=\"1.d\"} 1\n",
                "ha_cluster_corosync_ring_errors 0\n",
                "zfs_pool_health{pool=\"lab-pool\"} 0\n",
                "san_health_overall{cluster=\"san-lab\"} 0\n",
                "san_pool_legs{owner=\"storage-b\",pool=\"lab-pool\",state=\"ONLINE\"} 2\n");
        String degraded = PrometheusText.write(healths().get("degraded"));
        assertThat(degraded).contains("zfs_pool_health{pool=\"lab-pool\"} 1\n",
                "san_pool_legs{owner=\"storage-b\",pool=\"lab-pool\",state=\"OFFLINE\"} 2\n",
                "san_health_finding{code=\"POOL-DEGRADED\",node=\"storage-a\",severity=\"warning\"} 1\n");
        String resilver = PrometheusText.write(healths().get("resilver-failures-link-down"));
        assertThat(resilver).contains("san_pool_resilver_progress_ratio{pool=\"tr\"} 0.3446\n",
                "ha_cluster_corosync_rings{address=\"10.99.10.1\",node_id=\"1\",number=\"1\",ring_id=\"1.d\"} 0\n",
                "ha_cluster_corosync_ring_errors 1\n",
                "san_pacemaker_failed_actions{node=\"rhel7-4\",resource=\"rsc1\",task=\"monitor\"} 1\n");
        String noQuorum = PrometheusText.write(healths().get("no-quorum"));
        assertThat(noQuorum).contains("ha_cluster_corosync_quorate 0\n", "san_node_reachable{node=\"storage-a\",role=\"storage\"} 0\n",
                "ha_cluster_pacemaker_nodes{node=\"quorum\",status=\"unclean\",type=\"member\"} 1\n",
                "san_health_overall{cluster=\"san-lab\"} 3\n");
    }

    @Test
    void labelValuesAreEscaped() {
        assertThat(PrometheusText.escapeLabel("a\\b\"c\nd")).isEqualTo("a\\\\b\\\"c\\nd");
    }
}
