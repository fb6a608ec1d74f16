package org.sansdk.lio;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable, order-keeping copies for the model's maps (Map.copyOf would lose the order). */
final class Maps {
    private Maps() {
    }

    static <K, V> Map<K, V> copy(Map<K, V> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    static <K, V> Map<K, V> with(Map<K, V> map, K key, V value) {
        LinkedHashMap<K, V> m = new LinkedHashMap<>(map);
        m.put(key, value);
        return Collections.unmodifiableMap(m);
    }
}
