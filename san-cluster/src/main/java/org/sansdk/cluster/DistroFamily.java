package org.sansdk.cluster;

import java.nio.file.Path;

/**
 * The Linux distribution family a node runs, from {@code /etc/os-release} ({@code ID}, then {@code ID_LIKE}):
 * it decides package names, unit names and where rtslib keeps saveconfig.json.
 * Usage: {@code cluster.node("storage-a").capabilities().family().saveconfigPath()}.
 */
public enum DistroFamily {
    /** Debian, Ubuntu, Proxmox VE. */
    DEBIAN("/etc/rtslib-fb-target/saveconfig.json"),
    /** RHEL, Rocky, AlmaLinux, CentOS, Fedora. */
    RHEL("/etc/target/saveconfig.json"),
    /** SUSE (SLES, openSUSE). */
    SUSE("/etc/target/saveconfig.json"),
    /** Anything else: the SDK does not guess its paths or package names. */
    OTHER("/etc/target/saveconfig.json");

    private final Path saveconfigPath;

    DistroFamily(String saveconfigPath) {
        this.saveconfigPath = Path.of(saveconfigPath);
    }

    /** Where rtslib-fb's {@code targetctl}/targetcli keep saveconfig.json on this family. Usage: {@code f.saveconfigPath()}. */
    public Path saveconfigPath() {
        return saveconfigPath;
    }

    /** The family of an os-release {@code ID} and {@code ID_LIKE} (space-separated). Usage: {@code DistroFamily.of("rocky", "rhel centos fedora")}. */
    public static DistroFamily of(String id, String idLike) {
        DistroFamily own = byId(id);
        if (own != OTHER) {
            return own;
        }
        for (String like : idLike.trim().split("\\s+")) {
            DistroFamily f = byId(like);
            if (f != OTHER) {
                return f;
            }
        }
        return OTHER;
    }

    private static DistroFamily byId(String id) {
        return switch (id) {
            case "debian", "ubuntu", "pve", "linuxmint", "raspbian" -> DEBIAN;
            case "rhel", "rocky", "almalinux", "centos", "fedora", "ol" -> RHEL;
            case "sles", "opensuse", "opensuse-leap", "opensuse-tumbleweed", "suse" -> SUSE;
            default -> OTHER;
        };
    }
}
