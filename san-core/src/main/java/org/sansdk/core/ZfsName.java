package org.sansdk.core;

import java.util.Objects;
import java.util.Optional;

/**
 * A ZFS name: pool ({@code san-pool}), dataset or zvol ({@code san-pool/iscsi/vm-1}), snapshot
 * ({@code san-pool/nfs@daily}) or bookmark ({@code san-pool/nfs#mark}), checked by the rules OpenZFS
 * enforces ({@code zfs_namecheck.c}, {@code zpool_name_valid}): characters {@code [A-Za-z0-9_.: -]},
 * names under 256 characters, no empty or {@code .}/{@code ..} components, one {@code @} or {@code #} in the
 * last component only, pool names starting with a letter and not reserved.
 *
 * <pre>{@code ZfsName vol = ZfsName.parse("san-pool/iscsi/vm-disk-01"); vol.pool(); // san-pool}</pre>
 *
 * @param name the full name
 */
public record ZfsName(String name) implements Comparable<ZfsName> {
    /** What a name denotes. */
    public enum Kind { POOL, DATASET, SNAPSHOT, BOOKMARK }

    /** ZFS_MAX_DATASET_NAME_LEN: names must be shorter than this. */
    public static final int MAX_NAME_LEN = 256;

    /** Validates the name with the rules for existing names. */
    public ZfsName {
        Objects.requireNonNull(name, "ZFS name");
        check(name);
    }

    /** Parses an existing pool, dataset, snapshot or bookmark name. */
    public static ZfsName parse(String text) {
        return new ZfsName(text);
    }

    /**
     * Validates a name for a pool to be created or imported: on top of the general rules, names starting
     * with {@code mirror}, {@code raidz}, {@code draid} or {@code spare}, and {@code log}, are reserved.
     */
    public static ZfsName pool(String poolName) {
        ZfsName n = new ZfsName(poolName);
        if (n.kind() != Kind.POOL) {
            throw bad(poolName, "a pool name has no '/', '@' or '#'");
        }
        for (String reserved : new String[] {"mirror", "raidz", "draid", "spare"}) {
            if (poolName.startsWith(reserved)) {
                throw bad(poolName, "pool names starting with \"" + reserved + "\" are reserved (vdev keywords)");
            }
        }
        if (poolName.equals("log")) {
            throw bad(poolName, "\"log\" is a reserved pool name");
        }
        return n;
    }

    private static void check(String s) {
        if (s.isEmpty()) {
            throw bad(s, "the name is empty");
        }
        if (s.length() >= MAX_NAME_LEN) {
            throw bad(s, "names must be shorter than " + MAX_NAME_LEN + " characters");
        }
        if (s.charAt(0) == '/') {
            throw bad(s, "leading slash");
        }
        if (s.charAt(s.length() - 1) == '/') {
            throw bad(s, "trailing slash");
        }
        int at = s.indexOf('@');
        int hash = s.indexOf('#');
        if (at >= 0 && hash >= 0) {
            throw bad(s, "a name has either '@' (snapshot) or '#' (bookmark), not both");
        }
        int delim = Math.max(at, hash);
        if (delim >= 0) {
            char d = s.charAt(delim);
            if (s.indexOf(d, delim + 1) >= 0) {
                throw bad(s, "multiple '" + d + "' delimiters");
            }
            if (s.indexOf('/', delim) >= 0) {
                throw bad(s, "'" + d + "' may appear only in the last component");
            }
            if (delim == s.length() - 1) {
                throw bad(s, "empty " + (d == '@' ? "snapshot" : "bookmark") + " name after '" + d + "'");
            }
        }
        String base = delim >= 0 ? s.substring(0, delim) : s;
        if (base.isEmpty() || base.charAt(base.length() - 1) == '/') {
            throw bad(s, "empty component before the delimiter");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(validChar(c) || c == '/' || i == delim)) {
                throw bad(s, "invalid character '" + printable(c) + "' at position " + (i + 1)
                        + " (allowed: letters, digits, '_', '-', '.', ':', ' ')");
            }
        }
        String[] parts = base.split("/", -1);
        for (String p : parts) {
            if (p.isEmpty()) {
                throw bad(s, "empty component (\"//\")");
            }
            if (p.equals(".") || p.equals("..")) {
                throw bad(s, "components \".\" and \"..\" are not allowed");
            }
        }
        if (delim >= 0) {
            String last = s.substring(delim + 1);
            if (last.equals(".") || last.equals("..")) {
                throw bad(s, "snapshot or bookmark names \".\" and \"..\" are not allowed");
            }
        }
        String pool = parts[0];
        char first = pool.charAt(0);
        if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) {
            throw bad(s, "the pool name must begin with a letter");
        }
        if (pool.equals("mirror") || pool.equals("raidz") || pool.equals("draid")) {
            throw bad(s, "\"" + pool + "\" is a reserved pool name");
        }
    }

    private static String printable(char c) {
        return c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    private static boolean validChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == ':' || c == ' ';
    }

    private static IllegalArgumentException bad(String name, String rule) {
        return new IllegalArgumentException("invalid ZFS name \"" + name + "\": " + rule);
    }

    /** What the name denotes. */
    public Kind kind() {
        if (name.indexOf('@') >= 0) {
            return Kind.SNAPSHOT;
        }
        if (name.indexOf('#') >= 0) {
            return Kind.BOOKMARK;
        }
        return name.indexOf('/') >= 0 ? Kind.DATASET : Kind.POOL;
    }

    /** The pool part. */
    public String pool() {
        int end = name.length();
        for (char c : new char[] {'/', '@', '#'}) {
            int i = name.indexOf(c);
            if (i >= 0) {
                end = Math.min(end, i);
            }
        }
        return name.substring(0, end);
    }

    /** The dataset a snapshot/bookmark belongs to, the parent of a dataset, or empty for a pool. */
    public Optional<ZfsName> parent() {
        int delim = Math.max(name.indexOf('@'), name.indexOf('#'));
        if (delim >= 0) {
            return Optional.of(new ZfsName(name.substring(0, delim)));
        }
        int slash = name.lastIndexOf('/');
        return slash < 0 ? Optional.empty() : Optional.of(new ZfsName(name.substring(0, slash)));
    }

    /** The last path component (for {@code a/b/c}, {@code c}; for a snapshot, the snapshot name). */
    public String leaf() {
        int delim = Math.max(name.indexOf('@'), name.indexOf('#'));
        if (delim >= 0) {
            return name.substring(delim + 1);
        }
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /** The child dataset {@code this/component}. */
    public ZfsName child(String component) {
        if (kind() == Kind.SNAPSHOT || kind() == Kind.BOOKMARK) {
            throw new IllegalArgumentException("a snapshot or bookmark has no children: " + name);
        }
        if (component.indexOf('/') >= 0) {
            throw bad(component, "a child component has no '/'");
        }
        return new ZfsName(name + "/" + component);
    }

    /** The snapshot {@code this@snapshotName}. */
    public ZfsName snapshot(String snapshotName) {
        if (kind() == Kind.SNAPSHOT || kind() == Kind.BOOKMARK) {
            throw new IllegalArgumentException("cannot snapshot a snapshot or bookmark: " + name);
        }
        return new ZfsName(name + "@" + snapshotName);
    }

    /** True when this is {@code other} or lies below it ({@code a/b} is under {@code a}). */
    public boolean isUnder(ZfsName other) {
        return name.equals(other.name) || name.startsWith(other.name + "/");
    }

    @Override
    public int compareTo(ZfsName o) {
        return name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
