/**
 * LIO (Linux kernel iSCSI target) configuration: the {@code saveconfig.json} model ({@link org.sansdk.lio.LioConfig}),
 * its rtslib-exact reader and writer ({@link org.sansdk.lio.SaveconfigParser}, {@link org.sansdk.lio.SaveconfigWriter}),
 * rule-checked validation ({@link org.sansdk.lio.LioValidator}) and atomic 0600 writes
 * ({@link org.sansdk.lio.SaveconfigFile}).
 *
 * <pre>{@code LioConfig cfg = SaveconfigFile.read(SaveconfigFile.Distro.DEBIAN.path()).config();}</pre>
 */
package org.sansdk.lio;
