package org.sansdk.cluster.files;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code /etc/sysctl.d/90-san.conf} (0644 root:root): the kernel settings the SAN needs, persistent (the design
 * only runs {@code sysctl -w}, which is gone after a reboot). Known keys only:
 * <ul>
 * <li>{@code net.ipv4.ip_nonlocal_bind} / {@code net.ipv6.ip_nonlocal_bind} ({@code 0|1}, per network namespace):
 * lets the client-facing iSCSI portals (and nfsd/smbd) be configured on a VIP this node does not hold yet;</li>
 * <li>{@code net.core.rmem_max} / {@code net.core.wmem_max} (bytes, initial namespace only): the largest socket
 * buffer an application may ask for;</li>
 * <li>{@code net.ipv4.tcp_rmem} / {@code net.ipv4.tcp_wmem} ({@code min default max} bytes, per network
 * namespace): TCP autotuning bounds.</li>
 * </ul>
 * The design's TCP maximum of 16 MiB can be lower than a recent kernel's own default (6.x may start at
 * 32 MiB for {@code tcp_rmem}); compare with the node before lowering it.
 *
 * <pre>{@code HostFile f = SanSysctl.render(SanSysctl.designSettings());}</pre>
 */
public final class SanSysctl {
    /** Where the file goes. */
    public static final String PATH = "/etc/sysctl.d/90-san.conf";

    private static final Pattern INT = Pattern.compile("[0-9]{1,10}");
    private static final Map<String, SysctlScope> KEYS = Map.of(
            "net.ipv4.ip_nonlocal_bind", SysctlScope.NETWORK_NAMESPACE,
            "net.ipv6.ip_nonlocal_bind", SysctlScope.NETWORK_NAMESPACE,
            "net.core.rmem_max", SysctlScope.INITIAL_NAMESPACE_ONLY,
            "net.core.wmem_max", SysctlScope.INITIAL_NAMESPACE_ONLY,
            "net.ipv4.tcp_rmem", SysctlScope.NETWORK_NAMESPACE,
            "net.ipv4.tcp_wmem", SysctlScope.NETWORK_NAMESPACE);

    private SanSysctl() {
    }

    /**
     * The design's settings: non-local bind for IPv4 and its TCP buffer keys (16 MiB maxima).
     * {@code SanSysctl.designSettings()}
     */
    public static List<SysctlSetting> designSettings() {
        return List.of(SysctlSetting.of("net.ipv4.ip_nonlocal_bind", "1"),
                SysctlSetting.of("net.core.rmem_max", "16777216"),
                SysctlSetting.of("net.core.wmem_max", "16777216"),
                SysctlSetting.of("net.ipv4.tcp_rmem", "4096 87380 16777216"),
                SysctlSetting.of("net.ipv4.tcp_wmem", "4096 65536 16777216"));
    }

    /** The keys this renderer knows, sorted. {@code SanSysctl.knownKeys()} */
    public static List<String> knownKeys() {
        return KEYS.keySet().stream().sorted().toList();
    }

    /**
     * Where a known key lives; an unknown key is refused. {@code SanSysctl.scope("net.core.rmem_max")}
     *
     * @throws HostFileInputException for a key this renderer does not know
     */
    public static SysctlScope scope(String key) {
        SysctlScope s = KEYS.get(key);
        if (s == null) {
            throw new HostFileInputException("FILES-SYSCTL-001", "key", "'" + key + "' is not a key this renderer"
                    + " knows (" + String.join(", ", knownKeys()) + ")");
        }
        return s;
    }

    /** The file, settings in the given order. {@code SanSysctl.render(settings)} */
    public static HostFile render(List<SysctlSetting> settings) {
        if (settings.isEmpty()) {
            throw new HostFileInputException("FILES-SYSCTL-002", "settings", "no setting given");
        }
        StringBuilder sb = new StringBuilder(Generated.hashHeader());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < settings.size(); i++) {
            SysctlSetting s = settings.get(i);
            String f = "settings[" + i + "]";
            if (!KEYS.containsKey(s.key())) {
                throw new HostFileInputException("FILES-SYSCTL-001", f + ".key", "'" + s.key() + "' is not a key this"
                        + " renderer knows (" + String.join(", ", knownKeys()) + ")");
            }
            if (!seen.add(s.key())) {
                throw new HostFileInputException("FILES-SYSCTL-003", f + ".key", s.key() + " set twice");
            }
            String v = value(f + ".value", s);
            sb.append(s.key()).append(" = ").append(v).append('\n');
        }
        return new HostFile(PATH, 0644, "root:root", Generated.bytes(sb.toString()));
    }

    private static String value(String field, SysctlSetting s) {
        String v = s.value().strip();
        switch (s.key()) {
            case "net.ipv4.ip_nonlocal_bind", "net.ipv6.ip_nonlocal_bind":
                if (v.equals("0") || v.equals("1")) {
                    return v;
                }
                throw new HostFileInputException("FILES-SYSCTL-004", field, s.key() + " takes 0 or 1, got '" + v + "'");
            case "net.core.rmem_max", "net.core.wmem_max":
                if (INT.matcher(v).matches() && Long.parseLong(v) >= 4096 && Long.parseLong(v) <= Integer.MAX_VALUE) {
                    return v;
                }
                throw new HostFileInputException("FILES-SYSCTL-004", field, s.key() + " takes bytes 4096.."
                        + Integer.MAX_VALUE + ", got '" + v + "'");
            default:
                String[] p = v.split("[ \t]+");
                if (p.length == 3 && INT.matcher(p[0]).matches() && INT.matcher(p[1]).matches()
                        && INT.matcher(p[2]).matches()) {
                    long min = Long.parseLong(p[0]);
                    long def = Long.parseLong(p[1]);
                    long max = Long.parseLong(p[2]);
                    if (min >= 1 && min <= def && def <= max && max <= Integer.MAX_VALUE) {
                        return min + " " + def + " " + max;
                    }
                }
                throw new HostFileInputException("FILES-SYSCTL-004", field, s.key() + " takes 'min default max' bytes"
                        + " with 1 <= min <= default <= max, got '" + v + "'");
        }
    }
}
