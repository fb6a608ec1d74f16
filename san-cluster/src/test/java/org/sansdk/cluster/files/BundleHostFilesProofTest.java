package org.sansdk.cluster.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.cluster.bundle.Bundle;
import org.sansdk.cluster.bundle.BundleFile;
import org.sansdk.cluster.bundle.BundleRenderer;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.cluster.design.SanDesignYaml;
import org.sansdk.cluster.design.SecretSource;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Secret;
import org.sansdk.core.testing.NetNamespace;
import org.sansdk.core.testing.RealTools;
import org.sansdk.core.testing.TestExecutors;

/**
 * The host files of the reference design's bundle (examples/designs/reference.yml, rendered by
 * {@code BundleRenderer.standard()}) through their real tools: the bytes the bundle ships, not a renderer's test
 * input. Named in REPORT.md's proof table.
 */
class BundleHostFilesProofTest {
    static final String MACHINE_ID = "3f0c5e8a9b7d4c21a6e5f4d3c2b1a098";
    static final String TPG_CHAP = "tpg-Chap$pass!12";
    static Bundle bundle;

    @TempDir
    Path dir;

    @BeforeAll
    static void render() {
        SanDesign d = SanDesignYaml.read(Path.of("..", "examples", "designs", "reference.yml"))
                .withSecrets(SecretSource.of(Map.of("hypervisor-tpg-chap", Secret.of(TPG_CHAP),
                        "backend-chap", Secret.of("backend-forward-1a"), "backend-mutual-chap", Secret.of("backend-mutual-2b"),
                        "fence-storage-a-password", Secret.of("ipmi-a"), "fence-storage-b-password", Secret.of("ipmi-b"))));
        bundle = BundleRenderer.standard().withMachineId(Secret.of(MACHINE_ID)).render(d);
    }

    private static BundleFile file(String node, String path) {
        return bundle.file(node, path).orElseThrow(() -> new AssertionError(node + " has no " + path + " in the bundle"));
    }

    private Path write(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void exportsPassExportfs() throws Exception {
        RealTools.requireFrom("exportfs", "nfs-kernel-server");
        String text = new String(file("storage-a", NfsExports.PATH).bytes(), StandardCharsets.UTF_8);
        assertThat(text).contains("/san-pool/nfs 10.30.30.0/24(rw,sync,no_subtree_check,root_squash)\n");
        // exportfs stats every path: the pool's mount points become temp dirs; clients and options are the bundle's
        Path root = Files.createDirectories(dir.resolve("san-pool"));
        Files.createDirectories(root.resolve("nfs"));
        Files.createDirectories(root.resolve("k3s-pv"));
        Path exports = write("exports", text.replace(" /san-pool/", " " + root + "/").replace("\n/san-pool/", "\n" + root + "/")
                .getBytes(StandardCharsets.UTF_8));
        Path lib = Files.createDirectories(dir.resolve("var-lib-nfs"));
        CommandResult ra = MountNamespace.create().bind(exports, NfsExports.PATH).bind(lib, "/var/lib/nfs").run("exportfs", "-ra");
        assertThat(ra.exitCode()).as(ra.stderr()).isZero();
        assertThat(ra.stderr()).isEmpty();
        CommandResult v = MountNamespace.create().bind(exports, NfsExports.PATH).bind(lib, "/var/lib/nfs").run("exportfs", "-v");
        assertThat(v.stdout().replaceAll("\n\t+", " ")).contains(root + "/nfs 10.30.30.0/24(").contains(root + "/k3s-pv 10.30.30.0/24(");
    }

    @Test
    void nfsConfBindsTheVip() throws Exception {
        RealTools.requireFrom("nfsconf", "nfs-common");
        Path conf = write("nfs.conf", file("storage-b", NfsConf.PATH).bytes());
        CommandResult r = TestExecutors.local().runChecked(Command.of("nfsconf", "--file", conf.toString(), "--get", "nfsd", "host"));
        assertThat(r.stdout().strip()).isEqualTo("10.30.30.10");
    }

    @Test
    void smbConfPassesTestparm() throws Exception {
        RealTools.requireFrom("testparm", "samba-common-bin");
        Path conf = write("smb.conf", file("storage-a", SmbConf.PATH).bytes());
        CommandResult r = TestExecutors.local().run(Command.of("testparm", "-s", conf.toString()));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stderr()).doesNotContain("Unknown parameter").doesNotContain("Ignoring unknown").contains("Loaded services file OK.");
        assertThat(r.stdout()).contains("\tinterfaces = 10.30.30.10\n", "\tvfs objects = shadow_copy2\n",
                "[shared]\n\tpath = /san-pool/smb\n\tread only = No\n\tvalid users = @smbusers\n");
    }

