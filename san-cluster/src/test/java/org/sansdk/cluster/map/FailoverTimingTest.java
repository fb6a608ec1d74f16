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
        assertThat(t.unplanned()).isEqualTo(Duration.ofMillis(10_230).plus(FailoverTiming.FENCE_ESTIMATE)
                .plus(Duration.ofSeconds(20)).plus(FailoverTiming.IMPORT_ESTIMATE)
                .plus(FailoverTiming.VIP_ESTIMATE.multipliedBy(2)).plus(FailoverTiming.LUN_SYNC_ESTIMATE)
                .plus(FailoverTiming.NFS_ESTIMATE).plus(FailoverTiming.SMB_ESTIMATE));
        // planned: no detection, no fencing, no activity check (clean export)
        assertThat(t.planned()).isEqualTo(FailoverTiming.EXPORT_ESTIMATE.plus(FailoverTiming.IMPORT_ESTIMATE)
                .plus(FailoverTiming.STOP_ESTIMATE.multipliedBy(3)).plus(FailoverTiming.VIP_ESTIMATE.multipliedBy(2))
                .plus(FailoverTiming.VIP_ESTIMATE.multipliedBy(2)).plus(FailoverTiming.LUN_SYNC_ESTIMATE)
                .plus(FailoverTiming.NFS_ESTIMATE).plus(FailoverTiming.SMB_ESTIMATE));
        assertThat(t.markdown()).contains("| Detection | ~4–5 s (iSCSI timeout + Corosync) / 0 s | 10.23 s | 0 s |")
                .contains("| **Server-side total** | ~10–12 s / ~5–8 s |");
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
