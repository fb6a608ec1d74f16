package org.sansdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.LocalExecutor;

/**
 * {@code examples/san.jsh} is the JShell entry point: it imports every API package of every module, and the
 * real {@code jshell} runs it (and a snippet using {@code Executor}, which JShell's default
 * {@code java.util.concurrent.*} import would make ambiguous) without an error.
 */
class SanJshTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path JSH = ROOT.resolve("examples/san.jsh");

    /**
     * Packages with a public top-level type in a library module's main sources (not internal, spi, cli; not san-cli
     * and not san-lab, the test-support lab kit, which is not on JShell's class path).
     */
    static TreeSet<String> apiPackages() throws IOException {
        TreeSet<String> pkgs = new TreeSet<>();
        Pattern publicType = Pattern.compile("^public (final |abstract |sealed |non-sealed )*(class|interface|record|enum|@interface) ", Pattern.MULTILINE);
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path m : modules.filter(p -> p.getFileName().toString().startsWith("san-")
                    && !p.getFileName().toString().equals("san-cli") && !p.getFileName().toString().equals("san-lab")).toList()) {
                Path src = m.resolve("src/main/java");
                if (!Files.isDirectory(src)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(src)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                        String pkg = src.relativize(f.getParent()).toString().replace('/', '.');
                        if (pkg.contains(".internal") || pkg.endsWith(".spi") || pkg.endsWith(".cli")) {
                            continue;
                        }
                        if (publicType.matcher(Files.readString(f)).find()) {
                            pkgs.add(pkg);
                        }
                    }
                }
            }
        }
        return pkgs;
    }

    @Test
    void sanJsh_importsEveryApiPackage() throws Exception {
        TreeSet<String> imported = new TreeSet<>();
        Matcher m = Pattern.compile("^import ([\\w.]+)\\.\\*;", Pattern.MULTILINE).matcher(Files.readString(JSH));
        while (m.find()) {
            imported.add(m.group(1));
        }
        TreeSet<String> api = apiPackages();
        assertThat(api).contains("org.sansdk.core", "org.sansdk.zfs", "org.sansdk.lio", "org.sansdk.pacemaker.cib");
        assertThat(imported).containsAll(api);
    }

    @Test
    void realJshell_runsSanJsh_andExecutorResolvesToOurs() throws Exception {
        Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(jshell), "jshell is part of the JDK running the tests");
        String snippet = "Executor e = new RecordingExecutor();\n"
                + "System.out.println(\"EXECUTOR=\" + Executor.class.getName());\n"
                + "System.out.println(\"PLAN=\" + Plan.builder(\"t\").run(\"h\", Command.of(\"true\"), \"w\").build().steps().size());\n"
                + "/exit\n";
        CommandResult r = new LocalExecutor(Duration.ofMinutes(2)).run(Command.builder(jshell.toString())
                .args("--class-path", System.getProperty("java.class.path"), "--feedback", "concise", JSH.toString(), "-")
                .stdin(snippet).build());
        assertThat(r.stdout()).contains("san-sdk:").contains("EXECUTOR=org.sansdk.core.Executor").contains("PLAN=1");
        assertThat(r.stdout() + r.stderr()).doesNotContainIgnoringCase("error").doesNotContain("cannot find symbol");
    }
}
