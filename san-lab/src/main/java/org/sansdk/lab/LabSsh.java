package org.sansdk.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.testing.Daemon;
import org.sansdk.core.testing.RealTools;
import org.sansdk.core.testing.TestExecutors;

/**
 * Root ssh between the nodes of a running {@link Lab}, for tools that copy files to the peers over ssh (Pacemaker's
 * {@code cibsecret}): one {@code sshd} per node inside the node's namespaces, a fresh client key and fresh host keys
 * per lab, {@code known_hosts} with every node's name and addresses, and node names resolvable on every node.
 * <p>
 * The lab's nodes share the host's {@code /etc} (they have private mount namespaces with their own {@code /run} and
 * Pacemaker/corosync directories, not their own {@code /etc}), and cibsecret passes only
 * {@code -o StrictHostKeyChecking=no} to ssh (no {@code -F}, and it overwrites {@code PDSH_SSH_ARGS_APPEND}). So each
 * node's mount namespace gets two bind mounts from the lab directory: {@code /etc/hosts} (node name → management
 * address) and {@code /etc/ssh/ssh_config} (the lab's key and known_hosts, batch mode). They exist only in that mount
 * namespace; the host's files are never written. {@code sshd} runs with its own config ({@code -f}), host key,
 * authorized_keys and pid file in the node's private {@code /run}. Everything lives in the lab directory and the lab's
 * namespaces, so {@link Lab#close()} removes it too; {@link #close()} stops the daemons and removes the mounts earlier.
 *
 * <pre>{@code try (Lab lab = Lab.start(LabDesign.standard()); LabSsh ssh = LabSsh.start(lab)) { ... }}</pre>
 */
public final class LabSsh implements AutoCloseable {
    /** The bind-mounted files in each node's mount namespace. */
    static final List<String> MOUNTED = List.of("/etc/hosts", "/etc/ssh/ssh_config");
    private static final Duration READY_BOUND = Duration.ofSeconds(30);

    private final Lab lab;
    private final Path dir;
    private final Map<String, Daemon> daemons = new LinkedHashMap<>();
    private final List<String> mountedOn = new ArrayList<>();
    private boolean closed;

    private LabSsh(Lab lab, Path dir) {
        this.lab = lab;
        this.dir = dir;
    }

    /**
     * Requires the programs: skips the calling test, or fails it under {@code SAN_REAL_TOOLS=required}.
     * Usage: {@code LabSsh.requireTools()}.
     */
    public static void requireTools() {
        RealTools.requireFrom("sshd", "openssh-server");
        RealTools.requireFrom("ssh", "openssh-client");
        RealTools.requireFrom("ssh-keygen", "openssh-client");
        RealTools.requireFrom("mount", "mount");
    }

