package org.sansdk.cluster.files;

import java.util.List;
import java.util.Objects;

/**
 * One client of an export: a subnet ({@code 10.30.30.0/24}), an address or a host name, its options in order
 * (checked by {@link NfsExports#render}), and the squash mode, which is kept out of the option list so that
 * {@code no_root_squash} can only come from {@link NfsSquash#NO_ROOT_SQUASH}.
 *
 * <pre>{@code NfsClient c = NfsClient.of("10.30.30.0/24", "rw", "sync", "no_subtree_check");}</pre>
 *
 * @param client  a CIDR subnet, an IP address or a host name
 * @param options exportfs options in the order they are written (no squash option)
 * @param squash  the squash mode, rendered after the options
 */
public record NfsClient(String client, List<String> options, NfsSquash squash) {

    /** Copies the options; refuses nulls. */
    public NfsClient {
        Objects.requireNonNull(client, "client");
        options = List.copyOf(options);
        Objects.requireNonNull(squash, "squash");
    }

    /** A client with {@code root_squash}. {@code NfsClient.of("10.30.30.0/24", "rw", "sync", "no_subtree_check")} */
    public static NfsClient of(String client, String... options) {
        return new NfsClient(client, List.of(options), NfsSquash.ROOT_SQUASH);
    }

    /** The same client with another squash mode. {@code c.withSquash(NfsSquash.ALL_SQUASH)} */
    public NfsClient withSquash(NfsSquash mode) {
        return new NfsClient(client, options, mode);
    }
}
