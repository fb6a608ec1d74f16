package org.sansdk.lio;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sansdk.lio.json.JsonValue;

/**
 * A {@code fileio} backstore over a file (or a block device used through the page cache).
 *
 * <pre>{@code long bytes = fileio.size().orElse(0L);}</pre>
 */
public record FileioStorageObject(String name, String dev, Optional<String> wwn, Optional<Long> size,
                                  Optional<Boolean> writeBack, Optional<Boolean> aio, Map<String, Long> attributes,
                                  Optional<List<AluaGroup>> aluaTpgs, Map<String, JsonValue> extra)
        implements StorageObject {

    /** Copies collections, refuses nulls. */
    public FileioStorageObject {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dev, "dev");
        Objects.requireNonNull(wwn, "wwn");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(writeBack, "writeBack");
        Objects.requireNonNull(aio, "aio");
        attributes = Maps.copy(attributes);
        aluaTpgs = Objects.requireNonNull(aluaTpgs, "aluaTpgs").map(List::copyOf);
        extra = Maps.copy(extra);
    }

    @Override
    public String plugin() {
        return "fileio";
    }
}
