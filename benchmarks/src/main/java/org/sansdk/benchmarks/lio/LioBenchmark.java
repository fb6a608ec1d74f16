package org.sansdk.benchmarks.lio;

import java.util.List;
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
import org.sansdk.core.Violation;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.LioValidator;
import org.sansdk.lio.SaveconfigParser;
import org.sansdk.lio.SaveconfigWriter;
import org.sansdk.lio.sync.LunSyncPlanner;
import org.sansdk.lio.sync.SyncPlan;
import org.sansdk.lio.sync.Zvol;

/**
 * san-lio hot paths: parse + validate a saveconfig.json with 4,096 zvol LUNs and 12 backend LUNs (target
 * &lt; 15 ms warm), and plan a LUN sync of 4,096 zvols of which 64 are new (target &lt; 20 ms).
 *
 * <pre>{@code benchmarks/run LioBenchmark}</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LioBenchmark {

    private String saveconfig;
    private LioConfig exported4032;
    private List<Zvol> zvols4096;

    /** Builds the inputs once. */
    @Setup
    public void setUp() {
        saveconfig = SaveconfigWriter.write(LioFixtures.clientAndBackend(4096, 12));
        exported4032 = LioFixtures.clientAndBackend(4096 - 64, 12);
        zvols4096 = LioFixtures.zvolList(4096);
    }

    /** Parse and validate the ~2.7 MB file. */
    @Benchmark
    public List<Violation> parseAndValidate4096Luns() {
        LioConfig cfg = SaveconfigParser.parse("saveconfig.json", saveconfig);
        return LioValidator.validate(cfg);
    }

    /** Plan a sync where 64 of 4,096 zvols are new. */
    @Benchmark
    public SyncPlan planSync4096Zvols64New() {
        return LunSyncPlanner.forTpg(org.sansdk.core.Iqn.parse(LioFixtures.CLIENT), 2, org.sansdk.core.ZfsName.parse(LioFixtures.DATASET))
                .plan(exported4032, zvols4096);
    }

    /** Size of the generated file, for the report. */
    public static void main(String[] args) {
        LioBenchmark b = new LioBenchmark();
        b.setUp();
        System.out.println("saveconfig bytes: " + b.saveconfig.length());
        System.out.println("violations: " + b.parseAndValidate4096Luns().size());
        System.out.println("new LUNs: " + b.planSync4096Zvols64New().changes().size());
    }
}
