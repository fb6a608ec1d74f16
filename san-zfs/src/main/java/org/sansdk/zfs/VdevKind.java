package org.sansdk.zfs;

import java.util.OptionalInt;

/**
 * What a vdev is: the pool root, a leaf device, or one of the grouping vdevs.
 *
 * <p>{@code if (vdev.kind() instanceof VdevKind.Mirror m) { ... }}
 *
 * <p>Group names carry an index in current releases ({@code mirror-0}, {@code raidz2-1},
 * {@code replacing-4}, {@code spare-6}); Solaris-era output prints them bare ({@code mirror}), so the
 * index is optional.
 */
public sealed interface VdevKind {

    /**
     * The JSON {@code vdev_type} OpenZFS uses for this kind ({@code root}, {@code disk}, {@code file},
     * {@code mirror}, {@code raidz}, {@code draid}, {@code replacing}, {@code spare}, {@code dspare}).
     *
     * <p>{@code kind.jsonType()}
     *
     * @return the type name
     */
    String jsonType();

    /** The pool's root vdev (the row named like the pool). */
    record Root() implements VdevKind {
        @Override
        public String jsonType() {
            return "root";
        }
    }

    /**
     * A leaf device.
     *
     * @param type disk, file or distributed spare
     */
    record Leaf(LeafType type) implements VdevKind {
        /** Validates the type. */
        public Leaf {
            if (type == null) {
                throw new IllegalArgumentException("leaf type is required");
            }
        }

        /** {@code disk}, {@code file}, {@code dspare}; null for {@link LeafType#UNKNOWN} (text did not say). */
        @Override
        public String jsonType() {
            switch (type) {
                case FILE: return "file";
                case DISTRIBUTED_SPARE: return "dspare";
                case UNKNOWN: return null;
                default: return "disk";
            }
        }
    }

    /**
     * An n-way mirror.
     *
     * @param index the {@code -N} suffix when printed
     */
    record Mirror(OptionalInt index) implements VdevKind {
        @Override
        public String jsonType() {
            return "mirror";
        }
    }

    /**
     * A raidz group.
     *
     * @param parity 1, 2 or 3 ({@code raidz} without a digit is raidz1)
     * @param index the {@code -N} suffix when printed
     */
    record Raidz(int parity, OptionalInt index) implements VdevKind {
        /** Validates the parity. */
        public Raidz {
            if (parity < 1 || parity > 3) {
                throw new IllegalArgumentException("raidz parity must be 1..3");
            }
        }

        @Override
        public String jsonType() {
            return "raidz";
        }
    }

    /**
     * A dRAID group.
     *
     * @param geometry the parsed {@code draid<p>:<d>d:<c>c:<s>s}
     * @param index the {@code -N} suffix when printed
     */
    record Draid(DraidGeometry geometry, OptionalInt index) implements VdevKind {
        /** Validates the geometry. */
        public Draid {
            if (geometry == null) {
                throw new IllegalArgumentException("geometry is required");
            }
        }

        @Override
        public String jsonType() {
            return "draid";
        }
    }

    /**
     * A device being replaced: old and new device side by side until the resilver completes.
     *
     * @param index the {@code -N} suffix when printed
     */
    record Replacing(OptionalInt index) implements VdevKind {
        @Override
        public String jsonType() {
            return "replacing";
        }
    }

    /**
     * A failed device and the hot spare standing in for it.
     *
     * @param index the {@code -N} suffix when printed
     */
    record Spare(OptionalInt index) implements VdevKind {
        @Override
        public String jsonType() {
            return "spare";
        }
    }

    /**
     * A grouping vdev of a type this library does not know (a newer OpenZFS); the name is kept.
     *
     * @param type the name without its {@code -N} suffix
     * @param index the {@code -N} suffix when printed
     */
    record OtherGroup(String type, OptionalInt index) implements VdevKind {
        @Override
        public String jsonType() {
            return type;
        }
    }

