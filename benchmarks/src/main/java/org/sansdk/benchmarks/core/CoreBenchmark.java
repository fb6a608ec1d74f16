package org.sansdk.benchmarks.core;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sansdk.core.Command;
import org.sansdk.core.PosixQuoting;
import org.sansdk.core.Size;

/**
 * Core hot paths: quoting a long argv (every SSH command and every printed plan) and parsing sizes
 * (every zpool/zfs line). Run: {@code benchmarks/run CoreBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CoreBenchmark {
    private final List<String> argv = List.of("zpool", "create", "-o", "multihost=on", "-o", "ashift=12",
            "-O", "compression=lz4", "san-pool", "mirror", "/dev/disk/by-partlabel/data-a-a",
            "/dev/disk/by-path/ip-10.10.10.2:3260-iscsi-iqn.2025-01.lab.home:storage-b-lun-0", "it's quoted");
    private final Command command = Command.of(argv);

    /** Quote and join a 13-word zpool create. */
    @Benchmark
    public String joinArgv() {
        return PosixQuoting.join(argv);
    }

    /** Render a command for display. */
    @Benchmark
    public String commandToString() {
        return command.toString();
    }

    /** Parse a human size. */
    @Benchmark
    public long parseHumanSize() {
        return Size.parse("3.64T").bytes();
    }

    /** Parse an exact -p size. */
    @Benchmark
    public long parseExactSize() {
        return Size.parse("12884901888").bytes();
    }
}
