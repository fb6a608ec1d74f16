package org.sansdk.cluster.files;

import org.sansdk.cluster.DistroFamily;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NodePackagesTest {
    static final NodePackages DEBIAN_STORAGE =
            new NodePackages(DistroFamily.DEBIAN, PackageRole.STORAGE_NODE, QuorumMode.THIRD_NODE_VOTES);
    static final NodePackages RHEL_STORAGE =
            new NodePackages(DistroFamily.RHEL, PackageRole.STORAGE_NODE, QuorumMode.THIRD_NODE_VOTES);

    @Test
    void debianStorageNodeHasTheDesignsListAndWhatItForgets() {
        assertThat(DEBIAN_STORAGE.packages()).containsExactly("pacemaker", "corosync", "pcs", "resource-agents",
                "fence-agents", "targetcli-fb", "open-iscsi", "zfsutils-linux", "zfs-dkms", "zfs-zed",
                "nfs-kernel-server", "samba");
        assertThat(DEBIAN_STORAGE.installCommand().argv()).startsWith("apt-get", "install", "-y", "pacemaker");
        assertThat(DEBIAN_STORAGE.installCommand().env()).containsEntry("DEBIAN_FRONTEND", "noninteractive");
        assertThat(DEBIAN_STORAGE.unitCommands()).extracting(c -> String.join(" ", c.argv())).containsExactly(
                "systemctl enable --now rtslib-fb-targetctl iscsid open-iscsi zfs-zed pcsd",
                "systemctl enable corosync pacemaker",
                "systemctl disable nfs-server smbd nmbd samba-ad-dc zfs-import-cache zfs-import-scan");
    }

    @Test
    void rhelUsesItsOwnNames() {
        assertThat(RHEL_STORAGE.packages()).contains("fence-agents-all", "targetcli", "python3-rtslib",
                "iscsi-initiator-utils", "zfs", "nfs-utils", "samba").doesNotContain("open-iscsi", "targetcli-fb");
        assertThat(RHEL_STORAGE.installCommand().argv()).startsWith("dnf", "install", "-y");
        assertThat(RHEL_STORAGE.unitsToEnable()).startsWith("target", "iscsid", "iscsi");
        assertThat(RHEL_STORAGE.unitsToDisable()).contains("nfs-server", "smb", "nmb", "zfs-import-cache");
    }

    @Test
    void quorumRoles() {
        NodePackages quorum = new NodePackages(DistroFamily.DEBIAN, PackageRole.QUORUM_NODE, QuorumMode.THIRD_NODE_VOTES);
        assertThat(quorum.packages()).containsExactly("pacemaker", "corosync", "pcs", "resource-agents", "fence-agents");
        assertThat(quorum.unitsToDisable()).isEmpty();
        assertThat(quorum.unitCommands()).hasSize(2);
        NodePackages qd = new NodePackages(DistroFamily.DEBIAN, PackageRole.STORAGE_NODE, QuorumMode.QDEVICE);
        assertThat(qd.packages()).contains("corosync-qdevice");
        assertThat(qd.unitCommands().get(1).argv()).containsExactly("systemctl", "enable", "corosync", "pacemaker",
                "corosync-qdevice");
        NodePackages qnetd = new NodePackages(DistroFamily.RHEL, PackageRole.QNETD_HOST, QuorumMode.QDEVICE);
        assertThat(qnetd.packages()).containsExactly("corosync-qnetd", "pcs");
        assertThat(qnetd.unitCommands()).extracting(c -> String.join(" ", c.argv()))
                .containsExactly("systemctl enable --now pcsd", "systemctl enable corosync-qnetd");
        assertThatThrownBy(() -> new NodePackages(DistroFamily.DEBIAN, PackageRole.QUORUM_NODE, QuorumMode.QDEVICE))
                .isInstanceOfSatisfying(HostFileInputException.class, e -> assertThat(e.field()).isEqualTo("role"));
        assertThatThrownBy(() -> new NodePackages(DistroFamily.DEBIAN, PackageRole.QNETD_HOST, QuorumMode.THIRD_NODE_VOTES))
                .isInstanceOf(HostFileInputException.class);
    }

    @Test
    void familiesWithoutKnownPackageNames_areRefusedNotGuessed() {
        for (DistroFamily f : List.of(DistroFamily.SUSE, DistroFamily.OTHER)) {
            assertThatThrownBy(() -> new NodePackages(f, PackageRole.STORAGE_NODE, QuorumMode.THIRD_NODE_VOTES))
                    .isInstanceOf(HostFileInputException.class).hasMessageContaining("FILES-PKG-003")
                    .hasMessageContaining(f.name());
        }
    }

    /** Every valid combination, for the apt-cache check. */
    static List<NodePackages> all() {
        List<NodePackages> out = new java.util.ArrayList<>();
        for (DistroFamily f : List.of(DistroFamily.DEBIAN, DistroFamily.RHEL)) {
            out.add(new NodePackages(f, PackageRole.STORAGE_NODE, QuorumMode.THIRD_NODE_VOTES));
            out.add(new NodePackages(f, PackageRole.QUORUM_NODE, QuorumMode.THIRD_NODE_VOTES));
            out.add(new NodePackages(f, PackageRole.STORAGE_NODE, QuorumMode.QDEVICE));
            out.add(new NodePackages(f, PackageRole.QNETD_HOST, QuorumMode.QDEVICE));
        }
        return out;
    }
}
