package org.sansdk.pacemaker.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable, insertion-ordered attribute map backed by two arrays: XML elements carry a handful of
 * attributes, so a linear scan beats hashing and costs no entry objects (the 10 MB CIB benchmark reads
 * hundreds of thousands of them).
 *
 * <p>Usage: {@code Attributes.copyOf(Map.of("id", "x")).get("id")}
 */
public final class Attributes extends AbstractMap<String, String> {
    private static final Attributes EMPTY = new Attributes(new String[0], new String[0], 0);

    private final String[] keys;
    private final String[] values;
    private final int size;

    Attributes(String[] keys, String[] values, int size) {
        this.keys = keys;
        this.values = values;
        this.size = size;
    }

    /** An immutable copy (the same instance when already an {@code Attributes}). Usage: {@code Attributes.copyOf(m)}. */
    public static Attributes copyOf(Map<String, String> m) {
        if (m instanceof Attributes a) {
            return a;
        }
        if (m == null || m.isEmpty()) {
            return EMPTY;
        }
        String[] k = new String[m.size()];
        String[] v = new String[m.size()];
        int i = 0;
        for (Map.Entry<String, String> e : m.entrySet()) {
            k[i] = java.util.Objects.requireNonNull(e.getKey(), "attribute name");
            v[i] = e.getValue();
            i++;
        }
        return new Attributes(k, v, i);
    }

    /** Collects attributes in order before freezing them (parser use). Usage: {@code new Attributes.Builder(4)}. */
    static final class Builder {
        private String[] k;
        private String[] v;
        private int n;

        Builder(int capacity) {
            k = new String[Math.max(1, capacity)];
            v = new String[Math.max(1, capacity)];
        }

        void put(String key, String value) {
            for (int i = 0; i < n; i++) {
                if (k[i].equals(key)) {
                    v[i] = value;
                    return;
                }
            }
            if (n == k.length) {
                k = Arrays.copyOf(k, n * 2);
                v = Arrays.copyOf(v, n * 2);
            }
            k[n] = key;
            v[n] = value;
            n++;
        }

        Attributes build() {
            return n == 0 ? EMPTY : new Attributes(k, v, n);
        }
    }

    @Override
    public String get(Object key) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return values[i];
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        return i < size;
                    }

                    @Override
                    public Map.Entry<String, String> next() {
                        if (i >= size) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, String> e = new AbstractMap.SimpleImmutableEntry<>(keys[i], values[i]);
                        i++;
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /**
     * A view without the given keys (no copy). Usage: {@code attrs.without(Set.of("id"))}.
     */
    public Map<String, String> without(Set<String> excluded) {
        int count = 0;
        for (int i = 0; i < size; i++) {
            if (!excluded.contains(keys[i])) {
                count++;
            }
        }
        if (count == size) {
            return this;
        }
        String[] k = new String[count];
        String[] v = new String[count];
        int j = 0;
        for (int i = 0; i < size; i++) {
            if (!excluded.contains(keys[i])) {
                k[j] = keys[i];
                v[j] = values[i];
                j++;
            }
        }
        return count == 0 ? EMPTY : new Attributes(k, v, count);
    }
}
