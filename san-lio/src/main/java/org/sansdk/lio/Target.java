package org.sansdk.lio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sansdk.lio.json.JsonValue;

/**
 * A target ({@code targets[]}): its WWN (an IQN/EUI for iSCSI, {@code naa.} for FC/SAS), the fabric module
 * name, the TPGs and target-level attributes/parameters (current rtslib writes
 * {@code cmd_completion_affinity} there).
 *
 * <pre>{@code Target t = Target.iscsi("iqn.2025-01.lab.home:storage-a", List.of(Tpg.of(1)));}</pre>
 */
public record Target(String wwn, String fabric, List<Tpg> tpgs, Map<String, Long> attributes,
                     Map<String, String> parameters, Map<String, JsonValue> extra) {

    /** Copies collections, refuses nulls. */
    public Target {
        Objects.requireNonNull(wwn, "wwn");
        Objects.requireNonNull(fabric, "fabric");
        tpgs = List.copyOf(tpgs);
        attributes = Maps.copy(attributes);
        parameters = Maps.copy(parameters);
        extra = Maps.copy(extra);
    }

    /** An iSCSI target. {@code Target.iscsi(iqn, List.of(Tpg.of(1)))} */
    public static Target iscsi(String wwn, List<Tpg> tpgs) {
        return new Target(wwn, "iscsi", tpgs, Map.of(), Map.of(), Map.of());
    }

    /** The TPG with {@code tag}, if any. {@code target.tpg(1)} */
    public Optional<Tpg> tpg(int tag) {
        return tpgs.stream().filter(t -> t.tag() == tag).findFirst();
    }

    /** This target with TPG {@code tag} replaced (or appended when absent). {@code target.withTpg(tpg)} */
    public Target withTpg(Tpg tpg) {
        List<Tpg> list = new ArrayList<>(tpgs);
        boolean replaced = false;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).tag() == tpg.tag()) {
                list.set(i, tpg);
                replaced = true;
                break;
            }
        }
        if (!replaced) {
            list.add(tpg);
        }
        return new Target(wwn, fabric, list, attributes, parameters, extra);
    }
}