    /**
     * Starts sshd on every node of a running lab and waits (bounded) until every node reaches every other by name.
     * On failure stops what it started and throws. Usage: {@code LabSsh ssh = LabSsh.start(lab)}.
     *
     * @throws LabException when a step fails or a node cannot reach a peer within 30 s
     */
    public static LabSsh start(Lab lab) {
        LabSsh s = new LabSsh(lab, lab.directory().resolve("ssh"));
        try {
            s.prepare();
            s.startDaemons();
            s.awaitReachable();
            lab.recordPids();
            return s;
        } catch (IOException e) {
            s.close();
            throw new LabException("lab " + lab.id() + ": ssh: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            s.close();
            throw e;
        }
    }

    /** The network whose addresses node names resolve to (corosync link 0). */
    private String network() {
        return lab.design().links().get(0);
    }

    private void prepare() throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        keygen(dir.resolve("id_ed25519"), "sanlab-" + lab.id() + "-root");
        Files.copy(dir.resolve("id_ed25519.pub"), dir.resolve("authorized_keys"));
        StringBuilder hosts = new StringBuilder("127.0.0.1 localhost\n");
        StringBuilder known = new StringBuilder();
        for (String node : lab.design().nodeNames()) {
            Path nd = dir.resolve(node);
            Files.createDirectories(nd);
            Path key = nd.resolve("ssh_host_ed25519_key");
            keygen(key, "sanlab-" + lab.id() + "-" + node);
            String[] pub = Files.readString(nd.resolve("ssh_host_ed25519_key.pub")).trim().split(" ");
            List<String> names = new ArrayList<>(List.of(node));
            for (String link : lab.design().links()) {
                names.add(lab.design().address(node, link));
            }
            known.append(String.join(",", names)).append(' ').append(pub[0]).append(' ').append(pub[1]).append('\n');
            hosts.append(lab.design().address(node, network())).append(' ').append(node).append('\n');
            StringBuilder conf = new StringBuilder();
            conf.append("Port 22\n");
            for (String link : lab.design().links()) {
                conf.append("ListenAddress ").append(lab.design().address(node, link)).append('\n');
            }
            conf.append("HostKey ").append(key).append('\n')
                    .append("PidFile /run/sanlab-sshd.pid\n")
                    .append("AuthorizedKeysFile ").append(dir.resolve("authorized_keys")).append('\n')
                    .append("PermitRootLogin prohibit-password\n")
                    .append("PubkeyAuthentication yes\n")
                    .append("PasswordAuthentication no\n")
                    .append("KbdInteractiveAuthentication no\n")
                    .append("UsePAM no\n")
                    // the lab directory lives under the temp directory: sshd's ownership checks of its path do not apply
                    .append("StrictModes no\n")
                    .append("Subsystem sftp internal-sftp\n")
                    .append("LogLevel INFO\n");
            Files.writeString(nd.resolve("sshd_config"), conf.toString());
        }
        Files.writeString(dir.resolve("known_hosts"), known.toString());
        Files.writeString(dir.resolve("hosts"), hosts.toString());
        Files.setPosixFilePermissions(dir.resolve("hosts"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(dir.resolve("ssh_config"), "Host *\n"
                + "    User root\n"
                + "    IdentityFile " + dir.resolve("id_ed25519") + "\n"
                + "    IdentitiesOnly yes\n"
                + "    UserKnownHostsFile " + dir.resolve("known_hosts") + "\n"
                + "    GlobalKnownHostsFile /dev/null\n"
                + "    BatchMode yes\n"
                + "    ConnectTimeout 10\n"
                + "    LogLevel ERROR\n");
        Files.setPosixFilePermissions(dir.resolve("ssh_config"), PosixFilePermissions.fromString("rw-r--r--"));
    }

    private static void keygen(Path key, String comment) {
        TestExecutors.local().runChecked(Command.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", key.toString()));
    }

    private void startDaemons() {
        for (LabNode n : lab.nodes()) {
            n.executor().runChecked(Command.of("mkdir", "-p", "-m", "0755", "/run/sshd"));
            n.executor().runChecked(Command.of("mount", "--bind", dir.resolve("hosts").toString(), "/etc/hosts"));
            mountedOn.add(n.name() + " /etc/hosts");
            n.executor().runChecked(Command.of("mount", "--bind", dir.resolve("ssh_config").toString(), "/etc/ssh/ssh_config"));
            mountedOn.add(n.name() + " /etc/ssh/ssh_config");
            String sshd = RealTools.find("sshd").orElseThrow(() -> new LabException("sshd not found")).toString();
            Path nd = dir.resolve(n.name());
            // sshd -D stays in the foreground: nsenter execs it, so the daemon's PID is sshd's, inside the node's namespaces
            daemons.put(n.name(), Daemon.start(List.of("nsenter", "-t", Long.toString(n.pacemakerdPid()), "-n", "-m", "-u", sshd, "-D", "-e",
                    "-f", nd.resolve("sshd_config").toString()), nd.resolve("sshd.log")));
        }
    }

    private void awaitReachable() {
        long deadline = System.nanoTime() + READY_BOUND.toNanos();
        for (LabNode from : lab.nodes()) {
            for (String to : lab.design().nodeNames()) {
                if (to.equals(from.name())) {
                    continue;
                }
                while (true) {
                    CommandResult r = from.executor().run(Command.builder("ssh").args(to, "--", "uname", "-n").timeout(Duration.ofSeconds(20)).build());
                    if (r.exitCode() == 0) {
                        break;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new LabException("lab " + lab.id() + ": " + from.name() + " cannot ssh to " + to + " within "
                                + READY_BOUND.toSeconds() + " s: exit " + r.exitCode() + " " + r.stderr().strip() + logs());
                    }
                    LabNode.sleep(300);
                }
            }
        }
    }

    private String logs() {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Daemon> e : daemons.entrySet()) {
            try {
                b.append("\n--- sshd on ").append(e.getKey()).append(": ").append(Files.readString(e.getValue().log()));
            } catch (IOException x) {
                b.append("\n--- sshd on ").append(e.getKey()).append(": unreadable");
            }
        }
        return b.toString();
    }

    /** The lab's ssh directory (keys, known_hosts, hosts, configs, sshd logs). Usage: {@code ssh.directory()}. */
    public Path directory() {
        return dir;
    }

    /**
     * Runs a command on {@code to} over ssh from {@code from} (as cibsecret does), arguments as given.
     * Usage: {@code ssh.run("storage-b", "quorum", Command.of("stat", "-c", "%a", "/var/lib/pacemaker"))}.
     */
    public CommandResult run(String from, String to, Command command) {
        List<String> argv = new ArrayList<>(List.of("ssh", to, "--"));
        argv.addAll(command.argv());
        return lab.node(from).executor().run(Command.of(argv));
    }

    /**
     * Stops every sshd and removes the bind mounts from the nodes' mount namespaces. Idempotent; problems go to
     * stderr, never thrown (the lab's own teardown removes whatever is left). Usage: {@code ssh.close()}.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Map.Entry<String, Daemon> e : daemons.entrySet()) {
            try {
                e.getValue().stop(Duration.ofSeconds(10));
            } catch (RuntimeException x) {
                System.err.println("lab " + lab.id() + ": stopping sshd on " + e.getKey() + ": " + x);
            }
        }
        for (String m : mountedOn) {
            String[] nm = m.split(" ", 2);
            try {
                CommandResult r = lab.node(nm[0]).executor().run(Command.of("umount", nm[1]));
                if (r.exitCode() != 0) {
                    System.err.println("lab " + lab.id() + ": umount " + nm[1] + " on " + nm[0] + " exited " + r.exitCode() + ": " + r.stderr().strip());
                }
            } catch (RuntimeException x) {
                System.err.println("lab " + lab.id() + ": umount " + nm[1] + " on " + nm[0] + ": " + x);
            }
        }
    }

    @Override
    public String toString() {
        return "LabSsh[lab " + lab.id() + ", " + daemons.size() + " sshd]";
    }
}
