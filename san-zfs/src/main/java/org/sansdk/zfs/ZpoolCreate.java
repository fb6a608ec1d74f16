package org.sansdk.zfs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.sansdk.core.Command;
import org.sansdk.core.ValidationException;
import org.sansdk.core.Violation;
import org.sansdk.core.ZfsName;

/**
 * Renders {@code zpool create} for the HA design: every data mirror pairs one local leg (a
 * {@code /dev/disk/by-partlabel/...} or {@code by-id} disk) with one remote leg (the peer's iSCSI LUN under
 * {@code /dev/disk/by-path/...-iscsi-...}), with the design's pool and file-system properties.
 *
 * <p>{@code Command c = ZpoolCreate.design("san-pool").mirror("/dev/disk/by-partlabel/data-a-a", lun0).build();}
 *
 * <p>Rules (checked in {@link Builder#build()}, reported together as a {@link ValidationException}):
 * ZFS-CREATE-001 a design mirror has exactly one local and one remote leg (so losing a node never loses a
 * mirror); ZFS-CREATE-002 {@code multihost} stays on (the last guard against a double import);
 * ZFS-CREATE-003 a pool has data vdevs; ZFS-CREATE-004 a device is used once; ZFS-CREATE-005 valid pool name;
 * ZFS-CREATE-006 design legs use stable {@code /dev/disk/by-*} names ({@code /dev/sdX} changes across boots,
 * and the peer must find the same devices when it imports the pool); ZFS-CREATE-007 a design pool is only
 * created with a {@link HostIdCheck} (from {@link HostIdPreflight}) proving the two storage nodes have
 * distinct non-zero host ids, without which multihost protects nothing; ZFS-CREATE-008 no device operand
 * starts with {@code -} (getopt would read it as an option).
 * {@link #plain(String)} renders a create without the design's rules and modern options, for old
 * implementations such as zfs-fuse (pool version 23) and for tests with file vdevs.
 */
public final class ZpoolCreate {

    /** Pool properties of the design ({@code -o}). */
    public static final Map<String, String> DESIGN_POOL_PROPERTIES = ordered(
            "multihost", "on", "ashift", "12", "autotrim", "on");
    /** Root file-system properties of the design ({@code -O}). */
    public static final Map<String, String> DESIGN_FS_PROPERTIES = ordered(
            "acltype", "posixacl", "compression", "lz4", "dnodesize", "auto", "xattr", "sa", "atime", "off");

    /** Default test for a remote (iSCSI) leg: a by-path name of an iSCSI LUN. */
    public static final Predicate<String> ISCSI_BY_PATH = p -> p.startsWith("/dev/disk/by-path/")
            && p.contains("-iscsi-");

