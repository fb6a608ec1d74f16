package org.sansdk.cluster.design;

import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * CHAP on the backend (replication) targets: the login each node's initiator uses at the peer's target and,
 * for mutual CHAP, the login the target answers with (must differ from the forward secret).
 * Usage: {@code new BackendChap(new ChapLogin("iscsi-repl-user", new SecretRef("backend-chap")), Optional.empty())}.
 *
 * @param forward the initiator's login
 * @param mutual  the target's login, if mutual
 */
public record BackendChap(ChapLogin forward, Optional<ChapLogin> mutual) {
    /** Refuses nulls. Usage: see type. */
    public BackendChap {
        Objects.requireNonNull(forward, "forward");
        Objects.requireNonNull(mutual, "mutual");
    }

    BackendChap mapSecrets(UnaryOperator<DesignSecret> f) {
        return new BackendChap(forward.mapSecrets(f), mutual.map(m -> m.mapSecrets(f)));
    }
}
