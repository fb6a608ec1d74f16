package org.sansdk.zfs;

import java.util.List;
import java.util.Optional;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.CommandTimeoutException;
import org.sansdk.core.Executor;
import org.sansdk.core.HostUnreachableException;
import org.sansdk.core.SanException;

/**
 * Reads the host id ZFS uses on each storage node through that node's {@link Executor} and checks that the
 * two differ and are not 0 (design review DR-09). It reads what OpenZFS on Linux reads, not gethostid(3):
 * first {@code /proc/sys/kernel/spl/hostid} (the loaded module's id, from {@code spl_hostid} or
 * {@code /etc/hostid}), else the 4 bytes of {@code /etc/hostid} through {@code od}; with neither the id is 0.
 * {@code hostid} is also run, only to show in messages: without {@code /etc/hostid} it prints a value glibc
 * derives from an address (often {@code 007f0101} on every Debian machine) that ZFS never sees.
 *
 * <p>{@code HostIdCheck ids = HostIdPreflight.check("storage-a", sshA, "storage-b", sshB);}
 */
public final class HostIdPreflight {
    /** {@code cat /proc/sys/kernel/spl/hostid}: the SPL module's host id in hex (no 0x). */
    public static final List<String> SPL_HOSTID = List.of("cat", "/proc/sys/kernel/spl/hostid");
    /** {@code hostid}: gethostid(3), informational only. */
    public static final List<String> LIBC_HOSTID = List.of("hostid");
    /** Where zgenhostid writes and ZFS reads the host id. */
    public static final String ETC_HOSTID = "/etc/hostid";

    private HostIdPreflight() {
    }

    /**
     * {@code od -An -tx4 -N4 FILE}: the first 4 bytes of a host id file as one native-order hex word.
     *
     * <p>{@code HostIdPreflight.readHostidFile("/etc/hostid")}
     *
     * @param file the file
     * @return the argv
     */
    public static List<String> readHostidFile(String file) {
        return List.of("od", "-An", "-tx4", "-N4", Operands.device("host id file", file));
    }

    /**
     * Probes both nodes and checks their ids.
     *
     * <p>{@code HostIdPreflight.check("storage-a", sshA, "storage-b", sshB)}
     *
     * @param nodeA first node name
     * @param executorA runs commands on the first node
     * @param nodeB second node name
     * @param executorB runs commands on the second node
     * @return the check, to pass to {@link ZpoolCreate.Builder#hostIds} / {@link ZpoolImport#design}
     * @throws HostIdConflictException when an id is 0 or invalid or both are equal
     */
    public static HostIdCheck check(String nodeA, Executor executorA, String nodeB, Executor executorB) {
        return new HostIdCheck(probe(nodeA, executorA), probe(nodeB, executorB));
    }

    /**
     * Reads the id ZFS uses on one node.
     *
     * <p>{@code NodeHostId a = HostIdPreflight.probe("storage-a", sshA);}
     *
     * @param node node name
     * @param executor runs commands there
     * @return the id and where it came from
     */
    public static NodeHostId probe(String node, Executor executor) {
        return probe(node, executor, ETC_HOSTID);
    }

    /**
     * Reads the id ZFS uses on one node, with another host id file (tests; ZFS itself reads
     * {@code /etc/hostid} unless the {@code spl_hostid_path} module parameter says otherwise).
     *
     * <p>{@code HostIdPreflight.probe("storage-a", local, "/tmp/hostid")}
     *
     * @param node node name
     * @param executor runs commands there
     * @param hostidFile the host id file
     * @return the id and where it came from
     * @throws SanException when the file exists but cannot be read
     */
    public static NodeHostId probe(String node, Executor executor, String hostidFile) {
        Optional<HostId> libc = Optional.empty();
        try {
            CommandResult l = executor.run(Command.of(LIBC_HOSTID));
            if (l.isSuccess()) {
                libc = Optional.of(HostId.parse(node + ": hostid", l.stdout()));
            }
        } catch (HostUnreachableException | CommandTimeoutException e) {
            throw e;
        } catch (SanException e) {
            // `hostid` is only shown in messages; a node without it (not started, odd output) is still probed
        }
        CommandResult spl = executor.run(Command.of(SPL_HOSTID));
        if (spl.isSuccess()) {
            return new NodeHostId(node, HostId.parse(node + ": " + SPL_HOSTID.get(1), spl.stdout()),
                    NodeHostId.Source.SPL_MODULE, libc);
        }
        List<String> od = readHostidFile(hostidFile);
        CommandResult file = executor.run(Command.of(od));
        if (file.isSuccess()) {
            HostId id = file.stdout().isBlank() ? HostId.NONE : HostId.parse(node + ": " + hostidFile, file.stdout());
            return new NodeHostId(node, id, NodeHostId.Source.ETC_HOSTID, libc);
        }
        if (file.stderr().contains("No such file")) {
            return new NodeHostId(node, HostId.NONE, NodeHostId.Source.MISSING, libc);
        }
        throw new SanException(node + ": cannot read " + hostidFile + " (" + String.join(" ", od) + " exited "
                + file.exitCode() + "): " + file.stderr().strip());
    }
}
