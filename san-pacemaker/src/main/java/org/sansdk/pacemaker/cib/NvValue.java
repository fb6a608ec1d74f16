package org.sansdk.pacemaker.cib;

import java.util.Objects;
import java.util.Optional;
import org.sansdk.core.Secret;

/**
 * The value of an {@link NvPair}: plain text, or a {@link Secret} (a fence agent's password or SNMP community). The
 * type, not the parameter's name, decides whether a value is masked and kept off argv: a value is secret because the
 * caller said so ({@code FencingDevice.withSecret}, {@code Primitive.Builder.instanceSecret}); a CIB parsed from XML
 * has only plain values (nothing in the XML says which are secret).
 * Usage: {@code pair.value() instanceof NvValue.SecretValue s ? s.secret() : null}.
 */
public sealed interface NvValue permits NvValue.Plain, NvValue.SecretValue {
    /** A plain value. Usage: {@code NvValue.plain("10.20.20.101")}. */
    static NvValue plain(String text) {
        return new Plain(text);
    }

    /** A secret value. Usage: {@code NvValue.secret(Secret.of(pw))}. */
    static NvValue secret(Secret secret) {
        return new SecretValue(secret);
    }

    /**
     * The text Pacemaker must receive (the secret in clear): only for the CIB XML that goes to cibadmin on stdin or
     * into a CIB file. Usage: internal to the writers.
     */
    String reveal();

    /** The text when the value is plain; empty for a secret. Usage: {@code value.plain().orElse(null)}. */
    Optional<String> plain();

    /** The value as shown anywhere but the CIB itself: the text, or {@code ****} for a secret. Usage: {@code value.display()}. */
    String display();

    /** True for a {@link SecretValue}. Usage: {@code value.isSecret()}. */
    default boolean isSecret() {
        return this instanceof SecretValue;
    }

    /** True when both carry the same text (a parsed plain password equals the same {@link Secret}). Usage: internal (plans compare by value). */
    default boolean sameText(NvValue other) {
        return other != null && reveal().equals(other.reveal());
    }

    /**
     * Plain text.
     *
     * @param text the value
     */
    record Plain(String text) implements NvValue {
        /** Validates. Usage: {@code new NvValue.Plain("x")}. */
        public Plain {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String reveal() {
            return text;
        }

        @Override
        public Optional<String> plain() {
            return Optional.of(text);
        }

        @Override
        public String display() {
            return text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * A secret: never shown ({@code ****} in toString, JSON, plans, messages), never on argv by default.
     *
     * @param secret the secret
     */
    record SecretValue(Secret secret) implements NvValue {
        /** Validates. Usage: {@code new NvValue.SecretValue(Secret.of(pw))}. */
        public SecretValue {
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String reveal() {
            return secret.reveal();
        }

        @Override
        public Optional<String> plain() {
            return Optional.empty();
        }

        @Override
        public String display() {
            return Secret.MASK;
        }

        @Override
        public String toString() {
            return Secret.MASK;
        }
    }
}
