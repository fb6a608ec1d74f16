package org.sansdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shaded {@code sanctl.jar} end to end (run by failsafe after {@code package}): its parse kinds are the
 * ones the modules register, every kind parses the project's recorded captures, and two separate JVMs
 * print the same bytes for every file (a hash order that differs per JVM run would show here, not in one
 * JVM).
 */
class SanctlJarIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path JAR = Path.of("target/sanctl.jar").toAbsolutePath();

    /** Recorded captures per kind, relative to the project root; every kind the jar offers must be here. */
    static final Map<String, List<String>> FIXTURES = new LinkedHashMap<>();

    static {
        FIXTURES.put("zpool-status", List.of("san-zfs/src/test/resources/corpus/zpool-status",
                "san-zfs/src/test/resources/corpus/zfs-fuse", "examples/samples"));
        FIXTURES.put("zpool-json", List.of("san-zfs/src/test/resources/corpus/zpool-json",
                "san-zfs/src/test/resources/producer-json"));
        FIXTURES.put("zpool-import", List.of("san-zfs/src/test/resources/corpus/zfs-fuse"));
        for (String kind : List.of("zpool-list", "zpool-get", "zfs-list", "zfs-get")) {
            FIXTURES.put(kind, List.of("san-zfs/src/test/resources/corpus/scripted/" + kind));
        }
        FIXTURES.put("saveconfig", List.of("san-lio/src/test/resources/corpus/saveconfig"));
        FIXTURES.put("cib", List.of("san-pacemaker/src/test/resources/corpus/cib"));
        FIXTURES.put("crm-mon", List.of("san-pacemaker/src/test/resources/corpus/crm_mon"));
        FIXTURES.put("crm-simulate", List.of("san-cli/src/test/resources/crm-simulate"));
        String corosync = "san-corosync/src/test/resources/corpus/corosync/";
        FIXTURES.put("corosync-conf", List.of(corosync + "*.conf"));
        FIXTURES.put("quorumtool", List.of(corosync + "*quorumtool*"));
        FIXTURES.put("cfgtool", List.of(corosync + "*cfgtool*"));
        FIXTURES.put("cmapctl", List.of(corosync + "*cmapctl*"));
        String iscsiadm = "san-iscsi/src/test/resources/corpus/iscsiadm/";
        FIXTURES.put("iscsiadm-session", List.of(iscsiadm + "*session*"));
        FIXTURES.put("iscsiadm-node", List.of(iscsiadm + "*node-list*", iscsiadm + "*node-show*", iscsiadm + "*node-P1*"));
        FIXTURES.put("iscsid-conf", List.of("san-iscsi/src/test/resources/corpus/iscsid-conf"));
    }

    record Run(int exit, String stdout, String stderr) {
    }

    static Run java(List<String> args, Path stdoutFile) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(args);
        Path err = Files.createTempFile("sanctl-it", ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile()).redirectOutput(stdoutFile.toFile());
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + cmd);
        }
        Run r = new Run(p.exitValue(), Files.readString(stdoutFile, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(err);
        return r;
    }

    /** The files of a fixture entry: a directory (every file but notes), or {@code dir/glob}. */
    static List<String> files(String entry) throws IOException {
        String dir = entry.contains("*") ? entry.substring(0, entry.lastIndexOf('/')) : entry;
        java.nio.file.PathMatcher glob = entry.contains("*")
                ? java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + entry.substring(entry.lastIndexOf('/') + 1))
                : p -> true;
        try (Stream<Path> s = Files.list(ROOT.resolve(dir))) {
            return s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".md"))
                    .filter(f -> glob.matches(f.getFileName())).map(Path::toString).sorted().toList();
        }
    }

    @Test
    void jarOffersExactlyTheRegisteredKinds_andEveryKindHasRecordedCaptures() throws Exception {
        Path out = Files.createTempFile("sanctl-help", ".txt");
        Run help = java(List.of("-jar", JAR.toString(), "--help"), out);
        assertThat(help.exit()).isZero();
        Run parseHelp = java(List.of("-jar", JAR.toString(), "parse", "--help"), out);
        assertThat(parseHelp.exit()).isZero();
        String kinds = parseHelp.stdout().substring(parseHelp.stdout().indexOf("Commands:"));
        TreeSet<String> offered = new TreeSet<>();
        for (String line : kinds.lines().skip(1).toList()) {
            if (line.isBlank()) {
                break;
            }
            if (line.startsWith("  ") && !line.startsWith("   ")) {
                offered.add(line.strip().split("\\s+")[0]);
            }
        }
        assertThat(offered).containsExactlyInAnyOrderElementsOf(FIXTURES.keySet());
    }

    @Test
    void everyKind_twoJvms_sameBytesForEveryCapture() throws Exception {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : FIXTURES.entrySet()) {
            for (String dir : e.getValue()) {
                for (String f : files(dir)) {
                    lines.add(e.getKey() + "\t" + f);
                }
            }
        }
        Path list = Files.createTempFile("sanctl-batch", ".lst");
        Files.write(list, lines, StandardCharsets.UTF_8);
        List<String> args = List.of("-cp", JAR + java.io.File.pathSeparator + Path.of("target/test-classes").toAbsolutePath(),
                SanctlBatch.class.getName(), list.toString());
        Run first = java(args, Files.createTempFile("sanctl-batch", ".1"));
        Run second = java(args, Files.createTempFile("sanctl-batch", ".2"));
        assertThat(first.exit()).as(first.stderr()).isZero();
        assertThat(second.stdout()).as("second JVM, same files").isEqualTo(first.stdout());
        // every capture was parsed by the jar: one block per file, and each kind accepts its captures
        for (String line : lines) {
            String[] kf = line.split("\t");
            assertThat(first.stdout()).contains("=== " + kf[0] + " " + kf[1] + " exit ");
        }
        for (String kind : FIXTURES.keySet()) {
            assertThat(first.stdout()).as(kind + " parsed at least one capture").contains("=== " + kind + " ");
            assertThat(first.stdout().lines().filter(l -> l.startsWith("=== " + kind + " ") && l.endsWith(" exit 0")))
                    .as("captures of " + kind + " accepted").isNotEmpty();
        }
    }

    @Test
    void realEntryPoint_parsesASample_andRefusesBinaryWithALocation() throws Exception {
        Path out = Files.createTempFile("sanctl", ".json");
        Run ok = java(List.of("-jar", JAR.toString(), "parse", "zpool-status",
                ROOT.resolve("examples/samples/zpool-status-resilver.txt").toString()), out);
        assertThat(ok.exit()).as(ok.stderr()).isZero();
        assertThat(ok.stdout()).contains("\"state\" : \"DEGRADED\"");
        Path bin = Files.createTempFile("sanctl", ".bin");
        Files.write(bin, new byte[] {'p', 'o', 'o', 'l', ':', ' ', 't', '\n', (byte) 0xc3, (byte) 0x28});
        Run bad = java(List.of("-jar", JAR.toString(), "parse", "zpool-status", bin.toString()), out);
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.stderr()).contains(bin + ":2:1:").contains("line 2: not UTF-8 text");
    }
}
