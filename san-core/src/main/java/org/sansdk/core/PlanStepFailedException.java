package org.sansdk.core;

/**
 * Applying a {@link Plan} stopped at a failed step; the steps before it were applied, none after it.
 *
 * <pre>{@code catch (PlanStepFailedException e) { System.err.println("step " + e.stepNumber() + ": " + e.step()); }}</pre>
 */
public class PlanStepFailedException extends SanException {
    private static final long serialVersionUID = 1L;
    private final int stepIndex;
    private final transient Plan.Step step;

    /** Creates the exception for the 0-based step index that failed. */
    public PlanStepFailedException(String planTitle, int stepIndex, Plan.Step step, Throwable cause) {
        super("plan \"" + planTitle + "\" stopped at step " + (stepIndex + 1) + " (" + step.describe() + "); steps 1-"
                + stepIndex + " were applied, the rest were not: " + cause.getMessage(), cause);
        this.stepIndex = stepIndex;
        this.step = step;
    }

    /** The 0-based index of the failed step. */
    public int stepIndex() {
        return stepIndex;
    }

    /** The 1-based step number, as printed. */
    public int stepNumber() {
        return stepIndex + 1;
    }

    /** The failed step. */
    public Plan.Step step() {
        return step;
    }
}
