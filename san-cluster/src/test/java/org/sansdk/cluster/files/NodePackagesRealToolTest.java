package org.sansdk.cluster.files;

import org.sansdk.cluster.DistroFamily;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;
import org.sansdk.core.testing.RealTools;
import org.sansdk.core.testing.TestExecutors;

/**
 * The Debian package and unit names against this machine's apt and dpkg. RHEL names have no tool here (no dnf,
 * no RHEL repositories): they are only checked by {@link NodePackagesTest} against what we wrote.
 */
class NodePackagesRealToolTest {
    private final Executor sh = TestExecutors.local();

    private TreeSet<String> debianPackages() {
        TreeSet<String> names = new TreeSet<>();
        for (NodePackages p : NodePackagesTest.all()) {
            if (p.family() == DistroFamily.DEBIAN) {
                names.addAll(p.packages());
            }
        }
        return names;
    }

    private boolean available(String pkg) {
        // apt-cache show exits 0 with empty output for a name apt only knows as referenced by another package
        // (zfsutils-linux when contrib is not enabled): a real package prints its "Package:" stanza
        CommandResult r = sh.run(Command.of("apt-cache", "show", pkg));
        return r.exitCode() == 0 && r.stdout().lines().anyMatch(l -> l.equals("Package: " + pkg));
    }

    @Test
    void everyDebianMainPackageExists() {
        RealTools.requireFrom("apt-cache", "apt");
        List<String> main = debianPackages().stream().filter(p -> !NodePackages.DEBIAN_CONTRIB.contains(p)).toList();
        // one apt-cache call for all names (rc 100 if one is unknown); each must have its own stanza
        List<String> argv = new java.util.ArrayList<>(List.of("apt-cache", "show"));
        argv.addAll(main);
        CommandResult r = sh.run(Command.of(argv));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        List<String> stanzas = r.stdout().lines().filter(l -> l.startsWith("Package: ")).map(l -> l.substring(9)).toList();
        assertThat(stanzas).containsAll(main);
    }

    @Test
    void contribPackagesExistWhereContribIsEnabled() {
        RealTools.requireFrom("apt-cache", "apt");
        String components = sh.runChecked(Command.of("apt-get", "indextargets", "--format", "$(COMPONENT)")).stdout();
        boolean contrib = components.lines().anyMatch("contrib"::equals);
        for (String pkg : NodePackages.DEBIAN_CONTRIB) {
            if (contrib) {
                assertThat(available(pkg)).as("apt-cache show " + pkg).isTrue();
            } else {
                // without contrib in the apt sources these names cannot be checked here: say so, do not pretend
                assertThat(available(pkg)).as(pkg + " without contrib").isFalse();
            }
        }
        assertThat(debianPackages()).containsAll(NodePackages.DEBIAN_CONTRIB);
    }

    @Test
    void debianUnitsShipWithTheirInstalledPackages() {
        // unit -> Debian package that ships it; checked where that package is installed on this machine
        Map<String, String> shippedBy = Map.of("iscsid", "open-iscsi", "open-iscsi", "open-iscsi",
                "nfs-server", "nfs-kernel-server", "corosync", "corosync", "pacemaker", "pacemaker", "pcsd", "pcs",
                "corosync-qdevice", "corosync-qdevice", "corosync-qnetd", "corosync-qnetd");
        int checked = 0;
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(shippedBy).entrySet()) {
            CommandResult files = sh.run(Command.of("dpkg", "-L", e.getValue()));
            if (files.exitCode() != 0) {
                continue;
            }
            assertThat(files.stdout().lines().map(l -> Path.of(l).getFileName()).filter(p -> p != null)
                    .map(Path::toString).toList()).as(e.getValue()).contains(e.getKey() + ".service");
            checked++;
        }
        assertThat(checked).as("packages installed here by scripts/install-test-tools.sh").isGreaterThanOrEqualTo(4);
        List<String> units = new NodePackages(DistroFamily.DEBIAN, PackageRole.STORAGE_NODE, QuorumMode.QDEVICE).unitsToEnable();
        assertThat(shippedBy.keySet()).containsAll(units.stream().filter(u -> !u.equals("rtslib-fb-targetctl")
                && !u.equals("zfs-zed")).toList());
    }
}
