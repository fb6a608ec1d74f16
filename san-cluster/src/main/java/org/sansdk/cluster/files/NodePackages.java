package org.sansdk.cluster.files;

import org.sansdk.cluster.DistroFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.sansdk.core.Command;

/**
 * The packages a node needs and the systemd units to enable or disable, per distribution family and role. The
 * design's lists, corrected and completed:
 * <ul>
 * <li>every cluster member also gets {@code resource-agents} (the {@code ocf:heartbeat:ZFS}/{@code IPaddr2}
 * agents) and fence agents ({@code fence-agents}; {@code fence-agents-all} on RHEL): the design uses both but
 * installs neither;</li>
 * <li>on RHEL the initiator is {@code iscsi-initiator-utils} (the design's {@code open-iscsi} is the Debian
 * name);</li>
 * <li>on Debian, ZFS needs the kernel module too: {@code zfs-dkms} (contrib; it builds against the running
 * kernel's headers, {@code linux-headers-amd64} on amd64), and {@code zfs-zed} for fault events and
 * {@code autoreplace};</li>
 * <li>with {@link QuorumMode#QDEVICE}: {@code corosync-qdevice} on the cluster nodes and {@code corosync-qnetd}
 * (+ {@code pcs}) on the {@link PackageRole#QNETD_HOST};</li>
 * <li>units: besides the design's backend iSCSI services and {@code pcsd}, the pool must NOT be imported at boot
 * by {@code zfs-import-cache}/{@code zfs-import-scan} (only Pacemaker imports it), and {@code nmbd} and
 * {@code samba-ad-dc} are disabled with {@code smbd}; NFS is disabled as {@code nfs-server} (on Debian 12
 * {@code nfs-kernel-server.service} is only an alias of it).</li>
 * </ul>
 * No sg3 tools: nothing in this design (smart-plug fencing, no SCSI reservations) calls them. The Debian names
 * are checked with {@code apt-cache show} in the tests; the RHEL names could not be checked on the build
 * machines (no dnf or RHEL repositories there).
 *
 * <pre>{@code NodePackages p = new NodePackages(DistroFamily.DEBIAN, PackageRole.STORAGE_NODE, QuorumMode.THIRD_NODE_VOTES); p.installCommand();}</pre>
 *
 * @param family the distribution family
 * @param role   the node's role
 * @param quorum where the third vote comes from
 */
public record NodePackages(DistroFamily family, PackageRole role, QuorumMode quorum) {
    /** The Debian packages above that live in the contrib component (ZFS: CDDL), not main. */
    public static final Set<String> DEBIAN_CONTRIB = Set.of("zfsutils-linux", "zfs-dkms", "zfs-zed");

    /** Refuses nulls and a role that does not exist in the quorum mode. */
    public NodePackages {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(quorum, "quorum");
        if (family != DistroFamily.DEBIAN && family != DistroFamily.RHEL) {
            throw new HostFileInputException("FILES-PKG-003", "family", "package names are known for DEBIAN and RHEL"
                    + " families only, not " + family + ": the SDK does not guess them");
        }
        if (role == PackageRole.QUORUM_NODE && quorum == QuorumMode.QDEVICE) {
            throw new HostFileInputException("FILES-PKG-001", "role", "a QUORUM_NODE is the third member of"
                    + " THIRD_NODE_VOTES; with QDEVICE the third vote is a QNETD_HOST");
        }
        if (role == PackageRole.QNETD_HOST && quorum == QuorumMode.THIRD_NODE_VOTES) {
            throw new HostFileInputException("FILES-PKG-002", "role", "a QNETD_HOST only exists with QuorumMode.QDEVICE");
        }
    }

    private boolean debian() {
        return family == DistroFamily.DEBIAN;
    }

