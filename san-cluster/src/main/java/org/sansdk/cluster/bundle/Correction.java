package org.sansdk.cluster.bundle;

import java.util.List;
import java.util.Objects;

/**
 * A place where the design document is wrong or unsafe and what the bundle does instead. REPORT.md prints
 * {@link #ALL}.
 * Usage: {@code Correction.ALL.forEach(c -> System.out.println(c.section() + ": " + c.sdk()));}
 *
 * @param section  where in the design document
 * @param document what it says
 * @param sdk      what the bundle renders
 * @param why      why
 */
public record Correction(String section, String document, String sdk, String why) {
    /** Every correction, in document order. */
    public static final List<Correction> ALL = List.of(
            new Correction("3, iscsid.conf", "`node.session.auth.password = secretpassword` in iscsid.conf",
                    "iscsid.conf holds no CHAP secret; the login is in the 0600 node record of the peer's backend target"
                            + " (`/etc/iscsi/nodes/…/default`)",
                    "iscsid.conf is a template for every future record and is often world-readable; the node record is what"
                            + " iscsid reads at login, and never passes through a command line"),
            new Correction("3, 5, 10 (iscsid.conf, corosync.conf, modprobe, smb.conf)", "trailing `# comment` after values"
                    + " (`replacement_timeout = 5 # Fast failover`, `token: 4000 # …`, `vfs objects = shadow_copy2 # …`)",
                    "every comment on its own line", "corosync reads `4000 # …` as the value (refused for numbers), open-iscsi and"
                            + " Samba keep the text as part of the value"),
            new Correction("3, targetcli", "`set auth userid=iscsiuser password=secretpassword` typed into a shell",
                    "one targetcli batch on stdin from a 0600 file; explicit mapped LUN numbers; default 0.0.0.0 portal removed",
                    "a password on a command line is visible in ps and shell history; auto-mapped LUN numbers can differ from the"
                            + " TPG's"),
            new Correction("4, zpool create", "`/dev/disk/by-path/<iscsi-lun0-from-b>` placeholders",
                    "the peer's LUN N data partition by udev's by-path name "
                            + "(`ip-ADDR:3260-iscsi-TARGET-lun-N-part1`, san-iscsi's codec)",
                    "a placeholder cannot run; the name is what udev creates for the peer's LUN N, so each mirror pairs disk N"
                            + " with the peer's disk N"),
            new Correction("4, multihost", "`-o multihost=on` with nothing about host ids",
                    "`zgenhostid` with the design's distinct host ids on both storage nodes before the pool is created",
                    "multihost only tells importers apart by host id: equal or zero ids disable the protection"),
            new Correction("5, corosync totem", "`consensus: 4800 # 1.2× token timeout`",
                    "consensus left out: corosync derives 1.2 × the effective token (4650 ms with three nodes → 5580 ms)",
                    "with three nodes the effective token is token + 650 ms, so 4800 is below 1.2 × it (COROSYNC-CONSENSUS)"),
            new Correction("5, corosync nodelist", "quorum node with ring0 only (`# No ring1`)",
                    "the quorum node gets a second link on the storage VLAN (ring1_addr)",
                    "corosync -t refuses a nodelist whose nodes have different link counts (exit 8)"),
            new Correction("5, Pacemaker constraints", "`order zfs-pool then san-services` without colocation",
                    "order AND colocation (INFINITY) of san-services with zfs-pool",
                    "order alone does not keep the services on the node that imported the pool"),
            new Correction("5, quorum ban", "`-INFINITY` on the quorum node for san-services only",
                    "the pool resource (and every group) banned from the quorum node too",
                    "zfs-pool could otherwise be started on the quorum node (and fail there or block)"),
            new Correction("5, fencing", "`pcs stonith create … external/smart-plug ip=… plug=…`",
                    "the design's fence agent, pcmk_host_list from the node, banned from the node it fences, credentials in the"
                            + " CIB (0600) or via cibadmin stdin",
                    "external/smart-plug does not exist; a fence password on pcs's argv is visible in ps"),
            new Correction("11, cluster set-up", "`pcs cluster auth … -u hacluster -p <password>`, `pcs cluster setup`",
                    "corosync.conf rendered by the SDK; `pcs host auth NODES -u hacluster` reading the password on stdin from a"
                            + " 0600 file",
                    "-p puts the hacluster password on argv; pcs cluster setup misreads a node named `quorum`"),
            new Correction("4, datasets", "`zfs create -o sharenfs=on san-pool/nfs`, `-o sharesmb=on san-pool/smb`",
                    "datasets exported only through /etc/exports and smb.conf (`datasets[].nfs/.smb`); sharenfs/sharesmb=on refused",
                    "sharenfs=on exports the dataset to everyone with default options, beside the VIP-bound exports"),
            new Correction("7, NFS and SMB", "`/etc/exports` and `smb.conf` symlinked into /san-pool/cluster-config",
                    "both rendered as ordinary files, the same bytes on both storage nodes",
                    "the link dangles on the standby node and at boot before the import, so exportfs/smbd read nothing there"),
            new Correction("7, nfs.conf", "`vers4 = y`, `vers4.1 = y` only",
                    "every version switch written; NFSv3 off unless asked",
                    "v3 stays on by default and needs rpcbind/mountd/statd, which `host =` does not bind to the VIP"),
            new Correction("7, CHAP file", "passwords \"never stored in plaintext\" (the encrypted env file)",
                    "the encrypted file is rendered with a derived salt (same input, same bytes); REPORT notes that rtslib's"
                            + " saveconfig.json holds the target's CHAP passwords in clear (mode 0600) on every storage node",
                    "LIO persists its configuration, CHAP included, in saveconfig.json; the claim holds for the env file only"),
            new Correction("10, sysctl", "`sysctl -w …` at the prompt; no `net.ipv4.ip_nonlocal_bind`",
                    "/etc/sysctl.d/90-san.conf with the design's keys and ip_nonlocal_bind=1",
                    "-w is lost at reboot; client portals on VIPs need non-local bind on the node that does not hold the VIP"),
            new Correction("10, ZFS tunables", "`zfs_vdev_scheduler=none`, `zfs_resilver_delay=0`, `zfs_txg_timeout=30 # Default`,"
                    + " `zfs_nocacheflush=1`",
                    "zfs.conf with parameter names checked against OpenZFS 2.1/2.2; those four refused with the reason",
                    "zfs_vdev_scheduler has done nothing since 0.8.3, zfs_resilver_delay is gone since 0.8.0, the txg default is 5"
                            + " s, and nocacheflush on legs behind LIO loses acknowledged sync writes on power loss without"
                            + " confirmed protection"),
            new Correction("8, timing table", "unplanned ~10–12 s, detection ~4–5 s (iSCSI timeout + Corosync)",
                    "computed: detection = effective token + consensus, plus fencing, multihost activity check, starts",
                    "the membership changes only after token + consensus; an import after a crash waits the multihost"
                            + " activity check; the iSCSI timeout runs in parallel"));

    /** Refuses nulls. Usage: see type. */
    public Correction {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(sdk, "sdk");
        Objects.requireNonNull(why, "why");
    }
}
