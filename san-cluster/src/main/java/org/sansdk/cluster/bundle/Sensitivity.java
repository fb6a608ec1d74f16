package org.sansdk.cluster.bundle;

/**
 * Whether a bundle file holds a secret: a secret file is written 0600 or stricter, and is never hashed into
 * MANIFEST.tsv (a hash of a known template plus a short CHAP password can be brute-forced).
 * Usage: {@code file.sensitivity() == Sensitivity.SECRET}.
 */
public enum Sensitivity {
    /** No secret in it. */
    PLAIN,
    /** Holds a secret (password, key). */
    SECRET
}
