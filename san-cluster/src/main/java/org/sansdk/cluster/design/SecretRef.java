package org.sansdk.cluster.design;

import java.util.List;
import java.util.Map;
import org.sansdk.core.Secret;

/**
 * A secret the design names but does not contain: supplied at use time by a {@link SecretSource}
 * ({@code secret: NAME} in a design file; an Ansible {@code !vault} value, named by its variable path).
 *
 * <pre>{@code new SecretRef("fence-storage-a-password")}</pre>
 *
 * @param name the name a {@link SecretSource} looks up: letters, digits, {@code . _ -} and {@code [ ]}
 */
public record SecretRef(String name) implements DesignSecret {
    /** Validates the name. Usage: see type. */
    public SecretRef {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._\\-\\[\\]]{0,199}")) {
            throw new IllegalArgumentException("a secret name is 1-200 characters of letters, digits, . _ - [ ] "
                    + "starting with a letter or digit: '" + name + "'");
        }
    }

    /**
     * Always refused: a reference has no value until resolved.
     * Usage: {@code design.withSecrets(source)} first.
     *
     * @throws MissingSecretsException always
     */
    @Override
    public Secret value() {
        throw new MissingSecretsException(List.of(name), Map.of(name, List.of()));
    }
}
