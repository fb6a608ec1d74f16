package org.sansdk.cluster.files;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.sansdk.core.IpCidr;

/**
 * Renders {@code /etc/exports} (0644 root:root): one line per export, {@code PATH CLIENT(OPTIONS,SQUASH) …}, in
 * input order. Options are limited to the keywords nfs-utils' {@code exportfs} knows (checked against
 * {@code exportfs -ra} on Debian 12, nfs-utils 2.6.2); every client must name exactly one of {@code rw}/{@code ro}
 * and {@code sync} (see below) and one of {@code subtree_check}/{@code no_subtree_check} (without it
 * exportfs warns on stderr); contradicting or repeated options are refused rather than left to exportfs's
 * "last one wins". Refused, with the field named ({@link HostFileInputException}):
 * <ul>
 * <li>{@code async} — the server acknowledges writes it has not committed; after a failover those writes are
 * gone while the client believes them stored (rule {@code FILES-NFS-006});</li>
 * <li>a squash keyword in the options — use {@link NfsClient#withSquash(NfsSquash)}; {@code no_root_squash}
 * is rendered only from {@link NfsSquash#NO_ROOT_SQUASH};</li>
 * <li>{@code *} or an empty client (an export to the whole world), whitespace or special characters in a path.</li>
 * </ul>
 * The design symlinks {@code /etc/exports} into the pool; this file is instead rendered identically on both
 * storage nodes (the symlink dangles on the standby node and at boot before the pool is imported).
 *
 * <pre>{@code HostFile f = NfsExports.render(List.of(NfsExport.of("/san-pool/nfs", NfsClient.of("10.30.30.0/24", "rw", "sync", "no_subtree_check"))));}</pre>
 */
public final class NfsExports {
    /** Where the file goes. */
    public static final String PATH = "/etc/exports";

    private static final Set<String> FLAGS = Set.of("rw", "ro", "sync", "async", "secure", "insecure", "wdelay",
            "no_wdelay", "hide", "nohide", "crossmnt", "subtree_check", "no_subtree_check", "secure_locks",
            "auth_nlm", "insecure_locks", "no_auth_nlm", "acl", "no_acl", "mp", "nordirplus", "pnfs", "no_pnfs",
            "security_label");
    private static final Set<String> SQUASH = Set.of("root_squash", "no_root_squash", "all_squash", "no_all_squash");
    /** Groups of which at most one member may appear; the first three need exactly one. */
    private static final List<List<String>> GROUPS = List.of(
            List.of("rw", "ro"), List.of("sync", "async"), List.of("subtree_check", "no_subtree_check"),
            List.of("secure", "insecure"), List.of("wdelay", "no_wdelay"), List.of("hide", "nohide"),
            List.of("secure_locks", "auth_nlm", "insecure_locks", "no_auth_nlm"), List.of("acl", "no_acl"),
            List.of("pnfs", "no_pnfs"), List.of("mp", "mountpoint"));
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");
    private static final Set<String> FLAVORS = Set.of("sys", "krb5", "krb5i", "krb5p");
    private static final Pattern HOST = Pattern.compile(
            "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9._+:@%=,-]+)+|/");

    private NfsExports() {
    }

