package org.sansdk.cluster.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sansdk.cluster.health.HealthFixtures.CFGTOOL;
import static org.sansdk.cluster.health.HealthFixtures.CRM_MON;
import static org.sansdk.cluster.health.HealthFixtures.QUORUMTOOL;
import static org.sansdk.cluster.health.HealthFixtures.SAVECONFIG;
import static org.sansdk.cluster.health.HealthFixtures.SESSIONS;
import static org.sansdk.cluster.health.HealthFixtures.node;
import static org.sansdk.cluster.health.HealthFixtures.res;
import static org.sansdk.cluster.health.HealthFixtures.zpoolStatus;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sansdk.cluster.SanCluster;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.cluster.health.ClusterHealth.NodeState;
import org.sansdk.core.CommandResult;
import org.sansdk.core.ReplayExecutor;

/**
 * {@link SanCluster#status()} on replayed captures: crm_mon, corosync-quorumtool/-cfgtool and zfs-fuse's zpool status
 * recorded on the san-lab three-node cluster (healthy, storage-b's legs offline, a link down, storage-a's corosync
 * killed and fenced, the quorum node killed as well), plus copied corpus captures (crm_mon with a failed monitor,
 * a zfs-fuse resilver, an rtslib saveconfig.json). Each test asserts what its capture says.
 */
class ClusterHealthTest {
    /** zfs-fuse's zpool when its daemon does not run on that node (recorded on the lab's storage-b). */
    static final CommandResult ZFS_FUSE_NOT_RUNNING = CommandResult.of(1, "",
            "connect: No such file or directory\nPlease make sure that the zfs-fuse daemon is running.\n"
                    + "internal error: failed to initialize ZFS library\n");
    /** open-iscsi without sessions (recorded in the lab): exit 21. */
    static final CommandResult NO_SESSIONS = CommandResult.of(21, "", "iscsiadm: No active sessions.\n");
    /** OpenZFS's answer for a pool that is not imported on the node (written, as zpool prints it). */
    static final CommandResult NO_SUCH_POOL = CommandResult.of(1, "", "cannot open 'lab-pool': no such pool\n");

    static String sessionTo(String peer, int sid) {
        String addr = peer.equals("storage-a") ? "10.99.10.1" : "10.99.10.2";
        return "tcp: [" + sid + "] " + addr + ":3260,1 iqn.2025-01.lab.san:" + peer + " (non-flash)\n";
    }

    /** A healthy cluster; storage-b answers "no such pool", both backend sessions are logged in (written lines). */
    static SanCluster healthy(SanDesign d, String zpoolA) {
        ReplayExecutor a = node("healthy-crm_mon-storage-a.xml", "healthy-quorumtool-storage-a.txt", 0, "healthy-cfgtool-storage-a.txt")
                .on(zpoolStatus("lab-pool"), res(zpoolA)).on(SESSIONS, sessionTo("storage-b", 1)).build();
        ReplayExecutor b = node("healthy-crm_mon-storage-b.xml", "healthy-quorumtool-storage-b.txt", 0, "healthy-cfgtool-storage-b.txt")
                .on(zpoolStatus("lab-pool"), NO_SUCH_POOL).on(SESSIONS, sessionTo("storage-a", 2)).build();
        ReplayExecutor q = node("healthy-crm_mon-quorum.xml", "healthy-quorumtool-quorum.txt", 0, "healthy-cfgtool-quorum.txt").build();
        return HealthFixtures.cluster(d, a, b, q);
    }

