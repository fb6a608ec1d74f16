/**
 * The design mapped onto every tool: {@link org.sansdk.cluster.map.DesignMapping} turns a
 * {@link org.sansdk.cluster.design.SanDesign} into the typed inputs of san-corosync, san-iscsi, san-lio,
 * san-pacemaker and san-zfs, and {@link org.sansdk.cluster.map.FailoverTiming} estimates the failover time the
 * design really gives.
 *
 * <pre>{@code DesignMapping m = DesignMapping.of(design); CorosyncConf conf = m.corosync();}</pre>
 */
package org.sansdk.cluster.map;
