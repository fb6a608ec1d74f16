package org.sansdk.zfs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The status of one pool: what {@code zpool status POOL} prints.
 *
 * <p>{@code PoolStatus p = ZpoolStatusParser.parse("status.txt", text).pool("san-pool").orElseThrow();}
 *
 * @param name the pool name
 * @param id the pool id ({@code id:} line, printed for pools that cannot be opened), or the JSON guid
 * @param state the pool state
 * @param status the {@code status:} text, continuation lines joined with '\n' and unindented
 * @param action the {@code action:} text
 * @param see the {@code see:} URL
 * @param scan the scan lines
 * @param otherSections other pool-level sections by key ({@code remove}, {@code checkpoint},
 *                      {@code expand}, {@code dedup}) as printed
 * @param root the root vdev (named like the pool; its children are the data vdevs); empty when the
 *             configuration could not be determined
 * @param classes the allocation-class sections in printed order
 * @param errors the {@code errors:} part, when printed
 * @param incomplete why this pool's block is not known to be complete (text output: no {@code errors:}
 *                   line, which zpool prints last for every pool, or the capture ends in the middle of
 *                   the errors part); empty when the block ended with its end marker (or came from JSON)
 */
public record PoolStatus(String name, Optional<String> id, DeviceState state, Optional<String> status,
                         Optional<String> action, Optional<String> see, Optional<ScanStatus> scan,
                         Map<String, String> otherSections, Optional<Vdev> root, List<ClassSection> classes,
                         Optional<PoolErrors> errors, Optional<String> incomplete) {

    /**
     * A complete pool (JSON input, tests).
     *
     * <p>{@code new PoolStatus("tank", Optional.empty(), DeviceState.ONLINE, ...)}
     *
     * @param name the pool name
     * @param id the pool id
     * @param state the state
     * @param status status text
     * @param action action text
     * @param see see URL
     * @param scan scan
     * @param otherSections other sections
     * @param root root vdev
     * @param classes class sections
     * @param errors errors part
     */
    public PoolStatus(String name, Optional<String> id, DeviceState state, Optional<String> status,
                      Optional<String> action, Optional<String> see, Optional<ScanStatus> scan,
                      Map<String, String> otherSections, Optional<Vdev> root, List<ClassSection> classes,
                      Optional<PoolErrors> errors) {
        this(name, id, state, status, action, see, scan, otherSections, root, classes, errors, Optional.empty());
    }

    /**
     * True when the block ended with its end marker.
     *
     * <p>{@code if (!pool.complete()) throw ...}
     *
     * @return whether complete
     */
    public boolean complete() {
        return incomplete.isEmpty();
    }

    /** Validates and copies. */
    public PoolStatus {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("pool name is required");
        }
        if (state == null) {
            throw new IllegalArgumentException("pool state is required");
        }
        id = id == null ? Optional.empty() : id;
        status = status == null ? Optional.empty() : status;
        action = action == null ? Optional.empty() : action;
        see = see == null ? Optional.empty() : see;
        scan = scan == null ? Optional.empty() : scan;
        otherSections = otherSections == null || otherSections.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(otherSections));
        root = root == null ? Optional.empty() : root;
        classes = classes == null ? List.of() : List.copyOf(classes);
        errors = errors == null ? Optional.empty() : errors;
        incomplete = incomplete == null ? Optional.empty() : incomplete;
    }

    /**
     * The message id from the {@code see:} URL ({@code ZFS-8000-9P}).
     *
     * <p>{@code pool.messageId()}
     *
     * @return the id
     */
    public Optional<String> messageId() {
        return see.map(u -> u.substring(u.lastIndexOf('/') + 1)).filter(s -> s.startsWith("ZFS-"));
    }

    /**
     * The data vdevs (children of the root).
     *
     * <p>{@code pool.dataVdevs().size()}
     *
     * @return top-level data vdevs
     */
    public List<Vdev> dataVdevs() {
        return root.map(Vdev::children).orElse(List.of());
    }

    /**
     * The section of an allocation class.
     *
     * <p>{@code pool.section(AllocationClass.SPARE)}
     *
     * @param allocationClass the class
     * @return the section when printed
     */
    public Optional<ClassSection> section(AllocationClass allocationClass) {
        for (ClassSection s : classes) {
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
    public List<Vdev> vdevs(AllocationClass allocationClass) {
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
    public Stream<Vdev> allVdevs() {
        List<Stream<Vdev>> parts = new ArrayList<>();
        root.ifPresent(r -> parts.add(r.walk()));
        for (ClassSection s : classes) {
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
    public Optional<Vdev> find(String vdevName) {
        return allVdevs().filter(v -> v.name().equals(vdevName)).findFirst();
    }
}
