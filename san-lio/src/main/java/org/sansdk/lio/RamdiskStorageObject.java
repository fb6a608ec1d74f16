package org.sansdk.lio;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sansdk.lio.json.JsonValue;

/**
 * A {@code ramdisk} (rd_mcp) backstore; {@code nullio} discards writes.
 *
 * <pre>{@code boolean discards = rd.nullio().orElse(false);}</pre>
 */
public record RamdiskStorageObject(String name, Optional<Long> size, Optional<Boolean> nullio, Optional<String> wwn,
                                   Map<String, Long> attributes, Optional<List<AluaGroup>> aluaTpgs,
                                   Map<String, JsonValue> extra) implements StorageObject {

    /** Copies collections, refuses nulls. */
    public RamdiskStorageObject {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(nullio, "nullio");
        Objects.requireNonNull(wwn, "wwn");
        attributes = Maps.copy(attributes);
        aluaTpgs = Objects.requireNonNull(aluaTpgs, "aluaTpgs").map(List::copyOf);
        extra = Maps.copy(extra);
    }

    @Override
    public String plugin() {
        return "ramdisk";
    }
}
