/**
 * Day two: {@code cluster.plan(changedDesign)} diffs a changed design against what each node runs and renders only the
 * changes, per node — the CIB patch, the LIO targets as desired state, iscsid.conf and the backend node record,
 * corosync.conf with the reload or restart it needs — as san-core {@link org.sansdk.core.Plan}s with a human summary.
 *
 * <pre>{@code ClusterChangePlan p = cluster.plan(changed); System.out.println(p.summary()); p.apply();}</pre>
 */
package org.sansdk.cluster.change;
