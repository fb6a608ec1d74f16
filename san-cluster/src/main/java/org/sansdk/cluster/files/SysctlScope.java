package org.sansdk.cluster.files;

/**
 * Where a kernel setting lives, which decides how it can be checked without changing the host: a
 * per-network-namespace key can be applied for real in a throw-away namespace; an initial-namespace key
 * ({@code net.core.rmem_max}) is refused there with "Invalid argument".
 *
 * <pre>{@code SanSysctl.scope("net.ipv4.ip_nonlocal_bind") == SysctlScope.NETWORK_NAMESPACE}</pre>
 */
public enum SysctlScope {
    /** One value per network namespace. */
    NETWORK_NAMESPACE,
    /** Exists only in the initial network namespace (global for the host). */
    INITIAL_NAMESPACE_ONLY
}
