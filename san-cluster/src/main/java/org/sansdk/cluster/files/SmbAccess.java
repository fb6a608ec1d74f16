package org.sansdk.cluster.files;

/**
 * Whether a share may be written ({@code read only = no}) or not.
 *
 * <pre>{@code new SmbShare("shared", "/san-pool/smb", SmbAccess.READ_WRITE, List.of("@smbusers"))}</pre>
 */
public enum SmbAccess {
    /** {@code read only = yes}. */
    READ_ONLY,
    /** {@code read only = no}. */
    READ_WRITE
}
