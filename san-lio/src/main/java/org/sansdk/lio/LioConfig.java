package org.sansdk.lio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sansdk.lio.json.JsonValue;

/**
 * A whole LIO configuration as {@code saveconfig.json} holds it: fabric modules, storage objects and
 * targets, plus top-level keys the model does not know. Immutable; the {@code with...} methods return
 * changed copies.
 *
 * <pre>{@code LioConfig cfg = SaveconfigParser.parse("saveconfig.json", text); cfg.targets().size();}</pre>
 */
public record LioConfig(List<FabricModule> fabricModules, List<StorageObject> storageObjects, List<Target> targets,
                        Map<String, JsonValue> extra) {

    /** Copies collections. */
    public LioConfig {
        fabricModules = List.copyOf(fabricModules);
        storageObjects = List.copyOf(storageObjects);
        targets = List.copyOf(targets);
        extra = Maps.copy(extra);
    }

    /** The empty configuration ({@code targetcli clearconfig}). {@code LioConfig.empty()} */
    public static LioConfig empty() {
        return new LioConfig(List.of(), List.of(), List.of(), Map.of());
    }

    /** The storage object a LUN path such as {@code /backstores/block/disk0} names. {@code cfg.storageObject(lun.storageObject())} */
    public Optional<StorageObject> storageObject(String path) {
        for (StorageObject so : storageObjects) {
            if (so.path().equals(path)) {
                return Optional.of(so);
            }
        }
        return Optional.empty();
    }

    /** The target with this WWN on any fabric. {@code cfg.target("iqn.2025-01.lab.home:storage-a")} */
    public Optional<Target> target(String wwn) {
        return targets.stream().filter(t -> t.wwn().equals(wwn)).findFirst();
    }

    /** This configuration with other storage objects. {@code cfg.withStorageObjects(list)} */
    public LioConfig withStorageObjects(List<StorageObject> list) {
        return new LioConfig(fabricModules, list, targets, extra);
    }

    /** This configuration with one storage object appended. {@code cfg.plusStorageObject(so)} */
    public LioConfig plusStorageObject(StorageObject so) {
        List<StorageObject> list = new ArrayList<>(storageObjects);
        list.add(so);
        return withStorageObjects(list);
    }

    /** This configuration with other targets. {@code cfg.withTargets(list)} */
    public LioConfig withTargets(List<Target> list) {
        return new LioConfig(fabricModules, storageObjects, list, extra);
    }

    /** This configuration with the target of the same WWN replaced (or appended). {@code cfg.withTarget(t)} */
    public LioConfig withTarget(Target target) {
        List<Target> list = new ArrayList<>(targets);
        boolean replaced = false;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).wwn().equals(target.wwn())) {
                list.set(i, target);
                replaced = true;
                break;
            }
        }
        if (!replaced) {
            list.add(target);
        }
        return withTargets(list);
    }

    /** This configuration with other fabric modules. {@code cfg.withFabricModules(List.of(fm))} */
    public LioConfig withFabricModules(List<FabricModule> list) {
        return new LioConfig(list, storageObjects, targets, extra);
    }
}
