package org.sansdk.zfs;

import java.util.List;
import java.util.Optional;

/**
 * An allocation-class section below the data vdevs ({@code logs}, {@code cache}, {@code spares},
 * {@code special}, {@code dedup}).
 *
 * <p>{@code pool.section(AllocationClass.LOG).map(ClassSection::vdevs)}
 *
 * @param allocationClass which section
 * @param state state printed on the header line (Solaris-era output prints one for {@code logs})
 * @param errors counters printed on the header line, if any
 * @param notes notes printed on the header line ({@code bad intent log})
 * @param vdevs the top-level vdevs of the section
 */
public record ClassSection(AllocationClass allocationClass, Optional<DeviceState> state,
                           Optional<ErrorCounters> errors, List<VdevNote> notes, List<Vdev> vdevs) {
    /** Validates and copies. */
    public ClassSection {
        if (allocationClass == null || allocationClass == AllocationClass.DATA) {
            throw new IllegalArgumentException("a class section needs a non-data allocation class");
        }
        state = state == null ? Optional.empty() : state;
        errors = errors == null ? Optional.empty() : errors;
        notes = notes == null ? List.of() : List.copyOf(notes);
        vdevs = vdevs == null ? List.of() : List.copyOf(vdevs);
    }
}
