package org.sansdk.lab.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sansdk.core.Command;
import org.sansdk.core.testing.RealTools;
import org.sansdk.core.testing.TestExecutors;
import org.sansdk.lab.Lab;
import org.sansdk.lab.LabDesign;
import org.sansdk.lab.LabNode;
import org.sansdk.pacemaker.Pacemaker;
import org.sansdk.pacemaker.cib.Cib;
import org.sansdk.pacemaker.cib.CibChangedException;
import org.sansdk.pacemaker.cib.CibPatch;
import org.sansdk.pacemaker.cib.Configuration;
import org.sansdk.pacemaker.cib.PatchOption;
import org.sansdk.pacemaker.design.SanResourceSet;
import org.sansdk.pacemaker.ops.SettleResult;
import org.sansdk.pacemaker.status.ClusterStatus;

/**
 * The design's resource set on the standard lab (storage-a, storage-b, quorum; Dummy stand-ins, fence_dummy, the
 * rendered constraints), driven through san-pacemaker's facade: placement, a crash and the crashed node's return,
 * standby and move. Moved here from san-pacemaker's {@code ThreeNodeFailoverTest}; one lab for the class, the crashed
 * node restarted by the baseline (the crash itself, with its fencing, is also {@code LabFailoverTest}'s).
 */
class TakeoverOnLabTest {

    private static Lab lab;
    private static List<String> services;

    @BeforeAll
    static void startLab() {
        Lab.requireTools();
        RealTools.require("pcs");
        lab = Lab.start(LabDesign.standard());
        services = lab.design().services();
    }

    @AfterAll
    static void closeLab() {
        if (lab != null) {
            lab.close();
            assertThat(lab.residue()).isEmpty();
        }
    }

    private static LabNode node(String name) {
        return lab.node(name);
    }

    private static ClusterStatus waitFor(java.util.function.Predicate<ClusterStatus> ok, Duration bound) {
        return lab.awaitStatus("storage-b", ok, bound);
    }

    private static void settle(LabNode n) {
        SettleResult r = n.pacemaker().waitForSettle(Duration.ofSeconds(120));
        assertThat(r.outcome()).as(r.toString()).isEqualTo(SettleResult.Outcome.SETTLED);
    }

    /** The lab design's configuration with the live node entries. */
    private static Configuration design(Configuration live) {
        return lab.design().cibConfiguration().toBuilder().nodes(live.nodes()).build();
    }

    /** Pushes the design from storage-b, re-planning when status updates move the CIB version (bounded). */
    private static Configuration pushDesign(Pacemaker pm) throws InterruptedException {
        for (int attempt = 0; attempt < 10; attempt++) {
            Cib live = pm.cib();
            Configuration desired = design(live.configuration());
            try {
                CibPatch p = CibPatch.between(live, desired);
                if (!p.isEmpty()) {
                    pm.apply(p);
                }
                return desired;
            } catch (CibChangedException e) {
                Thread.sleep(1000);
            }
        }
        throw new AssertionError("could not push the design in 10 attempts");
    }

    private static void assertAllOn(ClusterStatus s, String nodeName) {
        for (String r : services) {
            assertThat(s.runningOn(r)).as(r).containsExactly(nodeName);
        }
    }

