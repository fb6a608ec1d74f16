package org.sansdk.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sansdk.cluster.SanCluster;
import org.sansdk.cluster.ops.FailoverOption;
import org.sansdk.cluster.ops.FailoverReport;
import org.sansdk.cluster.ops.OperationRefusedException;
import org.sansdk.cluster.ops.Refusal;
import org.sansdk.cluster.ops.ReintegrationReport;
import org.sansdk.cluster.ops.ResilverProgress;
import org.sansdk.core.Command;
import org.sansdk.iscsi.SessionEntry;
import org.sansdk.lio.LunEntry;
import org.sansdk.pacemaker.Pacemaker;
import org.sansdk.pacemaker.status.ClusterStatus;
import org.sansdk.zfs.DeviceState;
import org.sansdk.zfs.ScanStatus;

/**
 * SanCluster's live operations on one real lab shared by the class (each test first brings the lab back to "everything
 * on storage-a, no node in standby", so any test runs alone or in any order): planned failover without pcs, refusals
 * the lab can produce, reintegration of storage-b's legs with a real resilver, and the replayed iSCSI/LIO view.
 */
class LabOperationsTest {
    private static Lab lab;
    private static SanCluster cluster;

    @BeforeAll
    static void start() {
        Lab.requireTools();
        lab = Lab.start(LabDesign.standard());
        cluster = lab.cluster();
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
            assertThat(lab.residue()).isEmpty();
        }
    }

    private static Pacemaker pm() {
        return lab.node("quorum").pacemaker();
    }

    private static boolean allOn(ClusterStatus s, String node) {
        return lab.design().services().stream().allMatch(r -> s.runningOn(r).equals(List.of(node)));
    }

    @BeforeEach
    void everythingOnStorageA() {
        pm().crmUnstandby("storage-a");
        pm().crmUnstandby("storage-b");
        ClusterStatus s = lab.awaitStatus("quorum", x -> x.runningOn("zfs-pool").size() == 1, Duration.ofSeconds(60));
        if (!allOn(s, "storage-a")) {
            assertThat(cluster.plannedFailover("storage-a", FailoverOption.UNSTANDBY_AFTER).completed()).isTrue();
        }
        lab.awaitStatus("quorum", x -> allOn(x, "storage-a"), Duration.ofSeconds(60));
    }

    @Test
    void replayedIscsiAndLio_throughSanCluster() {
        List<SessionEntry> a = cluster.node("storage-a").iscsi().sessions().sessions();
        assertThat(a).extracting(SessionEntry::target).containsExactly("iqn.2025-01.lab.san:storage-b");
        assertThat(cluster.node("quorum").iscsi().sessions().noActiveSessions()).isTrue();
        assertThat(cluster.node("storage-b").lio().luns()).extracting(LunEntry::storageObject)
                .containsExactly("/backstores/block/data-b-0", "/backstores/block/data-b-1");
        // and the rest is the real lab: crm_mon through the same executor
        assertThat(Pacemaker.on(cluster.node("storage-b").executor()).status().runningOn("zfs-pool")).containsExactly("storage-a");
    }

    @Test
    void plannedFailover_everythingToStorageB_withoutPcs_bothMethodsMeasured() {
        long t = System.nanoTime();
        FailoverReport r = cluster.plannedFailover("storage-b", FailoverOption.UNSTANDBY_AFTER);
        double call = (System.nanoTime() - t) / 1e9;
        System.out.println(r.describe());
        assertThat(r.completed()).isTrue();
        assertThat(r.from()).isEqualTo("storage-a");
        assertThat(r.arrivals().keySet()).containsExactlyInAnyOrderElementsOf(lab.design().services());
        ClusterStatus s = lab.node("quorum").statusOrNull();
        assertThat(allOn(s, "storage-b")).isTrue();
        assertThat(s.node("storage-a").orElseThrow().standby()).isFalse();
        assertThat(s.node("storage-a").orElseThrow().online()).isTrue();
        // stickiness holds them on storage-b after the unstandby: a few seconds later nothing has gone back
        LabNode.sleep(3000);
        assertThat(allOn(lab.node("quorum").statusOrNull(), "storage-b")).isTrue();

        List<Double> standby = new ArrayList<>(List.of(seconds(r)));
        List<Double> move = new ArrayList<>();
        String at = "storage-b";
        for (int i = 0; i < 4; i++) {
            String to = at.equals("storage-a") ? "storage-b" : "storage-a";
            boolean useMove = i % 2 == 0;
            FailoverReport x = useMove ? cluster.plannedFailover(to, FailoverOption.MOVE_CONSTRAINT)
                    : cluster.plannedFailover(to, FailoverOption.UNSTANDBY_AFTER);
            assertThat(x.completed()).as(x.describe()).isTrue();
            (useMove ? move : standby).add(seconds(x));
            at = to;
            assertThat(pm().waitForSettle(Duration.ofSeconds(60)).outcome().name()).isEqualTo("SETTLED");
        }
        assertThat(pm().cib().configuration().constraints()).noneMatch(c -> c.id().startsWith("cli-prefer-"));
        System.out.printf(Locale.ROOT, "planned failover (command -> every service started on the target): standby via crm_attribute %s s,"
                + " crm_resource --move %s s; first call with checks %.2f s%n", standby, move, call);
    }

    private static double seconds(FailoverReport r) {
        return Math.round(r.total().toMillis() / 10.0) / 100.0;
    }

    @Test
    void plannedFailover_refusedLive_targetInStandby_quorumNode_fencingDisabled() {
        try {
            pm().crmStandby("storage-b");
            lab.awaitStatus("quorum", s -> s.node("storage-b").orElseThrow().standby(), Duration.ofSeconds(30));
            assertThatThrownBy(() -> cluster.plannedFailover("storage-b"))
                    .isInstanceOfSatisfying(OperationRefusedException.class, e -> assertThat(e.refusals()).extracting(Refusal::reason)
                            .containsExactly(Refusal.Reason.NODE_STANDBY));
        } finally {
            pm().crmUnstandby("storage-b");
        }
        assertThatThrownBy(() -> cluster.plannedFailover("quorum"))
                .isInstanceOfSatisfying(OperationRefusedException.class, e -> assertThat(e.has(Refusal.Reason.NOT_A_STORAGE_NODE)).isTrue());
        Command off = Command.of("crm_attribute", "--type", "crm_config", "--name", "stonith-enabled", "--update", "false");
        Command on = Command.of("crm_attribute", "--type", "crm_config", "--name", "stonith-enabled", "--update", "true");
        try {
            lab.node("quorum").executor().runChecked(off);
            lab.awaitStatus("quorum", s -> "false".equals(s.summary().orElseThrow().clusterOptions().get("stonith-enabled")), Duration.ofSeconds(30));
            assertThatThrownBy(() -> cluster.plannedFailover("storage-b"))
                    .isInstanceOfSatisfying(OperationRefusedException.class, e -> assertThat(e.refusals()).extracting(Refusal::reason)
                            .containsExactly(Refusal.Reason.FENCING_DISABLED));
        } finally {
            lab.node("quorum").executor().runChecked(on);
        }
        // nothing moved
        assertThat(allOn(lab.node("quorum").statusOrNull(), "storage-a")).isTrue();
    }

    @Test
    void reintegrate_storageB_legsBackOnline_resilvered_nothingMoved() {
        LabNode a = lab.node("storage-a");
        // a file system to write into (zfs-fuse mounts it inside storage-a's private mount namespace only)
        if (a.executor().run(Command.of("zfs", "list", "lab-pool/data")).exitCode() != 0) {
            a.executor().runChecked(Command.of("zfs", "create", "-o", "mountpoint=/run/labdata", "lab-pool/data"));
        }
        lab.pool().offlineLegsOf("storage-b");
        a.executor().runChecked(Command.of("dd", "if=/dev/urandom", "of=/run/labdata/f-" + System.nanoTime(), "bs=1M", "count=16"));
        ResilverProgress before = cluster.resilverProgress();
        assertThat(before.node()).isEqualTo("storage-a");
        assertThat(before.poolState()).isEqualTo(DeviceState.DEGRADED);

        ReintegrationReport r = cluster.reintegrate("storage-b");
        System.out.println(r.describe());
        List<String> legs = lab.pool().legsOf("storage-b").stream().map(Path::toString).toList();
        assertThat(r.survivor()).isEqualTo("storage-a");
        assertThat(r.legsOnlined()).containsExactlyElementsOf(legs);
        assertThat(r.legsCleared()).isEmpty();
        assertThat(r.finalLegs()).containsExactly(DeviceState.ONLINE, DeviceState.ONLINE);
        assertThat(r.poolState()).isEqualTo(DeviceState.ONLINE);
        assertThat(r.resilverSeen()).isTrue();
        assertThat(r.completed()).isTrue();
        assertThat(lab.pool().status().state()).isEqualTo(DeviceState.ONLINE);
        ResilverProgress after = cluster.resilverProgress();
        assertThat(after.function()).isEqualTo(ScanStatus.ScanFunction.RESILVER);
        assertThat(after.state()).isEqualTo(ScanStatus.ScanState.FINISHED);
        assertThat(allOn(lab.node("quorum").statusOrNull(), "storage-a")).isTrue();
    }
}
