package org.sansdk.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sansdk.zfs.DeviceState;
import org.sansdk.zfs.PoolStatus;
import org.sansdk.zfs.Vdev;

/**
 * The lab's zfs-fuse pool for real: created ONLINE as the design's cross-node mirrors (storage-a's i-th disk with
 * storage-b's i-th), DEGRADED when storage-b's legs go offline, ONLINE again when they return; the lab leaves
 * nothing after close (zfs-fuse runs inside storage-a's namespaces and dies with them).
 */
class LabPoolTest {

    @Test
    void poolOfFileVdevs_degradesWhenThePeersLegsGo_andLeavesNothing() {
        Lab.requireTools();
        Lab lab = Lab.start(LabDesign.standard());
        try {
            LabPool pool = lab.pool();
            assertThat(pool.name()).isEqualTo("lab-pool");
            assertThat(pool.node().name()).isEqualTo("storage-a");
            PoolStatus s = pool.status();
            assertThat(s.state()).isEqualTo(DeviceState.ONLINE);
            // two mirrors (the design gives each storage node two disks), each of one storage-a and one storage-b leg
            List<Vdev> mirrors = s.root().orElseThrow().children();
            assertThat(mirrors).hasSize(2);
            for (int i = 0; i < 2; i++) {
                List<String> leaves = mirrors.get(i).leaves().map(Vdev::name).toList();
                assertThat(leaves).containsExactly(pool.legsOf("storage-a").get(i).toString(), pool.legsOf("storage-b").get(i).toString());
            }
            assertThat(pool.legsOf("storage-b")).extracting(p -> p.getFileName().toString()).containsExactly(
                    "ip-10.99.10.2:3260-iscsi-iqn.2025-01.lab.san:storage-b-lun-0-part1", "ip-10.99.10.2:3260-iscsi-iqn.2025-01.lab.san:storage-b-lun-1-part1");

            pool.offlineLegsOf("storage-b");
            PoolStatus degraded = pool.status();
            assertThat(degraded.state()).isEqualTo(DeviceState.DEGRADED);
            for (Path leg : pool.legsOf("storage-b")) {
                assertThat(degraded.root().orElseThrow().find(leg.toString())).hasValueSatisfying(v -> assertThat(v.state()).isEqualTo(DeviceState.OFFLINE));
            }
            for (Path leg : pool.legsOf("storage-a")) {
                assertThat(degraded.root().orElseThrow().find(leg.toString())).hasValueSatisfying(v -> assertThat(v.state()).isEqualTo(DeviceState.ONLINE));
            }

            pool.onlineLegsOf("storage-b");
            assertThat(pool.status().state()).isEqualTo(DeviceState.ONLINE);
            lab.recordPids();
        } finally {
            lab.close();
        }
        assertThat(lab.residue()).isEmpty();
    }
}
