/**
 * The whole SAN design as one typed, immutable value: {@link org.sansdk.cluster.design.SanDesign} (nodes, networks,
 * client VLANs, disks, pool, corosync timing, iSCSI timeouts and CHAP, fencing, placement, ZFS tunables), its
 * secrets by reference ({@link org.sansdk.cluster.design.SecretRef} resolved through a
 * {@link org.sansdk.cluster.design.SecretSource}), and the readers of a design file
 * ({@code SanDesignYaml}) and of an existing Ansible inventory ({@code AnsibleInventoryImport}).
 *
 * <pre>{@code SanDesign d = SanDesignYaml.read(Path.of("examples/designs/reference.yml"));}</pre>
 */
package org.sansdk.cluster.design;
