package org.sansdk.cluster.design;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.sansdk.core.Iqn;

/**
 * The iSCSI side of the design: the client-facing target's IQN, the backend initiator's timeouts and the backend CHAP.
 * Usage: {@code IscsiSettings.defaults().withReplacementTimeout(Duration.ofSeconds(5))}.
 *
 * @param clientTargetIqn    the client-facing target (must not share the backend targets' namespace)
 * @param replacementTimeout {@code node.session.timeo.replacement_timeout}
 * @param loginTimeout       {@code node.conn[0].timeo.login_timeout}
 * @param noopOutInterval    {@code node.conn[0].timeo.noop_out_interval}
 * @param noopOutTimeout     {@code node.conn[0].timeo.noop_out_timeout}
 * @param backendChap        backend CHAP, if used
 */
public record IscsiSettings(Optional<Iqn> clientTargetIqn, Duration replacementTimeout, Duration loginTimeout,
                            Duration noopOutInterval, Duration noopOutTimeout, Optional<BackendChap> backendChap) {
    /** Refuses nulls. Usage: see type. */
    public IscsiSettings {
        Objects.requireNonNull(clientTargetIqn, "clientTargetIqn");
        Objects.requireNonNull(replacementTimeout, "replacementTimeout");
        Objects.requireNonNull(loginTimeout, "loginTimeout");
        Objects.requireNonNull(noopOutInterval, "noopOutInterval");
        Objects.requireNonNull(noopOutTimeout, "noopOutTimeout");
        Objects.requireNonNull(backendChap, "backendChap");
    }

    /**
     * open-iscsi's own defaults (replacement 120 s, login 15 s, no-op 5 s / 5 s), no client target, no CHAP.
     * Usage: {@code IscsiSettings.defaults()}.
     */
    public static IscsiSettings defaults() {
        return new IscsiSettings(Optional.empty(), Duration.ofSeconds(120), Duration.ofSeconds(15), Duration.ofSeconds(5),
                Duration.ofSeconds(5), Optional.empty());
    }

    /** With another replacement timeout. Usage: {@code s.withReplacementTimeout(Duration.ofSeconds(5))}. */
    public IscsiSettings withReplacementTimeout(Duration d) {
        return new IscsiSettings(clientTargetIqn, d, loginTimeout, noopOutInterval, noopOutTimeout, backendChap);
    }

    IscsiSettings mapSecrets(UnaryOperator<DesignSecret> f) {
        return new IscsiSettings(clientTargetIqn, replacementTimeout, loginTimeout, noopOutInterval, noopOutTimeout,
                backendChap.map(c -> c.mapSecrets(f)));
    }
}
