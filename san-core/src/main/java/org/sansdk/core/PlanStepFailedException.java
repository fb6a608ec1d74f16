package org.sansdk.core;

/**
 * Applying a {@link Plan} stopped at a failed step; the steps before it were applied, none after it.
 *
 * <pre>{@code catch (PlanStepFailedException e) { System.err.println("step " + e.stepNumber() + ": " + e.step()); }}</pre>
 */
public class PlanStepFailedException extends SanException {
    private static final long serialVersionUID = 1L;
    private final String planTitle;
    private final int stepIndex;
    private final transient Plan.Step step;

    /** Creates the exception for the 0-based step index that failed. */
    public PlanStepFailedException(String planTitle, int stepIndex, Plan.Step step, Throwable cause) {
        super("plan \"" + planTitle + "\" stopped at step " + (stepIndex + 1) + " (" + step.describe() + "); "
                + (stepIndex == 0 ? "no step was applied" : "steps 1-" + stepIndex + " were applied")
                + ", the rest were not" + (step.idempotent() ? " (resume with plan.resumeFrom(this))"
                : " (the step is not idempotent: check it, then plan.resumeAfter(this))") + ": " + cause.getMessage(), cause);
        this.planTitle = planTitle;
        this.stepIndex = stepIndex;
        this.step = step;
    }

    /** The title of the plan that stopped. */
    public String planTitle() {
        return planTitle;
    }

    /** How many steps were applied before the failed one. */
    public int stepsApplied() {
        return stepIndex;
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
