package org.sansdk.cluster.bundle;

import java.util.List;
import java.util.Objects;

/**
 * The named proof behind one artefact: the test (class and method, run in CI) and what it checks. REPORT.md
 * prints {@link #ALL}; a test checks that every named method exists, so the table cannot drift from the tests.
 * Usage: {@code Proof.ALL.forEach(p -> System.out.println(p.artefact() + ": proven by " + p.test()));}
 *
 * @param artefact what is proven
 * @param test     {@code ClassName#method} in {@code org.sansdk.cluster.bundle} (san-cluster tests)
 * @param tool     the real program or validator that does the checking
 * @param checks   what it shows
 */
public record Proof(String artefact, String test, String tool, String checks) {
    /** Every proof, in artefact order. */
    public static final List<Proof> ALL = List.of(
            new Proof("CIB XML (cib.xml)", "RealPacemakerProofTest#crmVerifyAcceptsTheRenderedCib",
                    "crm_verify --xml-file", "the rendered configuration (three nodes online) has no error and no warning"),
            new Proof("CIB placement", "RealPacemakerProofTest#placementPutsEveryServiceOnOneStorageNode",
                    "crm_simulate -S -q 1", "pool, VIPs and services all start on the preferred storage node, none on the quorum node,"
                            + " each fence device away from the node it fences"),
            new Proof("CIB node failure", "RealPacemakerProofTest#activeNodeFailureIsFencedThenMoved", "crm_simulate -S -f NODE",
                    "when the active node fails it is fenced (stonith action) and every resource moves to the other storage node,"
                            + " none to the quorum node"),
            new Proof("CIB planned failover", "RealPacemakerProofTest#standbyOfTheActiveNodeMovesEverythingWithoutFencing",
                    "pcs -f node standby + crm_simulate -S", "standby of the active node: no fencing, services stop before the pool"
                            + " is exported, the pool is imported on the other storage node before any service starts there"),
            new Proof("pcs script (pcs-setup.sh)", "RealPacemakerProofTest#pcsScriptBuildsTheSameConfiguration",
                    "pcs -f (offline) + crm_verify", "the script's pcs commands, run against an empty CIB file, give a configuration"
                            + " crm_verify accepts with the same resources and constraints as cib.xml; no secret on any argv"),
            new Proof("corosync.conf", "RealCorosyncProofTest#corosyncAcceptsTheConfFromEachNodesAddresses",
                    "corosync -t in a network namespace per node", "corosync 3 accepts the file from the point of view of every node"
                            + " (a namespace owning that node's link addresses)"),
            new Proof("backend node records", "RealIscsiadmProofTest#iscsiadmAcceptsTheNodeRecordKeys",
                    "iscsiadm -m node -o new / -o update (private /etc/iscsi)", "open-iscsi accepts every key and value of each"
                            + " storage node's record (an unknown key gives rc 7)"),
            new Proof("iscsid.conf, initiatorname.iscsi", "RealIscsiadmProofTest#iscsidConfAndInitiatorNameReadBack",
                    "san-iscsi IscsidConf (open-iscsi 2.1.8's key list); no real reader runs here: iscsiadm -o new asks a"
                            + " running iscsid for its defaults, and there is no iscsid without iscsi_tcp",
                    "only known keys, the fast-failover profile (replacement, login, no-op timeouts, automatic start), no CHAP"
                            + " secret; the initiator name file gives back the design's IQN"),
            new Proof("targetcli batches (backend, client)", "RealTargetcliProofTest#configshellParsesEveryBatchLine",
                    "configshell-fb's own parser (python3)", "every line parses completely into the path, command and parameters it"
                            + " was written with (no configfs here, so the grammar is what can be run)"),
            new Proof("saveconfig.json (backend) and the client target", "LioConfigProofTest#saveconfigPassesTheLioValidator",
                    "san-lio SaveconfigParser + LioValidator", "the written JSON parses back and passes every LIO rule; the backend"
                            + " plus client cold start (design zvols synced) passes too"),
            new Proof("zpool create / zfs create", "PoolCreateProofTest#zpoolCreateKeepsTheDesignRules",
                    "san-zfs ZpoolCreate rules (zfs-fuse is pool v23: no multihost, autotrim, lz4)", "every mirror = one local"
                            + " partlabel leg + one remote by-path leg of the peer's same LUN, multihost on, distinct host ids"),
            new Proof("/etc/exports (storage nodes)", "files.BundleHostFilesProofTest#exportsPassExportfs",
                    "exportfs -ra / -v in a private mount namespace", "nfs-utils accepts every export (rc 0, nothing on stderr)"
                            + " and lists each dataset for the enduser subnet"),
            new Proof("/etc/nfs.conf", "files.BundleHostFilesProofTest#nfsConfBindsTheVip", "nfsconf --get nfsd host",
                    "nfsd listens on the enduser VIP only"),
            new Proof("smb.conf", "files.BundleHostFilesProofTest#smbConfPassesTestparm", "testparm -s (stderr read)",
                    "rc 0, no unknown parameter, the VIP bound and the share with shadow_copy2"),
            new Proof("/etc/sysctl.d/90-san.conf", "files.BundleHostFilesProofTest#sysctlAppliesInAThrowAwayNetworkNamespace",
                    "sysctl -p in a throw-away network namespace", "per-namespace keys applied and read back"
                            + " (ip_nonlocal_bind=1); the initial-namespace keys exist under /proc/sys"),
            new Proof("/etc/modprobe.d/zfs.conf", "files.BundleHostFilesProofTest#zfsConfParsesWithKmodToExactlyItsOptions",
                    "modprobe -c (kmod's parser) in a private mount namespace", "kmod parses exactly the design's options;"
                            + " every name is an OpenZFS 2.1 module parameter"),
            new Proof("/root/.iscsi-chap.env.enc", "files.BundleHostFilesProofTest#chapEnvDecryptsWithOpensslAndTheMachineId",
                    "openssl enc -d -aes-256-cbc -pbkdf2 -pass file:machine-id", "decrypts to the shell-quoted CHAP logins the"
                            + " node scripts eval"),
            new Proof("packages (Debian)", "files.BundleHostFilesProofTest#everyDebianPackageTheBundleInstallsExists",
                    "apt-cache show (Debian 12 main)", "every package the bundle installs has a Debian record, except the ZFS"
                            + " packages of the contrib component, which a default sources.list does not carry; RHEL names have no"
                            + " tool here"),
            new Proof("whole bundle", "BundleDeterminismTest#twoRenderersGiveTheSameBytes", "byte comparison",
                    "two fresh renderers give byte-identical files, MANIFEST, RUNBOOK and REPORT"),
            new Proof("secrets", "BundleRendererTest#noSecretInManifestRunbookReportOrArgv", "text search",
                    "no secret value in MANIFEST.tsv, RUNBOOK.md, REPORT.md, any argv or toString; without secrets no file holds"
                            + " a placeholder"));

    /** Refuses nulls. Usage: see type. */
    public Proof {
        Objects.requireNonNull(artefact, "artefact");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(checks, "checks");
    }
}