    /** The file; see the class comment for what is refused. {@code NfsExports.render(exports)} */
    public static HostFile render(List<NfsExport> exports) {
        if (exports == null || exports.isEmpty()) {
            throw new HostFileInputException("FILES-NFS-001", "exports", "no export given: render no file instead");
        }
        StringBuilder sb = new StringBuilder(Generated.hashHeader());
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < exports.size(); i++) {
            NfsExport e = exports.get(i);
            String field = "exports[" + i + "]";
            String path = checkPath(field + ".path", e.path());
            if (!paths.add(path)) {
                throw new HostFileInputException("FILES-NFS-002", field + ".path",
                        "path " + path + " is exported twice: put every client of one path on one export");
            }
            if (e.clients().isEmpty()) {
                throw new HostFileInputException("FILES-NFS-003", field + ".clients", "an export needs a client");
            }
            sb.append(path);
            Set<String> clients = new HashSet<>();
            for (int c = 0; c < e.clients().size(); c++) {
                NfsClient client = e.clients().get(c);
                String cf = field + ".clients[" + c + "]";
                String who = checkClient(cf + ".client", client.client());
                if (!clients.add(who)) {
                    throw new HostFileInputException("FILES-NFS-004", cf + ".client", "client " + who + " listed twice");
                }
                List<String> opts = checkOptions(cf + ".options", client.options());
                opts.add(client.squash().option());
                sb.append(' ').append(who).append('(').append(String.join(",", opts)).append(')');
            }
            sb.append('\n');
        }
        return new HostFile(PATH, 0644, "root:root", Generated.bytes(sb.toString()));
    }

    private static String checkPath(String field, String path) {
        if (!SAFE_PATH.matcher(path).matches() || path.contains("/./") || path.contains("/../")
                || path.endsWith("/.") || path.endsWith("/..")) {
            throw new HostFileInputException("FILES-NFS-005", field, "'" + path + "' is not a plain absolute path"
                    + " (letters, digits and ._+:@%=,- between single slashes, no trailing slash)");
        }
        return path;
    }

    private static String checkClient(String field, String client) {
        String c = client.strip();
        try {
            if (c.contains("/")) {
                return IpCidr.parse(c).network();
            }
            if (c.indexOf(':') >= 0 || c.matches("[0-9.]+")) {
                return IpCidr.canonicalAddress(c);
            }
        } catch (IllegalArgumentException ex) {
            throw new HostFileInputException("FILES-NFS-007", field, "'" + client + "' is not an address or subnet: "
                    + ex.getMessage());
        }
        if (!HOST.matcher(c).matches()) {
            throw new HostFileInputException("FILES-NFS-007", field, "'" + client + "' is not a subnet, address or"
                    + " host name (wildcards and world exports are refused)");
        }
        return c;
    }

    private static List<String> checkOptions(String field, List<String> options) {
        List<String> out = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (String o : options) {
            String key = o.contains("=") ? o.substring(0, o.indexOf('=')) : o;
            String value = o.contains("=") ? o.substring(o.indexOf('=') + 1) : null;
            if (SQUASH.contains(key)) {
                throw new HostFileInputException("FILES-NFS-008", field, "'" + o + "' is set through NfsSquash"
                        + " (NfsClient.withSquash), not as an option; no_root_squash only as NfsSquash.NO_ROOT_SQUASH");
            }
            if ("async".equals(key)) {
                throw new HostFileInputException("FILES-NFS-006", field, "'async' acknowledges writes before they are"
                        + " on disk: after a failover they are lost while clients believe them stored; use 'sync'");
            }
            boolean ok = value == null ? FLAGS.contains(key) : validValue(key, value);
            if (!ok) {
                throw new HostFileInputException("FILES-NFS-009", field, "'" + o + "' is not an export option exportfs"
                        + " accepts (flags: " + String.join(",", new java.util.TreeSet<>(FLAGS)) + "; fsid=N|root|UUID,"
                        + " anonuid=N, anongid=N, sec=sys:krb5:krb5i:krb5p, mountpoint=/PATH)");
            }
            if (!keys.add(key)) {
                throw new HostFileInputException("FILES-NFS-010", field, "option '" + key + "' given twice");
            }
            out.add(o);
        }
        for (int g = 0; g < GROUPS.size(); g++) {
            List<String> present = GROUPS.get(g).stream().filter(keys::contains).toList();
            if (present.size() > 1) {
                throw new HostFileInputException("FILES-NFS-011", field, "options " + present + " contradict each other");
            }
            if (g < 3 && present.isEmpty()) {
                throw new HostFileInputException("FILES-NFS-012", field, "one of " + GROUPS.get(g)
                        + (g == 1 ? " ('sync': async is refused)" : "") + " must be given explicitly");
            }
        }
        return out;
    }

    private static boolean validValue(String key, String value) {
        switch (key) {
            case "anonuid", "anongid":
                return DIGITS.matcher(value).matches() && Long.parseLong(value) <= 4294967295L;
            case "fsid":
                return "root".equals(value) || (DIGITS.matcher(value).matches() && Long.parseLong(value) <= 4294967295L)
                        || UUID.matcher(value).matches();
            case "sec":
                for (String f : value.split(":", -1)) {
                    if (!FLAVORS.contains(f)) {
                        return false;
                    }
                }
                return true;
            case "mountpoint", "mp":
                return SAFE_PATH.matcher(value).matches();
            default:
                return false;
        }
    }
}
