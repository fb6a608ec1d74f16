package org.sansdk.cluster.map;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.sansdk.cluster.design.ClientService;
import org.sansdk.cluster.design.ClientVlanSpec;
import org.sansdk.cluster.design.Fencing;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.corosync.TotemTiming;

/**
 * The failover time a design really gives, phase by phase, beside the design document's own table.
 * <ul>
 * <li>unplanned = detection (corosync effective token + consensus) + fencing + pool import (multihost activity
 *     check + import/ZIL replay) + service starts;</li>
 * <li>planned = service stops + pool export + import (no activity check: the pool was exported cleanly) + starts.</li>
 * </ul>
 * Detection and the activity check are computed from the design; fencing, import and service times are the
 * documented estimates below (a real cluster should measure them and override nothing silently: they are printed
 * with their basis).
 *
 * <pre>{@code FailoverTiming t = FailoverTiming.of(design); t.unplanned(); t.markdown();}</pre>
 *
 * @param phases the phases in order
 */
public record FailoverTiming(List<Phase> phases) {
    /** fence_ipmilan reboot estimate: power off, status polls until off, power on. */
    public static final Duration FENCE_ESTIMATE = Duration.ofSeconds(6);
    /** Pool import once the activity check is done: label scan of 24 devices, ZIL replay. */
    public static final Duration IMPORT_ESTIMATE = Duration.ofSeconds(3);
    /** Clean {@code zpool export}: final txg sync and label update. */
    public static final Duration EXPORT_ESTIMATE = Duration.ofSeconds(2);
    /** IPaddr2 start/stop (gratuitous ARPs run in the background, {@code arp_bg}). */
    public static final Duration VIP_ESTIMATE = Duration.ofMillis(500);
    /** sync-iscsi-luns: one targetcli process (≥ 0.2 s start, then a configfs walk) per import. */
    public static final Duration LUN_SYNC_ESTIMATE = Duration.ofSeconds(2);
    /** nfs-kernel-server start (exportfs -ra, rpc.mountd, nfsd threads). */
    public static final Duration NFS_ESTIMATE = Duration.ofSeconds(2);
    /** smbd start. */
    public static final Duration SMB_ESTIMATE = Duration.ofSeconds(1);
    /** Any service stop. */
    public static final Duration STOP_ESTIMATE = Duration.ofSeconds(1);
    /** nfsd's NFSv4 grace period by default ({@code /proc/fs/nfsd/nfsv4gracetime}, nfs.conf {@code [nfsd] grace-time}). */
    public static final Duration NFS_GRACE = Duration.ofSeconds(90);
    /** OpenZFS defaults: {@code zfs_multihost_interval} 1000 ms, fail intervals 10, import intervals 20. */
    public static final long DEFAULT_MMP_INTERVAL_MS = 1000;
    /** OpenZFS default {@code zfs_multihost_fail_intervals}. */
    public static final long DEFAULT_MMP_FAIL_INTERVALS = 10;
    /** OpenZFS default {@code zfs_multihost_import_intervals}. */
    public static final long DEFAULT_MMP_IMPORT_INTERVALS = 20;

    /**
     * One phase.
     * Usage: {@code t.phases().get(0).unplanned()}.
     *
     * @param name      the phase ({@code Detection}, …)
     * @param unplanned its time in an unplanned failover (crash of the active node)
     * @param planned   its time in a planned one ({@code pcs node standby})
     * @param document  what the design document's table says
     * @param basis     how the SDK's figure is obtained and why it differs
     */
    public record Phase(String name, Duration unplanned, Duration planned, String document, String basis) {
        /** Refuses nulls. Usage: see type. */
        public Phase {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(unplanned, "unplanned");
            Objects.requireNonNull(planned, "planned");
            Objects.requireNonNull(document, "document");
            Objects.requireNonNull(basis, "basis");
        }
    }

    /** Copies. Usage: see type. */
    public FailoverTiming {
        phases = List.copyOf(phases);
    }

