package org.sansdk.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.sansdk.cluster.design.CorosyncTiming;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.cluster.map.FailoverTiming;
import org.sansdk.cluster.ops.ClusterOperations;
import org.sansdk.cluster.ops.FailoverReport;
import org.sansdk.core.Command;
import org.sansdk.pacemaker.design.ServiceOrdering;
import org.sansdk.pacemaker.status.ClusterStatus;

/**
 * Measures failover on the lab, not a test: {@code benchmarks/failover --runs 5} prints one table row per case with
 * the median of the runs and what the timing model predicts for the lab.
 * <ul>
 * <li>unplanned: storage-a's corosync is SIGKILLed; the clock stops when storage-b's crm_mon shows every service
 *     (pool, VIPs, NFS, SMB) started on storage-b. A fresh lab per run.</li>
 * <li>planned: the SDK call {@code plannedFailover(to)} from call to return: its safety checks, the standby of the
 *     node that runs the pool through {@code crm_attribute} (no pcs in the path), and its own following of crm_mon until
 *     every service runs on the other node. Runs alternate direction in one lab.</li>
 * </ul>
 * Two profiles: the design document's tunables (token 4000 ms, the default token_coefficient 650 ms, consensus left
 * to corosync because the document's 4800 ms is refused, one sequential service group) and the SDK's recommended one (token 3000 ms, token_coefficient 0, consensus
 * 3600 ms, each service ordered only after what it needs). The clock is read by polling crm_mon every 100 ms, so each
 * figure is late by up to one poll (≈ 0.1–0.2 s with crm_mon's own run time).
 * With {@code --real-pool} the lab's real-pool variant is used: zfs-fuse on both storage nodes, the real
 * {@code ocf:heartbeat:ZFS} agent importing and exporting the pool, and a fencing agent that kills the fenced node.
 * <p>Usage: {@code java -cp … org.sansdk.lab.FailoverBenchmark --runs 5 [--profile sdk|document] [--case unplanned|planned] [--real-pool]}.
 */
public final class FailoverBenchmark {
    private static final Duration BOUND = Duration.ofSeconds(120);

    /** A tunables profile: its name and the lab design it gives. */
    record Profile(String name, SanDesign design) {
    }

    private FailoverBenchmark() {
    }

    /**
     * The profile of the design document: token 4000 ms, token_coefficient left at corosync's 650 ms (effective token
     * 4650 ms with three nodes), join 1000 ms, one sequential service group. The document's consensus 4800 ms is below
     * 1.2 × the effective token, which the SDK refuses to render (COROSYNC-CONSENSUS), so consensus is left to corosync:
     * 5580 ms.
     * Usage: {@code FailoverBenchmark.documentProfile()}.
     */
    public static SanDesign documentProfile() {
        return LabDesign.standardBuilder()
                .corosync(new CorosyncTiming(Duration.ofMillis(4000), Optional.empty(), Duration.ofMillis(1000), 20,
                        Duration.ofMillis(650)))
                .serviceOrdering(ServiceOrdering.GROUP).build();
    }

    /**
     * The SDK's recommended profile: token 3000 ms (the lowest this design accepts: below it a 2 s stall fences a healthy
     * node), token_coefficient 0, consensus 3600 ms (1.2 × token), join 1000 ms, services ordered by dependency.
     * Usage: {@code FailoverBenchmark.sdkProfile()}.
     */
    public static SanDesign sdkProfile() {
        return LabDesign.standardBuilder().corosync(CorosyncTiming.SDK_PROFILE).serviceOrdering(ServiceOrdering.BY_DEPENDENCY).build();
    }

