package org.sansdk.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one node runs, as probed through its executor: the distribution family and the versions of the
 * programs the SDK drives. Renderers and commands follow it (rtslib's saveconfig path, whether
 * {@code zpool status -j} exists). A program that is not installed is empty, never guessed.
 * Usage: {@code cluster.capabilities().get("storage-a").zpoolJson()}.
 *
 * @param host      the node
 * @param family    distribution family from /etc/os-release
 * @param osId      os-release {@code ID}
 * @param osVersion os-release {@code VERSION_ID} (empty when the file has none, e.g. a rolling release)
 * @param openZfs   OpenZFS userland version ({@code zfs version}), when installed
 * @param zfsKmod   OpenZFS kernel module version ({@code zfs version}'s second line), when loaded
 * @param pcs       pcs version, when installed
 * @param corosync  corosync version, when installed
 * @param targetcli targetcli version, when installed
 * @param notes     why a probe found nothing (program missing, exit code), in probe order
 */
public record NodeCapabilities(String host, DistroFamily family, String osId, Optional<String> osVersion,
                               Optional<ToolVersion> openZfs, Optional<ToolVersion> zfsKmod, Optional<ToolVersion> pcs,
                               Optional<ToolVersion> corosync, Optional<ToolVersion> targetcli, List<String> notes) {
    /** Copies; refuses nulls. Usage: built by {@link SanCluster#capabilities()}. */
    public NodeCapabilities {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(osId, "osId");
        Objects.requireNonNull(osVersion, "osVersion");
        Objects.requireNonNull(openZfs, "openZfs");
        Objects.requireNonNull(zfsKmod, "zfsKmod");
        Objects.requireNonNull(pcs, "pcs");
        Objects.requireNonNull(corosync, "corosync");
        Objects.requireNonNull(targetcli, "targetcli");
        notes = List.copyOf(notes);
    }

    /** Whether {@code zpool status -j} exists (OpenZFS 2.3.0 added JSON output). Usage: {@code caps.zpoolJson()}. */
    public boolean zpoolJson() {
        return openZfs.map(v -> v.atLeast(2, 3)).orElse(false);
    }

    /** Whether pcs speaks the 0.10+ syntax ({@code pcs host auth}, {@code pcs cluster setup NAME NODE addr=…}). Usage: {@code caps.pcsModern()}. */
    public boolean pcsModern() {
        return pcs.map(v -> v.atLeast(0, 10)).orElse(false);
    }

    /** Whether corosync is version 3 (knet, links) rather than 2 (udpu, rings). Usage: {@code caps.corosync3()}. */
    public boolean corosync3() {
        return corosync.map(v -> v.atLeast(3)).orElse(false);
    }

    /** Where this node's rtslib keeps saveconfig.json. Usage: {@code caps.saveconfigPath()}. */
    public Path saveconfigPath() {
        return family.saveconfigPath();
    }

    /** One line per node: {@code storage-a: debian 12 (DEBIAN), OpenZFS 2.1.11-1, pcs 0.11.5, corosync 3.1.7, targetcli —}. */
    public String describe() {
        return host + ": " + osId + osVersion.map(v -> " " + v).orElse("") + " (" + family + "), OpenZFS "
                + openZfs.map(ToolVersion::text).orElse("—") + ", pcs " + pcs.map(ToolVersion::text).orElse("—")
                + ", corosync " + corosync.map(ToolVersion::text).orElse("—") + ", targetcli "
                + targetcli.map(ToolVersion::text).orElse("—");
    }
}
