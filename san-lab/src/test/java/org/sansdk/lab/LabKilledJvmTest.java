package org.sansdk.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sansdk.core.Command;
import org.sansdk.core.testing.TestExecutors;

/**
 * A JVM holding a real lab is SIGKILLed (no shutdown hook runs): its corosync/pacemaker processes and namespaces
 * live on, and {@link Lab#reapStale()} — what the next {@code Lab.start} or {@code scripts/lab down} runs — removes
 * them all.
 */
class LabKilledJvmTest {

    @Test
    void aLabLeftByAKilledJvmIsReapedCompletely() throws Exception {
        Lab.requireTools();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process jvm = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LabMain.class.getName())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        List<String> namespaces = new ArrayList<>();
        String id = null;
        Set<Long> pids = new TreeSet<>();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            // LabMain prints READY once the lab runs (Lab.start's own bounds apply, about 2 × 120 s at most)
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                seen.append(line).append('\n');
                if (line.startsWith("READY ")) {
                    String[] f = line.split(" ");
                    id = f[1];
                    Arrays.stream(f).skip(2).forEach(x -> namespaces.add(x.substring(x.indexOf('=') + 1)));
                    break;
                }
            }
            assertThat(id).as("READY line from LabMain; output:\n%s", seen).isNotNull();
            for (String ns : namespaces) {
                pids.addAll(Lab.netnsPids(ns));
            }
            assertThat(pids).as("processes of the lab").hasSizeGreaterThanOrEqualTo(3 * 8);

            TestExecutors.local().runChecked(Command.of("kill", "-KILL", Long.toString(jvm.pid())));
            assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // the hook did not run: the lab is still there
            Path dir = Lab.baseDirectory().resolve(id);
            assertThat(dir).isDirectory();
            assertThat(Lab.netnsPids(namespaces.get(0))).isNotEmpty();

            assertThat(Lab.reapStale()).contains(id);

            String list = TestExecutors.local().runChecked(Command.of("ip", "netns", "list")).stdout();
            assertThat(list).doesNotContain(Lab.PREFIX + id);
            for (long pid : pids) {
                assertThat(Path.of("/proc", Long.toString(pid))).as("process " + pid).doesNotExist();
            }
            assertThat(dir).doesNotExist();
            assertThat(Lab.shmFilesOf(pids)).isEmpty();
            for (String mountinfo : mountinfos()) {
                assertThat(mountinfo).doesNotContain(dir.toString());
            }
        } finally {
            jvm.destroyForcibly();
            Lab.reapStale();
        }
    }

    private static List<String> mountinfos() throws Exception {
        List<String> out = new ArrayList<>();
        try (var s = Files.list(Path.of("/proc"))) {
            for (Path p : s.filter(x -> x.getFileName().toString().matches("[0-9]+")).toList()) {
                try {
                    out.add(Files.readString(p.resolve("mountinfo")));
                } catch (java.io.IOException e) {
                    // the process ended meanwhile
                }
            }
        }
        return out;
    }
}