    /**
     * What each step costs where the cluster runs: Pacemaker's own time per action (the controller runs the agent and
     * records the result before the next ordered action may start), its wait before fencing, and each agent's time.
     * Usage: {@code FailoverTiming.of(design, FailoverTiming.Costs.LAB)}.
     *
     * @param name      where these costs hold
     * @param action    Pacemaker's overhead per action on the critical path (agent fork, result recorded, next action
     *                  scheduled)
     * @param fenceWait Pacemaker's wait before it fences a lost node (the controller waits about a second for pending
     *                  CIB updates)
     * @param fence     the fencing agent's run, confirmation included
     * @param fenceAgent the agent whose run {@code fence} estimates
     * @param importTime pool import once the activity check is done
     * @param exportTime clean pool export
     * @param vip       an IPaddr2 start or stop
     * @param lunSync   sync-iscsi-luns start
     * @param nfs       nfs-kernel-server start
     * @param smb       smbd start
     * @param stop      any service stop
     * @param basis     where the figures come from
     */
    public record Costs(String name, Duration action, Duration fenceWait, Duration fence, String fenceAgent, Duration importTime,
                        Duration exportTime, Duration vip, Duration lunSync, Duration nfs, Duration smb, Duration stop, String basis) {
        /**
         * Real hardware: fence_ipmilan, a pool of 24 disks, systemd units (the constants of {@link FailoverTiming}), and
         * Pacemaker's own overhead as measured on the lab.
         */
        public static final Costs REAL_HARDWARE = new Costs("real hardware", Duration.ofMillis(150), Duration.ofSeconds(1),
                FENCE_ESTIMATE, "fence_ipmilan (off, confirm off, on)", IMPORT_ESTIMATE, EXPORT_ESTIMATE, VIP_ESTIMATE,
                LUN_SYNC_ESTIMATE, NFS_ESTIMATE, SMB_ESTIMATE, STOP_ESTIMATE,
                "estimates for IPMI fencing, a 24-disk pool and systemd units; Pacemaker's overhead as measured on the lab");
        /**
         * The project's lab: {@code ocf:pacemaker:Dummy} stand-ins (no time of their own beyond Pacemaker's per-action
         * overhead) and fence_dummy (a Python agent that reports success).
         */
        public static final Costs LAB = new Costs("lab", Duration.ofMillis(150), Duration.ofSeconds(1), Duration.ofMillis(250),
                "fence_dummy (reports success)", Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO,
                Duration.ZERO, Duration.ZERO,
                "Dummy agents and fence_dummy; per action 0.15 s, fencing 1 s wait + 0.25 s: fitted to the SDK profile's medians on the lab (benchmarks/failover)");

        /** Refuses nulls. Usage: see type. */
        public Costs {
            for (Object o : new Object[] {name, action, fenceWait, fence, fenceAgent, importTime, exportTime, vip, lunSync, nfs, smb,
                    stop, basis}) {
                Objects.requireNonNull(o, "costs");
            }
        }
    }

    /** The timing of a design on real hardware. Usage: {@code FailoverTiming.of(design)}. */
    public static FailoverTiming of(SanDesign design) {
        return of(DesignMapping.of(design));
    }

    /** The timing of a design with the given costs. Usage: {@code FailoverTiming.of(design, FailoverTiming.Costs.LAB)}. */
    public static FailoverTiming of(SanDesign design, Costs costs) {
        return of(DesignMapping.of(design), costs);
    }

    /** The timing of a mapped design on real hardware. Usage: {@code FailoverTiming.of(mapping)}. */
    public static FailoverTiming of(DesignMapping mapping) {
        return of(mapping, Costs.REAL_HARDWARE);
    }

