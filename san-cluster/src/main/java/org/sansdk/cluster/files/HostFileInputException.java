package org.sansdk.cluster.files;

import java.util.List;
import org.sansdk.core.ValidationException;
import org.sansdk.core.Violation;

/**
 * A renderer's input broke a rule: {@link #field()} names the offending input field (for example
 * {@code exports[1].clients[0].options}); the message says what is wrong and what to do, and never holds a
 * secret value.
 *
 * <pre>{@code catch (HostFileInputException e) { System.err.println(e.field() + ": " + e.getMessage()); }}</pre>
 */
public class HostFileInputException extends ValidationException {
    private static final long serialVersionUID = 1L;
    private final String field;

    /** Creates the exception for one field; {@code ruleId} is stable and greppable (for example {@code FILES-NFS-003}). */
    public HostFileInputException(String ruleId, String field, String message) {
        super(List.of(new Violation(ruleId, field, message)));
        this.field = field;
    }

    /** The input field that broke the rule. */
    public String field() {
        return field;
    }

    /** The stable rule id. */
    public String ruleId() {
        return violations().get(0).ruleId();
    }
}