    /**
     * Runs the benchmark. Usage: {@code FailoverBenchmark.main(new String[] {"--runs", "5"})}.
     *
     * @param args {@code --runs N}, {@code --profile sdk|document} (both by default), {@code --case unplanned|planned}
     *             (both by default), {@code --real-pool} (the lab's real-pool variant)
     */
    public static void main(String[] args) {
        int runs = 5;
        List<String> profiles = List.of("document", "sdk");
        List<String> cases = List.of("unplanned", "planned");
        boolean realPool = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--real-pool" -> realPool = true;
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--profile" -> profiles = List.of(args[++i]);
                case "--case" -> cases = List.of(args[++i]);
                default -> {
                    System.err.println("usage: failover [--runs N] [--profile sdk|document] [--case unplanned|planned] [--real-pool]");
                    System.exit(2);
                }
            }
        }
        Lab.requireTools();
        Map<String, List<Double>> results = new LinkedHashMap<>();
        Map<String, Double> predicted = new LinkedHashMap<>();
        for (String p : profiles) {
            SanDesign d = p.equals("sdk") ? sdkProfile() : documentProfile();
            FailoverTiming lab = FailoverTiming.of(d, FailoverTiming.Costs.LAB);
            for (String c : cases) {
                String key = c + " failover | " + (p.equals("sdk") ? "SDK profile" : "design document") + (realPool ? ", real pool" : "");
                LabDesign labDesign = realPool ? new LabDesign(d).withRealPool() : new LabDesign(d);
                List<Double> xs = c.equals("unplanned") ? unplanned(labDesign, runs, System.err::println)
                        : planned(labDesign, runs, System.err::println);
                results.put(key, xs);
                predicted.put(key, (c.equals("unplanned") ? lab.unplanned() : lab.planned()).toMillis() / 1000.0);
            }
        }
        System.out.println("| case | profile | median | runs (s) | model for the lab | model vs median |");
        System.out.println("|---|---|---|---|---|---|");
        for (Map.Entry<String, List<Double>> e : results.entrySet()) {
            double m = median(e.getValue());
            double pr = predicted.get(e.getKey());
            System.out.printf(Locale.ROOT, "| %s | %.2f s | %s | %.2f s | %+.0f %% |%n", e.getKey(), m,
                    String.join(" ", e.getValue().stream().map(x -> String.format(Locale.ROOT, "%.2f", x)).toList()), pr,
                    (pr - m) / m * 100);
        }
        for (String p : profiles) {
            SanDesign d = p.equals("sdk") ? sdkProfile() : documentProfile();
            System.out.println();
            // on real hardware the pool is multihost (CLUSTER-MULTIHOST): its import after a crash waits the activity check
            SanDesign real = d.toBuilder().pool(new org.sansdk.cluster.design.Pool(d.pool().name(), Map.of("multihost", "on"), Map.of()))
                    .build();
            System.out.println("model, " + p + " profile, on real hardware (IPMI fencing, multihost pool import, systemd units):");
            System.out.print(FailoverTiming.of(real).markdown());
        }
    }

    /** Kill → everything on the survivor, a fresh lab per run; seconds. */
    static List<Double> unplanned(LabDesign design, int runs, Consumer<String> log) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            try (Lab lab = Lab.start(design)) {
                List<String> services = design.services();
                lab.awaitStatus("storage-b", s -> allOn(s, services, "storage-a"), BOUND);
                long t0 = System.nanoTime();
                lab.node("storage-a").killCorosync();
                double t = awaitAllOn(lab.node("storage-b"), services, "storage-b", t0);
                log.accept(String.format(Locale.ROOT, "unplanned %s run %d: %.2f s", design.design().corosync().token().toMillis(), i + 1, t));
                out.add(t);
            }
        }
        return out;
    }

    /**
     * The SDK call {@code plannedFailover(to)} (its safety checks, standby of the active node through crm_attribute, no
     * pcs, then following crm_mon every 100 ms until every resource runs on {@code to}) timed from the call to its
     * return, alternating direction in one lab; seconds. The standby is lifted afterwards, untimed.
     */
    static List<Double> planned(LabDesign design, int runs, Consumer<String> log) {
        if (design.poolMode() == LabDesign.PoolMode.REAL) {
            // the real pool's file vdevs keep the names they have on storage-a, so on storage-b the SDK cannot find
            // storage-a's legs under their by-path names and refuses the way back (TARGET_LEGS_NOT_ONLINE): one move
            // storage-a -> storage-b per fresh lab
            List<Double> out = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                out.addAll(plannedOnce(design, i + 1, log));
            }
            return out;
        }
        List<Double> out = new ArrayList<>();
        try (Lab lab = Lab.start(design)) {
            List<String> services = design.services();
            lab.awaitStatus("quorum", s -> allOn(s, services, "storage-a"), BOUND);
            ClusterOperations ops = ClusterOperations.of(lab.cluster()).pollInterval(Duration.ofMillis(100));
            String from = "storage-a";
            for (int i = 0; i < runs; i++) {
                String to = from.equals("storage-a") ? "storage-b" : "storage-a";
                long t0 = System.nanoTime();
                FailoverReport r = ops.plannedFailover(to);
                double t = (System.nanoTime() - t0) / 1e9;
                if (!r.completed()) {
                    throw new LabException("planned failover to " + to + " did not complete: " + r.describe());
                }
                log.accept(String.format(Locale.ROOT, "planned run %d %s -> %s: %.2f s (standby -> last arrival %.2f s)", i + 1, from, to, t,
                        r.total().toMillis() / 1000.0));
                out.add(t);
                lab.node("quorum").executor().runChecked(Command.of("crm_attribute", "--node", from, "--name", "standby", "--update", "off",
                        "--lifetime", "forever"));
                // stickiness keeps everything on `to`; wait until the cluster is idle again before the next move
                lab.node("quorum").pacemaker().waitForSettle(Duration.ofSeconds(60));
                from = to;
            }
        }
        return out;
    }

    private static List<Double> plannedOnce(LabDesign design, int run, Consumer<String> log) {
        try (Lab lab = Lab.start(design)) {
            List<String> services = design.services();
            lab.awaitStatus("quorum", s -> allOn(s, services, "storage-a"), BOUND);
            // the cluster (its capability probes: pcs --version alone takes a second) is built before the clock starts
            ClusterOperations ops = ClusterOperations.of(lab.cluster()).pollInterval(Duration.ofMillis(100));
            long t0 = System.nanoTime();
            FailoverReport r = ops.plannedFailover("storage-b");
            double t = (System.nanoTime() - t0) / 1e9;
            if (!r.completed()) {
                throw new LabException("planned failover to storage-b did not complete: " + r.describe());
            }
            log.accept(String.format(Locale.ROOT, "planned run %d storage-a -> storage-b (fresh lab): %.2f s", run, t));
            return List.of(t);
        }
    }

    private static double awaitAllOn(LabNode from, List<String> services, String node, long t0) {
        long deadline = t0 + BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            ClusterStatus s = from.statusOrNull();
            if (s != null && allOn(s, services, node)) {
                return (System.nanoTime() - t0) / 1e9;
            }
            LabNode.sleep(100);
        }
        throw new LabException("not every service of " + services + " ran on " + node + " within " + BOUND.toSeconds() + " s");
    }

    private static boolean allOn(ClusterStatus s, List<String> services, String node) {
        return services.stream().allMatch(r -> s.runningOn(r).equals(List.of(node)));
    }

    static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }
}
