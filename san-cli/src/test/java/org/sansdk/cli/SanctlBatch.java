package org.sansdk.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Test helper run in its own JVM against the shaded {@code sanctl.jar}: for each {@code KIND<TAB>FILE} line of
 * the list file, runs {@code sanctl parse KIND FILE} and prints its exit code, stdout and stderr, so two
 * JVMs' outputs can be compared byte for byte.
 */
public final class SanctlBatch {
    private SanctlBatch() {
    }

    /** {@code SanctlBatch LISTFILE}. */
    public static void main(String[] args) throws Exception {
        PrintStream stdout = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            String[] kf = line.split("\t", 2);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int rc = new Sanctl(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                    .run(List.of("parse", kf[0], kf[1]));
            stdout.print("=== " + kf[0] + " " + kf[1] + " exit " + rc + "\n");
            stdout.print(out.toString(StandardCharsets.UTF_8));
            stdout.print("--- stderr\n");
            stdout.print(err.toString(StandardCharsets.UTF_8));
        }
        stdout.flush();
    }
}
