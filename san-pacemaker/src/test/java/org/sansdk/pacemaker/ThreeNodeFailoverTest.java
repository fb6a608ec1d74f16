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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sansdk.pacemaker.cib.PatchOption;
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
import org.sansdk.pacemaker.design.SanResourceSpec;
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
        SanResourceSpec d = SanResourceSpec.builder().vip("enduser", "10.30.30.10/24", "eth-enduser").services(SanService.NFS, SanService.SMB)
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
        return c.toBuilder().nodes(live.nodes()).resources(rs).build();
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

    /** Pushes the design (stand-ins) from storage-b, re-planning when status updates move the CIB version (bounded). */
    private static Configuration pushDesign(Pacemaker pm) throws InterruptedException {
        for (int attempt = 0; attempt < 10; attempt++) {
            Cib live = pm.cib();
            Configuration desired = standIn(live.configuration());
            try {
                CibPatch p = CibPatch.between(live, desired);
                if (!p.isEmpty()) {
                    pm.apply(p);
                }
                return desired;
            } catch (CibChangedException e) {
                // status updates moved num_updates: re-plan (bounded: 10 attempts, 1 s apart)
                Thread.sleep(1000);
            }
        }
        throw new AssertionError("could not push the design in 10 attempts");
    }

    /**
     * The known baseline every test starts from, whatever ran before (or alone, -Dtest=Class#method): all three
     * nodes members, none in standby, the design pushed, no cli- constraints, failures cleaned up, everything on
     * storage-a (the preferred node), settled.
     */
    @BeforeEach
    void baseline() throws Exception {
        ClusterNode b = node("storage-b");
        Pacemaker pm = b.pacemaker();
        ClusterStatus s = b.statusOrNull();
        if (s == null || !s.node("storage-a").map(n -> n.online()).orElse(false)) {
            ClusterNode a = node("storage-a");
            a.stop();
            a.launch();
            waitFor(b, x -> x.node("storage-a").map(n -> n.online()).orElse(false), Duration.ofSeconds(120));
            a.recordPids();
        }
        for (String n : List.of("storage-a", "storage-b")) {
            if (pm.status().node(n).map(x -> x.standby()).orElse(false)) {
                pm.unstandby(n);
            }
        }
        pushDesign(pm);
        pm.cleanup();
        settle(b);
        if (!pm.status().runningOn("zfs-pool").equals(List.of("storage-a"))) {
            pm.move("zfs-pool", "storage-a");
            waitFor(b, x -> x.runningOn("zfs-pool").equals(List.of("storage-a")), Duration.ofSeconds(90));
        }
        if (pm.cib().configuration().constraints().stream().anyMatch(c -> c.id().startsWith("cli-"))) {
            pm.clear("zfs-pool");
        }
        settle(b);
        waitFor(b, x -> NAMES.stream().allMatch(n -> x.node(n).map(y -> y.online() && !y.standby()).orElse(false))
                && SERVICES.stream().allMatch(r -> x.runningOn(r).equals(List.of("storage-a"))), Duration.ofSeconds(90));
    }

    @Test
    void designPushed_everythingOnStorageA_storageNothingOnQuorum() throws InterruptedException {
        ClusterNode b = node("storage-b");
        Pacemaker pm = b.pacemaker();
        Configuration desired = pushDesign(pm);
        settle(b);
        ClusterStatus s = pm.status();
        assertAllOn(s, "storage-a");
        // fencing devices run on a node they do not fence; storage resources never on the quorum node
        assertThat(s.runningOn("fence-storage-a")).hasSize(1).doesNotContain("storage-a");
        assertThat(s.runningOn("fence-storage-b")).hasSize(1).doesNotContain("storage-b");
        SERVICES.forEach(r -> assertThat(s.runningOn(r)).as(r).doesNotContain("quorum"));
        assertThat(SanResourceSet.checkIntent(pm.cib().configuration(), List.of("storage-a", "storage-b"), "quorum", "zfs-pool")).isEmpty();
        // planning the same design again against the running cluster changes nothing (no replace of the pool or groups)
        assertThat(CibPatch.between(pm.cib(), desired, PatchOption.PRUNE).changes()).extracting(c -> c.describe()).isEmpty();
    }

    /** Kills storage-a's corosync and waits until storage-b runs the pool. */
    private static ClusterNode crashStorageA() throws Exception {
        node("storage-a").killCorosync();
        ClusterNode b = node("storage-b");
        waitFor(b, x -> !x.node("storage-a").map(n -> n.online()).orElse(true)
                && x.runningOn("zfs-pool").equals(List.of("storage-b")), Duration.ofSeconds(120));
        settle(b);
        return b;
    }

    @Test
    void storageACrashes_isFenced_andEverythingMovesToStorageB() throws Exception {
        ClusterNode b = node("storage-b");
        // a clean fencing history for storage-a first: the event below is this crash's, whatever ran before
        b.executor().runChecked(Command.of("stonith_admin", "--cleanup", "--history", "storage-a"));
        assertThat(b.pacemaker().fencingHistory()).noneMatch(e -> "storage-a".equals(e.target()));
        crashStorageA();
        ClusterStatus s = b.pacemaker().status();
        assertAllOn(s, "storage-b");
        SERVICES.forEach(r -> assertThat(s.runningOn(r)).as(r).doesNotContain("quorum"));
        // exactly one fencing of storage-a: a successful reboot carried out by storage-b or the quorum node
        assertThat(b.pacemaker().fencingHistory()).filteredOn(e -> "storage-a".equals(e.target())).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("reboot");
            assertThat(e.status()).isEqualTo("success");
            assertThat(e.delegate()).isIn("storage-b", "quorum");
        });
        assertThat(org.sansdk.corosync.Corosync.on(b.executor()).quorum().quorate()).isTrue();
    }

    @Test
    void storageAReturns_nothingMovesBack() throws Exception {
        ClusterNode b = crashStorageA();
        ClusterNode a = node("storage-a");
        a.stop();
        a.launch();
        waitFor(b, x -> x.node("storage-a").map(n -> n.online()).orElse(false), Duration.ofSeconds(120));
        settle(b);
        a.recordPids();
        assertAllOn(b.pacemaker().status(), "storage-b");
    }

    @Test
    void standbyOfActiveNode_movesEverythingWithoutFencing() throws Exception {
        ClusterNode b = node("storage-b");
        int fencingsBefore = b.pacemaker().fencingHistory().size();
        b.pacemaker().standby("storage-a");
        waitFor(b, x -> x.runningOn("zfs-pool").equals(List.of("storage-b")), Duration.ofSeconds(90));
        settle(b);
        ClusterStatus s = b.pacemaker().status();
        assertAllOn(s, "storage-b");
        assertThat(s.node("storage-a").orElseThrow().standby()).isTrue();
        assertThat(b.pacemaker().fencingHistory()).hasSize(fencingsBefore);
        b.pacemaker().unstandby("storage-a");
        settle(b);
        // stickiness keeps everything where it went
        assertAllOn(b.pacemaker().status(), "storage-b");
    }

    @Test
    void moveOfThePool_takesTheColocatedGroupsAlong_andLeavesNoConstraint() throws Exception {
        ClusterNode b = node("storage-b");
        Pacemaker pm = b.pacemaker();
        // pcs 0.11: move bans the current node, waits for the move, then removes its constraint again
        pm.move("zfs-pool", "storage-b");
        waitFor(b, x -> x.runningOn("zfs-pool").equals(List.of("storage-b")), Duration.ofSeconds(90));
        settle(b);
        assertAllOn(pm.status(), "storage-b");
        assertThat(pm.cib().configuration().constraints()).noneMatch(c -> c.id().startsWith("cli-"));
        pm.clear("zfs-pool");
        pm.cleanup("zfs-pool");
        settle(b);
        assertAllOn(pm.status(), "storage-b");
    }
}
