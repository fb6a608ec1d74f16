package org.sansdk.cluster.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.cluster.design.FenceSecretStore;
import org.sansdk.cluster.design.Placement;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.cluster.design.SecretSource;
import org.sansdk.cluster.design.TestDesigns;
import org.sansdk.cluster.map.DesignMapping;
import org.sansdk.core.Command;
import org.sansdk.core.LocalExecutor;
import org.sansdk.core.Secret;
import org.sansdk.core.testing.RealTools;
import org.sansdk.pacemaker.Pacemaker;
import org.sansdk.pacemaker.cib.Cib;
import org.sansdk.pacemaker.cib.CibPatch;

/**
 * A day-two plan must not disarm fencing: a fence password the changed design names but does not supply keeps its live
 * value (the patch, applied by the real cibadmin to a CIB file, leaves it), and switching to cibsecret while the CIB
 * still holds the value is refused.
 */
class FenceSecretGuardTest {

    static final Map<String, Secret> PASSWORDS = Map.of("fence-storage-a-password", Secret.of("Bmc-a-Pw-77"),
            "fence-storage-b-password", Secret.of("Bmc-b-Pw-88"), "backend-chap", Secret.of("Backend-chap-1"),
            "backend-mutual-chap", Secret.of("Backend-mutual-2"), "hypervisor-tpg-chap", Secret.of("Tpg-chap-secret-3"));

    /** A CIB file holding day one's configuration with the fence passwords. */
    private static Path dayOne(Path dir) throws Exception {
        RealTools.requireFrom("cibadmin", "pacemaker-cli-utils");
        Path cib = dir.resolve("cib.xml");
        Files.writeString(cib, new LocalExecutor().runChecked(Command.of("cibadmin", "--empty")).stdout());
        Pacemaker pm = Pacemaker.on(new LocalExecutor()).cibFile(cib);
        SanDesign withSecrets = TestDesigns.small().build().withSecrets(SecretSource.of(PASSWORDS));
        pm.apply(pm.plan(DesignMapping.of(withSecrets).pacemakerConfiguration()));
        assertThat(pm.cib().configuration().primitives().stream().filter(p -> p.id().equals("fence-storage-a")).findFirst()
                .orElseThrow().param("password")).contains("Bmc-a-Pw-77");
        return cib;
    }

    @Test
    void anUnsuppliedFencePassword_keepsItsLiveValue_throughTheRealPatch(@TempDir Path dir) throws Exception {
        Path file = dayOne(dir);
        Pacemaker pm = Pacemaker.on(new LocalExecutor()).cibFile(file);
        // day two read from the design file: the passwords are references, not supplied; only stickiness changes
        SanDesign changed = TestDesigns.small().placement(new Placement("storage-a", 100, 300, java.time.Duration.ofSeconds(150),
                java.time.Duration.ofSeconds(90))).build();
        Cib live = pm.cib();
        // without the guard the patch would delete the live password (the desired devices have none)
        CibPatch unguarded = CibPatch.between(live, DesignMapping.of(changed).pacemakerConfiguration());
        pm.apply(CibPatch.between(live, FenceSecretGuard.keepLiveSecrets(changed, DesignMapping.of(changed).pacemakerConfiguration(), live)));
        Cib after = pm.cib();
        for (String dev : List.of("fence-storage-a", "fence-storage-b")) {
            assertThat(after.configuration().primitives().stream().filter(p -> p.id().equals(dev)).findFirst().orElseThrow()
                    .param("password")).as(dev).contains(dev.endsWith("a") ? "Bmc-a-Pw-77" : "Bmc-b-Pw-88");
        }
        // the change itself went in
        assertThat(org.sansdk.pacemaker.cib.NvSet.lookup(after.configuration().rscDefaults(), "resource-stickiness")).contains("300");
        // and the unguarded patch really would have dropped it (so this test can fail)
        Path copy = dir.resolve("copy.xml");
        Files.copy(file, copy);
        Pacemaker pc = Pacemaker.on(new LocalExecutor()).cibFile(copy);
        pc.apply(CibPatch.between(pc.cib(), DesignMapping.of(changed).pacemakerConfiguration()));
        assertThat(pc.cib().configuration().primitives().stream().filter(p -> p.id().equals("fence-storage-a")).findFirst()
                .orElseThrow().param("password")).isEmpty();
        assertThat(unguarded.toString()).doesNotContain("Bmc-a-Pw-77");
    }

    @Test
    void switchingToCibsecret_whileTheCibHoldsTheValue_isRefusedWithoutShowingIt(@TempDir Path dir) throws Exception {
        Path file = dayOne(dir);
        Cib live = Pacemaker.on(new LocalExecutor()).cibFile(file).cib();
        SanDesign changed = TestDesigns.small().fenceSecrets(FenceSecretStore.CIBSECRET).build().withSecrets(SecretSource.of(PASSWORDS));
        assertThatThrownBy(() -> FenceSecretGuard.keepLiveSecrets(changed, DesignMapping.of(changed).pacemakerConfiguration(), live))
                .isInstanceOf(ChangeRefusedException.class)
                .hasMessageContaining("fence-storage-a: parameter 'password' would become lrm://")
                .hasMessageContaining("cibsecret set fence-storage-a password")
                .message().doesNotContain("Bmc-a-Pw-77");
    }
}
