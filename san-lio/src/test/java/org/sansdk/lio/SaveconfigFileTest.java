package org.sansdk.lio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.core.Plan;
import org.sansdk.core.Secret;

class SaveconfigFileTest {

    @Test
    void write_localFile_isMode0600AndReadsBack(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("saveconfig.json");
        LioConfig cfg = SaveconfigParser.parse("f", Corpus.saveconfig("yast-multi-target-chap.json"));
        SaveconfigFile.write(p, cfg);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).isEqualTo("rw-------");
        assertThat(SaveconfigFile.read(p).config()).isEqualTo(cfg);
        assertThat(Files.list(dir).toList()).containsExactly(p);
    }

    @Test
    void write_keepingParsedLayout_reproducesPython2File(@TempDir Path dir) throws Exception {
        String text = Corpus.saveconfig("tcm-scripts-fcoe-alua.json");
        ParsedSaveconfig doc = SaveconfigParser.parseDocument("f", text);
        Path p = dir.resolve("saveconfig.json");
        SaveconfigFile.write(p, doc.config(), doc.format());
        assertThat(Files.readString(p)).isEqualTo(text);
    }

    @Test
    void writePlan_marksContentSecretAndUsesDistroPath() {
        Tpg tpg = Tpg.of(1).withChap(Chap.of("u", Secret.of("very-secret-pw"))).withAttribute("authentication", 1)
                .withAttribute("generate_node_acls", 1);
        LioConfig cfg = LioConfig.empty().withTarget(Target.iscsi("iqn.2025-01.lab.home:t", List.of(tpg)));
        Plan plan = SaveconfigFile.writePlan("storage-a", SaveconfigFile.Distro.RHEL, cfg);
        Plan.WriteFileStep step = (Plan.WriteFileStep) plan.steps().get(0);
        assertThat(step.path()).isEqualTo(Path.of("/etc/target/saveconfig.json"));
        assertThat(step.mode()).isEqualTo(0600);
        assertThat(step.secret()).isTrue();
        assertThat(plan.toString()).doesNotContain("very-secret-pw");
        assertThat(new String(step.content())).contains("\"chap_password\": \"very-secret-pw\"");
    }

    @Test
    void locate_prefersDebianPathLikeProxmox() {
        assertThat(SaveconfigFile.locate(p -> true)).contains(SaveconfigFile.Distro.DEBIAN.path());
        assertThat(SaveconfigFile.locate(p -> p.startsWith("/etc/target"))).contains(Path.of("/etc/target/saveconfig.json"));
        assertThat(SaveconfigFile.locate(p -> false)).isEmpty();
    }
}
