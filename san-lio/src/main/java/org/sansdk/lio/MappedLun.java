package org.sansdk.lio;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sansdk.lio.json.JsonValue;

/**
 * A LUN as one initiator sees it ({@code node_acls[].mapped_luns[]}): {@code index} is the LUN number the
 * initiator sees, {@code tpgLun} the TPG LUN index behind it. They may differ (targetcli's
 * {@code auto_add_mapped_luns} takes the first free number); this SDK always writes them equal.
 *
 * <pre>{@code MappedLun m = MappedLun.of(5, 5);}</pre>
 */
public record MappedLun(int index, int tpgLun, boolean writeProtect, Optional<String> alias,
                        Map<String, JsonValue> extra) {

    /** Refuses nulls, copies the map. */
    public MappedLun {
        Objects.requireNonNull(alias, "alias");
        extra = Maps.copy(extra);
    }

    /** A writable mapping. {@code MappedLun.of(3, 3)} */
    public static MappedLun of(int index, int tpgLun) {
        return new MappedLun(index, tpgLun, false, Optional.empty(), Map.of());
    }
}
