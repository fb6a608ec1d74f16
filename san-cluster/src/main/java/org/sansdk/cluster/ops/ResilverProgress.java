package org.sansdk.cluster.ops;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.sansdk.zfs.DeviceState;
import org.sansdk.zfs.ScanStatus;

/**
 * The pool's scan state as its importing node's {@code zpool status} shows it, through san-zfs's parser: the figures
 * are exactly the parser's, and a figure zpool printed rounded (e.g. {@code 1.21G}) is named in {@link #approximate()}.
 * Usage: {@code cluster.resilverProgress().percentDone()}.
 *
 * @param pool        the pool
 * @param node        the node that imports it
 * @param poolState   the pool's state
 * @param function    what the last or running scan is (resilver, scrub, none)
 * @param state       in progress, finished, …
 * @param percentDone percent done, when printed
 * @param scanned     bytes scanned, when printed
 * @param issued      bytes issued, when printed
 * @param total       bytes to scan, when printed
 * @param timeToGo    the estimate zpool prints, when printed
 * @param approximate names of the byte figures that were printed rounded
 * @param lines       the scan lines as printed
 */
public record ResilverProgress(String pool, String node, DeviceState poolState, ScanStatus.ScanFunction function, ScanStatus.ScanState state,
                               OptionalDouble percentDone, OptionalLong scanned, OptionalLong issued, OptionalLong total,
                               Optional<Duration> timeToGo, Set<String> approximate, java.util.List<String> lines) {
    /** Copies. Usage: built by {@link ClusterOperations#resilverProgress()}. */
    public ResilverProgress {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(node, "node");
        approximate = java.util.Collections.unmodifiableSet(new TreeSet<>(approximate));
        lines = java.util.List.copyOf(lines);
    }

    /** From a parsed scan (or none). Usage: {@code ResilverProgress.of("san-pool", "storage-a", status)}. */
    public static ResilverProgress of(String pool, String node, org.sansdk.zfs.PoolStatus status) {
        Optional<ScanStatus> s = status.scan();
        return new ResilverProgress(pool, node, status.state(),
                s.map(ScanStatus::function).orElse(ScanStatus.ScanFunction.NONE),
                s.map(ScanStatus::state).orElse(ScanStatus.ScanState.NONE_REQUESTED),
                s.map(ScanStatus::percentDone).orElse(OptionalDouble.empty()), s.map(ScanStatus::scanned).orElse(OptionalLong.empty()),
                s.map(ScanStatus::issued).orElse(OptionalLong.empty()), s.map(ScanStatus::total).orElse(OptionalLong.empty()),
                s.flatMap(ScanStatus::timeToGo), s.map(ScanStatus::approximate).orElse(Set.of()), s.map(ScanStatus::lines).orElse(java.util.List.of()));
    }

    /** True while a resilver runs. Usage: {@code if (p.resilvering()) ...}. */
    public boolean resilvering() {
        return function == ScanStatus.ScanFunction.RESILVER && state == ScanStatus.ScanState.IN_PROGRESS;
    }

    /** {@code lab-pool on storage-a: DEGRADED, RESILVER IN_PROGRESS 42.1% (issued ~1.2 GB of ~2.9 GB), 0:05:10 to go}. Usage: {@code p.describe()}. */
    public String describe() {
        StringBuilder b = new StringBuilder(pool + " on " + node + ": " + poolState + ", " + function + " " + state);
        percentDone.ifPresent(p -> b.append(String.format(java.util.Locale.ROOT, " %.2f%%", p)));
        if (issued.isPresent() || scanned.isPresent()) {
            b.append(" (");
            scanned.ifPresent(x -> b.append("scanned ").append(fig("scanned", x)));
            issued.ifPresent(x -> b.append(scanned.isPresent() ? ", " : "").append("issued ").append(fig("issued", x)));
            total.ifPresent(x -> b.append(" of ").append(fig("total", x)));
            b.append(')');
        }
        timeToGo.ifPresent(t -> b.append(", ").append(t.toSeconds()).append(" s to go"));
        return b.toString();
    }

    private String fig(String name, long bytes) {
        return (approximate.contains(name) ? "~" : "") + bytes + " B";
    }
}
