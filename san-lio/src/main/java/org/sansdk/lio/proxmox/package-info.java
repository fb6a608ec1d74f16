/**
 * Proxmox ZFS-over-iSCSI (LIO provider) LUN service and conformance check.
 */
package org.sansdk.lio.proxmox;
