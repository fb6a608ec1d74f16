package org.sansdk.cluster.map;

import java.util.List;
import java.util.Objects;

/**
 * A secret the design refers to but that was not supplied, where it is used and how to supply it. Holds names
 * only, never a value.
 * Usage: {@code m.missingSecrets().forEach(s -> System.out.println(s.name() + " via " + s.environmentVariable()));}
 *
 * @param name                the secret's name in the design ({@code backend-chap})
 * @param usedAt              the design paths using it ({@code iscsi.backend_chap.password})
 * @param environmentVariable the variable {@code SecretSource.environment()} reads it from
 */
public record MissingSecret(String name, List<String> usedAt, String environmentVariable) {
    /** Copies. Usage: see type. */
    public MissingSecret {
        Objects.requireNonNull(name, "name");
        usedAt = List.copyOf(usedAt);
        Objects.requireNonNull(environmentVariable, "environmentVariable");
    }
}
