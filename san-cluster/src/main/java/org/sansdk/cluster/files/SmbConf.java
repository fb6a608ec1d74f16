package org.sansdk.cluster.files;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.sansdk.core.IpCidr;

/**
 * {@code /etc/samba/smb.conf} (0644 root:root): a {@code [global]} section that binds smbd to the service VIP
 * ({@code interfaces} + {@code bind interfaces only = yes}) and loads {@code shadow_copy2} for ZFS snapshots
 * ({@link SmbShadowCopy}), then one section per share.
 * <p>smb.conf has no trailing comments: only a line starting with {@code #} or {@code ;} is a comment. The
 * design's {@code vfs objects = shadow_copy2 # Exposes ZFS snapshots …} therefore asks smbd to load VFS modules
 * named {@code #}, {@code Exposes}, {@code ZFS} …; testparm shows that value verbatim. Nothing here writes a
 * comment after a value, and values holding a newline, a {@code %} macro or a trailing backslash (a line
 * continuation) are refused. Like {@code /etc/exports} this file is rendered identically on both storage nodes
 * instead of the design's symlink into the pool.
 *
 * <pre>{@code HostFile f = new SmbConf("10.30.30.10", "HA SAN SMB", new SmbShadowCopy(SmbShadowCopy.DESIGN_FORMAT, SnapshotClock.UTC), shares).render();}</pre>
 *
 * @param vip          the address smbd binds to
 * @param serverString the {@code server string}
 * @param shadowCopy   the snapshot settings
 * @param shares       the shares, in order
 */
public record SmbConf(String vip, String serverString, SmbShadowCopy shadowCopy, List<SmbShare> shares) {
    /** Where the file goes (Debian and RHEL). */
    public static final String PATH = "/etc/samba/smb.conf";

    private static final Pattern SHARE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");
    private static final Pattern USER = Pattern.compile("[@+&]?[A-Za-z0-9_][A-Za-z0-9._-]{0,63}");
    private static final Pattern PATH_CHARS = Pattern.compile("(/[A-Za-z0-9._+:@=,-]+)+");
    private static final Pattern FORMAT = Pattern.compile("([A-Za-z0-9_.:-]|%[YmdHMSjyebBaAuVGgz])+");
    private static final Set<String> RESERVED = Set.of("global", "homes", "printers", "print$", "ipc$");

    /** Copies the share list; refuses nulls. */
    public SmbConf {
        Objects.requireNonNull(vip, "vip");
        Objects.requireNonNull(serverString, "serverString");
        Objects.requireNonNull(shadowCopy, "shadowCopy");
        shares = List.copyOf(shares);
    }

    /** The file. {@code conf.render()} */
    public HostFile render() {
        String address;
        try {
            address = IpCidr.canonicalAddress(vip.strip());
        } catch (IllegalArgumentException e) {
            throw new HostFileInputException("FILES-SMB-001", "vip", "'" + vip + "' is not an IP address: "
                    + e.getMessage());
        }
        String server = serverString.strip();
        if (server.isEmpty() || server.length() > 200 || Generated.hasControl(server) || server.contains("%")
                || server.contains("\\") || server.startsWith("#") || server.startsWith(";")) {
            throw new HostFileInputException("FILES-SMB-002", "serverString", "server string must be 1-200 printable"
                    + " characters without '%' (Samba expands macros), '\\' or a leading comment character");
        }
        String format = shadowCopy.format();
        if (!FORMAT.matcher(format).matches() || !format.contains("%")) {
            throw new HostFileInputException("FILES-SMB-003", "shadowCopy.format", "'" + format + "' is not a"
                    + " snapshot-name pattern: letters, digits, '-_.:' and strftime conversions (%Y %m %d %H %M %S …),"
                    + " at least one conversion");
        }
        if (shares.isEmpty()) {
            throw new HostFileInputException("FILES-SMB-004", "shares", "no share given");
        }
        StringBuilder sb = new StringBuilder(Generated.hashHeader());
        sb.append("[global]\n");
        line(sb, "interfaces", address);
        line(sb, "bind interfaces only", "yes");
        line(sb, "server string", server);
        line(sb, "vfs objects", "shadow_copy2");
        line(sb, "shadow:snapdir", ".zfs/snapshot");
        line(sb, "shadow:sort", "desc");
        line(sb, "shadow:format", format);
        line(sb, "shadow:localtime", shadowCopy.clock() == SnapshotClock.LOCAL ? "yes" : "no");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < shares.size(); i++) {
            SmbShare s = shares.get(i);
            String f = "shares[" + i + "]";
            if (!SHARE.matcher(s.name()).matches() || RESERVED.contains(s.name().toLowerCase(Locale.ROOT))) {
                throw new HostFileInputException("FILES-SMB-005", f + ".name", "'" + s.name() + "' is not a share name"
                        + " (letters, digits, '._-', at most 80; not global/homes/printers)");
            }
            if (!names.add(s.name().toLowerCase(Locale.ROOT))) {
                throw new HostFileInputException("FILES-SMB-006", f + ".name", "share '" + s.name() + "' given twice"
                        + " (share names are case-insensitive)");
            }
            if (!PATH_CHARS.matcher(s.path()).matches() || s.path().contains("/../") || s.path().contains("/./")
                    || s.path().endsWith("/..") || s.path().endsWith("/.")) {
                throw new HostFileInputException("FILES-SMB-007", f + ".path", "'" + s.path() + "' is not a plain"
                        + " absolute path");
            }
            if (s.validUsers().isEmpty()) {
                throw new HostFileInputException("FILES-SMB-008", f + ".validUsers", "no valid users: a share open to"
                        + " everyone is not rendered");
            }
            for (int u = 0; u < s.validUsers().size(); u++) {
                if (!USER.matcher(s.validUsers().get(u)).matches()) {
                    throw new HostFileInputException("FILES-SMB-009", f + ".validUsers[" + u + "]", "'"
                            + s.validUsers().get(u) + "' is not a user or @group name");
                }
            }
            sb.append('\n').append('[').append(s.name()).append("]\n");
            line(sb, "path", s.path());
            line(sb, "read only", s.access() == SmbAccess.READ_ONLY ? "yes" : "no");
            line(sb, "valid users", String.join(" ", s.validUsers()));
        }
        return new HostFile(PATH, 0644, "root:root", Generated.bytes(sb.toString()));
    }

    private static void line(StringBuilder sb, String key, String value) {
        sb.append('\t').append(key).append(" = ").append(value).append('\n');
    }
}
