package org.sansdk.cluster.design;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The ZFS pool: name, pool properties ({@code zpool create -o}) and root file-system properties ({@code -O}), in
 * the order given. {@code multihost} is a pool property; {@link #multihost()} reads it.
 * Usage: {@code new Pool("san-pool", Map.of("multihost", "on", "ashift", "12"), Map.of("compression", "lz4"))}.
 *
 * @param name                 pool name
 * @param properties           pool properties ({@code -o})
 * @param filesystemProperties root dataset properties ({@code -O})
 */
public record Pool(String name, Map<String, String> properties, Map<String, String> filesystemProperties) {
    /** Copies, keeping the order. Usage: see type. */
    public Pool {
        Objects.requireNonNull(name, "name");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        filesystemProperties = Collections.unmodifiableMap(new LinkedHashMap<>(filesystemProperties));
    }

    /** Whether {@code multihost=on} is set. Usage: {@code pool.multihost()}. */
    public boolean multihost() {
        return "on".equals(properties.get("multihost"));
    }
}
