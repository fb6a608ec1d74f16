package org.sansdk.zfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sansdk.core.HostExecutors;
import org.sansdk.core.MultiHostPlanException;
import org.sansdk.core.Plan;
import org.sansdk.core.RecordingExecutor;

/** The two-node host-id fix must never run both nodes' zgenhostid on one host. */
class ZgenhostidPlanHostsTest {
    private static NodeHostId zero(String node) {
        return new NodeHostId(node, HostId.NONE, NodeHostId.Source.MISSING, Optional.empty());
    }

    @Test
    void fixPlan_withOneExecutor_isRefused_andRunsNothing() {
        Plan plan = Zgenhostid.fixPlan(zero("storage-a"), zero("storage-b"), new Random(3));
        RecordingExecutor one = new RecordingExecutor();
        assertThatThrownBy(() -> plan.applyTo(one)).isInstanceOfSatisfying(MultiHostPlanException.class,
                e -> assertThat(e.hosts()).containsExactly("storage-a", "storage-b"));
        assertThat(one.commands()).isEmpty();
    }

    @Test
    void fixPlan_throughHostExecutors_writesEachNodesOwnIdOnThatNode() {
        Plan plan = Zgenhostid.fixPlan(zero("storage-a"), zero("storage-b"), new Random(3));
        RecordingExecutor a = new RecordingExecutor();
        RecordingExecutor b = new RecordingExecutor();
        plan.applyTo(HostExecutors.of(Map.of("storage-a", a, "storage-b", b)));
        assertThat(a.commands()).singleElement().isEqualTo(((Plan.RunStep) plan.steps().get(0)).command());
        assertThat(b.commands()).singleElement().isEqualTo(((Plan.RunStep) plan.steps().get(1)).command());
        assertThat(a.commands().get(0).argv()).isNotEqualTo(b.commands().get(0).argv());
    }
}
