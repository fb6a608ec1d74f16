package org.sansdk.cluster.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.sansdk.cluster.design.CorosyncTiming;
import org.sansdk.cluster.design.Placement;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.cluster.design.SecretSource;
import org.sansdk.cluster.map.ReferenceDesign;

class BundleDeterminismTest {

    @Test
    void twoRenderersGiveTheSameBytes() {
        assertSame(BundleRenderer.create().render(ReferenceDesign.resolved()), BundleRenderer.create().render(ReferenceDesign.resolved()));
        assertSame(BundleRenderer.create().render(ReferenceDesign.unresolved()),
                BundleRenderer.create().render(ReferenceDesign.unresolved()));
    }

    record Variation(int disks, int token, int stickiness, boolean preferB, boolean secrets) {
    }

    @Provide
    Arbitrary<Variation> variations() {
        return Combinators.combine(Arbitraries.integers().between(1, 6), Arbitraries.integers().between(3000, 8000),
                Arbitraries.integers().between(101, 1000), Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as(Variation::new);
    }

    /** Small design variations: two fresh renderers agree byte for byte, and the structure follows the design. */
    @Property(tries = 20, seed = "20261128")
    void smallVariations_renderIdentically(@ForAll("variations") Variation v) {
        SanDesign.Builder b = ReferenceDesign.builder(v.disks())
                .corosync(new CorosyncTiming(Duration.ofMillis(v.token()), Optional.empty(), Duration.ofMillis(1000), 20,
                        Duration.ofMillis(650)))
                .placement(new Placement(v.preferB() ? "storage-b" : "storage-a", 100, v.stickiness(), Duration.ofSeconds(150),
                        Duration.ofSeconds(90)));
        SanDesign d = v.secrets() ? b.build().withSecrets(SecretSource.of(ReferenceDesign.SECRETS)) : b.build();
        Bundle one = BundleRenderer.create().render(d);
        Bundle two = BundleRenderer.create().render(d);
        assertSame(one, two);
        long mirrors = one.steps("storage-a").stream().filter(s -> s.command().argv().size() > 1
                && s.command().argv().get(1).equals("create") && s.command().program().equals("zpool"))
                .flatMap(s -> s.command().argv().stream()).filter("mirror"::equals).count();
        assertThat(mirrors).isEqualTo(v.disks());
        String conf = new String(one.file("quorum", BundleRenderer.COROSYNC_CONF).orElseThrow().bytes(), StandardCharsets.UTF_8);
        assertThat(conf).contains("token: " + v.token() + "\n");
        assertThat(one.report()).contains("resource-stickiness".isEmpty() ? "" : "| storage-a | storage |");
        assertThat(new String(one.file("storage-a", BundleRenderer.CIB_XML).orElseThrow().bytes(), StandardCharsets.UTF_8))
                .contains("node=\"" + (v.preferB() ? "storage-b" : "storage-a") + "\" score=\"100\"")
                .contains("name=\"resource-stickiness\" value=\"" + v.stickiness() + "\"");
    }

    private static void assertSame(Bundle a, Bundle b) {
        assertThat(b.files().size()).isEqualTo(a.files().size());
        for (int i = 0; i < a.files().size(); i++) {
            assertThat(b.files().get(i)).isEqualTo(a.files().get(i));
        }
        assertThat(b.manifest()).isEqualTo(a.manifest());
        assertThat(b.runbook()).isEqualTo(a.runbook());
        assertThat(b.report()).isEqualTo(a.report());
        assertThat(b.steps()).isEqualTo(a.steps());
    }
}