    @Test
    void sysctlAppliesInAThrowAwayNetworkNamespace() throws Exception {
        RealTools.requireFrom("sysctl", "procps");
        Path conf = write("90-san.conf", file("storage-a", SanSysctl.PATH).bytes());
        try (NetNamespace ns = NetNamespace.create("san-bundle-sysctl")) {
            CommandResult p = ns.exec(List.of("sysctl", "-p", conf.toString()));
            // net.core.*_max exist only in the initial namespace: "Invalid argument" here, checked under /proc/sys instead
            assertThat(p.stderr().lines().toList()).containsExactlyInAnyOrder(
                    "sysctl: setting key \"net.core.rmem_max\": Invalid argument",
                    "sysctl: setting key \"net.core.wmem_max\": Invalid argument");
            assertThat(ns.exec(List.of("sysctl", "-n", "net.ipv4.ip_nonlocal_bind")).stdout().strip()).isEqualTo("1");
            assertThat(ns.exec(List.of("sysctl", "-n", "net.ipv4.tcp_rmem")).stdout().strip()).isEqualTo("4096\t87380\t16777216");
        }
        assertThat(Path.of("/proc/sys/net/core/rmem_max")).exists();
        assertThat(Path.of("/proc/sys/net/core/wmem_max")).exists();
    }

    @Test
    void zfsConfParsesWithKmodToExactlyItsOptions() throws Exception {
        RealTools.requireFrom("modprobe", "kmod");
        Path d = Files.createDirectories(dir.resolve("modprobe.d"));
        Files.write(d.resolve("zfs.conf"), file("storage-a", "/etc/modprobe.d/zfs.conf").bytes());
        CommandResult r = MountNamespace.create().bind(d, "/etc/modprobe.d").run("modprobe", "-c");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        // reference.yml's zfs_tunables, in order
        assertThat(r.stdout().lines().filter(l -> l.startsWith("options zfs ")).toList()).containsExactly(
                "options zfs zfs_multihost_interval=1000", "options zfs zfs_multihost_fail_intervals=10",
                "options zfs zfs_resilver_min_time_ms=27000");
    }

    @Test
    void chapEnvDecryptsWithOpensslAndTheMachineId() throws Exception {
        RealTools.require("openssl");
        BundleFile enc = file("storage-a", EncryptedChapEnv.PATH);
        assertThat(enc.mode()).isEqualTo(0600);
        Path in = write("chap.env.enc", enc.bytes());
        Path id = write("machine-id", (MACHINE_ID + "\n").getBytes(StandardCharsets.US_ASCII));
        Files.setPosixFilePermissions(id, PosixFilePermissions.fromString("rw-------"));
        CommandResult r = TestExecutors.local().runChecked(Command.of("openssl", "enc", "-d", "-aes-256-cbc", "-pbkdf2",
                "-iter", Integer.toString(EncryptedChapEnv.DEFAULT_ITERATIONS), "-pass", "file:" + id, "-in", in.toString()));
        // the hypervisor VLAN's TPG-wide login from reference.yml (user proxmox-shared), the password as supplied
        assertThat(r.stdout()).endsWith("CHAP_HYPERVISOR_USER='proxmox-shared'\nCHAP_HYPERVISOR_PASSWORD='tpg-Chap$pass!12'\n");
    }

    @Test
    void everyDebianPackageTheBundleInstallsExists() {
        RealTools.requireFrom("apt-cache", "apt");
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        for (String node : bundle.nodes()) {
            bundle.steps(node).stream().filter(st -> st.command().program().equals("apt-get"))
                    .forEach(st -> st.command().argv().stream().filter(a -> !a.startsWith("-") && !a.equals("apt-get")
                            && !a.equals("install")).forEach(names::add));
        }
        assertThat(names).contains("pacemaker", "corosync", "pcs", "targetcli-fb", "open-iscsi", "nfs-kernel-server", "samba");
        for (String name : names) {
            if (NodePackages.DEBIAN_CONTRIB.contains(name)) {
                continue; // Debian's contrib component (ZFS, CDDL) is not in a default sources.list: not checkable here
            }
            CommandResult r = TestExecutors.local().run(Command.of("apt-cache", "show", name));
            // apt-cache show exits 0 with no record for a name it only knows as a reference: require a Package: entry
            assertThat(r.stdout()).as(name).contains("Package: " + name + "\n");
        }
    }
}