    /** Kinds of leaf devices. */
    enum LeafType {
        /** A block device. */
        DISK,
        /** A file vdev (absolute path outside /dev). */
        FILE,
        /** A dRAID distributed spare ({@code draid1-0-0}). */
        DISTRIBUTED_SPARE,
        /**
         * Not known: a missing device printed by its GUID without a {@code was PATH} note that would tell a
         * file from a disk.
         */
        UNKNOWN
    }

    /**
     * Leaf type of a device printed by its GUID (missing device): from the {@code was PATH} note when there
     * is one ({@code /dev/...} a disk, another absolute path a file), otherwise {@link LeafType#UNKNOWN}.
     *
     * <p>{@code VdevKind.missingLeafType(Optional.of("/tmp/zx/b"))  // FILE}
     *
     * @param was the path of the {@code was} note
     * @return the leaf type
     */
    static LeafType missingLeafType(java.util.Optional<String> was) {
        if (was.isPresent() && was.get().startsWith("/")) {
            return leafType(was.get());
        }
        return LeafType.UNKNOWN;
    }

    /**
     * True for a NAME that is a vdev GUID (zpool prints a missing device by its GUID): all digits, at least
     * 10 of them, at most 20 (uint64).
     *
     * <p>{@code VdevKind.isGuidName("4676737554230074290")}
     *
     * @param name the NAME column
     * @return whether it is a GUID
     */
    static boolean isGuidName(String name) {
        return name.length() >= 10 && name.length() <= 20 && allDigits(name, 0, name.length());
    }

    /**
     * Classifies a vdev by its printed name; {@code hasChildren} tells groups from leaves whose names look
     * like group names.
     *
     * <p>{@code VdevKind.classify("raidz2-0", true)  // Raidz[parity=2, index=0]}
     *
     * @param name the NAME column
     * @param hasChildren whether the row has child rows
     * @return the kind
     */
    static VdevKind classify(String name, boolean hasChildren) {
        if (hasChildren) {
            int dash = name.lastIndexOf('-');
            String base = name;
            OptionalInt index = OptionalInt.empty();
            if (dash > 0 && dash < name.length() - 1 && allDigits(name, dash + 1, name.length())
                    && name.length() - dash - 1 <= 9) {
                base = name.substring(0, dash);
                index = OptionalInt.of(Integer.parseInt(name.substring(dash + 1)));
            }
            switch (base) {
                case "mirror": return new Mirror(index);
                case "replacing": return new Replacing(index);
                case "spare": return new Spare(index);
                case "raidz":
                case "raidz1": return new Raidz(1, index);
                case "raidz2": return new Raidz(2, index);
                case "raidz3": return new Raidz(3, index);
                default:
                    if (base.startsWith("draid")) {
                        var g = DraidGeometry.parse(base);
                        if (g.isPresent()) {
                            return new Draid(g.get(), index);
                        }
                    }
                    return new OtherGroup(base, index);
            }
        }
        return new Leaf(leafType(name));
    }

    /**
     * Leaf type from the device name: {@code draidP-G-S} is a distributed spare, an absolute path outside
     * {@code /dev} is a file, anything else a disk.
     *
     * <p>{@code VdevKind.leafType("/var/lib/lxd/disks/default.img")  // FILE}
     *
     * @param name the NAME column
     * @return the leaf type
     */
    static LeafType leafType(String name) {
        if (name.startsWith("/")) {
            return name.startsWith("/dev/") ? LeafType.DISK : LeafType.FILE;
        }
        if (name.startsWith("draid") && isDistributedSpareName(name)) {
            return LeafType.DISTRIBUTED_SPARE;
        }
        return LeafType.DISK;
    }

    private static boolean isDistributedSpareName(String name) {
        // draid<parity>-<vdev id>-<spare id>
        String[] parts = name.substring(5).split("-", -1);
        if (parts.length != 3) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || !allDigits(p, 0, p.length())) {
                return false;
            }
        }
        return true;
    }

    private static boolean allDigits(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
