package org.sansdk.corosync;

import java.time.Duration;

/**
 * The totem timing a running corosync reports ({@code runtime.config.totem.token} and {@code .consensus} in
 * cmap): what it really uses, after the token coefficient and derived consensus are applied.
 *
 * <pre>{@code Duration d = Corosync.on(executor).runtimeTiming().failureDetection();}</pre>
 *
 * @param token     the effective token
 * @param consensus the consensus timeout
 */
public record RuntimeTiming(Duration token, Duration consensus) {
    /** Time from a node's silence until the membership changes: token + consensus. */
    public Duration failureDetection() {
        return token.plus(consensus);
    }
}
