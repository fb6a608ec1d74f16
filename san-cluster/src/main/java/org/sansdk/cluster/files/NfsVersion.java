package org.sansdk.cluster.files;

/**
 * An NFS protocol version the server offers, as the {@code [nfsd]} booleans of {@code nfs.conf} name them.
 *
 * <pre>{@code EnumSet.of(NfsVersion.V4, NfsVersion.V4_1, NfsVersion.V4_2)}</pre>
 */
public enum NfsVersion {
    /** {@code vers3}: needs rpcbind, mountd and statd, which the {@code host} setting does not bind to the VIP. */
    V3("vers3"),
    /** {@code vers4}: the switch for every 4.x minor version. */
    V4("vers4"),
    /** {@code vers4.0}. */
    V4_0("vers4.0"),
    /** {@code vers4.1} (sessions). */
    V4_1("vers4.1"),
    /** {@code vers4.2}. */
    V4_2("vers4.2");

    private final String key;

    NfsVersion(String key) {
        this.key = key;
    }

    /** The nfs.conf key. */
    public String key() {
        return key;
    }
}