    @Test
    void healthyClusterIsOkWithTheViewsTheCapturesShow() {
        ClusterHealth h = healthy(HealthFixtures.lab(), "healthy-zpool-storage-a.txt").status();

        assertThat(h.findings()).isEmpty();
        assertThat(h.overall()).isEqualTo(Severity.OK);
        ClusterHealth.PacemakerView pm = h.pacemaker().orElseThrow();
        assertThat(pm.readFrom()).isEqualTo("storage-a");
        assertThat(pm.dc()).contains("storage-a");
        assertThat(pm.quorate()).isTrue();
        assertThat(pm.nodes()).extracting(ClusterHealth.PacemakerNode::state).containsOnly(NodeState.ONLINE);
        assertThat(pm.resources()).filteredOn(r -> r.id().equals("zfs-pool")).singleElement()
                .satisfies(r -> assertThat(r.nodes()).containsExactly("storage-a"));
        ClusterHealth.CorosyncView c = h.node("quorum").orElseThrow().corosync().orElseThrow();
        assertThat(c.quorate()).isTrue();
        assertThat(c.totalVotes()).isEqualTo(3);
        assertThat(c.expectedVotes()).isEqualTo(3);
        assertThat(c.members()).extracting(ClusterHealth.Member::name).containsExactly("storage-a", "storage-b", "quorum");
        assertThat(c.ringId()).isEqualTo("1.d");
        assertThat(h.node("storage-a").orElseThrow().corosync().orElseThrow().links())
                .extracting(ClusterHealth.LinkPeer::link, ClusterHealth.LinkPeer::node, ClusterHealth.LinkPeer::state)
                .contains(org.assertj.core.groups.Tuple.tuple(1, "storage-b", "connected"));
        ClusterHealth.PoolView p = h.pool().orElseThrow();
        assertThat(p.node()).isEqualTo("storage-a");
        assertThat(p.state()).isEqualTo("ONLINE");
        assertThat(p.legs()).extracting(ClusterHealth.Leg::owner)
                .containsExactly("storage-a", "storage-b", "storage-a", "storage-b");
        assertThat(p.legs()).extracting(ClusterHealth.Leg::parent).containsExactly("mirror-0", "mirror-0", "mirror-1", "mirror-1");
        assertThat(h.node("storage-b").orElseThrow().pool().orElseThrow().imported()).isFalse();
    }

    @Test
    void fencingOffOrAFenceDeviceDisabled_isCritical() {
        // the lab's healthy crm_mon captures with stonith-enabled edited to false, then with fence-storage-a disabled
        // (crm_mon prints target_role="Stopped" and role Stopped for a disabled device)
        for (String variant : List.of("stonith-off", "device-off")) {
            java.util.function.UnaryOperator<String> edit = variant.equals("stonith-off")
                    ? x -> x.replace("stonith-enabled=\"true\"", "stonith-enabled=\"false\"")
                    : x -> x.replace("<resource id=\"fence-storage-a\" resource_agent=\"stonith:fence_dummy\" role=\"Started\" active=\"true\"",
                            "<resource id=\"fence-storage-a\" resource_agent=\"stonith:fence_dummy\" role=\"Stopped\" target_role=\"Stopped\" active=\"false\"");
            String monA = edit.apply(res("healthy-crm_mon-storage-a.xml"));
            assertThat(monA).isNotEqualTo(res("healthy-crm_mon-storage-a.xml"));
            ReplayExecutor a = ReplayExecutor.builder().on(CRM_MON, monA)
                    .on(QUORUMTOOL, CommandResult.of(0, res("healthy-quorumtool-storage-a.txt"), ""))
                    .on(CFGTOOL, res("healthy-cfgtool-storage-a.txt"))
                    .on(zpoolStatus("lab-pool"), res("healthy-zpool-storage-a.txt")).on(SESSIONS, sessionTo("storage-b", 1)).build();
            ReplayExecutor b = ReplayExecutor.builder().on(CRM_MON, edit.apply(res("healthy-crm_mon-storage-b.xml")))
                    .on(QUORUMTOOL, CommandResult.of(0, res("healthy-quorumtool-storage-b.txt"), ""))
                    .on(CFGTOOL, res("healthy-cfgtool-storage-b.txt"))
                    .on(zpoolStatus("lab-pool"), NO_SUCH_POOL).on(SESSIONS, sessionTo("storage-a", 2)).build();
            ReplayExecutor q = ReplayExecutor.builder().on(CRM_MON, edit.apply(res("healthy-crm_mon-quorum.xml")))
                    .on(QUORUMTOOL, CommandResult.of(0, res("healthy-quorumtool-quorum.txt"), ""))
                    .on(CFGTOOL, res("healthy-cfgtool-quorum.txt")).build();
            ClusterHealth h = HealthFixtures.cluster(HealthFixtures.lab(), a, b, q).status();
            assertThat(h.overall()).as(variant).isEqualTo(Severity.CRITICAL);
            assertThat(h.findings("FENCING-DISABLED")).as(variant).singleElement().satisfies(f -> assertThat(f.message())
                    .contains(variant.equals("stonith-off") ? "stonith-enabled is false" : "fencing device fence-storage-a is disabled"));
        }
    }

