package org.sansdk.zfs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link PoolStatus} the parsers and {@link PoolStatus.Builder} create: a record, so two readings of the
 * same pool are equal.
 */
record PoolStatusValue(String name, Optional<String> id, DeviceState state, Optional<String> status,
                         Optional<String> action, Optional<String> see, Optional<ScanStatus> scan,
                         Map<String, String> otherSections, Optional<Vdev> root, List<ClassSection> classes,
                         Optional<PoolErrors> errors, Optional<String> incomplete)
        implements PoolStatus {

    /**
     * A complete pool (JSON input, tests).
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
    PoolStatusValue(String name, Optional<String> id, DeviceState state, Optional<String> status,
                      Optional<String> action, Optional<String> see, Optional<ScanStatus> scan,
                      Map<String, String> otherSections, Optional<Vdev> root, List<ClassSection> classes,
                      Optional<PoolErrors> errors) {
        this(name, id, state, status, action, see, scan, otherSections, root, classes, errors, Optional.empty());
    }

    /** Validates and copies. */
    PoolStatusValue {
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
}
