package org.sansdk.cluster.files;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code /etc/modprobe.d/zfs.conf} (0644 root:root): one {@code options zfs NAME=VALUE} line per parameter, names
 * checked against the OpenZFS release's real parameter list ({@link OpenZfsVersion}).
 * <p>A modprobe.d file has no trailing comments: kmod keeps everything after the module name, so the design's
 * {@code options zfs zfs_txg_timeout=30 # Default} hands the kernel parameters named {@code #} and
 * {@code Default} as well (and 30 is not the default: that is 5). Values holding spaces or {@code #} are refused.
 * Refused with the field named ({@link HostFileInputException}):
 * <ul>
 * <li>an unknown name, with the closest real name as a suggestion; {@code zfs_resilver_delay} (gone since
 * OpenZFS 0.8.0) and {@code zfs_vdev_scheduler} (no effect since 0.8.3, removed in 2.4.0) with what to use
 * instead;</li>
 * <li>a parameter of another module ({@code spl_*}, and in 2.1 {@code icp_*}/{@code zcommon} ones): it needs its
 * own {@code options MODULE} line;</li>
 * <li>{@code zfs_nocacheflush=1} unless {@link PowerLossProtection#CONFIRMED_ON_EVERY_POOL_DEVICE};</li>
 * <li>{@code zfs_arc_max} that is not a byte count of 0 (automatic) or at least 64 MiB (the module ignores
 * smaller values; it also ignores values above the node's RAM, which this renderer cannot know).</li>
 * </ul>
 *
 * <pre>{@code HostFile f = new ZfsModprobeConf(OpenZfsVersion.V2_1, List.of(ZfsModuleParameter.arcMax(Size.parse("16G"))), PowerLossProtection.NOT_CONFIRMED).render();}</pre>
 *
 * @param version    the OpenZFS series on the node
 * @param parameters the parameters, in order
 * @param plp        whether every pool device has power-loss protection
 */
public record ZfsModprobeConf(OpenZfsVersion version, List<ZfsModuleParameter> parameters, PowerLossProtection plp) {
    /** Where the file goes. */
    public static final String PATH = "/etc/modprobe.d/zfs.conf";
    /** The smallest {@code zfs_arc_max} the module honours (64 MiB, {@code MIN_ARC_MAX}). */
    public static final long MIN_ARC_MAX = 64L << 20;

    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,64}");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.,:+/-]{1,256}");
    private static final Map<String, String> GONE = Map.of(
            "zfs_resilver_delay", "zfs_resilver_delay is not a parameter of OpenZFS 2.1 or 2.2: it was removed in"
                    + " 0.8.0 with sequential scrub and resilver; resilver speed is set with zfs_resilver_min_time_ms",
            "zfs_vdev_scheduler", "zfs_vdev_scheduler has had no effect since OpenZFS 0.8.3 (the module only logs that"
                    + " it is not supported) and is removed in 2.4.0; set the disks' I/O scheduler with a udev rule"
                    + " (queue/scheduler) instead");

    /** Copies the list; refuses nulls. */
    public ZfsModprobeConf {
        Objects.requireNonNull(version, "version");
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(plp, "plp");
    }

    /** The file. {@code conf.render()} */
    public HostFile render() {
        if (parameters.isEmpty()) {
            throw new HostFileInputException("FILES-ZFSMOD-001", "parameters", "no parameter given");
        }
        StringBuilder sb = new StringBuilder(Generated.hashHeader());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < parameters.size(); i++) {
            ZfsModuleParameter p = parameters.get(i);
            String f = "parameters[" + i + "]";
            checkName(f + ".name", p.name());
            if (!seen.add(p.name())) {
                throw new HostFileInputException("FILES-ZFSMOD-005", f + ".name", p.name() + " given twice");
            }
            if (!VALUE.matcher(p.value()).matches()) {
                throw new HostFileInputException("FILES-ZFSMOD-006", f + ".value", "the value of " + p.name()
                        + " must be 1-256 characters of letters, digits and _.,:+/- (no spaces, no '#': modprobe.d"
                        + " has no trailing comments)");
            }
            checkValue(f + ".value", p);
            sb.append("options zfs ").append(p.name()).append('=').append(p.value()).append('\n');
        }
        return new HostFile(PATH, 0644, "root:root", Generated.bytes(sb.toString()));
    }

    private void checkName(String field, String name) {
        if (GONE.containsKey(name)) {
            throw new HostFileInputException("FILES-ZFSMOD-002", field, GONE.get(name));
        }
        if (!NAME.matcher(name).matches()) {
            throw new HostFileInputException("FILES-ZFSMOD-003", field, "'" + name + "' is not a module parameter"
                    + " name (lower-case letters, digits, '_')");
        }
        String module = version.moduleOf(name).orElse(null);
        if (module == null) {
            throw new HostFileInputException("FILES-ZFSMOD-003", field, "'" + name + "' is not a parameter of OpenZFS "
                    + version.tag() + "; did you mean " + suggest(name) + "?");
        }
        if (!module.equals("zfs")) {
            throw new HostFileInputException("FILES-ZFSMOD-004", field, name + " belongs to the " + module
                    + " module in OpenZFS " + version.tag() + ": it needs 'options " + module + " …', not 'options zfs'");
        }
    }

    private void checkValue(String field, ZfsModuleParameter p) {
        if (p.name().equals("zfs_nocacheflush") && !p.value().equals("0")) {
            if (!p.value().equals("1")) {
                throw new HostFileInputException("FILES-ZFSMOD-007", field, "zfs_nocacheflush takes 0 or 1");
            }
            if (plp != PowerLossProtection.CONFIRMED_ON_EVERY_POOL_DEVICE) {
                throw new HostFileInputException("FILES-ZFSMOD-008", field, "zfs_nocacheflush=1 stops cache flushes:"
                        + " data acknowledged by a device without power-loss protection is lost on power failure;"
                        + " set PowerLossProtection.CONFIRMED_ON_EVERY_POOL_DEVICE only if every local and remote pool"
                        + " device has it");
            }
        }
        if (p.name().equals("zfs_arc_max")) {
            long bytes;
            try {
                bytes = p.value().matches("[0-9]{1,19}") ? Long.parseLong(p.value()) : -1;
            } catch (NumberFormatException e) {
                bytes = -1;
            }
            if (bytes < 0 || (bytes != 0 && bytes < MIN_ARC_MAX)) {
                throw new HostFileInputException("FILES-ZFSMOD-009", field, "zfs_arc_max takes bytes as a plain"
                        + " integer, 0 (automatic) or at least " + MIN_ARC_MAX + " (64 MiB; the module ignores smaller"
                        + " values); use ZfsModuleParameter.arcMax(Size)");
            }
        }
    }

    /** The zfs-module parameter closest to {@code name} (edit distance; ties by name order). */
    private String suggest(String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Map.Entry<String, String> e : version.parameters().entrySet()) {
            if (!e.getValue().equals("zfs")) {
                continue;
            }
            int d = org.sansdk.core.EditDistance.of(name, e.getKey());
            if (d < bestDistance) {
                best = e.getKey();
                bestDistance = d;
            }
        }
        return best;
    }

}
