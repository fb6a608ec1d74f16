package org.sansdk.lio;

import java.util.Set;

/** The keys rtslib-fb writes and its restore accepts, per object kind (shared by parser, writer, validator). */
final class SaveconfigKeys {
    private SaveconfigKeys() {
    }

    /** Typed plugin-specific storage object keys (besides name, plugin, attributes, alua_tpgs). */
    static final Set<String> BLOCK = Set.of("dev", "wwn", "readonly", "write_back");
    static final Set<String> FILEIO = Set.of("dev", "wwn", "size", "write_back", "aio");
    static final Set<String> RAMDISK = Set.of("size", "nullio", "wwn");
    static final Set<String> PSCSI = Set.of("dev");
    static final Set<String> USER = Set.of("config", "size", "wwn", "hw_max_sectors", "control");

    /** Keys the parser keeps in extra() on purpose (null values of typed optional keys). */
    static final Set<String> LUN_NULLABLE = Set.of("alias", "alua_tg_pt_gp_name");
}
