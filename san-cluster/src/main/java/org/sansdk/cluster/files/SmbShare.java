package org.sansdk.cluster.files;

import java.util.List;
import java.util.Objects;

/**
 * One share section of {@code smb.conf}.
 *
 * <pre>{@code new SmbShare("shared", "/san-pool/smb", SmbAccess.READ_WRITE, List.of("@smbusers"))}</pre>
 *
 * @param name       the share name (letters, digits, {@code ._-}; not {@code global}, {@code homes}, {@code printers})
 * @param path       the shared directory: the mount point of a ZFS dataset
 * @param access     read only or writable
 * @param validUsers users and {@code @groups} allowed (at least one: no guest shares)
 */
public record SmbShare(String name, String path, SmbAccess access, List<String> validUsers) {
    /** Copies the list; refuses nulls. */
    public SmbShare {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(access, "access");
        validUsers = List.copyOf(validUsers);
    }
}
