package org.sansdk.zfs;

import java.util.Optional;

/**
 * Allocation class of a top-level vdev: the main data vdevs, or one of the sections {@code zpool status}
 * prints below them.
 *
 * <p>{@code AllocationClass.fromHeader("logs")  // Optional[LOG]}
 */
public enum AllocationClass {
    /** Normal data vdevs (under the pool's root). */
    DATA("", "vdevs"),
    /** Dedup table vdevs. */
    DEDUP("dedup", "dedup"),
    /** Special (metadata/small block) vdevs. */
    SPECIAL("special", "special"),
    /** Separate intent log (SLOG). */
    LOG("logs", "logs"),
    /** L2ARC cache devices. */
    CACHE("cache", "l2cache"),
    /** Hot spares. */
    SPARE("spares", "spares");

    private final String header;
    private final String jsonKey;

    AllocationClass(String header, String jsonKey) {
        this.header = header;
        this.jsonKey = jsonKey;
    }

    /**
     * The section header in the text output ({@code logs}, {@code cache}, ...).
     *
     * <p>{@code AllocationClass.LOG.header()  // "logs"}
     *
     * @return the header word; empty for DATA
     */
    public String header() {
        return header;
    }

    /**
     * The key of this class in {@code zpool status -j} pool objects.
     *
     * <p>{@code AllocationClass.CACHE.jsonKey()  // "l2cache"}
     *
     * @return the JSON key
     */
    public String jsonKey() {
        return jsonKey;
    }

    /**
     * Finds the class for a section header word of the text output.
     *
     * <p>{@code AllocationClass.fromHeader("spares")}
     *
     * @param word the word
     * @return the class, empty when the word is not a section header
     */
    public static Optional<AllocationClass> fromHeader(String word) {
        switch (word) {
            case "logs": return Optional.of(LOG);
            case "cache": return Optional.of(CACHE);
            case "spares": return Optional.of(SPARE);
            case "special": return Optional.of(SPECIAL);
            case "dedup": return Optional.of(DEDUP);
            default: return Optional.empty();
        }
    }

    /**
     * Finds the class for a JSON key of a pool object.
     *
     * <p>{@code AllocationClass.fromJsonKey("l2cache")}
     *
     * @param key the key
     * @return the class, empty when the key is not a class key
     */
    public static Optional<AllocationClass> fromJsonKey(String key) {
        for (AllocationClass c : values()) {
            if (c != DATA && c.jsonKey.equals(key)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
