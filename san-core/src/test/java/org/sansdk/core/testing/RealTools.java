package org.sansdk.core.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the real programs a test needs. A missing program skips the test with a message naming the
 * Debian package that provides it; with {@code SAN_REAL_TOOLS=required} in the environment (as in CI) the
 * test fails instead, so CI can never pass by skipping.
 *
 * <pre>{@code RealTools.require("crm_verify"); // or RealTools.require("zpool", "zfs-fuse")}</pre>
 */
public final class RealTools {
    /** Environment variable that turns skips into failures. */
    public static final String ENV = "SAN_REAL_TOOLS";

    /** Debian packages of the programs the tests use (see scripts/install-test-tools.sh). */
    public static final Map<String, String> PACKAGES = Map.ofEntries(
            Map.entry("crm_verify", "pacemaker-cli-utils"),
            Map.entry("crm_simulate", "pacemaker-cli-utils"),
            Map.entry("crm_mon", "pacemaker-cli-utils"),
            Map.entry("crm_resource", "pacemaker-cli-utils"),
            Map.entry("cibadmin", "pacemaker-cli-utils"),
            Map.entry("pacemakerd", "pacemaker"),
            Map.entry("pcs", "pcs"),
            Map.entry("corosync", "corosync"),
            Map.entry("corosync-keygen", "corosync"),
            Map.entry("corosync-quorumtool", "corosync"),
            Map.entry("corosync-cfgtool", "corosync"),
            Map.entry("corosync-cmapctl", "corosync"),
            Map.entry("corosync-qnetd", "corosync-qnetd"),
            Map.entry("corosync-qnetd-tool", "corosync-qnetd"),
            Map.entry("corosync-qdevice", "corosync-qdevice"),
            Map.entry("corosync-qdevice-tool", "corosync-qdevice"),
            Map.entry("fence_dummy", "fence-agents"),
            Map.entry("zfs-fuse", "zfs-fuse"),
            Map.entry("zpool", "zfs-fuse"),
            Map.entry("zfs", "zfs-fuse"),
            Map.entry("tgtd", "tgt"),
            Map.entry("tgtadm", "tgt"),
            Map.entry("iscsi-ls", "libiscsi-bin"),
            Map.entry("iscsi-inq", "libiscsi-bin"),
            Map.entry("iscsiadm", "open-iscsi"),
            Map.entry("openssl", "openssl"),
            Map.entry("ip", "iproute2"),
            Map.entry("unshare", "util-linux"),
            Map.entry("nsenter", "util-linux"),
            Map.entry("setsid", "util-linux"),
            Map.entry("sh", "dash"),
            Map.entry("python3", "python3"),
            Map.entry("ssh", "openssh-client"),
            Map.entry("ssh-keygen", "openssh-client"),
            Map.entry("sshd", "openssh-server"),
            Map.entry("targetcli", "targetcli-fb"));

    private static final List<String> EXTRA_DIRS = List.of("/usr/local/sbin", "/usr/sbin", "/sbin");

    private RealTools() {
    }

    /** True when {@code SAN_REAL_TOOLS=required}: missing tools fail tests instead of skipping them. */
    public static boolean required() {
        return "required".equalsIgnoreCase(System.getenv(ENV));
    }

    /** The absolute path of a program on PATH or in the sbin directories. */
    public static Optional<Path> find(String program) {
        Set<String> dirs = new LinkedHashSet<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(File.pathSeparator)) {
                if (!d.isEmpty()) {
                    dirs.add(d);
                }
            }
        }
        dirs.addAll(EXTRA_DIRS);
        for (String d : dirs) {
            Path p = Path.of(d, program);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Requires every listed program (package names come from {@link #PACKAGES}). */
    public static void require(String... programs) {
        List<String> missing = new ArrayList<>();
        for (String p : programs) {
            if (find(p).isEmpty()) {
                missing.add(p + " (Debian package " + PACKAGES.getOrDefault(p, "unknown") + ")");
            }
        }
        if (!missing.isEmpty()) {
            missing(String.join(", ", missing));
        }
    }

    /** Requires one program from the named Debian package. */
    public static Path requireFrom(String program, String debianPackage) {
        Optional<Path> p = find(program);
        if (p.isEmpty()) {
            missing(program + " (Debian package " + debianPackage + ")");
        }
        return p.orElseThrow();
    }

    /** Requires that the tests run as root (network namespaces, FUSE, daemons on privileged paths). */
    public static void requireRoot() {
        if (!"root".equals(System.getProperty("user.name"))) {
            missing("root privileges");
        }
    }

    /** Requires a device node, such as /dev/fuse. */
    public static void requireDevice(String device) {
        if (!Files.exists(Path.of(device))) {
            missing("device " + device);
        }
    }

    private static void missing(String what) {
        String msg = "missing real tool: " + what + "; run scripts/install-test-tools.sh as root";
        if (required()) {
            Assertions.fail(msg + " (" + ENV + "=required, so this is a failure, not a skip)");
        }
        Assumptions.abort(msg + " (skipped; set " + ENV + "=required to make this a failure)");
    }
}
