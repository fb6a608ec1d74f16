/**
 * The SAN as one object: {@link org.sansdk.cluster.SanCluster} binds a design
 * ({@link org.sansdk.cluster.design.SanDesign}) to an executor per node and gives each node's tools;
 * node capabilities are probed once and followed.
 */
package org.sansdk.cluster;
