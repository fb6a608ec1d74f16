/**
 * Implementation details of san-corosync (the known-keys table, the {@code sanctl parse} kinds
 * {@code corosync-conf}, {@code quorumtool}, {@code cfgtool}, {@code cmapctl}, registered through
 * {@link org.sansdk.core.spi.OutputParser}); not API and not exported.
 *
 * <pre>{@code // not for callers: use CorosyncConfParser, QuorumToolParser, CfgToolParser, CmapParser}</pre>
 */
package org.sansdk.corosync.internal;
