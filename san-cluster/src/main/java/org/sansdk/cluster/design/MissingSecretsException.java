package org.sansdk.cluster.design;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sansdk.core.SanException;

/**
 * Secrets the design references were not supplied: lists every missing name (and where the design uses it),
 * never a value.
 *
 * <pre>{@code catch (MissingSecretsException e) { e.names().forEach(System.err::println); }}</pre>
 */
public class MissingSecretsException extends SanException {
    private static final long serialVersionUID = 1L;

    private final List<String> names;
    private final transient Map<String, List<String>> usedAt;

    /**
     * Creates the error. Usage: {@code new MissingSecretsException(List.of("x"), Map.of("x", List.of("fencing[0].secrets.password")))}.
     *
     * @param names  the missing names, in design order
     * @param usedAt per name, the design paths using it
     */
    public MissingSecretsException(List<String> names, Map<String, List<String>> usedAt) {
        super(message(names, usedAt));
        this.names = List.copyOf(names);
        this.usedAt = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(usedAt));
    }

    private static String message(List<String> names, Map<String, List<String>> usedAt) {
        StringBuilder b = new StringBuilder(names.size() + " secret(s) not supplied:");
        for (String n : names) {
            b.append(' ').append(n);
            List<String> at = usedAt.getOrDefault(n, List.of());
            if (!at.isEmpty()) {
                b.append(" (used at ").append(String.join(", ", at)).append(')');
            }
            b.append(';');
        }
        return b.toString();
    }

    /** The missing names, in design order. Usage: {@code e.names()}. */
    public List<String> names() {
        return names;
    }

    /** Per missing name, the design paths using it. Usage: {@code e.usedAt().get("backend-chap")}. */
    public Map<String, List<String>> usedAt() {
        return usedAt == null ? Map.of() : usedAt;
    }
}
