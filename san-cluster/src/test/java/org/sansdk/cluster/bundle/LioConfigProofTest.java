package org.sansdk.cluster.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sansdk.cluster.map.DesignMapping;
import org.sansdk.cluster.map.ReferenceDesign;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.LioValidator;
import org.sansdk.lio.SaveconfigParser;
import org.sansdk.lio.SaveconfigWriter;
import org.sansdk.lio.Target;
import org.sansdk.lio.design.ClientTargetBuilder;

/** The rendered backend saveconfig.json read back by san-lio's parser and checked by its validator; the client cold start too. */
class LioConfigProofTest {

    @Test
    void saveconfigPassesTheLioValidator() {
        Bundle b = BundleRenderer.create().render(ReferenceDesign.resolved());
        DesignMapping m = DesignMapping.of(ReferenceDesign.resolved());
        for (String node : List.of("storage-a", "storage-b")) {
            byte[] json = b.file(node, BundleRenderer.BACKEND_SAVECONFIG).orElseThrow().bytes();
            LioConfig cfg = SaveconfigParser.parse(node + " backend-saveconfig.json", json);
            assertThat(LioValidator.validate(cfg)).as(node).isEmpty();
            // rtslib's own format: writing the parsed model gives the same bytes
            assertThat(SaveconfigWriter.write(cfg)).isEqualTo(new String(json, java.nio.charset.StandardCharsets.UTF_8));
            Target t = cfg.targets().get(0);
            assertThat(t.wwn()).isEqualTo(ReferenceDesign.PREFIX + ":" + node);
            assertThat(cfg.storageObjects()).hasSize(12);
        }
        LioConfig backendB = SaveconfigParser.parse("b", b.file("storage-b", BundleRenderer.BACKEND_SAVECONFIG).orElseThrow().bytes());
        LioConfig cold = ClientTargetBuilder.coldStart(backendB, m.clientTarget().orElseThrow(), m.backendIqns(), m.zvols());
        assertThat(LioValidator.validate(cold)).isEmpty();
        assertThat(cold.targets()).extracting(Target::wwn).contains("iqn.2025-01.lab.home.client:san-client-target");
    }

    @Test
    void withoutSecrets_theValidatorSaysNothingCanLogIn() {
        Bundle b = BundleRenderer.create().render(ReferenceDesign.unresolved());
        LioConfig cfg = SaveconfigParser.parse("a", b.file("storage-a", BundleRenderer.BACKEND_SAVECONFIG).orElseThrow().bytes());
        assertThat(LioValidator.validate(cfg)).extracting(v -> v.ruleId()).contains("LIO-AUTH-001");
    }
}
