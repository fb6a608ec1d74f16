package org.sansdk.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.sansdk.cluster.DistroFamily;
import org.sansdk.cluster.NodeCapabilities;
import org.sansdk.cluster.SanCluster;
import org.sansdk.cluster.health.ClusterHealth;
import org.sansdk.cluster.health.ClusterHealth.NodeState;
import org.sansdk.cluster.health.Finding;
import org.sansdk.cluster.health.Severity;
import org.sansdk.core.Executor;

/**
 * {@link SanCluster#status()} against the real three-node lab: 3/3 and healthy apart from what the lab lacks; the peer's
 * legs offlined → POOL-DEGRADED naming them; storage-a's corosync SIGKILLed → storage-a offline and fenced, every
 * service on storage-b; the quorum node's corosync killed as well → QUORUM-LOST and the pool resource stopped (one lab,
 * its destructive phases last). A lab whose fencing fails: storage-a's kill leaves it UNCLEAN, FENCING-FAILED and the
 * pool resource on no online node (a second lab).
 *
 * <p>What the lab lacks and status() must name rather than hide: zfs-fuse runs only in storage-a's namespaces
 * (storage-b's {@code zpool status} cannot be read: SOURCE-UNREADABLE), and there is no iscsid (no backend session on
 * either storage node: SESSION-MISSING).
 */
class LabHealthTest {
    private static final Duration BOUND = Duration.ofSeconds(20);
    /** The findings the lab always shows (see the class comment). */
    private static final Set<String> LAB_ABSENCES = Set.of("SOURCE-UNREADABLE", "SESSION-MISSING");

    static SanCluster cluster(Lab lab) {
        Map<String, Executor> inv = new LinkedHashMap<>();
        Map<String, NodeCapabilities> caps = new LinkedHashMap<>();
        for (LabNode n : lab.nodes()) {
            inv.put(n.name(), n.executor());
            // Debian 12 with zfs-fuse (no `zfs version`: zpool status without -P), corosync 3, no pcs in the path
            caps.put(n.name(), new NodeCapabilities(n.name(), DistroFamily.DEBIAN, "debian", Optional.of("12"), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of()));
        }
        return SanCluster.of(lab.design().design(), inv, caps);
    }

    /** status() until {@code ok} holds, bounded; every poll's codes are kept in {@code seen}. */
    static ClusterHealth await(SanCluster c, Predicate<ClusterHealth> ok, Duration bound, Set<String> seen) {
        long deadline = System.nanoTime() + bound.toNanos();
        ClusterHealth h = c.status(BOUND);
        while (!ok.test(h)) {
            seen.addAll(h.codes());
            if (System.nanoTime() > deadline) {
                throw new AssertionError("status() did not reach the expected state within " + bound + ":\n" + h.describe());
            }
            LabNode.sleep(1000);
            h = c.status(BOUND);
        }
        seen.addAll(h.codes());
        return h;
    }

