package org.sansdk.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.sansdk.core.Command;
import org.sansdk.core.testing.NetNamespace;
import org.sansdk.core.testing.TestExecutors;
import org.sansdk.pacemaker.cib.Cib;
import org.sansdk.pacemaker.cib.CibChangedException;
import org.sansdk.pacemaker.cib.CibPatch;
import org.sansdk.pacemaker.cib.Configuration;
import org.sansdk.pacemaker.cib.Group;
import org.sansdk.pacemaker.cib.Primitive;
import org.sansdk.pacemaker.cib.Resource;
import org.sansdk.pacemaker.cib.ResourceAgent;
import org.sansdk.pacemaker.design.FencingDevice;
import org.sansdk.pacemaker.design.SanClusterDesign;
import org.sansdk.pacemaker.design.SanResourceSet;
import org.sansdk.pacemaker.design.SanService;
import org.sansdk.pacemaker.ops.SettleResult;
import org.sansdk.pacemaker.status.ClusterStatus;
import org.sansdk.pacemaker.status.FenceEvent;

/**
 * The design's resource set on a real three-node cluster (storage-a, storage-b, quorum: one network namespace
 * each, joined by a bridge), with ocf:pacemaker:Dummy standing in for agents that need hardware (ZFS, IPaddr2,
 * systemd units) and fence_dummy for fencing. The constraints are exactly the generated ones.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreeNodeFailoverTest {

    private static final List<String> NAMES = List.of("storage-a", "storage-b", "quorum");
    private static final List<String> SERVICES = List.of("zfs-pool", "vip-enduser", "nfs-server", "smb-server", "vip-cockpit", "cockpit-service");
    private static final List<NetNamespace> NETNS = new ArrayList<>();
    private static final List<ClusterNode> NODES = new ArrayList<>();
    private static NetNamespace bridge;

    private static Runnable cleanup;

    @BeforeAll
    static void startCluster() throws Exception {
        ClusterNode.requireTools();
        cleanup = ClusterNode.onceAndAtExit(ThreeNodeFailoverTest::cleanUp);
        bridge = NetNamespace.create("san-br");
        bridge.exec(List.of("ip", "link", "add", "br0", "type", "bridge"));
        bridge.exec(List.of("ip", "link", "set", "br0", "up"));
        String tag = UUID.randomUUID().toString().substring(0, 6);
        List<String> addresses = List.of("10.99.7.1", "10.99.7.2", "10.99.7.3");
        String conf = ClusterNode.corosyncConf(NAMES, addresses);
        for (int i = 0; i < 3; i++) {
            NetNamespace ns = NetNamespace.create("san-n" + (i + 1));
            NETNS.add(ns);
            String v = "sv" + tag + i;
            String b = "sb" + tag + i;
            TestExecutors.local().runChecked(Command.of("ip", "link", "add", v, "type", "veth", "peer", "name", b));
            TestExecutors.local().runChecked(Command.of("ip", "link", "set", v, "netns", ns.name()));
            TestExecutors.local().runChecked(Command.of("ip", "link", "set", b, "netns", bridge.name()));
            bridge.exec(List.of("ip", "link", "set", b, "master", "br0"));
            bridge.exec(List.of("ip", "link", "set", b, "up"));
            ns.exec(List.of("ip", "addr", "add", addresses.get(i) + "/24", "dev", v));
            ns.exec(List.of("ip", "link", "set", v, "up"));
        }
        for (int i = 0; i < 3; i++) {
            NODES.add(ClusterNode.start(NAMES.get(i), NETNS.get(i).name(), conf));
        }
        waitFor(node("storage-b"), s -> s.summary().map(x -> x.dcPresent()).orElse(false)
                && NAMES.stream().allMatch(n -> s.node(n).map(x -> x.online()).orElse(false)), Duration.ofSeconds(150));
        NODES.forEach(ClusterNode::recordPids);
    }

    @AfterAll
    static void stopCluster() {
        if (cleanup != null) {
            cleanup.run();
        }
    }

    /** Every node, then every namespace, each independently (one failing cleanup does not skip the others). */
    private static void cleanUp() {
        List<AutoCloseable> all = new ArrayList<>(NODES);
        all.addAll(NETNS);
        if (bridge != null) {
            all.add(bridge);
        }
        for (AutoCloseable c : all) {
            try {
                c.close();
            } catch (Exception e) {
                System.err.println("cleanup of " + c + " failed: " + e);
            }
        }
    }

    private static ClusterNode node(String name) {
        return NODES.stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    private static ClusterStatus waitFor(ClusterNode n, Predicate<ClusterStatus> ok, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ClusterStatus last = null;
        while (System.nanoTime() < deadline) {
            last = n.statusOrNull();
            if (last != null && ok.test(last)) {
                return last;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("cluster did not reach the expected state from " + n.name() + "; last status: " + last);
    }

    private static void settle(ClusterNode n) {
        assertThat(n.pacemaker().waitForSettle(Duration.ofSeconds(90)).outcome()).isEqualTo(SettleResult.Outcome.SETTLED);
    }

    /** The generated design, agents that need hardware replaced by ocf:pacemaker:Dummy; constraints untouched. */
    static Configuration standIn(Configuration live) {
        SanClusterDesign d = SanClusterDesign.builder().vip("enduser", "10.30.30.10/24", "eth-enduser").services(SanService.NFS, SanService.SMB)
                .cockpit("10.20.20.10/24", "eth-mgmt")
                .fencing(FencingDevice.of("storage-a", "fence_dummy", Map.of()))
                .fencing(FencingDevice.of("storage-b", "fence_dummy", Map.of())).build();
        Configuration c = SanResourceSet.configuration(d);
        List<Resource> rs = new ArrayList<>();
        for (Resource r : c.resources()) {
            if (r instanceof Primitive p) {
                rs.add(dummy(p));
            } else if (r instanceof Group g) {
                rs.add(new Group(g.id(), g.metaAttributes(), g.members().stream().map(ThreeNodeFailoverTest::dummy).toList()));
            }
        }
        return new Configuration(c.crmConfig(), live.nodes(), rs, c.constraints(), c.fencingTopology(), c.rscDefaults(), c.opDefaults(),
                c.tags(), c.alerts(), c.acls(), c.unknown());
    }

    private static Primitive dummy(Primitive p) {
        if (p.isFencingDevice()) {
            return p;
        }
        return new Primitive(p.id(), ResourceAgent.parse("ocf:pacemaker:Dummy"), null, null, List.of(), p.metaAttributes(), List.of(),
                p.operations().stream().filter(o -> o.name().equals("monitor")).toList(), List.of());
    }

    private static void assertAllOn(ClusterStatus s, String nodeName) {
        for (String r : SERVICES) {
            assertThat(s.runningOn(r)).as(r).containsExactly(nodeName);
        }
    }

    @Test
    @Order(1)
    void designPushed_everythingOnStorageA_nothingOnQuorum() throws InterruptedException {
        ClusterNode b = node("storage-b");
        Pacemaker pm = b.pacemaker();
        settle(b);
        boolean applied = false;
        Configuration desired = null;
        for (int attempt = 0; attempt < 10 && !applied; attempt++) {
            Cib live = pm.cib();
            desired = standIn(live.configuration());
            try {
                pm.apply(CibPatch.between(live, desired, false));
                applied = true;
            } catch (CibChangedException e) {
                // status updates moved num_updates: re-plan (bounded: 10 attempts, 1 s apart)
                Thread.sleep(1000);
            }
        }
        assertThat(applied).isTrue();
        settle(b);
        ClusterStatus s = pm.status();
        assertAllOn(s, "storage-a");
        assertThat(s.node("quorum").orElseThrow().resourcesRunning()).isZero();
        assertThat(s.runningOn("fence-storage-a")).containsExactly("storage-b");
        assertThat(s.runningOn("fence-storage-b")).containsExactly("storage-a");
        assertThat(SanResourceSet.checkIntent(pm.cib().configuration(), List.of("storage-a", "storage-b"), "quorum", "zfs-pool")).isEmpty();
        // planning the same design again against the running cluster changes nothing (no replace of the pool or groups)
        assertThat(CibPatch.between(pm.cib(), desired, true).changes()).extracting(c -> c.describe()).isEmpty();
    }

    @Test
    @Order(2)
    void storageACrashes_isFencedByStorageB_andEverythingMovesThere() throws Exception {
        node("storage-a").killCorosync();
        ClusterNode b = node("storage-b");
        ClusterStatus s = waitFor(b, x -> !x.node("storage-a").map(n -> n.online()).orElse(true)
                && x.runningOn("zfs-pool").equals(List.of("storage-b")), Duration.ofSeconds(120));
        settle(b);
        s = b.pacemaker().status();
        assertAllOn(s, "storage-b");
        assertThat(s.node("quorum").orElseThrow().resourcesRunning()).isZero();
        List<FenceEvent> history = b.pacemaker().fencingHistory();
        assertThat(history).anySatisfy(e -> {
            assertThat(e.target()).isEqualTo("storage-a");
            assertThat(e.status()).isEqualTo("success");
            assertThat(e.delegate()).isEqualTo("storage-b");
        });
        assertThat(b.pacemaker().quorum().quorate()).isTrue();
    }

    @Test
    @Order(3)
    void storageAReturns_nothingMovesBack() throws Exception {
        ClusterNode a = node("storage-a");
        a.stop();
        a.launch();
        ClusterNode b = node("storage-b");
        waitFor(b, x -> x.node("storage-a").map(n -> n.online()).orElse(false), Duration.ofSeconds(120));
        settle(b);
        a.recordPids();
        ClusterStatus s = b.pacemaker().status();
        assertAllOn(s, "storage-b");
        assertThat(s.runningOn("fence-storage-b")).containsExactly("storage-a");
    }

    @Test
    @Order(4)
    void standbyOfActiveNode_movesEverythingBackWithoutFencing() throws Exception {
        ClusterNode b = node("storage-b");
        int fencingsBefore = b.pacemaker().fencingHistory().size();
        b.pacemaker().standby("storage-b");
        waitFor(b, x -> x.runningOn("zfs-pool").equals(List.of("storage-a")), Duration.ofSeconds(90));
        settle(b);
        ClusterStatus s = b.pacemaker().status();
        assertAllOn(s, "storage-a");
        assertThat(s.node("storage-b").orElseThrow().standby()).isTrue();
        assertThat(b.pacemaker().fencingHistory()).hasSize(fencingsBefore);
        b.pacemaker().unstandby("storage-b");
        settle(b);
        assertAllOn(b.pacemaker().status(), "storage-a");
    }

    @Test
    @Order(5)
    void moveOfThePool_takesTheColocatedGroupsAlong_andLeavesNoConstraint() throws Exception {
        ClusterNode b = node("storage-b");
        Pacemaker pm = b.pacemaker();
        settle(b);
        // pcs 0.11: move bans the current node, waits for the move, then removes its constraint again
        pm.move("zfs-pool", java.util.Optional.of("storage-b"));
        waitFor(b, x -> x.runningOn("zfs-pool").equals(List.of("storage-b")), Duration.ofSeconds(90));
        settle(b);
        assertAllOn(pm.status(), "storage-b");
        assertThat(pm.cib().configuration().constraints()).noneMatch(c -> c.id().startsWith("cli-"));
        pm.clear("zfs-pool");
        pm.cleanup(java.util.Optional.of("zfs-pool"));
        settle(b);
        assertAllOn(pm.status(), "storage-b");
    }
}
