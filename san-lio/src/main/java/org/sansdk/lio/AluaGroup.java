package org.sansdk.lio;

import java.util.Map;
import java.util.Objects;
import org.sansdk.lio.json.JsonValue;

/**
 * An ALUA target port group of a storage object ({@code alua_tpgs[]}): its name, {@code tg_pt_gp_id} and the
 * integer settings ({@code alua_access_state}, {@code alua_access_type}, {@code preferred}, ...).
 *
 * <pre>{@code AluaGroup g = so.aluaTpgs().orElseThrow().get(0); long state = g.settings().get("alua_access_state");}</pre>
 */
public record AluaGroup(String name, long tgPtGpId, Map<String, Long> settings, Map<String, JsonValue> extra) {
    /** Copies the maps. */
    public AluaGroup {
        Objects.requireNonNull(name, "name");
        settings = Maps.copy(settings);
        extra = Maps.copy(extra);
    }
}
