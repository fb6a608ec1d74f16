package org.sansdk.pacemaker.cib;

import java.util.Objects;

/**
 * One {@code <nvpair>}: a named value inside an attribute set.
 * Usage: {@code new NvPair("zfs-pool-instance_attributes-pool", "pool", "san-pool")}.
 *
 * @param id    the XML id (may be null when an id-ref is used)
 * @param name  attribute name
 * @param value attribute value (null when the pair only names, e.g. in some ACL or unset cases)
 */
public record NvPair(String id, String name, String value) {
    /** Validates. Usage: {@code new NvPair(null, "target-role", "Stopped")}. */
    public NvPair {
        Objects.requireNonNull(name, "name");
    }
}
