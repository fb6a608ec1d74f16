package org.sansdk.zfs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One importable pool as {@code zpool import} (scan, no pool argument) lists it.
 *
 * <p>{@code ImportCandidate c = ZpoolImportParser.parse("node-b", text).candidate("6348604160778364567").orElseThrow();}
 *
 * @param name the pool name (two candidates may share it: import them by id)
 * @param id the pool GUID from the {@code id:} line, as printed (decimal)
 * @param state the pool state word ({@code ONLINE}, {@code DEGRADED}, {@code FAULTED}, {@code UNAVAIL})
 * @param destroyed true for {@code state: ONLINE (DESTROYED)} ({@code zpool import -D})
 * @param status the {@code status:} text, continuation lines joined with '\n'
 * @param action the {@code action:} text
 * @param comment the pool comment ({@code comment:} line)
 * @param see the {@code see:} URL
 * @param root the config tree (root named like the pool); vdev rows carry no counters
 * @param classes the {@code cache}, {@code spares}, {@code logs}, {@code special}, {@code dedup} sections
 * @param notes lines printed after the config ({@code Additional devices are known ...}), unindented
 * @param incomplete why the block is not known to be whole (see {@link ZpoolImportParser}); empty otherwise
 */
public record ImportCandidate(String name, String id, DeviceState state, boolean destroyed,
                              Optional<String> status, Optional<String> action, Optional<String> comment,
                              Optional<String> see, Vdev root, List<ClassSection> classes, List<String> notes,
                              Optional<String> incomplete) {

    /** Validates and copies. */
    public ImportCandidate {
        if (name == null || name.isEmpty() || id == null || id.isEmpty() || state == null || root == null) {
            throw new IllegalArgumentException("name, id, state and root are required");
        }
        status = status == null ? Optional.empty() : status;
        action = action == null ? Optional.empty() : action;
        comment = comment == null ? Optional.empty() : comment;
        see = see == null ? Optional.empty() : see;
        classes = classes == null ? List.of() : List.copyOf(classes);
        notes = notes == null ? List.of() : List.copyOf(notes);
        incomplete = incomplete == null ? Optional.empty() : incomplete;
    }

    /**
     * True when nothing suggests the block was cut.
     *
     * <p>{@code candidate.complete()}
     *
     * @return whether complete
     */
    public boolean complete() {
        return incomplete.isEmpty();
    }

    /**
     * Every vdev: the root tree then each section's trees.
     *
     * <p>{@code candidate.allVdevs().filter(Vdev::isLeaf).count()}
     *
     * @return the stream
     */
    public Stream<Vdev> allVdevs() {
        List<Stream<Vdev>> parts = new ArrayList<>();
        parts.add(root.walk());
        for (ClassSection s : classes) {
            parts.add(s.vdevs().stream().flatMap(Vdev::walk));
        }
        return parts.stream().flatMap(x -> x);
    }

    /**
     * The vdevs of a section ({@code DATA}: the root's children).
     *
     * <p>{@code candidate.vdevs(AllocationClass.SPARE)}
     *
     * @param allocationClass the class
     * @return the vdevs
     */
    public List<Vdev> vdevs(AllocationClass allocationClass) {
        if (allocationClass == AllocationClass.DATA) {
            return root.children();
        }
        for (ClassSection s : classes) {
            if (s.allocationClass() == allocationClass) {
                return s.vdevs();
            }
        }
        return List.of();
    }
}
