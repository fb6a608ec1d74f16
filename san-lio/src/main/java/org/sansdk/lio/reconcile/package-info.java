/**
 * LIO as desired state: {@link org.sansdk.lio.reconcile.LioReconciler} turns a node's current configuration into a
 * desired one with the smallest targetcli batch (never renumbering a LUN), and
 * {@link org.sansdk.lio.reconcile.LioLock} is the node-level lock every change to a node's LIO configuration holds.
 *
 * <pre>{@code SyncPlan p = LioReconciler.toward(desired).plan(current); System.out.println(p);}</pre>
 */
package org.sansdk.lio.reconcile;
