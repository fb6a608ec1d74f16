package org.sansdk.lio;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sansdk.lio.json.JsonValue;

/**
 * A TPG LUN ({@code luns[]}): its index (0-65535), the storage object path it exports
 * ({@code /backstores/<plugin>/<name>}), the configfs link alias and the ALUA port group.
 *
 * <pre>{@code Lun lun = Lun.of(5, "/backstores/block/vm-100-disk-0");}</pre>
 */
public record Lun(int index, String storageObject, Optional<String> alias, Optional<String> aluaTgPtGpName,
                  Map<String, JsonValue> extra) {

    /** Refuses nulls, copies the map. */
    public Lun {
        Objects.requireNonNull(storageObject, "storageObject");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(aluaTgPtGpName, "aluaTgPtGpName");
        extra = Maps.copy(extra);
    }

    /** A LUN as a new configuration states it (rtslib picks the alias, the default ALUA group applies). {@code Lun.of(0, so.path())} */
    public static Lun of(int index, String storageObjectPath) {
        return new Lun(index, storageObjectPath, Optional.empty(), Optional.empty(), Map.of());
    }

    /** The backstore plugin part of {@link #storageObject()}, empty when the path is malformed. {@code lun.plugin()} */
    public Optional<String> plugin() {
        String[] parts = storageObject.split("/", -1);
        return parts.length == 4 && parts[0].isEmpty() && parts[1].equals("backstores")
                ? Optional.of(parts[2]) : Optional.empty();
    }

    /** The backstore name part of {@link #storageObject()}, empty when the path is malformed. {@code lun.backstoreName()} */
    public Optional<String> backstoreName() {
        String[] parts = storageObject.split("/", -1);
        return parts.length == 4 && parts[0].isEmpty() && parts[1].equals("backstores")
                ? Optional.of(parts[3]) : Optional.empty();
    }
}