    @Test
    void theLabAsItIsNamesItsAbsences() {
        // in the lab zfs-fuse runs on storage-a only and there is no iscsid: both are findings, not health
        SanDesign d = HealthFixtures.lab();
        ReplayExecutor a = node("healthy-crm_mon-storage-a.xml", "healthy-quorumtool-storage-a.txt", 0, "healthy-cfgtool-storage-a.txt")
                .on(zpoolStatus("lab-pool"), res("healthy-zpool-storage-a.txt")).on(SESSIONS, NO_SESSIONS).build();
        ReplayExecutor b = node("healthy-crm_mon-storage-b.xml", "healthy-quorumtool-storage-b.txt", 0, "healthy-cfgtool-storage-b.txt")
                .on(zpoolStatus("lab-pool"), ZFS_FUSE_NOT_RUNNING).on(SESSIONS, NO_SESSIONS).build();
        ReplayExecutor q = node("healthy-crm_mon-quorum.xml", "healthy-quorumtool-quorum.txt", 0, "healthy-cfgtool-quorum.txt").build();

        ClusterHealth h = HealthFixtures.cluster(d, a, b, q).status();

        assertThat(h.overall()).isEqualTo(Severity.WARNING);
        assertThat(h.codes()).containsExactlyInAnyOrder("SOURCE-UNREADABLE", "SESSION-MISSING");
        assertThat(h.findings("SESSION-MISSING")).extracting(Finding::node).containsExactly("storage-a", "storage-b");
        assertThat(h.findings("SESSION-MISSING").get(0).message()).contains("iqn.2025-01.lab.san:storage-b");
        assertThat(h.findings("SOURCE-UNREADABLE")).extracting(Finding::node).containsExactly("storage-b", "storage-b");
        assertThat(h.findings("SOURCE-UNREADABLE").get(0).message() + h.findings("SOURCE-UNREADABLE").get(1).message())
                .contains("zfs-fuse daemon is running").contains("also imported on storage-b is unknown");
        assertThat(h.findings("SOURCE-UNREADABLE").get(0).command().argv()).isEqualTo(zpoolStatus("lab-pool"));
    }

