/**
 * The live health of a {@link org.sansdk.cluster.SanCluster}: {@link org.sansdk.cluster.health.ClusterHealth} gathers
 * what crm_mon, corosync-quorumtool/-cfgtool, zpool status, iscsiadm and LIO's saveconfig say on each node into one
 * typed value with {@link org.sansdk.cluster.health.Finding}s, and {@link org.sansdk.cluster.health.PrometheusText}
 * writes it in Prometheus' text exposition format.
 *
 * <pre>{@code ClusterHealth h = cluster.status(); h.findings().forEach(System.out::println);}</pre>
 */
package org.sansdk.cluster.health;
