package org.sansdk.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sansdk.core.Command;
import org.sansdk.corosync.QuorumStatus;
import org.sansdk.pacemaker.status.ClusterStatus;

/**
 * The standard lab for real: corosync quorum 3/3 on every node (san-corosync), every node online (san-pacemaker),
 * storage-a's corosync SIGKILLed → storage-a fenced by fence_dummy and every service on storage-b; then
 * {@link Lab#close()} and nothing of the lab left (namespaces, processes, mounts, /dev/shm files, directory).
 */
class LabFailoverTest {

    @Test
    void formsQuorum_fencesTheCrashedActiveNode_movesEverything_andLeavesNothing() {
        Lab.requireTools();
        LabDesign design = LabDesign.standard();
        long t0 = System.nanoTime();
        Lab lab = Lab.start(design);
        // figures for the report, not assertions (no timed test): start-up, and kill -> every service on the survivor
        System.out.printf("lab %s started and settled in %.1f s%n", lab.id(), (System.nanoTime() - t0) / 1e9);
        try {
            for (LabNode n : lab.nodes()) {
                QuorumStatus q = n.corosync().quorum();
                assertThat(q.quorate()).as(n.name()).isTrue();
                assertThat(q.totalVotes()).as(n.name()).isEqualTo(3);
                assertThat(q.expectedVotes()).as(n.name()).isEqualTo(3);
                assertThat(q.members()).as(n.name()).hasSize(3);
            }
            // two corosync links, as rendered: knet shows link 0 and link 1 to each peer
            String cfg = lab.node("quorum").executor().runChecked(Command.of("corosync-cfgtool", "-s")).stdout();
            assertThat(cfg).contains("LINK ID 0").contains("LINK ID 1");

            LabNode b = lab.node("storage-b");
            ClusterStatus s = b.pacemaker().status();
            for (String n : List.of("storage-a", "storage-b", "quorum")) {
                assertThat(s.node(n)).as(n).hasValueSatisfying(x -> assertThat(x.online() && !x.standby()).isTrue());
            }
            // the design prefers storage-a: everything starts there, nothing on the quorum node
            List<String> services = design.services();
            assertThat(services).contains("zfs-pool", "vip-enduser", "nfs-server", "smb-server");
            for (String r : services) {
                assertThat(s.runningOn(r)).as(r).containsExactly("storage-a");
            }
            assertThat(b.pacemaker().fencingHistory()).noneMatch(e -> "storage-a".equals(e.target()));

            lab.recordPids();
            long kill = System.nanoTime();
            lab.node("storage-a").killCorosync();
            ClusterStatus after = lab.awaitStatus("storage-b", x -> !x.node("storage-a").map(n -> n.online()).orElse(true)
                    && services.stream().allMatch(r -> x.runningOn(r).equals(List.of("storage-b"))), Duration.ofSeconds(120));
            System.out.printf("storage-a's corosync killed -> every service on storage-b after %.1f s (1 s polling)%n",
                    (System.nanoTime() - kill) / 1e9);
            for (String r : services) {
                assertThat(after.runningOn(r)).as(r).containsExactly("storage-b");
            }
            // exactly one fencing of storage-a: a successful reboot carried out by storage-b or the quorum node
            assertThat(b.pacemaker().fencingHistory()).filteredOn(e -> "storage-a".equals(e.target())).singleElement().satisfies(e -> {
                assertThat(e.action()).isEqualTo("reboot");
                assertThat(e.status()).isEqualTo("success");
                assertThat(e.delegate()).isIn("storage-b", "quorum");
            });
            QuorumStatus q = b.corosync().quorum();
            assertThat(q.quorate()).isTrue();
            assertThat(q.totalVotes()).isEqualTo(2);
            // the residue check sees a running lab (so it can fail)
            assertThat(lab.residue()).anyMatch(x -> x.startsWith("namespace " + Lab.PREFIX + lab.id()))
                    .anyMatch(x -> x.startsWith("lab directory"));
        } finally {
            lab.close();
        }
        assertThat(lab.residue()).isEmpty();
        assertThat(lab.pids()).isNotEmpty();
    }
}
