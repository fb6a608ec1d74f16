package org.sansdk.cluster.design;

import java.util.Objects;
import org.sansdk.core.Secret;

/**
 * A secret of the design: either a {@link Secret} value ({@link Given}) or a {@link SecretRef} naming a value that
 * must be supplied through a {@link SecretSource} before anything is rendered. Nothing is ever guessed or defaulted.
 *
 * <pre>{@code DesignSecret pw = DesignSecret.of(Secret.of(System.getenv("CHAP"))); DesignSecret ref = new SecretRef("backend-chap");}</pre>
 */
public sealed interface DesignSecret permits DesignSecret.Given, SecretRef {

    /** A given value. Usage: {@code DesignSecret.of(Secret.of("…"))}. */
    static DesignSecret of(Secret value) {
        return new Given(value);
    }

    /**
     * The value; a {@link SecretRef} that was not resolved ({@link SanDesign#withSecrets(SecretSource)}) is refused.
     * Usage: {@code Secret s = d.iscsi().backendChap().orElseThrow().forward().password().value();}
     *
     * @throws MissingSecretsException for an unresolved reference
     */
    Secret value();

    /**
     * A secret value; {@code toString()} is the mask.
     * Usage: {@code new DesignSecret.Given(Secret.of("…"))}.
     *
     * @param secret the value
     */
    record Given(Secret secret) implements DesignSecret {
        /** Refuses null. Usage: see type. */
        public Given {
            Objects.requireNonNull(secret, "secret");
        }

        /** The value. Usage: {@code g.value()}. */
        @Override
        public Secret value() {
            return secret;
        }

        /** Never the value. Usage: {@code g.toString()}. */
        @Override
        public String toString() {
            return Secret.MASK;
        }
    }
}
