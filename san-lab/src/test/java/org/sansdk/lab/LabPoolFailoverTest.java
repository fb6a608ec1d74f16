package org.sansdk.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sansdk.cluster.SanCluster;
import org.sansdk.cluster.health.ClusterHealth;
import org.sansdk.cluster.health.Finding;
import org.sansdk.core.Command;
import org.sansdk.core.testing.TestExecutors;
import org.sansdk.pacemaker.status.ClusterStatus;
import org.sansdk.zfs.DeviceState;
import org.sansdk.zfs.PoolStatus;

/**
 * The real-pool lab ({@code LabDesign.standard().withRealPool()}): {@code zfs-pool} is the real {@code ocf:heartbeat:ZFS}
 * agent importing through each storage node's zfs-fuse, and the lab's fencing agent really stops the fenced node.
 * Everything starts on storage-a with the pool imported there only; storage-a in standby → exported there, imported on
 * storage-b, and back; storage-a's corosync SIGKILLed → the fencer runs
 * the lab agent, every process of storage-a (its zfs-fuse included) is gone, the ZFS agent imports the pool on
 * storage-b, and at no poll is it imported on both; {@link SanCluster#status()} agrees; nothing is left after close.
 */
class LabPoolFailoverTest {

    @Test
    void thePoolFollowsTheFencedNode_whoseProcessesAreGone() throws Exception {
        Lab.requireTools();
        long t0 = System.nanoTime();
        Lab lab = Lab.start(LabDesign.standard().withRealPool());
        System.out.printf("real-pool lab %s started and settled in %.1f s%n", lab.id(), (System.nanoTime() - t0) / 1e9);
        try {
            List<String> services = lab.design().services();
            LabNode a = lab.node("storage-a");
            LabNode b = lab.node("storage-b");
            ClusterStatus s = b.pacemaker().status();
            for (String r : services) {
                assertThat(s.runningOn(r)).as(r).containsExactly("storage-a");
            }
            // the pool resource is the resource-agents ZFS agent, not the Dummy of the standard lab
            String cib = b.executor().runChecked(Command.of("cibadmin", "--query", "--scope", "resources")).stdout();
            assertThat(cib).containsPattern("<primitive id=\"zfs-pool\" class=\"ocf\" (provider=\"heartbeat\" type=\"ZFS\"|type=\"ZFS\" provider=\"heartbeat\")");
            assertThat(cib).contains("name=\"importargs\" value=\"-d " + lab.directory().resolve("pool") + "\"");
            // imported by the agent on storage-a only (storage-b's zfs-fuse runs and has no pool)
            assertThat(lab.pool().importedOn()).containsExactly("storage-a");
            assertThat(b.zfsFusePid()).isPositive();
            PoolStatus before = lab.pool().statusOn("storage-a");
            assertThat(before.state()).isEqualTo(DeviceState.ONLINE);
            assertThat(before.root().orElseThrow().leaves().map(v -> v.state()).toList()).hasSize(4).containsOnly(DeviceState.ONLINE);
            // the host's fence_dummy is fence-agents' own; inside a node it is the lab's agent
            assertThat(TestExecutors.local().runChecked(Command.of(LabDesign.FENCE_AGENT, "-o", "metadata")).stdout())
                    .contains("shortdesc=\"Dummy fence agent\"");
            assertThat(b.executor().runChecked(Command.of(LabDesign.FENCE_AGENT, "-o", "metadata")).stdout())
                    .contains("san-lab fencing agent");
            assertThat(b.executor().run(Command.of(LabDesign.FENCE_AGENT, "-o", "status", "-n", "storage-a")).exitCode()).isZero();

            // planned: storage-a in standby → the agent exports on storage-a and imports on storage-b; back the same way
            b.pacemaker().crmStandby("storage-a");
            List<String> polls = awaitImportedOnlyOn(lab, "storage-b");
            lab.awaitStatus("storage-b", x -> services.stream().allMatch(r -> x.runningOn(r).equals(List.of("storage-b"))), Duration.ofSeconds(60));
            assertThat(lab.pool().importedOn()).containsExactly("storage-b");
            assertThat(a.zfsFusePid()).isPositive();
            assertThat(ProcessHandle.of(a.zfsFusePid()).map(ProcessHandle::isAlive)).as("storage-a's zfs-fuse still runs, exported").hasValue(true);
            System.out.printf("standby storage-a: pool exported there and imported on storage-b (imported on, per poll: %s)%n",
                    polls.stream().distinct().toList());
            b.pacemaker().crmStandby("storage-b");
            b.pacemaker().crmUnstandby("storage-a");
            polls = awaitImportedOnlyOn(lab, "storage-a");
            b.pacemaker().crmUnstandby("storage-b");
            lab.awaitStatus("storage-b", x -> !x.node("storage-b").map(n -> n.standby()).orElse(true)
                    && services.stream().allMatch(r -> x.runningOn(r).equals(List.of("storage-a"))), Duration.ofSeconds(60));
            assertThat(lab.pool().importedOn()).containsExactly("storage-a");
            System.out.printf("and back (storage-b in standby, storage-a out): imported on, per poll: %s%n", polls.stream().distinct().toList());

            SanCluster cluster = lab.cluster();
            ClusterHealth h = cluster.status();
            assertThat(h.pool().orElseThrow().node()).isEqualTo("storage-a");
            assertThat(h.pool().orElseThrow().state()).isEqualTo("ONLINE");

            List<Long> aPids = a.pids();
            long aZfsFuse = a.zfsFusePid();
            assertThat(aPids).contains(aZfsFuse, a.pacemakerdPid(), a.corosyncPid());
            lab.recordPids();

            long kill = System.nanoTime();
            a.killCorosync();
            polls = awaitImportedOnlyOn(lab, "storage-b");
            System.out.printf("storage-a's corosync killed -> pool imported on storage-b after %.1f s (250 ms polling, %d polls before,"
                    + " imported on: %s)%n", (System.nanoTime() - kill) / 1e9, polls.size(), polls.stream().distinct().toList());

            ClusterStatus after = lab.awaitStatus("storage-b", x -> !x.node("storage-a").map(n -> n.online()).orElse(true)
                    && services.stream().allMatch(r -> x.runningOn(r).equals(List.of("storage-b"))), Duration.ofSeconds(60));
            System.out.printf("every service on storage-b after %.1f s%n", (System.nanoTime() - kill) / 1e9);
            for (String r : services) {
                assertThat(after.runningOn(r)).as(r).containsExactly("storage-b");
            }
            assertThat(lab.pool().importedOn()).containsExactly("storage-b");
            assertThat(lab.pool().node().name()).isEqualTo("storage-b");

            // storage-a was really stopped: no process left in its network namespace, its zfs-fuse gone
            assertThat(a.pids()).isEmpty();
            // (dead: gone from /proc, or a zombie its parent has not reaped yet)
            assertThat(aPids).allSatisfy(p -> assertThat(state(p)).as("state of pid " + p).isIn("", "Z"));
            assertThat(b.pacemaker().fencingHistory()).filteredOn(e -> "storage-a".equals(e.target())).singleElement().satisfies(e -> {
                assertThat(e.action()).isEqualTo("reboot");
                assertThat(e.status()).isEqualTo("success");
                assertThat(e.delegate()).isIn("storage-b", "quorum");
            });
            String fenceLog = Files.readString(lab.directory().resolve("fence.log"));
            assertThat(fenceLog).contains("action=reboot port=storage-a: off: SIGKILLed").contains(" " + aZfsFuse);
            assertThat(b.executor().run(Command.of(LabDesign.FENCE_AGENT, "-o", "status", "-n", "storage-a")).exitCode()).isEqualTo(2);

            PoolStatus onB = lab.pool().statusOn("storage-b");
            String text = b.executor().runChecked(Command.of("zpool", "status", "lab-pool")).stdout();
            System.out.print("zpool status on storage-b after failover:\n" + text);
            assertThat(onB.state()).isIn(DeviceState.ONLINE, DeviceState.DEGRADED);
            assertThat(lab.pool().status().state()).isEqualTo(onB.state());
            for (Path leg : lab.pool().legsOf("storage-a")) {
                assertThat(onB.root().orElseThrow().find(leg.toString())).isPresent();
            }

            // SanCluster's status() agrees: the pool read on storage-b, storage-a offline and fenced
            h = cluster.status();
            System.out.print("status() after failover:\n" + h.describe());
            assertThat(h.pool().orElseThrow().node()).isEqualTo("storage-b");
            assertThat(h.pool().orElseThrow().state()).isEqualTo(onB.state().name());
            assertThat(h.pacemaker().orElseThrow().resources()).filteredOn(r -> r.id().equals("zfs-pool")).singleElement()
                    .satisfies(r -> assertThat(r.nodes()).containsExactly("storage-b"));
            assertThat(h.findings("NODE-FENCED")).extracting(Finding::node).containsExactly("storage-a");
            assertThat(h.codes()).doesNotContain("POOL-NOT-IMPORTED", "FENCING-FAILED", "NODE-UNCLEAN");
        } finally {
            lab.close();
        }
        assertThat(lab.residue()).isEmpty();
    }

    /** The state letter of /proc/PID/stat, or "" when the process is gone. */
    private static String state(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /**
     * Polls where the pool is imported every 250 ms (120 s bound) until it is on {@code node} only; fails at the first poll
     * that sees it imported on two nodes. Returns the polls before, each as the nodes joined with '+' ("" = nowhere).
     */
    private static List<String> awaitImportedOnlyOn(Lab lab, String node) {
        List<String> polls = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        List<String> on = lab.pool().importedOn();
        while (!on.equals(List.of(node)) && System.nanoTime() < deadline) {
            polls.add(String.join("+", on));
            assertThat(on).as("imported on at most one node at every poll").hasSizeLessThan(2);
            LabNode.sleep(250);
            on = lab.pool().importedOn();
        }
        assertThat(on).as("imported on, after 120 s").containsExactly(node);
        return polls;
    }
}
