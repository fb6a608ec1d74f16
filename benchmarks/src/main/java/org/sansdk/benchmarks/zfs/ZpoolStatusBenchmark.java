package org.sansdk.benchmarks.zfs;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sansdk.zfs.ZpoolStatusJson;
import org.sansdk.zfs.ZpoolStatusParser;
import org.sansdk.zfs.ZpoolStatusReport;

/**
 * Parses a {@code zpool status -P} of 500 cross-node mirrors (1,000 by-path iSCSI leaves). Target: under
 * 2 ms per parse warm, allocation under 10x the input size ({@code benchmarks/run ZpoolStatusBenchmark -prof gc}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ZpoolStatusBenchmark {
    private String text;
    private ZpoolStatusReport parsed;

    /** Generates the input once. */
    @Setup
    public void setup() {
        text = ZpoolStatusFixtures.crossNodeMirrors(500);
        parsed = ZpoolStatusParser.parse("bench", text);
        if (parsed.pools().get(0).dataVdevs().size() != 500 || !parsed.warnings().isEmpty()) {
            throw new IllegalStateException("fixture does not parse as 500 mirrors");
        }
        System.out.println("input: " + text.length() + " chars");
    }

    /** Text to model. */
    @Benchmark
    public ZpoolStatusReport parseText() {
        return ZpoolStatusParser.parse("bench", text);
    }

    /** Model to OpenZFS 2.3-shaped JSON tree (what sanctl prints). */
    @Benchmark
    public Object renderJson() {
        return ZpoolStatusJson.toJson(parsed);
    }
}
