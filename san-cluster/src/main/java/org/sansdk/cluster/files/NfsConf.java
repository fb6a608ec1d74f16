package org.sansdk.cluster.files;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.sansdk.core.IpCidr;

/**
 * {@code /etc/nfs.conf} (0644 root:root) with an {@code [nfsd]} section that binds nfsd to the service VIP:
 * {@code host}, {@code threads} and every version switch written explicitly ({@code y} for the versions given,
 * {@code n} for the others), so what the server offers does not depend on nfs-utils' or the kernel's defaults.
 * The design sets {@code vers4}/{@code vers4.1} and leaves NFSv3 on by default; NFSv3 also needs rpcbind,
 * mountd and statd, which {@code host} does not bind to the VIP, so it is off unless {@link NfsVersion#V3} is
 * given. A 4.x minor version needs {@link NfsVersion#V4}.
 *
 * <pre>{@code HostFile f = new NfsConf("10.30.30.10", 8, EnumSet.of(NfsVersion.V4, NfsVersion.V4_1, NfsVersion.V4_2)).render();}</pre>
 *
 * @param host     the VIP nfsd listens on (an IP address literal)
 * @param threads  nfsd threads, 1 to 1024
 * @param versions the versions offered
 */
public record NfsConf(String host, int threads, Set<NfsVersion> versions) {
    /** Where the file goes. */
    public static final String PATH = "/etc/nfs.conf";

    /** Copies the versions; refuses nulls. */
    public NfsConf {
        Objects.requireNonNull(host, "host");
        versions = versions.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(versions));
    }

    /** The file. {@code conf.render()} */
    public HostFile render() {
        String vip;
        try {
            vip = IpCidr.canonicalAddress(host.strip());
        } catch (IllegalArgumentException e) {
            throw new HostFileInputException("FILES-NFSCONF-001", "host", "'" + host + "' is not an IP address: bind"
                    + " nfsd to the VIP's address, not a name (" + e.getMessage() + ")");
        }
        if (threads < 1 || threads > 1024) {
            throw new HostFileInputException("FILES-NFSCONF-002", "threads", "threads must be 1..1024, got " + threads);
        }
        if (versions.isEmpty()) {
            throw new HostFileInputException("FILES-NFSCONF-003", "versions", "no NFS version enabled");
        }
        boolean minor = versions.contains(NfsVersion.V4_0) || versions.contains(NfsVersion.V4_1)
                || versions.contains(NfsVersion.V4_2);
        if (minor && !versions.contains(NfsVersion.V4)) {
            throw new HostFileInputException("FILES-NFSCONF-004", "versions", "a 4.x minor version needs V4 (vers4)"
                    + " enabled too: with vers4 = n nfsd offers no 4.x at all");
        }
        StringBuilder sb = new StringBuilder(Generated.hashHeader());
        sb.append("[nfsd]\n");
        sb.append("host = ").append(vip).append('\n');
        sb.append("threads = ").append(threads).append('\n');
        for (NfsVersion v : NfsVersion.values()) {
            sb.append(v.key()).append(" = ").append(versions.contains(v) ? 'y' : 'n').append('\n');
        }
        return new HostFile(PATH, 0644, "root:root", Generated.bytes(sb.toString()));
    }
}
