package org.sansdk.pacemaker.design;

import java.util.Map;

/** The design document's example cluster as typed input (fence_dummy instead of the document's smart plugs). */
final class DesignFixtures {
    private DesignFixtures() {
    }

    static SanResourceSpec.Builder documentExample() {
        return SanResourceSpec.builder()
                .pool("san-pool")
                .storageNodes("storage-a", "storage-b")
                .quorumNode("quorum")
                .preferredNode("storage-a", 100)
                .stickiness(200)
                .vip("enduser", "10.30.30.10/24", "eth-enduser")
                .vip("hypervisor", "10.40.40.10/24", "eth-hypervisor")
                .services(SanService.ISCSI, SanService.NFS, SanService.SMB)
                .cockpit("10.20.20.10/24", "eth-mgmt")
                .fencing(FencingDevice.of("storage-a", "fence_dummy", Map.of()))
                .fencing(FencingDevice.of("storage-b", "fence_dummy", Map.of()));
    }
}
