package org.sansdk.benchmarks.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.sansdk.cluster.bundle.Bundle;
import org.sansdk.cluster.bundle.BundleRenderer;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.cluster.design.SanDesignYaml;
import org.sansdk.cluster.rules.DesignFinding;
import org.sansdk.cluster.rules.DesignRules;

/**
 * san-cluster on the reference design (examples/designs/reference.yml: 3 nodes, 12 disks per storage node, two
 * client VLANs): read the design file, run every rule, render the whole bundle (in memory). The whole-process
 * figure (JVM included) is {@code /usr/bin/time ./sanctl render examples/designs/reference.yml --out DIR}.
 * Run from the project root: {@code benchmarks/run RenderBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RenderBenchmark {
    private String text;
    private SanDesign design;

    /** Reads the reference design once. */
    @Setup
    public void setup() throws IOException {
        text = Files.readString(Path.of(System.getProperty("san.design", "examples/designs/reference.yml")));
        design = SanDesignYaml.parse("reference.yml", text);
    }

    /** The design file's YAML into a SanDesign. */
    @Benchmark
    public SanDesign readDesign() {
        return SanDesignYaml.parse("reference.yml", text);
    }

    /** sanctl validate: every cross-layer and per-tool rule. */
    @Benchmark
    public List<DesignFinding> validate() {
        return DesignRules.check(design);
    }

    /** sanctl render without the disk writes: every file, command, RUNBOOK.md and REPORT.md. */
    @Benchmark
    public Bundle render() {
        return BundleRenderer.standard().render(design);
    }

    /** Read, validate and render, as sanctl render does. */
    @Benchmark
    public Bundle readValidateRender() {
        SanDesign d = SanDesignYaml.parse("reference.yml", text);
        DesignRules.check(d);
        return BundleRenderer.standard().render(d);
    }
}
