package org.sansdk.iscsi;

import java.util.Objects;
import java.util.Optional;
import org.sansdk.core.Secret;

/**
 * CHAP credentials of an initiator: the forward pair (the target checks the initiator) and, for mutual CHAP,
 * the pair the initiator checks the target with ({@code username_in}/{@code password_in}).
 *
 * <pre>{@code ChapCredentials.mutual("storage-a", Secret.of("…"), "storage-b", Secret.of("…"))}</pre>
 *
 * @param username   forward user name
 * @param password   forward secret
 * @param usernameIn mutual user name (the target's), if mutual
 * @param passwordIn mutual secret, if mutual
 */
public record ChapCredentials(String username, Secret password, Optional<String> usernameIn,
                              Optional<Secret> passwordIn) {
    /** Checks that the mutual parts come together. */
    public ChapCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (usernameIn.isPresent() != passwordIn.isPresent()) {
            throw new IllegalArgumentException("mutual CHAP needs both username_in and password_in");
        }
    }

    /** Forward CHAP only. */
    public static ChapCredentials oneWay(String username, Secret password) {
        return new ChapCredentials(username, password, Optional.empty(), Optional.empty());
    }

    /** Forward and mutual CHAP. */
    public static ChapCredentials mutual(String username, Secret password, String usernameIn, Secret passwordIn) {
        return new ChapCredentials(username, password, Optional.of(usernameIn), Optional.of(passwordIn));
    }

    /** True when mutual. */
    public boolean isMutual() {
        return usernameIn.isPresent();
    }

    @Override
    public String toString() {
        return "ChapCredentials[username=" + username + ", password=" + Secret.MASK
                + usernameIn.map(u -> ", usernameIn=" + u + ", passwordIn=" + Secret.MASK).orElse("") + "]";
    }
}
