package org.sansdk.zfs;

import java.util.Objects;
import java.util.Optional;

/**
 * The host id ZFS uses on one node, and where it was read.
 *
 * <p>{@code NodeHostId a = HostIdPreflight.probe("storage-a", executorA);}
 *
 * @param node the node name
 * @param hostId the id ZFS uses on that node
 * @param source where it was read
 * @param libcHostid what {@code hostid} (gethostid(3)) prints there, when it ran; differs from
 *                   {@code hostId} when {@code /etc/hostid} is missing (glibc then derives one from an
 *                   address that ZFS ignores)
 */
public record NodeHostId(String node, HostId hostId, Source source, Optional<HostId> libcHostid) {

    /** Validates. */
    public NodeHostId {
        if (node == null || node.isBlank()) {
            throw new IllegalArgumentException("node name is required");
        }
        Objects.requireNonNull(hostId, "hostId");
        Objects.requireNonNull(source, "source");
        libcHostid = libcHostid == null ? Optional.empty() : libcHostid;
    }

    /**
     * One line for messages: {@code storage-a: 0a1b2c3d (/etc/hostid)}.
     *
     * <p>{@code nodeHostId.describe()}
     *
     * @return the line
     */
    public String describe() {
        StringBuilder sb = new StringBuilder(node).append(": ").append(hostId).append(" (").append(source.text)
                .append(')');
        libcHostid.filter(l -> !l.equals(hostId))
                .ifPresent(l -> sb.append("; `hostid` prints ").append(l).append(", which ZFS does not use"));
        return sb.toString();
    }

    /** Where the id was read. */
    public enum Source {
        /** {@code /proc/sys/kernel/spl/hostid}: the loaded SPL module's id (spl_hostid or /etc/hostid). */
        SPL_MODULE("/proc/sys/kernel/spl/hostid"),
        /** The {@code /etc/hostid} file (module not loaded). */
        ETC_HOSTID("/etc/hostid"),
        /** Neither exists: ZFS uses 0. */
        MISSING("no /etc/hostid and no SPL module: ZFS uses 0");

        private final String text;

        Source(String text) {
            this.text = text;
        }

        /**
         * What the source is, for messages.
         *
         * <p>{@code source.text()}
         *
         * @return the text
         */
        public String text() {
            return text;
        }
    }
}
