/**
 * Live operations on a running cluster through {@code SanCluster}: a planned failover without pcs in the path
 * ({@link org.sansdk.cluster.ops.ClusterOperations#plannedFailover}), the pool's resilver progress, the
 * reintegration of a returning storage node (its legs back online, the resilver followed, failback held) and the
 * client target's LUN sync on the node that runs the pool. Every operation checks first and refuses with
 * {@link org.sansdk.cluster.ops.OperationRefusedException} naming every reason; what it does is reported step by
 * step with the time of each step.
 *
 * <pre>{@code FailoverReport r = cluster.plannedFailover("storage-b", FailoverOption.UNSTANDBY_AFTER);}</pre>
 */
package org.sansdk.cluster.ops;
