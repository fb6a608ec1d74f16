package org.sansdk.cli;

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
import org.sansdk.pacemaker.design.SanResourceSpec;
import org.sansdk.pacemaker.design.SanResourceSet;

/**
 * {@code sanctl pacemaker ...} on picocli: the behaviour, output and exit codes of the former
 * {@code PacemakerCliCommand} (its tests' assertions, moved here), and --help everywhere.
 */
class PacemakerCommandTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return PacemakerCommand.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
    }

    private static Path design(Path dir, int stickiness) throws Exception {
        Path f = dir.resolve("cib-" + stickiness + ".xml");
        Files.writeString(f, CibWriter.toXml(Cib.of(SanResourceSet.configuration(SanResourceSpec.builder().stickiness(stickiness)
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
        // a corpus CIB (pcs's test suite) whose nodes and resources are not the design's
        Path f = ROOT.resolve("san-pacemaker/src/test/resources/corpus/cib/pcs-cib-status.xml");
        assertThat(run("check-intent", f.toString())).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("PCMK-INTENT-002").contains("PCMK-INTENT-003");
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
        Files.writeString(desired, CibWriter.toXml(Cib.of(c.toBuilder().resources(noPool).build())));
        assertThat(run("patch", live.toString(), desired.toString(), "--prune")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("refusing to plan the deletion of zfs-pool");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        err.reset();
        assertThat(run("patch", live.toString(), desired.toString(), "--prune", "--allow-pool-deletion")).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("# WARNING: DELETES resource zfs-pool");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("<change operation=\"delete\" path=\"/cib/configuration/resources/primitive[@id=&apos;zfs-pool&apos;]\"/>");
    }

    private static Path fourTenSecondMonitors(Path dir) throws Exception {
        Path f = dir.resolve("live-10s.xml");
        Files.writeString(f, CibWriter.toXml(Cib.of(SanResourceSet.configuration(SanResourceSpec.builder()
                .vip("enduser", "10.30.30.10/24", "eth0").vip("hypervisor", "10.40.40.10/24", "eth1").cockpit("10.20.20.10/24", "eth2")
                .fencing(FencingDevice.of("storage-a", "fence_dummy", Map.of()))
                .fencing(FencingDevice.of("storage-b", "fence_dummy", Map.of())).build()))));
        return f;
    }

    @Test
    void patch_monitorsMadeSlower_eachIsAWarning(@TempDir Path dir) throws Exception {
        Path live = fourTenSecondMonitors(dir);
        String liveXml = Files.readString(live);
        // the four 10 s monitors of the live file (pool and three VIPs) become 60 s: before, no finding at all
        assertThat(liveXml.split("name=\"monitor\" interval=\"10s\"", -1)).hasSize(5);
        Path desired = dir.resolve("desired-60s.xml");
        Files.writeString(desired, liveXml.replace("name=\"monitor\" interval=\"10s\"", "name=\"monitor\" interval=\"60s\""));
        assertThat(run("patch", live.toString(), desired.toString())).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("# WARNING: ")).toList()).containsExactly(
                "# WARNING: SLOWS monitor of zfs-pool from every 10 s to every 60 s: its failures are seen later",
                "# WARNING: SLOWS monitor of vip-enduser from every 10 s to every 60 s: its failures are seen later",
                "# WARNING: SLOWS monitor of vip-hypervisor from every 10 s to every 60 s: its failures are seen later",
                "# WARNING: SLOWS monitor of vip-cockpit from every 10 s to every 60 s: its failures are seen later");
    }

    @Test
    void patch_resourceLeftWithoutMonitor_warnsAndExitsThree(@TempDir Path dir) throws Exception {
        Path live = fourTenSecondMonitors(dir);
        String liveXml = Files.readString(live);
        String op = "<op id=\"vip-enduser-monitor-interval-10s\" name=\"monitor\" interval=\"10s\"/>";
        assertThat(liveXml).contains(op);
        Path desired = dir.resolve("desired-nomon.xml");
        Files.writeString(desired, liveXml.replace(op, ""));
        assertThat(run("patch", live.toString(), desired.toString())).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                "# WARNING: DELETES monitor of vip-enduser every 10 s: its failures are no longer seen (no monitor left)");
        // a faster monitor is no finding
        err.reset();
        Path faster = dir.resolve("desired-5s.xml");
        Files.writeString(faster, liveXml.replace(op, op.replace("\"10s\"", "\"5s\"")));
        assertThat(run("patch", live.toString(), faster.toString())).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("WARNING");
    }

    @Test
    void everySubcommand_answersHelpWithExit0() {
        for (List<String> path : List.<List<String>>of(List.of(), List.of("check-intent"), List.of("patch"))) {
            out.reset();
            String[] args = java.util.stream.Stream.concat(path.stream(), java.util.stream.Stream.of("--help")).toArray(String[]::new);
            assertThat(run(args)).as("%s --help", path).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage:").contains("Exit codes:");
        }
        out.reset();
        run("patch", "--help");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--prune").contains("--allow-pool-deletion").contains("3");
        out.reset();
        run("check-intent", "--help");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--storage").contains("--quorum").contains("--pool");
    }

    @Test
    void checkIntent_optionsNameTheNodesAndPool(@TempDir Path dir) throws Exception {
        // the generated design keeps the intent for its own names, and breaks it for other ones
        Path f = design(dir, 200);
        assertThat(run("check-intent", f.toString(), "--storage", "storage-a,storage-b", "--quorum", "quorum", "--pool", "zfs-pool")).isZero();
        out.reset();
        assertThat(run("check-intent", f.toString(), "--pool", "other-pool")).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("PCMK-INTENT-002");
    }

    @Test
    void usageErrors_exitTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(run("patch", "only-one.xml")).isEqualTo(2);
        assertThat(run("check-intent")).isEqualTo(2);
        assertThat(run("check-intent", "a.xml", "b.xml")).isEqualTo(2);
    }

    @Test
    void brokenFile_exitOneWithLocatedMessage(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.xml");
        Files.writeString(f, "<cib>\n<configuration>\n");
        assertThat(run("check-intent", f.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(f + ":");
    }
}
