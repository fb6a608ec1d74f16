package org.sansdk.pacemaker.ops;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.sansdk.core.Command;

/**
 * Cluster operations without pcs in the path: Pacemaker's own command-line tools ({@code crm_attribute},
 * {@code crm_resource}) as {@link Command} argv lists, against the live cluster or a CIB file ({@code CIB_file}).
 * pcs wraps the same tools and adds 1.1–1.5 s of Python start-up per call, which a planned failover pays twice.
 *
 * <p>Usage: {@code executor.runChecked(CrmCommands.live().standby("storage-a"))} →
 * {@code crm_attribute --node storage-a --name standby --update on --lifetime forever}
 */
public final class CrmCommands {
    private final Optional<Path> cibFile;

    private CrmCommands(Optional<Path> cibFile) {
        this.cibFile = cibFile;
    }

    /** Commands against the running cluster. Usage: {@code CrmCommands.live()}. */
    public static CrmCommands live() {
        return new CrmCommands(Optional.empty());
    }

    /** Commands against a CIB file (the tools read {@code CIB_file}). Usage: {@code CrmCommands.file(Path.of("cib.xml"))}. */
    public static CrmCommands file(Path cib) {
        return new CrmCommands(Optional.of(Objects.requireNonNull(cib, "cib")));
    }

    /**
     * {@code crm_attribute --node NODE --name standby --update on --lifetime forever}: the node's permanent standby
     * attribute (what {@code pcs node standby} sets). Usage: {@code crm.standby("storage-a")}.
     */
    public Command standby(String node) {
        return standbyAttribute(node, "on");
    }

    /** {@code crm_attribute --node NODE --name standby --update off --lifetime forever}. Usage: {@code crm.unstandby("storage-a")}. */
    public Command unstandby(String node) {
        return standbyAttribute(node, "off");
    }

    /** {@code crm_attribute --node NODE --name standby --query --lifetime forever}. Usage: {@code crm.standbyQuery("storage-a")}. */
    public Command standbyQuery(String node) {
        return build(Command.builder("crm_attribute").args("--node", requireName(node, "node"), "--name", "standby", "--query",
                "--lifetime", "forever"));
    }

    private Command standbyAttribute(String node, String value) {
        return build(Command.builder("crm_attribute").args("--node", requireName(node, "node"), "--name", "standby", "--update", value,
                "--lifetime", "forever"));
    }

    /**
     * {@code crm_resource --move --resource RSC --node NODE}: a {@code cli-prefer-RSC} location constraint
     * (score INFINITY) that stays until {@link #clear(String)}. Usage: {@code crm.move("zfs-pool", "storage-b")}.
     */
    public Command move(String rsc, String node) {
        return build(Command.builder("crm_resource").args("--move", "--resource", requireName(rsc, "resource"), "--node",
                requireName(node, "node")));
    }

    /**
     * {@code crm_resource --move --resource RSC --node NODE --lifetime PT…S}: the same constraint with an expiry (an ISO 8601
     * duration in whole seconds). Usage: {@code crm.move("zfs-pool", "storage-b", Duration.ofMinutes(5))}.
     */
    public Command move(String rsc, String node, Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("a move lifetime is a positive whole number of seconds: " + lifetime);
        }
        return build(Command.builder("crm_resource").args("--move", "--resource", requireName(rsc, "resource"), "--node",
                requireName(node, "node"), "--lifetime", "PT" + lifetime.toSeconds() + "S"));
    }

    /** {@code crm_resource --clear --resource RSC}: removes the move/ban constraints of the resource. Usage: {@code crm.clear("zfs-pool")}. */
    public Command clear(String rsc) {
        return build(Command.builder("crm_resource").args("--clear", "--resource", requireName(rsc, "resource")));
    }

    private Command build(Command.Builder b) {
        cibFile.ifPresent(p -> b.env("CIB_file", p.toString()));
        return b.build();
    }

    private static String requireName(String s, String what) {
        Objects.requireNonNull(s, what);
        if (s.isEmpty() || s.startsWith("-") || s.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("not a " + what + " name: '" + s + "'");
        }
        return s;
    }
}