    /** The timing of a mapped design with the given costs. Usage: {@code FailoverTiming.of(mapping, Costs.LAB)}. */
    public static FailoverTiming of(DesignMapping mapping, Costs c) {
        SanDesign d = mapping.design();
        TotemTiming t = mapping.totemTiming();
        List<Phase> p = new ArrayList<>();
        p.add(new Phase("Detection", t.failureDetection(), Duration.ZERO, "~4–5 s (iSCSI timeout + Corosync) / 0 s",
                "effective token " + ms(t.effectiveToken()) + " (token " + ms(t.token()) + " + " + (t.nodes() - 2)
                        + " × coefficient " + ms(t.tokenCoefficient()) + ") + consensus " + ms(t.consensus())
                        + (t.consensusConfigured() ? " (set in the design)" : " (derived, 1.2 × effective token)")
                        + ": the membership changes only then; the iSCSI replacement timeout runs in parallel and is not added"));
        Duration fenceBound = d.fencing().stream().map(Fencing::timeout).max(Duration::compareTo).orElse(Fencing.DEFAULT_TIMEOUT);
        p.add(new Phase("STONITH", c.fenceWait().plus(c.fence()), Duration.ZERO, "~2–4 s / not needed",
                "Pacemaker's wait " + secs(c.fenceWait()) + " + " + secs(c.fence()) + " for " + c.fenceAgent()
                        + "; bound: pcmk_reboot_timeout " + secs(fenceBound) + "; the pool is imported only after the fence is confirmed"));
        Duration mmp = activityCheck(d);
        p.add(new Phase("Pool transition", c.action().plus(mmp).plus(c.importTime()),
                c.action().plus(c.exportTime()).plus(c.action()).plus(c.importTime()),
                "~2–3 s (ZIL replay, degraded import) / ~1–2 s",
                "multihost activity check " + secs(mmp) + " (" + activityBasis(d) + ", skipped after a clean export) + import "
                        + secs(c.importTime()) + " + one action " + secs(c.action()) + "; planned: export " + secs(c.exportTime())
                        + " + import " + secs(c.importTime()) + " + two actions"));
        // each service: its start and stop; the VIPs run in parallel with each other when ordered by dependency
        List<String> vips = d.clientVlans().stream().map(v -> "vip-" + v.name()).toList();
        boolean iscsi = d.clientVlans().stream().anyMatch(v -> v.offers(ClientService.ISCSI));
        boolean nfs = d.clientVlans().stream().anyMatch(v -> v.offers(ClientService.NFS));
        boolean smb = d.clientVlans().stream().anyMatch(v -> v.offers(ClientService.SMB));
        Duration vipStep = c.action().plus(c.vip());
        Duration stopStep = c.action().plus(c.stop());
        Duration starts;
        Duration stops;
        String how;
        if (d.serviceOrdering() == org.sansdk.pacemaker.design.ServiceOrdering.GROUP) {
            starts = vipStep.multipliedBy(vips.size());
            stops = vipStep.multipliedBy(vips.size());
            List<String> what = new ArrayList<>();
            vips.forEach(v -> what.add(v + " " + secs(c.vip())));
            if (iscsi) {
                starts = starts.plus(c.action()).plus(c.lunSync());
                stops = stops.plus(stopStep);
                what.add("sync-iscsi-luns " + secs(c.lunSync()));
            }
            if (nfs) {
                starts = starts.plus(c.action()).plus(c.nfs());
                stops = stops.plus(stopStep);
                what.add("nfs-server " + secs(c.nfs()));
            }
            if (smb) {
                starts = starts.plus(c.action()).plus(c.smb());
                stops = stops.plus(stopStep);
                what.add("smb-server " + secs(c.smb()));
            }
            how = "one group, one after the other, each + one action " + secs(c.action()) + ": " + String.join(", ", what);
        } else {
            Duration vipPhase = vips.isEmpty() ? Duration.ZERO : vipStep;
            starts = vipPhase;
            stops = vipPhase;
            Duration afterVips = Duration.ZERO;
            List<String> services = new ArrayList<>();
            if (iscsi) {
                afterVips = max(afterVips, c.action().plus(c.lunSync()));
                services.add("sync-iscsi-luns " + secs(c.lunSync()));
            }
            if (nfs) {
                afterVips = max(afterVips, c.action().plus(c.nfs()));
                services.add("nfs-server " + secs(c.nfs()));
            }
            if (smb) {
                afterVips = max(afterVips, c.action().plus(c.smb()));
                services.add("smb-server " + secs(c.smb()));
            }
            starts = vipPhase.plus(afterVips);
            stops = vipPhase.plus(services.isEmpty() ? Duration.ZERO : stopStep);
            how = "by dependency, the longest chain: the VIPs together (" + secs(vipStep) + " with the action), then the services "
                    + "side by side, the slowest counting: " + String.join(", ", services) + " (+ one action " + secs(c.action()) + ")";
        }
        p.add(new Phase("Service stop", Duration.ZERO, stops, "(not listed)",
                "planned only, before the pool is exported: " + (d.serviceOrdering() == org.sansdk.pacemaker.design.ServiceOrdering.GROUP
                        ? "the group in reverse order" : "the services, then the VIPs they wait for")
                        + ", " + secs(c.stop()) + " per service, " + secs(c.vip()) + " per VIP, one action " + secs(c.action()) + " each"));
        p.add(new Phase("Service startup", starts, starts, "~1–2 s / ~1–2 s", how));
        return new FailoverTiming(p);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * The multihost activity check an import after a crash waits (OpenZFS {@code spa_activity_check_duration}): with
     * fail intervals recorded in the uberblock, {@code fail_intervals × interval × 200 %}; otherwise
     * {@code import_intervals × interval}; zero when the pool does not use multihost.
     * Usage: {@code FailoverTiming.activityCheck(design)}.
     */
    public static Duration activityCheck(SanDesign d) {
        if (!d.pool().multihost()) {
            return Duration.ZERO;
        }
        Map<String, String> z = d.zfsTunables();
        long interval = number(z.get("zfs_multihost_interval"), DEFAULT_MMP_INTERVAL_MS);
        long fail = number(z.get("zfs_multihost_fail_intervals"), DEFAULT_MMP_FAIL_INTERVALS);
        long imp = number(z.get("zfs_multihost_import_intervals"), DEFAULT_MMP_IMPORT_INTERVALS);
        long msTotal = fail > 0 ? fail * interval * 2 : imp * interval;
        return Duration.ofMillis(Math.max(1000, msTotal));
    }

    private static String activityBasis(SanDesign d) {
        if (!d.pool().multihost()) {
            return "multihost off";
        }
        Map<String, String> z = d.zfsTunables();
        long interval = number(z.get("zfs_multihost_interval"), DEFAULT_MMP_INTERVAL_MS);
        long fail = number(z.get("zfs_multihost_fail_intervals"), DEFAULT_MMP_FAIL_INTERVALS);
        long imp = number(z.get("zfs_multihost_import_intervals"), DEFAULT_MMP_IMPORT_INTERVALS);
        return fail > 0 ? "zfs_multihost_fail_intervals " + fail + " × zfs_multihost_interval " + interval + " ms × 200 %"
                : "zfs_multihost_import_intervals " + imp + " × zfs_multihost_interval " + interval + " ms";
    }

    private static long number(String v, long dflt) {
        if (v == null) {
            return dflt;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    /** Unplanned total (server side). Usage: {@code t.unplanned()}. */
    public Duration unplanned() {
        return phases.stream().map(Phase::unplanned).reduce(Duration.ZERO, Duration::plus);
    }

    /** Planned total (server side). Usage: {@code t.planned()}. */
    public Duration planned() {
        return phases.stream().map(Phase::planned).reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * The table in Markdown, the design document's figures beside the SDK's, with the basis of each.
     * Usage: {@code System.out.println(t.markdown())}.
     */
    public String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("| phase | design document (unplanned / planned) | SDK unplanned | SDK planned | basis |\n");
        b.append("|---|---|---|---|---|\n");
        for (Phase p : phases) {
            b.append("| ").append(p.name()).append(" | ").append(p.document()).append(" | ").append(secs(p.unplanned()))
                    .append(" | ").append(secs(p.planned())).append(" | ").append(p.basis()).append(" |\n");
        }
        b.append("| **Server-side total** | ~10–12 s / ~5–8 s | **").append(secs(unplanned())).append("** | **")
                .append(secs(planned())).append("** | sum of the rows |\n");
        b.append("| Client side, not in the total | (not listed) | NFSv4: up to " + secs(NFS_GRACE) + " | NFSv4: up to " + secs(NFS_GRACE)
                + " | nfsd's grace period after it starts (kernel default " + secs(NFS_GRACE) + "): clients reclaim their opens and "
                + "locks, new ones wait until it ends or every client has reclaimed; iSCSI initiators resume when their "
                + "session reconnects to the VIP (within replacement_timeout) |\n");
        return b.toString();
    }

    /** A duration as seconds with up to two decimals ({@code 10.23 s}). Usage: {@code FailoverTiming.secs(d)}. */
    public static String secs(Duration d) {
        long ms = d.toMillis();
        String s = ms % 1000 == 0 ? Long.toString(ms / 1000)
                : String.format(Locale.ROOT, "%.2f", ms / 1000.0).replaceAll("0+$", "");
        return s + " s";
    }

    private static String ms(Duration d) {
        return d.toMillis() + " ms";
    }
}
