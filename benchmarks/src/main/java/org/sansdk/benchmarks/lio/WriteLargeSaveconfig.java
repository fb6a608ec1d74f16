package org.sansdk.benchmarks.lio;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sansdk.lio.SaveconfigWriter;

/**
 * Writes the benchmark's 4,096-LUN saveconfig.json (client target with 4,096 zvol LUNs plus 12 backend LUNs)
 * to a file, for whole-process timings such as {@code benchmarks/startup}.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar org.sansdk.benchmarks.lio.WriteLargeSaveconfig /tmp/big.json}</pre>
 */
public final class WriteLargeSaveconfig {
    private WriteLargeSaveconfig() {
    }

    /** {@code WriteLargeSaveconfig OUT}. */
    public static void main(String[] args) throws Exception {
        Files.writeString(Path.of(args[0]), SaveconfigWriter.write(LioFixtures.clientAndBackend(4096, 12)), StandardCharsets.UTF_8);
    }
}