    /**
     * Restarts a crashed node: every process left in its network namespace SIGKILLed (bounded wait until none is
     * left, so the relaunch never races a dying corosync), then corosync + pacemakerd launched again on the same state.
     */
    private static void restart(LabNode n) throws InterruptedException {
        lab.recordPids();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<Long> left = n.pids();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            for (long p : left) {
                TestExecutors.local().run(Command.of("kill", "-KILL", Long.toString(p)));
            }
            Thread.sleep(200);
            left = n.pids();
        }
        assertThat(left).as("processes left in " + n.netns()).isEmpty();
        n.launch();
        waitFor(x -> x.node(n.name()).map(y -> y.online()).orElse(false), Duration.ofSeconds(120));
        lab.recordPids();
    }

    /**
     * The baseline every test starts from, whatever ran before (or alone, -Dtest=Class#method): all three nodes
     * members, none in standby, the design pushed, no cli- constraints, failures cleaned up, everything on storage-a
     * (the preferred node), settled.
     */
    @BeforeEach
    void baseline() throws Exception {
        LabNode b = node("storage-b");
        Pacemaker pm = b.pacemaker();
        ClusterStatus s = b.statusOrNull();
        if (s == null || !s.node("storage-a").map(n -> n.online()).orElse(false)) {
            restart(node("storage-a"));
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
            waitFor(x -> x.runningOn("zfs-pool").equals(List.of("storage-a")), Duration.ofSeconds(90));
        }
        if (pm.cib().configuration().constraints().stream().anyMatch(c -> c.id().startsWith("cli-"))) {
            pm.clear("zfs-pool");
        }
        settle(b);
        waitFor(x -> lab.design().nodeNames().stream().allMatch(n -> x.node(n).map(y -> y.online() && !y.standby()).orElse(false))
                && services.stream().allMatch(r -> x.runningOn(r).equals(List.of("storage-a"))), Duration.ofSeconds(90));
    }

    @Test
    void designPushed_everythingOnStorageA_storageNothingOnQuorum() throws InterruptedException {
        LabNode b = node("storage-b");
        Pacemaker pm = b.pacemaker();
        Configuration desired = pushDesign(pm);
        settle(b);
        ClusterStatus s = pm.status();
        assertAllOn(s, "storage-a");
        // fencing devices run on a node they do not fence; storage resources never on the quorum node
        assertThat(s.runningOn("fence-storage-a")).hasSize(1).doesNotContain("storage-a");
        assertThat(s.runningOn("fence-storage-b")).hasSize(1).doesNotContain("storage-b");
        services.forEach(r -> assertThat(s.runningOn(r)).as(r).doesNotContain("quorum"));
        assertThat(SanResourceSet.checkIntent(pm.cib().configuration(), List.of("storage-a", "storage-b"), "quorum", "zfs-pool")).isEmpty();
        // planning the same design again against the running cluster changes nothing (no replace of the pool or groups)
        assertThat(CibPatch.between(pm.cib(), desired, PatchOption.PRUNE).changes()).extracting(c -> c.describe()).isEmpty();
    }

    @Test
    void storageACrashes_isFenced_everythingMovesToStorageB_andNothingMovesBackWhenItReturns() throws Exception {
        LabNode b = node("storage-b");
        // a clean fencing history for storage-a first: the event below is this crash's, whatever ran before
        b.executor().runChecked(Command.of("stonith_admin", "--cleanup", "--history", "storage-a"));
        assertThat(b.pacemaker().fencingHistory()).noneMatch(e -> "storage-a".equals(e.target()));
        lab.recordPids();
        node("storage-a").killCorosync();
        waitFor(x -> !x.node("storage-a").map(n -> n.online()).orElse(true) && x.runningOn("zfs-pool").equals(List.of("storage-b")),
                Duration.ofSeconds(120));
        settle(b);
        ClusterStatus s = b.pacemaker().status();
        assertAllOn(s, "storage-b");
        // exactly one fencing of storage-a: a successful reboot carried out by storage-b or the quorum node
        assertThat(b.pacemaker().fencingHistory()).filteredOn(e -> "storage-a".equals(e.target())).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("reboot");
            assertThat(e.status()).isEqualTo("success");
            assertThat(e.delegate()).isIn("storage-b", "quorum");
        });
        assertThat(b.corosync().quorum().quorate()).isTrue();

        // storage-a comes back: stickiness keeps everything on storage-b
        restart(node("storage-a"));
        settle(b);
        assertAllOn(b.pacemaker().status(), "storage-b");
    }

    @Test
    void standbyOfActiveNode_movesEverythingWithoutFencing() {
        LabNode b = node("storage-b");
        int fencingsBefore = b.pacemaker().fencingHistory().size();
        b.pacemaker().standby("storage-a");
        waitFor(x -> x.runningOn("zfs-pool").equals(List.of("storage-b")), Duration.ofSeconds(90));
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
    void moveOfThePool_takesTheColocatedGroupsAlong_andLeavesNoConstraint() {
        LabNode b = node("storage-b");
        Pacemaker pm = b.pacemaker();
        // pcs 0.11: move bans the current node, waits for the move, then removes its constraint again
        pm.move("zfs-pool", "storage-b");
        waitFor(x -> x.runningOn("zfs-pool").equals(List.of("storage-b")), Duration.ofSeconds(90));
        settle(b);
        assertAllOn(pm.status(), "storage-b");
        assertThat(pm.cib().configuration().constraints()).noneMatch(c -> c.id().startsWith("cli-"));
        pm.clear("zfs-pool");
        pm.cleanup("zfs-pool");
        settle(b);
        assertAllOn(pm.status(), "storage-b");
    }
}
