package org.sansdk.lab;

import org.sansdk.core.SanException;

/**
 * The lab could not be started, reached or torn down; the message says which step and what the node logs said.
 *
 * <pre>{@code try (Lab lab = Lab.start(d)) { ... } catch (LabException e) { System.err.println(e.getMessage()); }}</pre>
 */
public class LabException extends SanException {
    private static final long serialVersionUID = 1L;

    /** With a message. Usage: {@code throw new LabException("quorum not reached")}. */
    public LabException(String message) {
        super(message);
    }

    /** With a message and a cause. Usage: {@code throw new LabException("start failed", e)}. */
    public LabException(String message, Throwable cause) {
        super(message, cause);
    }
}
