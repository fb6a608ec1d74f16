package org.sansdk.cluster.files;

import java.util.Objects;

/**
 * How Samba's {@code shadow_copy2} module finds ZFS snapshots for Windows' "Previous Versions": they live in
 * {@code .zfs/snapshot} at the root of the shared dataset, and {@code shadow:format} is the strftime pattern the
 * snapshot names (the part after {@code @}) are parsed with. The two must agree exactly: a snapshot whose name
 * does not parse with the format is not shown. The design's {@code %Y-%m-%d-%H%M%S} matches snapshots taken as
 * {@code zfs snapshot san-pool/smb@$(date -u +%Y-%m-%d-%H%M%S)}; a snapshot tool with its own names
 * (zfs-auto-snapshot's {@code zfs-auto-snap_hourly-2025-01-31-1200}, sanoid's {@code autosnap_…}) needs the
 * matching pattern here. A share's path must be the dataset's mount point, or {@code .zfs/snapshot} is not
 * there.
 *
 * <pre>{@code SmbShadowCopy s = new SmbShadowCopy(SmbShadowCopy.DESIGN_FORMAT, SnapshotClock.UTC);}</pre>
 *
 * @param format the strftime pattern of the snapshot names (letters, digits, {@code -_.:} and % conversions)
 * @param clock  the clock the names were taken in
 */
public record SmbShadowCopy(String format, SnapshotClock clock) {
    /** The design's snapshot name format. */
    public static final String DESIGN_FORMAT = "%Y-%m-%d-%H%M%S";

    /** Refuses nulls. */
    public SmbShadowCopy {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(clock, "clock");
    }
}
