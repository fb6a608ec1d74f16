package org.sansdk.cluster.ops;

import java.util.List;
import org.sansdk.core.SanException;

/**
 * An operation refused before changing anything, naming every reason found (not only the first).
 * Usage: {@code catch (OperationRefusedException e) { e.refusals().forEach(System.out::println); }}
 */
public final class OperationRefusedException extends SanException {
    private static final long serialVersionUID = 1L;
    private final String operation;
    private final transient List<Refusal> refusals;

    /** Usage: {@code throw new OperationRefusedException("planned failover to storage-b", refusals)}. */
    public OperationRefusedException(String operation, List<Refusal> refusals) {
        super(operation + " refused: " + String.join("; ", refusals.stream().map(Refusal::toString).toList()));
        this.operation = operation;
        this.refusals = List.copyOf(refusals);
    }

    /** The operation refused. Usage: {@code e.operation()}. */
    public String operation() {
        return operation;
    }

    /** Every reason, in check order. Usage: {@code e.refusals()}. */
    public List<Refusal> refusals() {
        return refusals;
    }

    /** Whether a reason is among the refusals. Usage: {@code e.has(Refusal.Reason.NO_QUORUM)}. */
    public boolean has(Refusal.Reason reason) {
        return refusals.stream().anyMatch(r -> r.reason() == reason);
    }
}
