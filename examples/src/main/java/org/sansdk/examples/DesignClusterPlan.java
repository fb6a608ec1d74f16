package org.sansdk.examples;

import org.sansdk.core.Plan;
import org.sansdk.core.Secret;
import org.sansdk.pacemaker.design.FencingDevice;
import org.sansdk.pacemaker.design.SanResourceSpec;
import org.sansdk.pacemaker.design.SanResourceSet;
import org.sansdk.pacemaker.design.SanService;
import org.sansdk.pacemaker.ops.Pcs;

/**
 * Example: the design's Pacemaker resources (pool, VIPs, services, cockpit, IPMI fencing) as one dry-run
 * {@link Plan}. Printing it shows exactly what would run; the IPMI passwords travel on stdin and print as ****.
 *
 * <pre>{@code java -cp examples/target/san-examples.jar org.sansdk.examples.DesignClusterPlan}</pre>
 */
public final class DesignClusterPlan {
    private DesignClusterPlan() {
    }

    /** Prints the plan. */
    public static void main(String[] args) {
        String bmcPassword = System.getenv().getOrDefault("SAN_BMC_PASSWORD", "change-me");
        System.out.print(plan(Secret.of(bmcPassword)));
    }

    /** The design document's cluster with IPMI fencing, as a plan to run on storage-a. */
    public static Plan plan(Secret bmcPassword) {
        SanResourceSpec design = SanResourceSpec.builder()
                .pool("san-pool")
                .storageNodes("storage-a", "storage-b")
                .quorumNode("quorum")
                .preferredNode("storage-a", 100)
                .stickiness(200)
                .vip("enduser", "10.30.30.10/24", "eth-enduser")
                .vip("hypervisor", "10.40.40.10/24", "eth-hypervisor")
                .services(SanService.ISCSI, SanService.NFS, SanService.SMB)
                .cockpit("10.20.20.10/24", "eth-mgmt")
                .fencing(FencingDevice.ipmi("storage-a", "10.20.20.101", "admin", bmcPassword))
                .fencing(FencingDevice.ipmi("storage-b", "10.20.20.102", "admin", bmcPassword))
                .build();
        return SanResourceSet.plan(design, "storage-a", Pcs.live());
    }
}
