package org.sansdk.lio;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sansdk.lio.json.JsonValue;

/**
 * A backstore ({@code storage_objects[]}): one record per rtslib plugin. Common to all: the name, the
 * integer {@code attributes}, the ALUA groups (absent in files from rtslib before ALUA support) and unknown
 * keys kept for the round trip.
 *
 * <pre>{@code if (so instanceof BlockStorageObject b) System.out.println(b.dev());}</pre>
 */
public sealed interface StorageObject
        permits BlockStorageObject, FileioStorageObject, RamdiskStorageObject, PscsiStorageObject,
        UserStorageObject {

    /** The backstore name, unique per plugin. */
    String name();

    /** The rtslib plugin name: {@code block}, {@code fileio}, {@code ramdisk}, {@code pscsi} or {@code user}. */
    String plugin();

    /** Integer device attributes such as {@code emulate_tpu}, {@code block_size}. */
    Map<String, Long> attributes();

    /** The ALUA groups, empty Optional when the file has no {@code alua_tpgs} key. */
    Optional<List<AluaGroup>> aluaTpgs();

    /** Keys the model does not know, kept verbatim (validation flags them: rtslib's restore refuses them). */
    Map<String, JsonValue> extra();

    /** The path LUNs use to point here: {@code /backstores/<plugin>/<name>}. {@code so.path()} */
    default String path() {
        return "/backstores/" + plugin() + "/" + name();
    }
}
