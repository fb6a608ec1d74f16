/**
 * san-corosync: corosync.conf as a model that round-trips byte for byte ({@link org.sansdk.corosync.CorosyncConfParser},
 * {@link org.sansdk.corosync.CorosyncConfWriter}, {@link org.sansdk.corosync.CorosyncConfBuilder}), the rules a
 * config must keep ({@link org.sansdk.corosync.CorosyncValidator}, {@link org.sansdk.corosync.CorosyncRule}), the
 * timing corosync derives ({@link org.sansdk.corosync.TotemTiming}), the corosync-keygen equivalent
 * ({@link org.sansdk.corosync.CorosyncAuthKey}), and the status tools through one facade
 * ({@link org.sansdk.corosync.Corosync#on(org.sansdk.core.Executor)}).
 *
 * <pre>{@code QuorumStatus q = Corosync.on(executor).quorum();}</pre>
 */
package org.sansdk.corosync;
