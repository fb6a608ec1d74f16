package org.sansdk.benchmarks.pacemaker;

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
import org.sansdk.pacemaker.cib.Cib;
import org.sansdk.pacemaker.cib.CibParser;

/**
 * CIB parsing into the typed model (StAX): the corpus's 685 KB {@code pcs-cib-large.xml} (target &le; 7 ms warm)
 * and a generated ~10 MB CIB with a long operation history (target &le; 100 ms).
 *
 * <pre>{@code benchmarks/run CibParseBenchmark}</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class CibParseBenchmark {

    private String large;
    private String history10mb;

    /** Loads the inputs once. */
    @Setup
    public void setUp() {
        large = PacemakerFixtures.pcsCibLarge();
        history10mb = PacemakerFixtures.largeOpHistoryCib(10_000_000);
    }

    /** pcs-cib-large.xml (685 KB, 252 resources, 1,750 constraints). */
    @Benchmark
    public Cib parsePcsCibLarge() {
        return CibParser.parse("pcs-cib-large.xml", large);
    }

    /** Generated CIB of at least 10 MB, almost all of it lrm_rsc_op history. */
    @Benchmark
    public Cib parse10MbOpHistory() {
        return CibParser.parse("history.xml", history10mb);
    }

    /** Prints input sizes and a rough timing without JMH. */
    public static void main(String[] args) {
        CibParseBenchmark b = new CibParseBenchmark();
        b.setUp();
        System.out.println("pcs-cib-large.xml bytes: " + b.large.length());
        System.out.println("history bytes: " + b.history10mb.length());
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                b.parsePcsCibLarge();
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                b.parse10MbOpHistory();
            }
            long t2 = System.nanoTime();
            System.out.printf("large %.2f ms, 10MB %.1f ms%n", (t1 - t0) / 50 / 1e6, (t2 - t1) / 10 / 1e6);
        }
    }
}
