package org.sansdk.zfs;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.sansdk.core.Command;
import org.sansdk.core.Plan;

/**
 * Renders {@code zgenhostid} (OpenZFS, writes {@code /etc/hostid}) and a plan that gives two storage nodes
 * distinct ids. Change a node's id only while it has no pool imported: a multihost pool imported under
 * the old id is then seen as last used by another system.
 *
 * <p>{@code Command c = Zgenhostid.write(HostId.parse("id", "0a1b2c3d"), Zgenhostid.ExistingFile.OVERWRITE);}
 */
public final class Zgenhostid {
    private Zgenhostid() {
    }

    /**
     * {@code zgenhostid}: a random id, only if {@code /etc/hostid} does not exist yet (no {@code -f}).
     *
     * <p>{@code Zgenhostid.randomIfMissing()}
     *
     * @return the command
     */
    public static Command randomIfMissing() {
        return Command.of("zgenhostid");
    }

    /** What {@code zgenhostid} does when the host id file exists already. */
    public enum ExistingFile {
        /** Plain {@code zgenhostid}: refuse to replace an existing file. */
        KEEP,
        /** {@code -f}: replace an existing file. */
        OVERWRITE
    }

    /**
     * {@code zgenhostid HOSTID}: write a chosen id to /etc/hostid, refused by zgenhostid when the file exists.
     *
     * <p>{@code Zgenhostid.write(id)}
     *
     * @param id the id (not 0, not 0xFFFFFFFF)
     * @return the command
     */
    public static Command write(HostId id) {
        return render(id, ExistingFile.KEEP, null);
    }

    /**
     * {@code zgenhostid [-f] HOSTID}: write a chosen id to /etc/hostid.
     *
     * <p>{@code Zgenhostid.write(id, Zgenhostid.ExistingFile.OVERWRITE)}
     *
     * @param id the id (not 0, not 0xFFFFFFFF)
     * @param existing {@link ExistingFile#OVERWRITE} adds {@code -f}
     * @return the command
     */
    public static Command write(HostId id, ExistingFile existing) {
        return render(id, existing, null);
    }

    /**
     * {@code zgenhostid [-f] -o FILE HOSTID}.
     *
     * <p>{@code Zgenhostid.write(id, Zgenhostid.ExistingFile.OVERWRITE, "/tmp/hostid")}
     *
     * @param id the id (not 0, not 0xFFFFFFFF: zgenhostid reads 0 as "random")
     * @param existing {@link ExistingFile#OVERWRITE} adds {@code -f}
     * @param file {@code -o FILE}
     * @return the command
     */
    public static Command write(HostId id, ExistingFile existing, String file) {
        return render(id, existing, Operands.device("output file", file));
    }

    private static Command render(HostId id, ExistingFile existing, String file) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(existing, "existing");
        if (!id.usableForMultihost()) {
            throw new IllegalArgumentException("host id " + id + " cannot be used (0 means random to zgenhostid, "
                    + "ffffffff is invalid to ZFS)");
        }
        Command.Builder c = Command.builder("zgenhostid");
        if (existing == ExistingFile.OVERWRITE) {
            c.arg("-f");
        }
        if (file != null) {
            c.args("-o", file);
        }
        return c.arg(id.hex()).build();
    }

    /**
     * A random usable id different from {@code other} and not of glibc's loopback shape.
     *
     * <p>{@code Zgenhostid.randomDistinctFrom(peerId, new SecureRandom())}
     *
     * @param other the id to differ from
     * @param random the source of randomness
     * @return the id
     */
    public static HostId randomDistinctFrom(HostId other, RandomGenerator random) {
        while (true) {
            HostId id = new HostId(random.nextLong() & 0xFFFFFFFFL);
            if (id.usableForMultihost() && !id.equals(other) && !id.looksLikeLoopbackFallback()) {
                return id;
            }
        }
    }

    /**
     * Steps that make the pair usable: a node with id 0 or 0xFFFFFFFF gets a new random id; if both share
     * an id, the second node gets a new one. Empty when the pair is already fine. The ids are chosen here,
     * so the plan shows exactly what will be written.
     *
     * <p>{@code Zgenhostid.fixPlan(e.first(), e.second(), new SecureRandom()).applyTo(HostExecutors.of(executorsByNode))} (one executor alone is refused: the steps name two hosts)
     *
     * @param first one node as probed
     * @param second the other node as probed
     * @param random randomness for new ids
     * @return the plan
     */
    public static Plan fixPlan(NodeHostId first, NodeHostId second, RandomGenerator random) {
        Plan.Builder p = Plan.builder("give the storage nodes distinct non-zero ZFS host ids");
        HostId a = first.hostId();
        if (!a.usableForMultihost()) {
            a = randomDistinctFrom(second.hostId(), random);
            p.run(first.node(), write(a, ExistingFile.OVERWRITE), first.node() + " has host id " + first.hostId()
                    + " (" + first.source().text() + "); multihost needs a non-zero id");
        }
        HostId b = second.hostId();
        if (!b.usableForMultihost() || b.equals(a)) {
            String why = b.equals(a) && b.usableForMultihost()
                    ? second.node() + " has the same host id as " + first.node() + " (" + b + "): the MMP import "
                    + "check is skipped between them"
                    : second.node() + " has host id " + b + " (" + second.source().text() + "); multihost needs a "
                    + "non-zero id";
            b = randomDistinctFrom(a, random);
            p.run(second.node(), write(b, ExistingFile.OVERWRITE), why);
        }
        return p.build();
    }
}
