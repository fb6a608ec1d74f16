/**
 * The {@code sanctl parse} kinds of san-corosync ({@code corosync-conf}, {@code quorumtool}, {@code cfgtool},
 * {@code cmapctl}), registered through {@link org.sansdk.core.spi.OutputParser}.
 *
 * <pre>{@code new QuorumtoolOutputParser().parse("q.txt", text)}</pre>
 */
package org.sansdk.corosync.cli;