    /** The packages, in install order. {@code p.packages()} */
    public List<String> packages() {
        List<String> out = new ArrayList<>();
        if (role == PackageRole.QNETD_HOST) {
            out.addAll(List.of("corosync-qnetd", "pcs"));
            return List.copyOf(out);
        }
        out.addAll(List.of("pacemaker", "corosync", "pcs", "resource-agents", debian() ? "fence-agents" : "fence-agents-all"));
        if (quorum == QuorumMode.QDEVICE) {
            out.add("corosync-qdevice");
        }
        if (role == PackageRole.STORAGE_NODE) {
            if (debian()) {
                out.addAll(List.of("targetcli-fb", "open-iscsi", "zfsutils-linux", "zfs-dkms", "zfs-zed",
                        "nfs-kernel-server", "samba"));
            } else {
                out.addAll(List.of("targetcli", "python3-rtslib", "iscsi-initiator-utils", "zfs", "nfs-utils", "samba"));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The install command ({@code DEBIAN_FRONTEND=noninteractive apt-get install -y …} or {@code dnf install -y …}).
     * The repositories must be enabled first: Debian's contrib component for ZFS; on RHEL the HighAvailability
     * repository and the OpenZFS repository. {@code p.installCommand()}
     */
    public Command installCommand() {
        Command.Builder b = debian()
                ? Command.builder("apt-get").env("DEBIAN_FRONTEND", "noninteractive").args("install", "-y")
                : Command.builder("dnf").args("install", "-y");
        return b.args(packages()).build();
    }

    /** Units that must run on this node at all times, outside Pacemaker. {@code p.unitsToEnable()} */
    public List<String> unitsToEnable() {
        if (role == PackageRole.QNETD_HOST) {
            return List.of("corosync-qnetd", "pcsd");
        }
        List<String> out = new ArrayList<>();
        if (role == PackageRole.STORAGE_NODE) {
            out.addAll(debian() ? List.of("rtslib-fb-targetctl", "iscsid", "open-iscsi", "zfs-zed")
                    : List.of("target", "iscsid", "iscsi", "zfs-zed"));
        }
        out.addAll(List.of("pcsd", "corosync", "pacemaker"));
        if (quorum == QuorumMode.QDEVICE) {
            out.add("corosync-qdevice");
        }
        return List.copyOf(out);
    }

    /**
     * Units that must not start at boot: Pacemaker starts the services on the node holding the pool, and
     * only Pacemaker imports the pool. {@code p.unitsToDisable()}
     */
    public List<String> unitsToDisable() {
        if (role != PackageRole.STORAGE_NODE) {
            return List.of();
        }
        return debian() ? List.of("nfs-server", "smbd", "nmbd", "samba-ad-dc", "zfs-import-cache", "zfs-import-scan")
                : List.of("nfs-server", "smb", "nmb", "zfs-import-cache", "zfs-import-scan");
    }

    /**
     * The unit commands, in order: {@code systemctl enable --now} for the units that must run before the cluster
     * exists (backend iSCSI target and initiator, zed, pcsd); {@code systemctl enable} without {@code --now} for
     * the cluster stack (corosync, pacemaker, corosync-qdevice/-qnetd), which starts with {@code pcs cluster
     * start} or {@code pcs qdevice setup} once configured (Debian's corosync package ships a one-node
     * {@code corosync.conf}: starting it earlier forms a wrong cluster); {@code systemctl disable} for
     * {@link #unitsToDisable()} (disable only: a running service may already be Pacemaker's).
     * {@code p.unitCommands()}
     */
    public List<Command> unitCommands() {
        List<String> later = List.of("corosync", "pacemaker", "corosync-qdevice", "corosync-qnetd");
        List<String> now = unitsToEnable().stream().filter(u -> !later.contains(u)).toList();
        List<String> stack = unitsToEnable().stream().filter(later::contains).toList();
        List<Command> out = new ArrayList<>();
        out.add(Command.builder("systemctl").args("enable", "--now").args(now).build());
        out.add(Command.builder("systemctl").arg("enable").args(stack).build());
        if (!unitsToDisable().isEmpty()) {
            out.add(Command.builder("systemctl").arg("disable").args(unitsToDisable()).build());
        }
        return List.copyOf(out);
    }
}
