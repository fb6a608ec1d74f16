package org.sansdk.corosync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TotemTimingTest {

    @Test
    void twoNodesUseTheTokenAsWritten() {
        TotemTiming t = TotemTiming.of(2, Duration.ofMillis(4000));
        assertThat(t.effectiveToken()).isEqualTo(Duration.ofMillis(4000));
        assertThat(t.consensus()).isEqualTo(Duration.ofMillis(4800));
    }

    @Test
    void fromAConfigWithoutTimingKeysCorosyncDefaultsApply() {
        CorosyncConf c = CorosyncConfParser.parse("pcs", Corpus.read("cfs-corosync-conf-pcs-knet.conf"));
        assertThat(c.timing().token()).isEqualTo(Duration.ofMillis(3000));
        assertThat(c.timing().failureDetection()).isEqualTo(Duration.ofMillis(3000 + 3600));
    }

    @Property(tries = 200, seed = "11")
    void derivedConsensusNeverFallsBelowTheMinimum(@ForAll @IntRange(min = 1, max = 64) int nodes,
                                                   @ForAll @IntRange(min = 1, max = 600_000) int token,
                                                   @ForAll @IntRange(min = 0, max = 5_000) int coeff) {
        TotemTiming t = new TotemTiming(nodes, Duration.ofMillis(token), Duration.ofMillis(coeff), Duration.ZERO);
        assertThat(t.effectiveToken().toMillis()).isEqualTo(token + (long) Math.max(0, nodes - 2) * coeff);
        // corosync's (int)(float)(1.2 x token) may round one ms below 1.2 x token; never more
        assertThat(t.minimumConsensus().toMillis() - t.consensus().toMillis()).isBetween(0L, 1L);
    }
}
