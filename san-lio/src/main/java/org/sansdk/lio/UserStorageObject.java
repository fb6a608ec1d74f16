package org.sansdk.lio;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sansdk.lio.json.JsonValue;

/**
 * A {@code user} (TCMU) backstore served by a user-space handler such as tcmu-runner; {@code config} is the
 * handler string ({@code rbd/pool/image}, {@code glfs/...}).
 *
 * <pre>{@code String handler = user.config();}</pre>
 */
public record UserStorageObject(String name, String config, Optional<Long> size, Optional<String> wwn,
                                Optional<Long> hwMaxSectors, Optional<String> control, Map<String, Long> attributes,
                                Optional<List<AluaGroup>> aluaTpgs, Map<String, JsonValue> extra)
        implements StorageObject {

    /** Copies collections, refuses nulls. */
    public UserStorageObject {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(wwn, "wwn");
        Objects.requireNonNull(hwMaxSectors, "hwMaxSectors");
        Objects.requireNonNull(control, "control");
        attributes = Maps.copy(attributes);
        aluaTpgs = Objects.requireNonNull(aluaTpgs, "aluaTpgs").map(List::copyOf);
        extra = Maps.copy(extra);
    }

    @Override
    public String plugin() {
        return "user";
    }
}
