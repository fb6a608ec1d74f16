/**
 * The iSCSI initiator side of the SAN (open-iscsi): {@code iscsid.conf}, {@code initiatorname.iscsi},
 * {@code iscsiadm} commands and exit codes, parsers of what {@code iscsiadm} prints, node records written
 * without secrets on any command line, udev {@code /dev/disk/by-path} names and the mirror-leg ↔ session map.
 *
 * <pre>{@code SessionList s = Iscsiadm.on(executor).sessions();}</pre>
 */
package org.sansdk.iscsi;
