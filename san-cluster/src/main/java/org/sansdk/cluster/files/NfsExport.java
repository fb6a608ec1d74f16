package org.sansdk.cluster.files;

import java.util.List;
import java.util.Objects;

/**
 * One {@code /etc/exports} line: an absolute directory and the clients allowed to mount it.
 *
 * <pre>{@code NfsExport e = NfsExport.of("/san-pool/nfs", NfsClient.of("10.30.30.0/24", "rw", "sync", "no_subtree_check"));}</pre>
 *
 * @param path    the exported directory (absolute, no whitespace)
 * @param clients the clients, in order (at least one)
 */
public record NfsExport(String path, List<NfsClient> clients) {

    /** Copies the client list; refuses nulls. */
    public NfsExport {
        Objects.requireNonNull(path, "path");
        clients = List.copyOf(clients);
    }

    /** An export for the given clients. {@code NfsExport.of("/san-pool/nfs", client)} */
    public static NfsExport of(String path, NfsClient... clients) {
        return new NfsExport(path, List.of(clients));
    }
}
