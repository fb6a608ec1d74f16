/**
 * The plain host files a SAN node needs besides the cluster stack: {@code /etc/exports} and
 * {@code /etc/nfs.conf} ({@link org.sansdk.cluster.files.NfsExports}, {@link org.sansdk.cluster.files.NfsConf}),
 * {@code smb.conf} ({@link org.sansdk.cluster.files.SmbConf}), {@code /etc/sysctl.d/90-san.conf}
 * ({@link org.sansdk.cluster.files.SanSysctl}), {@code /etc/modprobe.d/zfs.conf}
 * ({@link org.sansdk.cluster.files.ZfsModprobeConf}), the encrypted CHAP env file
 * ({@link org.sansdk.cluster.files.EncryptedChapEnv}) and the packages and units per distribution
 * ({@link org.sansdk.cluster.files.NodePackages}). Each renderer takes its own small input record, validates it
 * ({@link org.sansdk.cluster.files.HostFileInputException} names the field) and returns a
 * {@link org.sansdk.cluster.files.HostFile}: same input, same bytes.
 *
 * <pre>{@code HostFile f = NfsExports.render(List.of(NfsExport.of("/san-pool/nfs", NfsClient.of("10.30.30.0/24", "rw", "sync", "no_subtree_check"))));}</pre>
 */
package org.sansdk.cluster.files;
