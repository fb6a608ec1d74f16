package org.sansdk.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A model broke one or more rules. Carries every violation found, not only the first.
 *
 * <pre>{@code catch (ValidationException e) { e.violations().forEach(v -> System.err.println(v.ruleId())); }}</pre>
 */
public class ValidationException extends SanException {
    private static final long serialVersionUID = 1L;
    private final transient List<Violation> violations;

    /** Creates the exception from a non-empty list of violations. */
    public ValidationException(List<Violation> violations) {
        super(format(violations));
        this.violations = List.copyOf(violations);
    }

    private static String format(List<Violation> violations) {
        if (violations == null || violations.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one violation");
        }
        return violations.size() + " rule violation" + (violations.size() == 1 ? "" : "s") + ":\n"
                + violations.stream().map(v -> "  " + v).collect(Collectors.joining("\n"));
    }

    /** Every violation, in the order found. */
    public List<Violation> violations() {
        return violations;
    }

    /** Throws a {@code ValidationException} when the list is not empty; for {@code validate()} methods. */
    public static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }
}
