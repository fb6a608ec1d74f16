package org.sansdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sansdk.cluster.DistroFamily;
import org.sansdk.cluster.NodeCapabilities;
import org.sansdk.cluster.SanCluster;
import org.sansdk.pacemaker.status.ClusterStatus;
import org.sansdk.zfs.DeviceState;
import org.sansdk.zfs.PoolStatus;

/** The demo cluster gives typed answers that are in its recordings (demo/SOURCES.md). */
class DemoClusterTest {
    private final SanCluster demo = DemoCluster.create();

    @Test
    void pool_isDegradedWithThePeersTwoLegsOffline() {
        PoolStatus pool = demo.node("storage-a").zpool().status("san-pool");
        assertThat(pool.state()).isEqualTo(DeviceState.DEGRADED);
        assertThat(pool.degradedLeaves()).extracting(v -> v.name()).containsExactly(
                "/tmp/sandemo/lab/dev/disk/by-path/ip-10.10.10.2:3260-iscsi-iqn.2025-01.lab.home:storage-b-lun-0-part1",
                "/tmp/sandemo/lab/dev/disk/by-path/ip-10.10.10.2:3260-iscsi-iqn.2025-01.lab.home:storage-b-lun-1-part1");
    }

    @Test
    void pacemaker_runsThePoolAndServicesOnStorageA() {
        ClusterStatus s = demo.node("quorum").pacemaker().status();
        assertThat(s.runningOn("zfs-pool")).containsExactly("storage-a");
        assertThat(s.runningOn("nfs-server")).containsExactly("storage-a");
        assertThat(s.runningOn("fence-storage-a")).containsExactly("quorum");
    }

    @Test
    void capabilities_andLioAndIscsi_comeFromTheRecordings() {
        NodeCapabilities c = demo.node("storage-b").capabilities();
        assertThat(c.family()).isEqualTo(DistroFamily.DEBIAN);
        assertThat(c.pcs().orElseThrow().text()).isEqualTo("0.11.5");
        assertThat(c.corosync().orElseThrow().text()).isEqualTo("3.1.7");
        assertThat(c.openZfs()).as("zfs-fuse has no 'zfs version'").isEmpty();
        assertThat(demo.node("storage-a").lio().luns()).hasSize(12);
        assertThat(demo.node("storage-a").iscsi().sessions().sessions()).isEmpty();
    }
}
