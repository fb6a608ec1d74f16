package org.sansdk.lio;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sansdk.lio.json.JsonValue;

/**
 * A {@code pscsi} pass-through backstore (no unit serial of its own: the device answers INQUIRY itself).
 *
 * <pre>{@code String dev = pscsi.dev();}</pre>
 */
public record PscsiStorageObject(String name, String dev, Map<String, Long> attributes,
                                 Optional<List<AluaGroup>> aluaTpgs, Map<String, JsonValue> extra)
        implements StorageObject {

    /** Copies collections, refuses nulls. */
    public PscsiStorageObject {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dev, "dev");
        attributes = Maps.copy(attributes);
        aluaTpgs = Objects.requireNonNull(aluaTpgs, "aluaTpgs").map(List::copyOf);
        extra = Maps.copy(extra);
    }

    @Override
    public String plugin() {
        return "pscsi";
    }
}
