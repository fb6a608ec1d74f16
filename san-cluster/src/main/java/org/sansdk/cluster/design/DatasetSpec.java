package org.sansdk.cluster.design;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A file system to create in the pool, with its properties.
 * Usage: {@code new DatasetSpec("nfs", Map.of("recordsize", "128k"))}.
 *
 * @param name       the dataset path relative to the pool ({@code iscsi/hypervisor})
 * @param properties its properties, in order
 */
public record DatasetSpec(String name, Map<String, String> properties) {
    /** Copies. Usage: see type. */
    public DatasetSpec {
        Objects.requireNonNull(name, "name");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }
}
