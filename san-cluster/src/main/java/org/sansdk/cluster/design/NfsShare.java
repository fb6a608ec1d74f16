package org.sansdk.cluster.design;

import java.util.List;
import java.util.Objects;

/**
 * A dataset exported over NFS to one client VLAN: the export's client is the VLAN's subnet and nfsd listens
 * on the VLAN's VIP. Usage: {@code new NfsShare("enduser", List.of("rw", "sync", "no_subtree_check"))}.
 *
 * @param vlan    the client VLAN (it must offer the nfs service)
 * @param options export options in order ({@code rw}, {@code sync}, …; squashing is {@code root_squash} unless
 *                an option says otherwise)
 */
public record NfsShare(String vlan, List<String> options) {
    /** Copies; refuses nulls. Usage: see type. */
    public NfsShare {
        Objects.requireNonNull(vlan, "vlan");
        options = List.copyOf(options);
    }
}
