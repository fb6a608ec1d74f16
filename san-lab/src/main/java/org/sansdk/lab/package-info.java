/**
 * The lab kit (test support): a real three-node Pacemaker/Corosync cluster in network namespaces, configured from
 * what san-cluster renders for a {@link org.sansdk.lab.LabDesign}, torn down without leftovers by
 * {@link org.sansdk.lab.Lab#close()}, a shutdown hook, or {@link org.sansdk.lab.Lab#reapStale()} after a killed JVM.
 *
 * <pre>{@code try (Lab lab = Lab.start(LabDesign.standard())) { lab.node("quorum").corosync().quorum(); }}</pre>
 */
package org.sansdk.lab;