    @Test
    void healthyThenDegradedThenFailoverThenNoQuorum() {
        Lab.requireTools();
        Lab lab = Lab.start(LabDesign.standard());
        try {
            SanCluster c = cluster(lab);
            List<String> services = lab.design().services();

            // 1. formed: 3/3, all online, everything on storage-a; only the lab's absences
            ClusterHealth h = c.status(BOUND);
            System.out.print("healthy lab:\n" + h.describe());
            for (String n : List.of("storage-a", "storage-b", "quorum")) {
                ClusterHealth.CorosyncView cv = h.node(n).orElseThrow().corosync().orElseThrow();
                assertThat(cv.quorate()).as(n).isTrue();
                assertThat(cv.totalVotes()).as(n).isEqualTo(3);
                assertThat(cv.expectedVotes()).as(n).isEqualTo(3);
            }
            ClusterHealth.PacemakerView pm = h.pacemaker().orElseThrow();
            assertThat(pm.quorate()).isTrue();
            assertThat(pm.dc()).isPresent();
            assertThat(pm.nodes()).extracting(ClusterHealth.PacemakerNode::state).containsOnly(NodeState.ONLINE).hasSize(3);
            for (String r : services) {
                assertThat(pm.resources()).filteredOn(x -> x.id().equals(r)).singleElement()
                        .satisfies(x -> assertThat(x.nodes()).as(r).containsExactly("storage-a"));
            }
            assertThat(h.pool().orElseThrow().state()).isEqualTo("ONLINE");
            assertThat(h.pool().orElseThrow().node()).isEqualTo("storage-a");
            assertThat(h.pool().orElseThrow().legs()).extracting(ClusterHealth.Leg::owner)
                    .containsExactly("storage-a", "storage-b", "storage-a", "storage-b");
            assertThat(Set.copyOf(h.codes())).isEqualTo(LAB_ABSENCES);
            assertThat(h.findings("SOURCE-UNREADABLE")).extracting(Finding::node).containsOnly("storage-b");
            assertThat(h.findings("SESSION-MISSING")).extracting(Finding::node).containsExactly("storage-a", "storage-b");
            assertThat(h.overall()).isEqualTo(Severity.WARNING);

            // 2. storage-b's legs gone from the pool: DEGRADED, naming exactly those legs
            lab.pool().offlineLegsOf("storage-b");
            h = c.status(BOUND);
            assertThat(h.findings("POOL-DEGRADED")).singleElement().satisfies(f -> {
                assertThat(f.node()).isEqualTo("storage-a");
                // storage-b's legs as storage-a's zpool shows them: the by-path names of storage-b's backend LUNs
                assertThat(f.message()).contains("storage-b's legs: ip-10.99.10.2:3260-iscsi-iqn.2025-01.lab.san:storage-b-lun-0-part1 OFFLINE, "
                        + "ip-10.99.10.2:3260-iscsi-iqn.2025-01.lab.san:storage-b-lun-1-part1 OFFLINE").doesNotContain("data-a-");
            });
            lab.pool().onlineLegsOf("storage-b");
            h = await(c, x -> x.findings("POOL-DEGRADED").isEmpty() && x.findings("POOL-RESILVERING").isEmpty(),
                    Duration.ofSeconds(30), new TreeSet<>());
            assertThat(h.pool().orElseThrow().state()).isEqualTo("ONLINE");

            // 3. storage-a's corosync SIGKILLed: storage-a leaves, is fenced, every service runs on storage-b
            Set<String> seen = new TreeSet<>();
            long kill = System.nanoTime();
            lab.node("storage-a").killCorosync();
            h = await(c, x -> x.pacemaker().map(v -> v.nodes().stream().anyMatch(n -> n.name().equals("storage-a")
                    && n.state() == NodeState.OFFLINE) && services.stream().allMatch(r -> v.resources().stream()
                    .anyMatch(p -> p.id().equals(r) && p.nodes().equals(List.of("storage-b"))))).orElse(false),
                    Duration.ofSeconds(120), seen);
            System.out.printf("storage-a killed -> status() shows it offline and every service on storage-b after %.1f s;"
                    + " codes seen meanwhile %s%n%s", (System.nanoTime() - kill) / 1e9, seen, h.describe());
            assertThat(h.pacemaker().orElseThrow().readFrom()).isNotEqualTo("storage-a");
            assertThat(h.findings("NODE-OFFLINE")).extracting(Finding::node).containsExactly("storage-a");
            assertThat(h.findings("NODE-FENCED")).singleElement().satisfies(f -> {
                assertThat(f.node()).isEqualTo("storage-a");
                assertThat(f.severity()).isEqualTo(Severity.INFO);
                assertThat(f.message()).startsWith("storage-a was fenced (reboot) by ");
            });
            assertThat(h.codes()).doesNotContain("QUORUM-LOST", "POOL-NOT-IMPORTED", "FENCING-FAILED", "NODE-UNCLEAN");
            assertThat(h.node("storage-b").orElseThrow().corosync().orElseThrow().totalVotes()).isEqualTo(2);
            // storage-a's own tools no longer answer (its corosync is gone): named, not hidden
            assertThat(h.findings("SOURCE-UNREADABLE")).extracting(Finding::node).contains("storage-a");

            // 4. the quorum node's corosync killed too: storage-b alone, no quorum, the pool resource stopped
            lab.node("quorum").killCorosync();
            h = await(c, x -> !x.findings("QUORUM-LOST").isEmpty() && !x.findings("POOL-NOT-IMPORTED").isEmpty(),
                    Duration.ofSeconds(90), new TreeSet<>());
            System.out.print("quorum killed as well:\n" + h.describe());
            assertThat(h.overall()).isEqualTo(Severity.CRITICAL);
            assertThat(h.findings("QUORUM-LOST")).extracting(Finding::node).contains("storage-b");
            assertThat(h.findings("QUORUM-LOST")).extracting(Finding::message)
                    .anySatisfy(m -> assertThat(m).startsWith("storage-b is not quorate: 1 of 3 votes, 2 needed"));
            assertThat(h.findings("POOL-NOT-IMPORTED")).extracting(Finding::message)
                    .anySatisfy(m -> assertThat(m).contains("has no quorum"));
        } finally {
            lab.close();
        }
        assertThat(lab.residue()).isEmpty();
    }

    @Test
    void aFailingFenceLeavesThePoolResourceNowhereAndSaysWhy() {
        Lab.requireTools();
        Lab lab = Lab.start(LabDesign.failingFence());
        try {
            SanCluster c = cluster(lab);
            ClusterHealth before = c.status(BOUND);
            assertThat(before.codes()).doesNotContain("FENCING-FAILED", "POOL-NOT-IMPORTED", "NODE-UNCLEAN");
            long kill = System.nanoTime();
            lab.node("storage-a").killCorosync();
            Set<String> seen = new TreeSet<>();
            ClusterHealth h = await(c, x -> !x.findings("FENCING-FAILED").isEmpty() && !x.findings("POOL-NOT-IMPORTED").isEmpty(),
                    Duration.ofSeconds(120), seen);
            System.out.printf("failing fence: storage-a killed -> FENCING-FAILED and POOL-NOT-IMPORTED after %.1f s%n%s",
                    (System.nanoTime() - kill) / 1e9, h.describe());
            assertThat(h.findings("NODE-UNCLEAN")).extracting(Finding::node).containsExactly("storage-a");
            assertThat(h.findings("FENCING-FAILED")).allSatisfy(f -> {
                assertThat(f.node()).isEqualTo("storage-a");
                assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            });
            assertThat(h.findings("POOL-NOT-IMPORTED")).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
                assertThat(f.message()).contains("storage-a is UNCLEAN and must be fenced first").contains("fencing of storage-a failed");
            });
            // Pacemaker starts nothing of storage-a's on storage-b while storage-a is not fenced
            assertThat(h.pacemaker().orElseThrow().resources()).filteredOn(r -> r.id().equals("zfs-pool")).singleElement()
                    .satisfies(r -> assertThat(r.nodes()).doesNotContain("storage-b"));
            assertThat(h.overall()).isEqualTo(Severity.CRITICAL);
        } finally {
            lab.close();
        }
        assertThat(lab.residue()).isEmpty();
    }
}
