package org.sansdk.core;

/**
 * Which {@link Executor} reaches which host: how a {@link Plan} whose steps name several hosts is applied
 * with each step on its own host. A cluster object implements it; a map does too.
 *
 * <pre>{@code plan.applyTo(HostExecutors.of(Map.of("storage-a", sshA, "storage-b", sshB)));}</pre>
 */
@FunctionalInterface
public interface HostExecutors {
    /**
     * The executor for {@code host}.
     *
     * @throws UnknownHostException when no executor is known for that host
     */
    Executor executorFor(String host);

    /** A fixed mapping; a host that is not in it is refused with {@link UnknownHostException}. */
    static HostExecutors of(java.util.Map<String, ? extends Executor> executors) {
        java.util.Map<String, Executor> copy = java.util.Map.copyOf(executors);
        return host -> {
            Executor e = copy.get(host);
            if (e == null) {
                throw new UnknownHostException(host, new java.util.TreeSet<>(copy.keySet()));
            }
            return e;
        };
    }

    /** No executor is known for a host a plan step names. */
    final class UnknownHostException extends SanException {
        private static final long serialVersionUID = 1L;
        private final String host;

        /** Creates the exception naming the host and the hosts that are known. */
        public UnknownHostException(String host, java.util.Collection<String> known) {
            super("no executor for host \"" + host + "\"; known hosts: " + String.join(", ", known));
            this.host = host;
        }

        /** The host nobody reaches. */
        public String host() {
            return host;
        }
    }
}
