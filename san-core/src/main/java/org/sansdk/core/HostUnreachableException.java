package org.sansdk.core;

/**
 * A remote host could not be reached (ssh exit 255: connection refused, timeout, authentication).
 *
 * <pre>{@code catch (HostUnreachableException e) { markDown(e.host()); }}</pre>
 */
public class HostUnreachableException extends SanException {
    private static final long serialVersionUID = 1L;
    private final String host;

    /** Creates the exception for a host with ssh's own explanation. */
    public HostUnreachableException(String host, String detail) {
        super("host " + host + " is unreachable: " + (detail == null || detail.isBlank() ? "no detail" : detail.strip())
                + " (check the address, that sshd runs, and that key-based login works with BatchMode=yes)");
        this.host = host;
    }

    /** The host name or address. */
    public String host() {
        return host;
    }
}
