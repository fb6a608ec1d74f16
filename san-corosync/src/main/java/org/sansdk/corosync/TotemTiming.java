package org.sansdk.corosync;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * The totem timing corosync 3 derives from a corosync.conf ({@code exec/totemconfig.c}): with more than two
 * nodes the token it runs with is {@code token + (nodes - 2) × token_coefficient}; {@code consensus}
 * defaults to 1.2 × that effective token. Membership changes (and fencing can start) only after the token is
 * lost and consensus runs out, so {@link #failureDetection()} is their sum: the first term of any
 * unplanned failover.
 *
 * <pre>{@code TotemTiming t = TotemTiming.of(3, Duration.ofMillis(4000)); t.effectiveToken(); // 4650 ms}</pre>
 *
 * @param nodes             nodes in the nodelist
 * @param token             {@code totem.token} (corosync 3 default 3000 ms)
 * @param tokenCoefficient  {@code totem.token_coefficient} (default 650 ms)
 * @param configuredConsensus {@code totem.consensus} when set, else {@link Duration#ZERO} meaning "derived"
 */
public record TotemTiming(int nodes, Duration token, Duration tokenCoefficient, Duration configuredConsensus) {

    /** corosync 3's default {@code totem.token}. */
    public static final Duration DEFAULT_TOKEN = Duration.ofMillis(3000);
    /** corosync's default {@code totem.token_coefficient}. */
    public static final Duration DEFAULT_TOKEN_COEFFICIENT = Duration.ofMillis(650);

    /** Validates. */
    public TotemTiming {
        if (nodes < 0 || token.isNegative() || tokenCoefficient.isNegative() || configuredConsensus.isNegative()) {
            throw new IllegalArgumentException("nodes and durations must not be negative");
        }
    }

    /** Timing with the default coefficient and derived consensus. */
    public static TotemTiming of(int nodes, Duration token) {
        return new TotemTiming(nodes, token, DEFAULT_TOKEN_COEFFICIENT, Duration.ZERO);
    }

    /** Timing with the default coefficient and an explicit consensus. */
    public static TotemTiming of(int nodes, Duration token, Duration consensus) {
        return new TotemTiming(nodes, token, DEFAULT_TOKEN_COEFFICIENT, consensus);
    }

    /** The timing a config gives (values that are not numbers count as unset; the validator reports them). */
    public static TotemTiming of(CorosyncConf conf) {
        long token = number(conf.value("totem.token").orElse(null)).orElse(DEFAULT_TOKEN.toMillis());
        long coeff = number(conf.value("totem.token_coefficient").orElse(null)).orElse(DEFAULT_TOKEN_COEFFICIENT.toMillis());
        long cons = number(conf.value("totem.consensus").orElse(null)).orElse(0);
        return new TotemTiming(conf.nodes().size(), Duration.ofMillis(token), Duration.ofMillis(coeff), Duration.ofMillis(cons));
    }

    /** Whether {@code totem.consensus} was set (otherwise corosync derives it). */
    public boolean consensusConfigured() {
        return !configuredConsensus.isZero();
    }

    /** The token corosync runs with ({@code runtime.config.totem.token}). */
    public Duration effectiveToken() {
        if (nodes <= 2) {
            return token;
        }
        return token.plus(tokenCoefficient.multipliedBy(nodes - 2L));
    }

    /** The consensus corosync runs with: the configured one, or {@code (int)(1.2 × effective token)}. */
    public Duration consensus() {
        if (consensusConfigured()) {
            return configuredConsensus;
        }
        return Duration.ofMillis((long) (float) (1.2 * effectiveToken().toMillis()));
    }

    /** The smallest consensus the SDK accepts: 1.2 × the effective token (rounded up to a whole ms). */
    public Duration minimumConsensus() {
        return Duration.ofMillis((effectiveToken().toMillis() * 12 + 9) / 10);
    }

    /** Time from a node's silence until the membership changes: effective token + consensus. */
    public Duration failureDetection() {
        return effectiveToken().plus(consensus());
    }

    static OptionalLong number(String v) {
        if (v == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
