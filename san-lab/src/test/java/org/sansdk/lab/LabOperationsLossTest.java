package org.sansdk.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sansdk.cluster.SanCluster;
import org.sansdk.cluster.ops.OperationRefusedException;
import org.sansdk.cluster.ops.Refusal;

/**
 * Refusals of a planned failover that need a destroyed lab (its own lab): the target lost (its corosync SIGKILLed,
 * fenced by fence_dummy), then quorum lost as well (the quorum node's corosync SIGKILLed).
 */
class LabOperationsLossTest {

    @Test
    void plannedFailover_refusedLive_targetOffline_thenNoQuorum() {
        Lab.requireTools();
        Lab lab = Lab.start(LabDesign.standard());
        try (lab) {
            SanCluster cluster = lab.cluster();
            lab.node("storage-b").killCorosync();
            lab.awaitStatus("storage-a", s -> s.node("storage-b").map(n -> !n.online() && !n.unclean()).orElse(false), Duration.ofSeconds(60));
            assertThatThrownBy(() -> cluster.plannedFailover("storage-b"))
                    .isInstanceOfSatisfying(OperationRefusedException.class, e -> {
                        assertThat(e.has(Refusal.Reason.NODE_OFFLINE)).as(e.getMessage()).isTrue();
                        assertThat(e.has(Refusal.Reason.NO_QUORUM)).as(e.getMessage()).isFalse();
                    });
            lab.node("quorum").killCorosync();
            lab.awaitStatus("storage-a", s -> s.summary().map(x -> !x.withQuorum()).orElse(false), Duration.ofSeconds(60));
            assertThatThrownBy(() -> cluster.plannedFailover("storage-b"))
                    .isInstanceOfSatisfying(OperationRefusedException.class, e -> {
                        assertThat(e.has(Refusal.Reason.NODE_OFFLINE)).as(e.getMessage()).isTrue();
                        assertThat(e.has(Refusal.Reason.NO_QUORUM)).as(e.getMessage()).isTrue();
                    });
        }
        assertThat(lab.residue()).isEmpty();
    }
}
