package org.sansdk.cluster.design;

import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.sansdk.core.Iqn;

/**
 * One initiator allowed into a client VLAN's TPG (ACL mode), optionally with its own CHAP.
 * Usage: {@code AclEntry.of(Iqn.parse("iqn.2025-01.lab.home:proxmox-a"))}.
 *
 * @param iqn  the initiator's name
 * @param chap its CHAP login, if any
 */
public record AclEntry(Iqn iqn, Optional<ChapLogin> chap) {
    /** Refuses nulls. Usage: see type. */
    public AclEntry {
        Objects.requireNonNull(iqn, "iqn");
        Objects.requireNonNull(chap, "chap");
    }

    /** An entry without CHAP. Usage: {@code AclEntry.of(iqn)}. */
    public static AclEntry of(Iqn iqn) {
        return new AclEntry(iqn, Optional.empty());
    }

    /** An entry with CHAP. Usage: {@code AclEntry.of(iqn, new ChapLogin("proxmox-a", ref))}. */
    public static AclEntry of(Iqn iqn, ChapLogin chap) {
        return new AclEntry(iqn, Optional.of(chap));
    }

    AclEntry mapSecrets(UnaryOperator<DesignSecret> f) {
        return new AclEntry(iqn, chap.map(c -> c.mapSecrets(f)));
    }
}
