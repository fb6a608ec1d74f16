package org.sansdk.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.pacemaker.cib.Cib;
import org.sansdk.pacemaker.cib.CibParser;
import org.sansdk.pacemaker.cib.CibWriter;
import org.sansdk.pacemaker.cib.Configuration;
import org.sansdk.pacemaker.design.FencingDevice;
import org.sansdk.pacemaker.design.SanClusterDesign;
import org.sansdk.pacemaker.design.SanResourceSet;
import org.sansdk.pacemaker.spi.PacemakerCliCommand;

class PacemakerCliCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new PacemakerCliCommand().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static Path design(Path dir, int stickiness) throws Exception {
        Path f = dir.resolve("cib-" + stickiness + ".xml");
        Files.writeString(f, CibWriter.toXml(Cib.of(SanResourceSet.configuration(SanClusterDesign.builder().stickiness(stickiness)
                .vip("enduser", "10.30.30.10/24", "eth0")
                .fencing(FencingDevice.of("storage-a", "fence_dummy", Map.of()))
                .fencing(FencingDevice.of("storage-b", "fence_dummy", Map.of())).build()))));
        return f;
    }

    @Test
    void checkIntent_generatedCib_isOk(@TempDir Path dir) throws Exception {
        assertThat(run("check-intent", design(dir, 200).toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("ok: ");
    }

    @Test
    void checkIntent_corpusCibWithoutOurNodes_reportsViolations() throws Exception {
        Path f = Files.createTempFile("cib", ".xml");
        Files.writeString(f, Fixtures.read("cib/pcs-cib-status.xml"));
        assertThat(run("check-intent", f.toString())).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("PCMK-INTENT-002").contains("PCMK-INTENT-003");
        Files.delete(f);
    }

    @Test
    void patch_twoDesigns_printsVersionPinnedDiff(@TempDir Path dir) throws Exception {
        assertThat(run("patch", design(dir, 300).toString(), design(dir, 200).toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("<diff format=\"2\">").contains("resource-stickiness\" value=\"200\"");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("# update resource defaults set rsc_defaults-meta_attributes");
    }

    @Test
    void patch_pruneDeletingAResource_warnsAndExitsThree_andThePoolOnlyWithAllowPoolDeletion(@TempDir Path dir) throws Exception {
        Path live = design(dir, 200);
        Cib liveCib = CibParser.parse("live", Files.readString(live));
        Configuration c = liveCib.configuration();
        java.util.List<org.sansdk.pacemaker.cib.Resource> noPool = new java.util.ArrayList<>(c.resources());
        noPool.removeIf(r -> r.id().equals("zfs-pool"));
        Path desired = dir.resolve("no-pool.xml");
        Files.writeString(desired, CibWriter.toXml(Cib.of(new Configuration(c.crmConfig(), c.nodes(), noPool, c.constraints(),
                c.fencingTopology(), c.rscDefaults(), c.opDefaults(), c.tags(), c.alerts(), c.acls(), c.unknown()))));
        assertThat(run("patch", live.toString(), desired.toString(), "--prune")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("refusing to plan the deletion of zfs-pool");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        err.reset();
        assertThat(run("patch", live.toString(), desired.toString(), "--prune", "--allow-pool-deletion")).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("# WARNING: DELETES resource zfs-pool");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("<change operation=\"delete\" path=\"/cib/configuration/resources/primitive[@id=&apos;zfs-pool&apos;]\"/>");
    }

    @Test
    void usageErrors_exitTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(run("patch", "only-one.xml")).isEqualTo(2);
    }

    @Test
    void brokenFile_exitOneWithLocatedMessage(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.xml");
        Files.writeString(f, "<cib>\n<configuration>\n");
        assertThat(run("check-intent", f.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(f + ":");
    }
}
