package org.sansdk.cluster.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sansdk.cluster.design.Pool;
import org.sansdk.cluster.design.SanDesign;

class FailoverTimingTest {

    @Test
    void referenceDesign_detectionIsEffectiveTokenPlusConsensus_andTheImportWaitsTheActivityCheck() {
        FailoverTiming t = FailoverTiming.of(ReferenceDesign.resolved());
        FailoverTiming.Phase detection = t.phases().get(0);
        // corosync 3 with 3 nodes, token 4000: effective 4650, consensus 5580 (RealCorosyncRuntimeTest in san-corosync)
        assertThat(detection.unplanned()).isEqualTo(Duration.ofMillis(10_230));
        assertThat(detection.planned()).isZero();
        // OpenZFS defaults: 10 fail intervals × 1000 ms × 200 %
        assertThat(FailoverTiming.activityCheck(ReferenceDesign.resolved())).isEqualTo(Duration.ofSeconds(20));
        // fencing: Pacemaker's 1 s wait + 6 s fence_ipmilan; pool: one action 0.15 s + 20 s activity check + 3 s import;
        // the group (2 VIPs 0.5 s, sync-iscsi-luns 2 s, NFS 2 s, SMB 1 s) one after the other, 0.15 s per action
        assertThat(t.unplanned()).isEqualTo(Duration.ofMillis(10_230 + 7_000 + 23_150 + (2 * 650 + 2_150 + 2_150 + 1_150)));
        // planned: no detection, no fencing, no activity check (clean export): export 2 s + import 3 s + 2 actions,
        // the group stopped in reverse (2 VIPs 0.65 s, 3 services 1.15 s each) and started again
        assertThat(t.planned()).isEqualTo(Duration.ofMillis(5_300 + (2 * 650 + 3 * 1_150) + 6_750));
        assertThat(t.markdown()).contains("| Detection | ~4–5 s (iSCSI timeout + Corosync) / 0 s | 10.23 s | 0 s |")
                .contains("| **Server-side total** | ~10–12 s / ~5–8 s |");
    }

    @Test
    void byDependency_waitsOnlyForTheLongestChain() {
        SanDesign d = ReferenceDesign.builder().serviceOrdering(org.sansdk.pacemaker.design.ServiceOrdering.BY_DEPENDENCY).build();
        FailoverTiming t = FailoverTiming.of(d);
        // starts: both VIPs together 0.65 s, then sync-iscsi-luns (2.15 s), NFS (2.15 s) and SMB (1.15 s) side by side
        assertThat(t.phases().get(4).unplanned()).isEqualTo(Duration.ofMillis(2_800));
        // stops: the three services together 1.15 s, then the VIPs 0.65 s
        assertThat(t.phases().get(3).planned()).isEqualTo(Duration.ofMillis(1_800));
        assertThat(t.unplanned()).isEqualTo(Duration.ofMillis(10_230 + 7_000 + 23_150 + 2_800));
        assertThat(t.planned()).isEqualTo(Duration.ofMillis(5_300 + 1_800 + 2_800));
    }

    @Test
    void labCosts_leaveOnlyPacemakersOwnTime() {
        // token 3000, coefficient 0, consensus 3600: detection 6.6 s; fence_dummy 0.25 s after the 1 s wait; Dummy
        // agents cost only Pacemaker's action (0.15 s): pool 1 action, the VIPs then the services 2 actions
        SanDesign d = ReferenceDesign.builder()
                .corosync(new org.sansdk.cluster.design.CorosyncTiming(Duration.ofMillis(3000), java.util.Optional.of(Duration.ofMillis(3600)),
                        Duration.ofMillis(1000), 20, Duration.ZERO))
                .serviceOrdering(org.sansdk.pacemaker.design.ServiceOrdering.BY_DEPENDENCY).build();
        FailoverTiming lab = FailoverTiming.of(d, FailoverTiming.Costs.LAB);
        // the reference design's pool is multihost: its activity check (20 s) is not a lab cost, it is the design's
        assertThat(lab.unplanned()).isEqualTo(Duration.ofMillis(6_600 + 1_250 + 150 + 20_000 + 300));
        assertThat(lab.planned()).isEqualTo(Duration.ofMillis(300 + 300 + 300));
    }

    @Test
    void activityCheck_followsTheTunables() {
        SanDesign noFail = ReferenceDesign.builder().zfsTunable("zfs_multihost_interval", "500")
                .zfsTunable("zfs_multihost_fail_intervals", "0").build();
        assertThat(FailoverTiming.activityCheck(noFail)).isEqualTo(Duration.ofSeconds(10));   // 20 import intervals × 500 ms
        SanDesign fast = ReferenceDesign.builder().zfsTunable("zfs_multihost_interval", "200").build();
        assertThat(FailoverTiming.activityCheck(fast)).isEqualTo(Duration.ofSeconds(4));      // 10 × 200 ms × 2
        SanDesign off = ReferenceDesign.builder().pool(new Pool("san-pool", Map.of("multihost", "off"), Map.of())).build();
        assertThat(FailoverTiming.activityCheck(off)).isZero();
    }

    @Test
    void secs_printsWholeAndFractionalSeconds() {
        assertThat(FailoverTiming.secs(Duration.ofMillis(10_230))).isEqualTo("10.23 s");
        assertThat(FailoverTiming.secs(Duration.ofSeconds(6))).isEqualTo("6 s");
        assertThat(FailoverTiming.secs(Duration.ofMillis(500))).isEqualTo("0.5 s");
    }
}
