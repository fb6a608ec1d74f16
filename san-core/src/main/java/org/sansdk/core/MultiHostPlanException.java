package org.sansdk.core;

import java.util.List;

/**
 * A plan whose steps name more than one host was given a single {@link Executor}: applying it would run
 * every host's steps on one machine. Apply it with {@link Plan#applyTo(HostExecutors)} instead.
 *
 * <pre>{@code catch (MultiHostPlanException e) { plan.applyTo(HostExecutors.of(executorsByHost)); }}</pre>
 */
public class MultiHostPlanException extends SanException {
    private static final long serialVersionUID = 1L;
    private final List<String> hosts;

    /** Creates the exception for the plan title and the hosts its steps name (in first-step order). */
    public MultiHostPlanException(String planTitle, List<String> hosts) {
        super("plan \"" + planTitle + "\" has steps on " + hosts.size() + " hosts (" + String.join(", ", hosts)
                + "); one executor reaches one host: apply it with Plan.applyTo(HostExecutors)");
        this.hosts = List.copyOf(hosts);
    }

    /** The hosts the plan's steps name, in the order they first appear. */
    public List<String> hosts() {
        return hosts;
    }
}
