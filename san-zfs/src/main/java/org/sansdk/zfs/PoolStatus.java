package org.sansdk.zfs;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The status of one pool: what {@code zpool status POOL} prints. An interface, so that sections zpool adds
 * later do not break callers; build one with {@link #builder(String, DeviceState)}.
 *
 * <p>{@code PoolStatus p = ZpoolStatusParser.parse("status.txt", text).pool("san-pool").orElseThrow(); p.describe()}
 */
public interface PoolStatus {

    /**
     * The pool name.
     *
     * <p>{@code pool.name()}
     *
     * @return the name
     */
    String name();

    /**
     * The pool id ({@code id:} line, printed for pools that cannot be opened), or the JSON guid.
     *
     * <p>{@code pool.id()}
     *
     * @return the id
     */
    Optional<String> id();

    /**
     * The pool state.
     *
     * <p>{@code pool.state() == DeviceState.DEGRADED}
     *
     * @return the state
     */
    DeviceState state();

    /**
     * The {@code status:} text, continuation lines joined with '\n' and unindented.
     *
     * <p>{@code pool.status()}
     *
     * @return the text
     */
    Optional<String> status();

    /**
     * The {@code action:} text.
     *
     * <p>{@code pool.action()}
     *
     * @return the text
     */
    Optional<String> action();

    /**
     * The {@code see:} URL.
     *
     * <p>{@code pool.see()}
     *
     * @return the URL
     */
    Optional<String> see();

    /**
     * The scan lines.
     *
     * <p>{@code pool.scan().map(ScanStatus::describe)}
     *
     * @return the scan
     */
    Optional<ScanStatus> scan();

    /**
     * Other pool-level sections by key ({@code remove}, {@code checkpoint}, {@code expand}, {@code dedup}) as
     * printed.
     *
     * <p>{@code pool.otherSections().get("remove")}
     *
     * @return the sections in printed order
     */
    Map<String, String> otherSections();

    /**
     * The root vdev (named like the pool; its children are the data vdevs); empty when the configuration
     * could not be determined.
     *
     * <p>{@code pool.root().map(Vdev::children)}
     *
     * @return the root
     */
    Optional<Vdev> root();

    /**
     * The allocation-class sections in printed order.
     *
     * <p>{@code pool.classes()}
     *
     * @return the sections
     */
    List<ClassSection> classes();

    /**
     * The {@code errors:} part, when printed.
     *
     * <p>{@code pool.errors()}
     *
     * @return the errors part
     */
    Optional<PoolErrors> errors();

    /**
     * Why this pool's block is not known to be complete (text output: no {@code errors:} line, which zpool
     * prints last for every pool, or the capture ends in the middle of the errors part); empty when the
     * block ended with its end marker (or came from JSON).
     *
     * <p>{@code pool.incomplete().ifPresent(System.out::println)}
     *
     * @return the reason
     */
    Optional<String> incomplete();

    /**
     * True when the block ended with its end marker.
     *
     * <p>{@code if (!pool.complete()) throw ...}
     *
     * @return whether complete
     */
    default boolean complete() {
        return incomplete().isEmpty();
    }

    /**
     * The message id from the {@code see:} URL ({@code ZFS-8000-9P}).
     *
     * <p>{@code pool.messageId()}
     *
     * @return the id
     */
    default Optional<String> messageId() {
        return see().map(u -> u.substring(u.lastIndexOf('/') + 1)).filter(s -> s.startsWith("ZFS-"));
    }

    /**
     * The data vdevs (children of the root).
     *
     * <p>{@code pool.dataVdevs().size()}
     *
     * @return top-level data vdevs
     */
    default List<Vdev> dataVdevs() {
        return root().map(Vdev::children).orElse(List.of());
    }

    /**
     * The section of an allocation class.
     *
     * <p>{@code pool.section(AllocationClass.SPARE)}
     *
     * @param allocationClass the class
     * @return the section when printed
     */
    default Optional<ClassSection> section(AllocationClass allocationClass) {
        for (ClassSection s : classes()) {
            if (s.allocationClass() == allocationClass) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * Top-level vdevs of a class; for DATA the root's children.
     *
     * <p>{@code pool.vdevs(AllocationClass.LOG)}
     *
     * @param allocationClass the class
     * @return the vdevs (empty when the class is absent)
     */
    default List<Vdev> vdevs(AllocationClass allocationClass) {
        if (allocationClass == AllocationClass.DATA) {
            return dataVdevs();
        }
        return section(allocationClass).map(ClassSection::vdevs).orElse(List.of());
    }

    /**
     * Every vdev of the pool: the root tree then every section's trees.
     *
     * <p>{@code pool.allVdevs().filter(Vdev::isLeaf).count()}
     *
     * @return the stream
     */
    default Stream<Vdev> allVdevs() {
        List<Stream<Vdev>> parts = new ArrayList<>();
        root().ifPresent(r -> parts.add(r.walk()));
        for (ClassSection s : classes()) {
            parts.add(s.vdevs().stream().flatMap(Vdev::walk));
        }
        return parts.stream().flatMap(x -> x);
    }

    /**
     * Finds a vdev by name anywhere in the pool.
     *
     * <p>{@code pool.find("/dev/disk/by-path/ip-10.10.10.2:3260-iscsi-...-lun-0")}
     *
     * @param vdevName the NAME column
     * @return the first match
     */
    default Optional<Vdev> find(String vdevName) {
        return allVdevs().filter(v -> v.name().equals(vdevName)).findFirst();
    }

    /**
     * The leaf devices (data, log, special, cache and spares) that are not healthy: every state but
     * {@code ONLINE}, and for spares {@code AVAIL} and {@code INUSE}; in tree order.
     *
     * <p>{@code pool.degradedLeaves().forEach(v -> System.out.println(v.name() + " " + v.state()))}
     *
     * @return the leaves
     */
    default List<Vdev> degradedLeaves() {
        Set<DeviceState> healthy = EnumSet.of(DeviceState.ONLINE, DeviceState.AVAIL, DeviceState.INUSE);
        return allVdevs().filter(Vdev::isLeaf).filter(v -> !healthy.contains(v.state())).toList();
    }

    /**
     * One short line for people: {@code san-pool DEGRADED: 2 of 24 leaves UNAVAIL; resilver 0.01% done,
     * 123h32m to go}; a cut capture ends with {@code ; capture incomplete}.
     *
     * <p>{@code System.out.println(Zpool.on(executor).status("san-pool").describe())}
     *
     * @return the summary
     */
    default String describe() {
        StringBuilder sb = new StringBuilder(name()).append(' ').append(state());
        long leaves = allVdevs().filter(Vdev::isLeaf).count();
        List<Vdev> bad = degradedLeaves();
        if (root().isEmpty() && classes().isEmpty()) {
            sb.append(": configuration unknown");
        } else if (bad.isEmpty()) {
            sb.append(": ").append(leaves == 1 ? "1 leaf" : "all " + leaves + " leaves").append(" healthy");
        } else {
            Map<DeviceState, Integer> byState = new TreeMap<>();
            bad.forEach(v -> byState.merge(v.state(), 1, Integer::sum));
            List<String> parts = new ArrayList<>();
            byState.forEach((st, n) -> parts.add(n + " " + st));
            sb.append(": ").append(parts.get(0).replaceFirst(" ", " of " + leaves + (leaves == 1 ? " leaf " : " leaves ")));
            for (int k = 1; k < parts.size(); k++) {
                sb.append(", ").append(parts.get(k));
            }
        }
        scan().filter(s -> s.state() != ScanStatus.ScanState.NONE_REQUESTED)
                .ifPresent(s -> sb.append("; ").append(s.describe()));
        errors().filter(e -> !e.isClean()).ifPresent(e -> sb.append("; ").append(e.count().isPresent()
                ? e.count().getAsLong() + " data error" + (e.count().getAsLong() == 1 ? "" : "s") : "data errors"));
        if (!complete()) {
            sb.append("; capture incomplete");
        }
        return sb.toString();
    }

    /**
     * A builder for a complete pool with no sections; set what is known.
     *
     * <p>{@code PoolStatus p = PoolStatus.builder("tank", DeviceState.ONLINE).root(root).build();}
     *
     * @param name the pool name
     * @param state the pool state
     * @return the builder
     */
    static Builder builder(String name, DeviceState state) {
        return new Builder(name, state);
    }

    /**
     * A builder holding every value of this pool status, to change some.
     *
     * <p>{@code pool.toBuilder().scan(scan).build()}
     *
     * @return the builder
     */
    default Builder toBuilder() {
        Builder b = new Builder(name(), state());
        b.id = id();
        b.status = status();
        b.action = action();
        b.see = see();
        b.scan = scan();
        b.otherSections.putAll(otherSections());
        b.root = root();
        b.classes.addAll(classes());
        b.errors = errors();
        b.incomplete = incomplete();
        return b;
    }

    /** Collects the values of a {@link PoolStatus}. */
    final class Builder {
        private final String name;
        private final DeviceState state;
        private Optional<String> id = Optional.empty();
        private Optional<String> status = Optional.empty();
        private Optional<String> action = Optional.empty();
        private Optional<String> see = Optional.empty();
        private Optional<ScanStatus> scan = Optional.empty();
        private final Map<String, String> otherSections = new LinkedHashMap<>();
        private Optional<Vdev> root = Optional.empty();
        private final List<ClassSection> classes = new ArrayList<>();
        private Optional<PoolErrors> errors = Optional.empty();
        private Optional<String> incomplete = Optional.empty();

        private Builder(String name, DeviceState state) {
            this.name = name;
            this.state = state;
        }

        /**
         * The pool id or guid.
         *
         * <p>{@code .id("1234567890")}
         *
         * @param poolId the id
         * @return this
         */
        public Builder id(String poolId) {
            this.id = Optional.of(poolId);
            return this;
        }

        /**
         * The {@code status:} text.
         *
         * <p>{@code .status("One or more devices could not be used ...")}
         *
         * @param text the text
         * @return this
         */
        public Builder status(String text) {
            this.status = Optional.of(text);
            return this;
        }

        /**
         * The {@code action:} text.
         *
         * <p>{@code .action("Attach the missing device ...")}
         *
         * @param text the text
         * @return this
         */
        public Builder action(String text) {
            this.action = Optional.of(text);
            return this;
        }

        /**
         * The {@code see:} URL.
         *
         * <p>{@code .see("https://openzfs.github.io/openzfs-docs/msg/ZFS-8000-2Q")}
         *
         * @param url the URL
         * @return this
         */
        public Builder see(String url) {
            this.see = Optional.of(url);
            return this;
        }

        /**
         * The scan.
         *
         * <p>{@code .scan(ScanStatus.builder(ScanFunction.SCRUB, ScanState.FINISHED).build())}
         *
         * @param scanStatus the scan
         * @return this
         */
        public Builder scan(ScanStatus scanStatus) {
            this.scan = Optional.of(Objects.requireNonNull(scanStatus, "scanStatus"));
            return this;
        }

        /**
         * Another pool-level section as printed.
         *
         * <p>{@code .otherSection("remove", "Removal of vdev 1 copied ...")}
         *
         * @param key the section key
         * @param text the text
         * @return this
         */
        public Builder otherSection(String key, String text) {
            this.otherSections.put(key, text);
            return this;
        }

        /**
         * The root vdev.
         *
         * <p>{@code .root(rootVdev)}
         *
         * @param rootVdev the root
         * @return this
         */
        public Builder root(Vdev rootVdev) {
            this.root = Optional.of(Objects.requireNonNull(rootVdev, "rootVdev"));
            return this;
        }

        /**
         * Adds an allocation-class section.
         *
         * <p>{@code .section(logs)}
         *
         * @param section the section
         * @return this
         */
        public Builder section(ClassSection section) {
            this.classes.add(Objects.requireNonNull(section, "section"));
            return this;
        }

        /**
         * The {@code errors:} part.
         *
         * <p>{@code .errors(poolErrors)}
         *
         * @param poolErrors the part
         * @return this
         */
        public Builder errors(PoolErrors poolErrors) {
            this.errors = Optional.of(Objects.requireNonNull(poolErrors, "poolErrors"));
            return this;
        }

        /**
         * Marks the block incomplete.
         *
         * <p>{@code .incomplete("no 'errors:' line")}
         *
         * @param reason why
         * @return this
         */
        public Builder incomplete(String reason) {
            this.incomplete = Optional.of(reason);
            return this;
        }

        /**
         * The pool status.
         *
         * <p>{@code PoolStatus p = builder.build();}
         *
         * @return the value
         * @throws IllegalArgumentException when the name is empty or the state missing
         */
        public PoolStatus build() {
            return new PoolStatusValue(name, id, state, status, action, see, scan, otherSections, root, classes,
                    errors, incomplete);
        }
    }
}
