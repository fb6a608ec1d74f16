package org.sansdk.cluster.health;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.sansdk.core.testing.RealTools;

/** The real {@code promtool check metrics} (Debian package prometheus) on an exposition, bounded. */
final class Promtool {
    record Result(int exit, String output) {
        boolean clean() {
            return exit == 0 && output.isBlank();
        }
    }

    private Promtool() {
    }

    static Result check(String exposition) throws IOException, InterruptedException {
        Path promtool = RealTools.requireFrom("promtool", "prometheus");
        Process p = new ProcessBuilder(List.of(promtool.toString(), "check", "metrics")).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("promtool did not finish within 30 s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