    private ZpoolCreate() {
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int k = 0; k < kv.length; k += 2) {
            m.put(kv[k], kv[k + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * A design pool: cross-node mirrors, design properties, multihost on.
     *
     * <p>{@code ZpoolCreate.design("san-pool")}
     *
     * @param pool pool name
     * @return the builder
     */
    public static Builder design(String pool) {
        return new Builder(pool, true);
    }

    /**
     * A plain pool: any vdev layout, no properties unless given (zfs-fuse / pool v23, tests).
     *
     * <p>{@code ZpoolCreate.plain("t").mirror("/tmp/a", "/tmp/b").spare("/tmp/c").build()}
     *
     * @param pool pool name
     * @return the builder
     */
    public static Builder plain(String pool) {
        return new Builder(pool, false);
    }

    /** Collects the options; {@link VdevBuilder} holds the layout; nothing runs. */
    public static final class Builder extends VdevBuilder<Builder> {
        private final String pool;
        private final Map<String, String> poolProps = new LinkedHashMap<>();
        private final Map<String, String> fsProps = new LinkedHashMap<>();
        private boolean force;
        private String mountpoint;
        private String altroot;
        private HostIdCheck hostIds;

        private Builder(String pool, boolean design) {
            super(design);
            this.pool = Objects.requireNonNull(pool, "pool");
            if (design) {
                poolProps.putAll(DESIGN_POOL_PROPERTIES);
                fsProps.putAll(DESIGN_FS_PROPERTIES);
            }
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * Sets a pool property ({@code -o}); {@code multihost=off} is refused for design pools.
         *
         * <p>{@code .property("cachefile", "none")}
         *
         * @param name property
         * @param value value
         * @return this
         */
        public Builder property(String name, String value) {
            poolProps.put(name, value);
            return this;
        }

        /**
         * Sets a root file-system property ({@code -O}).
         *
         * <p>{@code .fsProperty("recordsize", "1M")}
         *
         * @param name property
         * @param value value
         * @return this
         */
        public Builder fsProperty(String name, String value) {
            fsProps.put(name, value);
            return this;
        }

        /**
         * The host id preflight of the two storage nodes (required for design pools, ZFS-CREATE-007).
         *
         * <p>{@code .hostIds(HostIdPreflight.check("storage-a", sshA, "storage-b", sshB))}
         *
         * @param check the check
         * @return this
         */
        public Builder hostIds(HostIdCheck check) {
            this.hostIds = Objects.requireNonNull(check, "check");
            return this;
        }

        /**
         * {@code -f}: use devices that look in use. Only for fresh devices you own.
         *
         * <p>{@code .force()}
         *
         * @return this
         */
        public Builder force() {
            this.force = true;
            return this;
        }

        /**
         * {@code -m}: root dataset mountpoint.
         *
         * <p>{@code .mountpoint("none")}
         *
         * @param path path or {@code none}/{@code legacy}
         * @return this
         */
        public Builder mountpoint(String path) {
            this.mountpoint = path;
            return this;
        }

        /**
         * {@code -R}: alternate root (also sets cachefile=none).
         *
         * <p>{@code .altroot("/mnt")}
         *
         * @param path the root
         * @return this
         */
        public Builder altroot(String path) {
            this.altroot = path;
            return this;
        }

        /**
         * Checks the rules and renders the command.
         *
         * <p>{@code Command c = builder.build();}
         *
         * @return the {@code zpool create} argv
         * @throws ValidationException listing every broken rule
         */
        public Command build() {
            List<Violation> v = new ArrayList<>();
            try {
                ZfsName.pool(pool);
            } catch (RuntimeException e) {
                v.add(new Violation("ZFS-CREATE-005", "pool", "invalid pool name '" + pool + "': " + e.getMessage()));
            }
            if (!hasDataVdevs()) {
                v.add(new Violation("ZFS-CREATE-003", "vdevs", "a pool needs at least one data vdev"));
            }
            if (isDesign()) {
                if (!"on".equals(poolProps.get("multihost"))) {
                    v.add(new Violation("ZFS-CREATE-002", "properties.multihost", "multihost must stay on: it is "
                            + "the last guard against importing the pool on both nodes"));
                }
                designViolations(v);
                if (hostIds == null) {
                    v.add(new Violation("ZFS-CREATE-007", "hostIds", "a design pool needs proof that the two "
                            + "storage nodes have distinct non-zero host ids (HostIdPreflight.check); with equal or "
                            + "zero ids multihost=on does not stop a double import"));
                }
            }
            deviceViolations(v);
            ValidationException.throwIfAny(v);
            Command.Builder c = Command.builder("zpool").arg("create");
            if (force) {
                c.arg("-f");
            }
            if (isDryRun()) {
                c.arg("-n");
            }
            poolProps.forEach((k, val) -> c.args("-o", k + "=" + val));
            fsProps.forEach((k, val) -> c.args("-O", k + "=" + val));
            if (mountpoint != null) {
                c.args("-m", mountpoint);
            }
            if (altroot != null) {
                c.args("-R", altroot);
            }
            c.arg(pool);
            appendVdevs(c);
            return c.build();
        }
    }

    /** ZFS-CREATE-008: device operands that getopt would read as options; shared with {@link ZpoolAdd}. */
    static void operandViolations(List<Violation> v, List<String> devices) {
        for (String d : devices) {
            try {
                Operands.device("device", d);
            } catch (IllegalArgumentException e) {
                v.add(new Violation("ZFS-CREATE-008", "devices", e.getMessage()));
            }
        }
    }

    /** ZFS-CREATE-001/006 for a list of mirrors; shared with {@link ZpoolAdd}. */
    static void designViolations(List<Violation> v, String path, List<List<String>> mirrors, Predicate<String> isRemote) {
        for (List<String> m : mirrors) {
            for (String dev : m) {
                if (!dev.startsWith("/dev/disk/by-")) {
                    v.add(new Violation("ZFS-CREATE-006", "devices", "'" + dev + "' is not a stable "
                            + "/dev/disk/by-partlabel|by-id|by-path name"));
                }
            }
        }
        crossNodeViolations(v, path, mirrors, isRemote);
    }

    private static void crossNodeViolations(List<Violation> v, String path, List<List<String>> mirrors,
                                            Predicate<String> isRemote) {
        for (int k = 0; k < mirrors.size(); k++) {
            List<String> m = mirrors.get(k);
            String at = path + "[" + k + "]";
            if (m.size() != 2) {
                v.add(new Violation("ZFS-CREATE-001", at, "a design mirror has exactly two legs, one local and "
                        + "one remote; got " + m.size()));
                continue;
            }
            boolean r0 = isRemote.test(m.get(0));
            boolean r1 = isRemote.test(m.get(1));
            if (r0 == r1) {
                v.add(new Violation("ZFS-CREATE-001", at, "mirror " + m + " has " + (r0 ? "two remote" : "two local")
                        + " legs; losing " + (r0 ? "the peer" : "this node") + " would lose the whole mirror"));
            }
        }
    }
}
