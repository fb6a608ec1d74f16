package org.sansdk.cluster.design;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A CHAP user name and its secret.
 * Usage: {@code new ChapLogin("proxmox-shared", new SecretRef("hypervisor-tpg-chap"))}.
 *
 * @param user     the CHAP user name
 * @param password the CHAP secret
 */
public record ChapLogin(String user, DesignSecret password) {
    /** Refuses nulls. Usage: see type. */
    public ChapLogin {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    ChapLogin mapSecrets(UnaryOperator<DesignSecret> f) {
        return new ChapLogin(user, f.apply(password));
    }
}