    @Test
    void peersLegsOfflineIsPoolDegradedNamingThem() {
        ClusterHealth h = healthy(HealthFixtures.lab(), "degraded-zpool-storage-a.txt").status();

        assertThat(h.codes()).containsExactly("POOL-DEGRADED");
        Finding f = h.findings("POOL-DEGRADED").get(0);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.node()).isEqualTo("storage-a");
        assertThat(f.message()).contains("DEGRADED").contains("storage-b's legs: data-b-0 OFFLINE, data-b-1 OFFLINE")
                .doesNotContain("data-a-");
        assertThat(f.command().argv()).isEqualTo(zpoolStatus("lab-pool"));
        assertThat(h.pool().orElseThrow().legs()).filteredOn(l -> l.state().equals("OFFLINE"))
                .extracting(ClusterHealth.Leg::owner).containsOnly("storage-b");
    }

    @Test
    void aKnetLinkDownIsLinkDownWhileTheNodeStaysAMember() {
        SanDesign d = HealthFixtures.lab();
        ReplayExecutor a = node("healthy-crm_mon-storage-a.xml", "healthy-quorumtool-storage-a.txt", 0, "linkdown-cfgtool-storage-a.txt")
                .on(zpoolStatus("lab-pool"), res("healthy-zpool-storage-a.txt")).on(SESSIONS, sessionTo("storage-b", 1)).build();
        ReplayExecutor b = node("healthy-crm_mon-storage-b.xml", "healthy-quorumtool-storage-b.txt", 0, "linkdown-cfgtool-storage-b.txt")
                .on(zpoolStatus("lab-pool"), NO_SUCH_POOL).on(SESSIONS, sessionTo("storage-a", 2)).build();
        ReplayExecutor q = node("healthy-crm_mon-quorum.xml", "healthy-quorumtool-quorum.txt", 0, "healthy-cfgtool-quorum.txt").build();

        ClusterHealth h = HealthFixtures.cluster(d, a, b, q).status();

        assertThat(h.codes()).containsExactly("LINK-DOWN");
        // storage-a lost storage-b on link 1; storage-b lost storage-a and quorum on link 1
        assertThat(h.findings("LINK-DOWN")).extracting(Finding::node, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("storage-a", "corosync link 1 (10.99.10.1) from storage-a to storage-b is"
                        + " disconnected; the node is still a member over another link"),
                org.assertj.core.groups.Tuple.tuple("storage-b", "corosync link 1 (10.99.10.2) from storage-b to quorum is"
                        + " disconnected; the node is still a member over another link"),
                org.assertj.core.groups.Tuple.tuple("storage-b", "corosync link 1 (10.99.10.2) from storage-b to storage-a is"
                        + " disconnected; the node is still a member over another link"));
        assertThat(h.findings("LINK-DOWN").get(0).command().argv()).isEqualTo(CFGTOOL);
    }

    @Test
    void afterStorageAsCorosyncIsKilledItIsFencedOfflineAndEverythingRunsOnStorageB() {
        SanDesign d = HealthFixtures.lab();
        // storage-a: crm_mon prints "Could not connect to the CIB" with exit 0; quorumtool exit 1 (recorded)
        ReplayExecutor a = node("failover-crm_mon-storage-a.xml", null, 0, null)
                .on(QUORUMTOOL, CommandResult.of(1, "", res("failover-quorumtool-storage-a.txt")))
                .on(CFGTOOL, CommandResult.of(1, "", "Could not initialize corosync configuration API error 2\n"))
                .on(zpoolStatus("lab-pool"), res("healthy-zpool-storage-a.txt")).on(SESSIONS, sessionTo("storage-b", 1)).build();
        ReplayExecutor b = node("failover-crm_mon-storage-b.xml", "failover-quorumtool-storage-b.txt", 0, "failover-cfgtool-storage-b.txt")
                .on(zpoolStatus("lab-pool"), NO_SUCH_POOL).on(SESSIONS, sessionTo("storage-a", 2)).build();
        ReplayExecutor q = node("failover-crm_mon-quorum.xml", "failover-quorumtool-quorum.txt", 0, "healthy-cfgtool-quorum.txt").build();

        ClusterHealth h = HealthFixtures.cluster(d, a, b, q).status();

        ClusterHealth.PacemakerView pm = h.pacemaker().orElseThrow();
        assertThat(pm.readFrom()).isEqualTo("storage-b");
        assertThat(pm.dc()).contains("storage-b");
        assertThat(pm.resources()).filteredOn(r -> !r.agent().startsWith("stonith:"))
                .allSatisfy(r -> assertThat(r.nodes()).containsExactly("storage-b"));
        assertThat(pm.nodes()).filteredOn(n -> n.name().equals("storage-a")).extracting(ClusterHealth.PacemakerNode::state)
                .containsExactly(NodeState.OFFLINE);
        assertThat(h.findings("NODE-OFFLINE")).extracting(Finding::node).containsExactly("storage-a");
        assertThat(h.findings("NODE-FENCED")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).isEqualTo("storage-a was fenced (reboot) by quorum, asked by storage-b at 2026-11-28 13:06:41Z");
        });
        assertThat(h.findings("SOURCE-UNREADABLE")).extracting(Finding::node).containsOnly("storage-a");
        assertThat(h.findings("SOURCE-UNREADABLE")).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("Could not connect to the CIB"));
        assertThat(h.codes()).doesNotContain("QUORUM-LOST", "POOL-NOT-IMPORTED", "NODE-UNREACHABLE", "LINK-DOWN");
        assertThat(h.node("storage-b").orElseThrow().corosync().orElseThrow().totalVotes()).isEqualTo(2);
    }

    @Test
    void losingTheQuorumNodeAsWellIsQuorumLostAndThePoolImportedNowhere() {
        SanDesign d = HealthFixtures.lab();
        ReplayExecutor b = node("noquorum-crm_mon-storage-b.xml", "noquorum-quorumtool-storage-b.txt", 2, "noquorum-cfgtool-storage-b.txt")
                .on(zpoolStatus("lab-pool"), NO_SUCH_POOL).on(SESSIONS, NO_SESSIONS).build();

        ClusterHealth h = HealthFixtures.cluster(d, HealthFixtures.unreachable("10.99.20.1"), b,
                HealthFixtures.unreachable("10.99.20.3")).status();

        assertThat(h.overall()).isEqualTo(Severity.CRITICAL);
        assertThat(h.findings("QUORUM-LOST")).extracting(Finding::node, Finding::severity).contains(
                org.assertj.core.groups.Tuple.tuple("storage-b", Severity.CRITICAL));
        assertThat(h.findings("QUORUM-LOST")).extracting(Finding::message).anySatisfy(m -> assertThat(m)
                .isEqualTo("storage-b is not quorate: 1 of 3 votes, 2 needed, activity blocked; members storage-b"));
        assertThat(h.findings("NODE-UNREACHABLE")).extracting(Finding::node).containsExactly("storage-a", "quorum");
        assertThat(h.findings("NODE-UNREACHABLE").get(0).message()).contains("No route to host");
        assertThat(h.findings("NODE-UNCLEAN")).extracting(Finding::node).containsExactly("quorum");
        // Pacemaker stopped zfs-pool for lack of quorum: the reason comes from its own view
        assertThat(h.findings("POOL-NOT-IMPORTED")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("runs on no online node").contains("no quorum").contains("quorum is UNCLEAN"));
        assertThat(h.findings("RESOURCE-STOPPED")).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).startsWith("nfs-server runs nowhere"));
        assertThat(h.node("storage-a").orElseThrow().reachable()).isFalse();
    }

    @Test
    void aFailedFenceLeavesStorageAUncleanAndThePoolOnNoOnlineNode() {
        // lab with fence_dummy type=fail: storage-a's corosync killed, one reboot failed, the retry pending
        SanDesign d = HealthFixtures.lab();
        ReplayExecutor a = node("failover-crm_mon-storage-a.xml", null, 0, null)
                .on(QUORUMTOOL, CommandResult.of(1, "", res("failover-quorumtool-storage-a.txt")))
                .on(CFGTOOL, CommandResult.of(1, "", "Could not initialize corosync configuration API error 2\n"))
                .on(zpoolStatus("lab-pool"), res("healthy-zpool-storage-a.txt")).on(SESSIONS, sessionTo("storage-b", 1)).build();
        ReplayExecutor b = node("failfence-crm_mon-storage-b.xml", "failover-quorumtool-storage-b.txt", 0, "failover-cfgtool-storage-b.txt")
                .on(zpoolStatus("lab-pool"), NO_SUCH_POOL).on(SESSIONS, sessionTo("storage-a", 2)).build();
        ReplayExecutor q = node("failover-crm_mon-quorum.xml", "failover-quorumtool-quorum.txt", 0, "healthy-cfgtool-quorum.txt").build();

        ClusterHealth h = HealthFixtures.cluster(d, a, b, q).status();

        assertThat(h.pacemaker().orElseThrow().readFrom()).isEqualTo("storage-b");
        assertThat(h.findings("FENCING-FAILED")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.message()).isEqualTo("fencing (reboot) of storage-a failed by quorum, asked by storage-b at"
                    + " 2026-11-28 13:33:44Z: Fence agent did not complete within 10s");
        });
        assertThat(h.findings("FENCING-PENDING")).extracting(Finding::node).containsExactly("storage-a");
        assertThat(h.findings("NODE-UNCLEAN")).extracting(Finding::node).containsExactly("storage-a");
        // crm_mon still lists zfs-pool on storage-a (unknown state there): not running for the SAN
        assertThat(h.findings("POOL-NOT-IMPORTED")).singleElement().satisfies(f -> assertThat(f.message()).isEqualTo(
                "zfs-pool (pool lab-pool) runs on no online node (last known on storage-a): storage-a is UNCLEAN and must be"
                        + " fenced first; fencing of storage-a pending; fencing of storage-a failed"));
        assertThat(h.overall()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void aFailedMonitorIsResourceFailedWithTimeAndExitStatus() {
        // a corpus crm_mon (pacemaker's on_fail_demote3 scheduler test rendered by crm_mon 2.1.5) on every node
        SanDesign d = HealthFixtures.lab();
        ReplayExecutor a = node("real-crm_mon-2.1.5-on_fail_demote3.xml", "healthy-quorumtool-storage-a.txt", 0,
                "healthy-cfgtool-storage-a.txt").on(zpoolStatus("lab-pool"), res("healthy-zpool-storage-a.txt"))
                .on(SESSIONS, sessionTo("storage-b", 1)).build();
        ReplayExecutor b = node("healthy-crm_mon-storage-b.xml", "healthy-quorumtool-storage-b.txt", 0, "healthy-cfgtool-storage-b.txt")
                .on(zpoolStatus("lab-pool"), NO_SUCH_POOL).on(SESSIONS, sessionTo("storage-a", 2)).build();
        ReplayExecutor q = node("healthy-crm_mon-quorum.xml", "healthy-quorumtool-quorum.txt", 0, "healthy-cfgtool-quorum.txt").build();

        ClusterHealth h = HealthFixtures.cluster(d, a, b, q).status();

        assertThat(h.pacemaker().orElseThrow().readFrom()).isEqualTo("storage-a");
        assertThat(h.pacemaker().orElseThrow().failures()).singleElement().satisfies(f -> {
            assertThat(f.resource()).isEqualTo("rsc1");
            assertThat(f.node()).isEqualTo("rhel7-4");
            assertThat(f.task()).isEqualTo("monitor");
            assertThat(f.exitCode()).isEqualTo(7);
            assertThat(f.when()).isEqualTo("2020-06-16 19:23:21Z");
        });
        assertThat(h.findings("RESOURCE-FAILED")).extracting(Finding::message).contains(
                "rsc1 monitor failed on rhel7-4 at 2020-06-16 19:23:21Z: not running (exit 7)");
        assertThat(h.findings("RESOURCE-FAILED").get(0).command().argv()).isEqualTo(CRM_MON);
    }

    @Test
    void aResilverInProgressIsPoolResilveringWithItsProgress() {
        // zfs-fuse 0.7.0 during `zpool replace` (pool "tr", resilver 34.46% done, 0h0m to go)
        SanDesign d = HealthFixtures.lab("tr").build();
        ReplayExecutor a = node("healthy-crm_mon-storage-a.xml", "healthy-quorumtool-storage-a.txt", 0, "healthy-cfgtool-storage-a.txt")
                .on(zpoolStatus("tr"), res("zfs-fuse-resilver-replacing-poll-2.txt")).on(SESSIONS, sessionTo("storage-b", 1)).build();
        ReplayExecutor b = node("healthy-crm_mon-storage-b.xml", "healthy-quorumtool-storage-b.txt", 0, "healthy-cfgtool-storage-b.txt")
                .on(zpoolStatus("tr"), CommandResult.of(1, "", "cannot open 'tr': no such pool\n"))
                .on(SESSIONS, sessionTo("storage-a", 2)).build();
        ReplayExecutor q = node("healthy-crm_mon-quorum.xml", "healthy-quorumtool-quorum.txt", 0, "healthy-cfgtool-quorum.txt").build();

        ClusterHealth h = HealthFixtures.cluster(d, a, b, q).status();

        assertThat(h.findings("POOL-RESILVERING")).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("pool tr is resilvering, 34.46% done, 0s to go");
            assertThat(f.command().argv()).isEqualTo(zpoolStatus("tr"));
        });
        ClusterHealth.ScanProgress s = h.pool().orElseThrow().scan().orElseThrow();
        assertThat(s.percent().getAsDouble()).isEqualTo(34.46);
        assertThat(s.eta()).contains(java.time.Duration.ZERO);
        // the replaced legs are files the design does not name
        assertThat(h.pool().orElseThrow().legs()).extracting(ClusterHealth.Leg::owner).containsOnly("");
    }

    @Test
    void aLongResilverReportsItsEtaAndTheUnavailableLegItReplaces() {
        // ZoL 0.7 (old two-line progress): 0.01% done, 123h32m to go, an UNAVAIL leg inside replacing-0
        SanDesign d = HealthFixtures.lab("Data").build();
        ReplayExecutor a = node("healthy-crm_mon-storage-a.xml", "healthy-quorumtool-storage-a.txt", 0, "healthy-cfgtool-storage-a.txt")
                .on(zpoolStatus("Data"), res("himm-resilver-old-format-replacing-0.txt")).on(SESSIONS, sessionTo("storage-b", 1)).build();
        ReplayExecutor b = node("healthy-crm_mon-storage-b.xml", "healthy-quorumtool-storage-b.txt", 0, "healthy-cfgtool-storage-b.txt")
                .on(zpoolStatus("Data"), CommandResult.of(1, "", "cannot open 'Data': no such pool\n"))
                .on(SESSIONS, sessionTo("storage-a", 2)).build();
        ReplayExecutor q = node("healthy-crm_mon-quorum.xml", "healthy-quorumtool-quorum.txt", 0, "healthy-cfgtool-quorum.txt").build();

        ClusterHealth h = HealthFixtures.cluster(d, a, b, q).status();

        assertThat(h.findings("POOL-RESILVERING")).singleElement().satisfies(f -> assertThat(f.message())
                .isEqualTo("pool Data is resilvering, 0.01% done, 123h32m to go"));
        assertThat(h.pool().orElseThrow().scan().orElseThrow().eta()).contains(java.time.Duration.ofHours(123).plusMinutes(32));
        assertThat(h.findings("POOL-DEGRADED")).singleElement().satisfies(f -> assertThat(f.message())
                .isEqualTo("pool Data is DEGRADED on storage-a; legs the design does not name: 4676737554230074290 UNAVAIL"));
        assertThat(PrometheusText.write(h)).contains("san_pool_resilver_eta_seconds{pool=\"Data\"} 444720\n",
                "san_pool_resilver_progress_ratio{pool=\"Data\"} 1.0E-4\n", "zfs_pool_health{pool=\"Data\"} 1\n");
    }

    @Test
    void theClientTargetAndItsLunsAreCheckedOnTheActiveNode() {
        // a real saveconfig.json: target iqn.2021-05.com.example.iscsi:cluster with one block LUN on /dev/sdb1
        SanDesign d = HealthFixtures.withClientTarget("iqn.2021-05.com.example.iscsi:cluster");
        ClusterHealth h = withSaveconfig(d).status();
        assertThat(h.findings("LUN-MISSING")).singleElement().satisfies(f -> {
            assertThat(f.node()).isEqualTo("storage-a");
            assertThat(f.message()).isEqualTo("zvol lab-pool/vm-100-disk-0 is not a LUN of iqn.2021-05.com.example.iscsi:cluster"
                    + " on storage-a");
            assertThat(f.command().argv()).isEqualTo(SAVECONFIG);
        });
        assertThat(h.node("storage-a").orElseThrow().lio().orElseThrow().targetPresent()).isTrue();

        ClusterHealth other = withSaveconfig(HealthFixtures.withClientTarget("iqn.2025-01.lab.san:client")).status();
        assertThat(other.findings("TARGET-MISSING")).extracting(Finding::node).containsExactly("storage-a");
        assertThat(other.codes()).doesNotContain("LUN-MISSING");
    }

    private static SanCluster withSaveconfig(SanDesign d) {
        ReplayExecutor a = node("healthy-crm_mon-storage-a.xml", "healthy-quorumtool-storage-a.txt", 0, "healthy-cfgtool-storage-a.txt")
                .on(zpoolStatus("lab-pool"), res("healthy-zpool-storage-a.txt")).on(SESSIONS, sessionTo("storage-b", 1))
                .on(SAVECONFIG, res("teachlinuxcluster-two-acls.json")).build();
        ReplayExecutor b = node("healthy-crm_mon-storage-b.xml", "healthy-quorumtool-storage-b.txt", 0, "healthy-cfgtool-storage-b.txt")
                .on(zpoolStatus("lab-pool"), NO_SUCH_POOL).on(SESSIONS, sessionTo("storage-a", 2))
                .on(SAVECONFIG, CommandResult.of(1, "", "cat: /etc/rtslib-fb-target/saveconfig.json: No such file or directory\n"))
                .build();
        ReplayExecutor q = node("healthy-crm_mon-quorum.xml", "healthy-quorumtool-quorum.txt", 0, "healthy-cfgtool-quorum.txt").build();
        return HealthFixtures.cluster(d, a, b, q);
    }

    @Test
    void aPoolNeitherStorageNodeImportsIsNotImportedEvenWhenPacemakerSaysItRuns() {
        // Pacemaker's healthy view (zfs-pool started on storage-a) but both zpools answer "no such pool"
        SanDesign d = HealthFixtures.lab();
        ReplayExecutor a = node("healthy-crm_mon-storage-a.xml", "healthy-quorumtool-storage-a.txt", 0, "healthy-cfgtool-storage-a.txt")
                .on(zpoolStatus("lab-pool"), NO_SUCH_POOL).on(SESSIONS, sessionTo("storage-b", 1)).build();
        ReplayExecutor b = node("healthy-crm_mon-storage-b.xml", "healthy-quorumtool-storage-b.txt", 0, "healthy-cfgtool-storage-b.txt")
                .on(zpoolStatus("lab-pool"), NO_SUCH_POOL).on(SESSIONS, sessionTo("storage-a", 2)).build();
        ReplayExecutor q = node("healthy-crm_mon-quorum.xml", "healthy-quorumtool-quorum.txt", 0, "healthy-cfgtool-quorum.txt").build();

        ClusterHealth h = HealthFixtures.cluster(d, a, b, q).status();

        assertThat(h.codes()).containsExactly("POOL-NOT-IMPORTED");
        assertThat(h.findings("POOL-NOT-IMPORTED")).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("pool lab-pool is imported on no storage node");
            assertThat(f.command().argv()).isEqualTo(zpoolStatus("lab-pool"));
        });
        assertThat(h.pool()).isEmpty();
    }

    @Test
    void aPoolImportedOnBothStorageNodesIsCritical() {
        SanDesign d = HealthFixtures.lab();
        ReplayExecutor a = node("healthy-crm_mon-storage-a.xml", "healthy-quorumtool-storage-a.txt", 0, "healthy-cfgtool-storage-a.txt")
                .on(zpoolStatus("lab-pool"), res("healthy-zpool-storage-a.txt")).on(SESSIONS, sessionTo("storage-b", 1)).build();
        ReplayExecutor b = node("healthy-crm_mon-storage-b.xml", "healthy-quorumtool-storage-b.txt", 0, "healthy-cfgtool-storage-b.txt")
                .on(zpoolStatus("lab-pool"), res("degraded-zpool-storage-a.txt")).on(SESSIONS, sessionTo("storage-a", 2)).build();
        ReplayExecutor q = node("healthy-crm_mon-quorum.xml", "healthy-quorumtool-quorum.txt", 0, "healthy-cfgtool-quorum.txt").build();

        ClusterHealth h = HealthFixtures.cluster(d, a, b, q).status();

        assertThat(h.overall()).isEqualTo(Severity.CRITICAL);
        assertThat(h.findings("POOL-IMPORTED-TWICE")).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("pool lab-pool is imported on storage-a and storage-b"));
    }

    @Test
    void aNodeWhoseExecutorFailsIsAFindingNeverAnException() {
        SanDesign d = HealthFixtures.lab();
        ClusterHealth h = HealthFixtures.cluster(d, HealthFixtures.unreachable("a"), HealthFixtures.unreachable("b"),
                HealthFixtures.unreachable("q")).status();
        assertThat(h.findings("NODE-UNREACHABLE")).extracting(Finding::node, Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("storage-a", Severity.CRITICAL),
                org.assertj.core.groups.Tuple.tuple("storage-b", Severity.CRITICAL),
                org.assertj.core.groups.Tuple.tuple("quorum", Severity.WARNING));
        assertThat(h.findings("SOURCE-UNREADABLE")).extracting(Finding::message)
                .containsExactly("no node's crm_mon could be read: Pacemaker's view is unknown");
        assertThat(h.pacemaker()).isEmpty();
        assertThat(h.pool()).isEmpty();
        assertThat(h.codes()).doesNotContain("POOL-NOT-IMPORTED");
    }

    @Test
    void aNodeThatDoesNotAnswerWithinTheBoundIsUnreachable() {
        SanDesign d = HealthFixtures.lab();
        org.sansdk.core.Executor hang = c -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return CommandResult.of(1, "", "interrupted");
        };
        long t0 = System.nanoTime();
        ClusterHealth h = healthyWith(d, hang).status(java.time.Duration.ofMillis(500));
        assertThat(System.nanoTime() - t0).isLessThan(java.time.Duration.ofSeconds(10).toNanos());
        assertThat(h.findings("NODE-UNREACHABLE")).extracting(Finding::node).containsExactly("quorum");
        assertThat(h.findings("NODE-UNREACHABLE").get(0).message()).contains("within 500 ms");
    }

    private static SanCluster healthyWith(SanDesign d, org.sansdk.core.Executor quorum) {
        ReplayExecutor a = node("healthy-crm_mon-storage-a.xml", "healthy-quorumtool-storage-a.txt", 0, "healthy-cfgtool-storage-a.txt")
                .on(zpoolStatus("lab-pool"), res("healthy-zpool-storage-a.txt")).on(SESSIONS, sessionTo("storage-b", 1)).build();
        ReplayExecutor b = node("healthy-crm_mon-storage-b.xml", "healthy-quorumtool-storage-b.txt", 0, "healthy-cfgtool-storage-b.txt")
                .on(zpoolStatus("lab-pool"), NO_SUCH_POOL).on(SESSIONS, sessionTo("storage-a", 2)).build();
        return HealthFixtures.cluster(d, a, b, quorum);
    }

    @Test
    void findingsAreOrderedWorstFirstAndStable() {
        ClusterHealth h1 = healthy(HealthFixtures.lab(), "degraded-zpool-storage-a.txt").status();
        List<Finding> f = HealthFixtures.cluster(HealthFixtures.lab(), HealthFixtures.unreachable("a"),
                HealthFixtures.unreachable("b"), HealthFixtures.unreachable("q")).status().findings();
        for (int i = 1; i < f.size(); i++) {
            assertThat(f.get(i - 1).severity().compareTo(f.get(i).severity())).isGreaterThanOrEqualTo(0);
        }
        assertThat(h1.describe()).startsWith("san-lab: WARNING\n  WARNING POOL-DEGRADED [storage-a] pool lab-pool is DEGRADED");
    }
}
