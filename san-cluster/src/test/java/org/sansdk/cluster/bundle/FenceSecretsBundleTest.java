package org.sansdk.cluster.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sansdk.cluster.design.FenceSecretStore;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.cluster.design.SecretSource;
import org.sansdk.cluster.map.ReferenceDesign;

/**
 * {@code fence_secrets: cibsecret} in the bundle: the fence passwords leave the CIB (lrm:// there), reach cibsecret on
 * its stdin from a 0600 file before the configuration is pushed, and never appear in a command, a plain file, the
 * runbook or the report.
 */
class FenceSecretsBundleTest {

    private static Bundle render(FenceSecretStore store) {
        SanDesign d = ReferenceDesign.builder().fenceSecrets(store).build().withSecrets(SecretSource.of(ReferenceDesign.SECRETS));
        return BundleRenderer.standard().render(d);
    }

    @Test
    void cibsecret_keepsThePasswordsOutOfTheCib_andSetsThemBeforeThePush() {
        Bundle b = render(FenceSecretStore.CIBSECRET);
        String cib = new String(b.file("storage-a", BundleRenderer.CIB_XML).orElseThrow().bytes(), StandardCharsets.UTF_8);
        assertThat(cib).contains("value=\"lrm://\"").doesNotContain("Bmc-a-password-3").doesNotContain("Bmc-b-password-4");
        List<BundleStep> steps = b.steps("storage-a");
        List<BundleStep> sets = steps.stream().filter(s -> s.command().program().equals("cibsecret")).toList();
        assertThat(sets).hasSize(2);
        assertThat(sets.get(0).command().argv()).containsExactly("cibsecret", "-C", "set", "fence-storage-a", "password");
        assertThat(sets.get(0).command().stdinIsSecret()).isTrue();
        assertThat(sets.get(0).shell()).isEqualTo("cibsecret -C set fence-storage-a password < /root/san-bundle/cibsecret/01-fence-storage-a-password");
        int push = steps.indexOf(steps.stream().filter(s -> s.command().argv().contains("cib-push")).findFirst().orElseThrow());
        assertThat(steps.indexOf(sets.get(1))).isLessThan(push);
        // the bundle's 0600 copies are removed once the configuration is in
        assertThat(steps.get(push + 1).command().argv()).containsExactly("rm", "-rf", "--", "/root/san-bundle/cibsecret");
        BundleFile f = b.file("storage-a", "/root/san-bundle/cibsecret/01-fence-storage-a-password").orElseThrow();
        assertThat(f.mode()).isEqualTo(0600);
        assertThat(f.sensitivity()).isEqualTo(Sensitivity.SECRET);
        assertThat(new String(f.bytes(), StandardCharsets.UTF_8)).isEqualTo("Bmc-a-password-3\n");   // one line for bash's read
        for (BundleFile x : b.files()) {
            if (x.sensitivity() == Sensitivity.PLAIN) {
                assertThat(new String(x.bytes(), StandardCharsets.UTF_8)).as(x.path()).doesNotContain("Bmc-a-password-3", "Bmc-b-password-4");
            }
        }
        assertThat(b.runbook() + b.report() + b.manifest()).doesNotContain("Bmc-a-password-3", "Bmc-b-password-4");
        steps.forEach(s -> assertThat(String.join(" ", s.command().argv()) + s.shell()).doesNotContain("Bmc-a-password-3"));
    }

    @Test
    void inTheCib_isTheDefault_andHasNoCibsecretStep() {
        Bundle b = render(FenceSecretStore.CIB);
        assertThat(b.steps()).noneMatch(s -> s.command().program().equals("cibsecret"));
        BundleFile cib = b.file("storage-a", BundleRenderer.CIB_XML).orElseThrow();
        assertThat(cib.sensitivity()).isEqualTo(Sensitivity.SECRET);
        assertThat(new String(cib.bytes(), StandardCharsets.UTF_8)).contains("Bmc-a-password-3");
        assertThat(ReferenceDesign.builder().build().fenceSecrets()).isEqualTo(FenceSecretStore.CIB);
    }
}
