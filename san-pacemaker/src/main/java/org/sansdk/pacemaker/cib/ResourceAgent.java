package org.sansdk.pacemaker.cib;

import java.util.Objects;
import org.sansdk.core.ParseException;

/**
 * A resource agent: standard (class), optional provider, type; e.g. {@code ocf:heartbeat:ZFS}, {@code stonith:fence_ipmilan}.
 * Usage: {@code ResourceAgent.parse("ocf:heartbeat:IPaddr2").provider()}.
 *
 * @param standard  ocf, stonith, systemd, lsb, service, upstart, nagios
 * @param provider  provider for ocf (null otherwise)
 * @param type      agent name
 */
public record ResourceAgent(String standard, String provider, String type) {
    /** Validates. Usage: {@code new ResourceAgent("ocf", "heartbeat", "ZFS")}. */
    public ResourceAgent {
        Objects.requireNonNull(standard, "standard");
        Objects.requireNonNull(type, "type");
    }

    /** Parses {@code class[:provider]:type} (also the legacy {@code ocf::heartbeat:X}). Usage: {@code ResourceAgent.parse("systemd:smbd")}. */
    public static ResourceAgent parse(String s) {
        if (s == null || s.isEmpty()) {
            throw new ParseException("agent", 1, 1, String.valueOf(s), "class[:provider]:type");
        }
        String t = s.replace("::", ":");
        int first = t.indexOf(':');
        if (first <= 0 || first == t.length() - 1) {
            throw new ParseException("agent", 1, 1, s, "class[:provider]:type");
        }
        String std = t.substring(0, first);
        String rest = t.substring(first + 1);
        if (std.equals("ocf")) {
            int second = rest.indexOf(':');
            if (second <= 0 || second == rest.length() - 1) {
                throw new ParseException("agent", 1, first + 2, s, "ocf:provider:type");
            }
            return new ResourceAgent(std, rest.substring(0, second), rest.substring(second + 1));
        }
        return new ResourceAgent(std, null, rest);
    }

    /** True for fencing agents. Usage: {@code agent.isStonith()}. */
    public boolean isStonith() {
        return standard.equals("stonith");
    }

    /** The {@code class:provider:type} form pcs accepts. Usage: {@code agent.toString()}. */
    @Override
    public String toString() {
        return provider == null ? standard + ":" + type : standard + ":" + provider + ":" + type;
    }
}
