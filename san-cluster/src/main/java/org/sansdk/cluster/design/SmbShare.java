package org.sansdk.cluster.design;

import java.util.List;
import java.util.Objects;

/**
 * A dataset shared over SMB on one client VLAN's VIP, with snapshots offered as previous versions.
 * Usage: {@code new SmbShare("enduser", "shared", SmbShare.Access.READ_WRITE, List.of("@smbusers"))}.
 *
 * @param vlan       the client VLAN (it must offer the smb service)
 * @param share      the share name clients see
 * @param access     read-only or read-write
 * @param validUsers smb.conf {@code valid users} entries ({@code @group} or user names); empty = no restriction
 */
public record SmbShare(String vlan, String share, Access access, List<String> validUsers) {
    /** Copies; refuses nulls. Usage: see type. */
    public SmbShare {
        Objects.requireNonNull(vlan, "vlan");
        Objects.requireNonNull(share, "share");
        Objects.requireNonNull(access, "access");
        validUsers = List.copyOf(validUsers);
    }

    /** Share access. Usage: {@code SmbShare.Access.READ_ONLY}. */
    public enum Access {
        /** {@code read only = yes}. */
        READ_ONLY,
        /** {@code read only = no}. */
        READ_WRITE
    }
}
