package org.sansdk.corosync;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sansdk.core.Command;
import org.sansdk.core.CommandFailedException;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;
import org.sansdk.core.ParseException;

/**
 * The corosync tools of one host, through an {@link Executor} (local, SSH or recorded): quorum, links, cmap,
 * the timing corosync runs with, and {@code corosync -t}.
 *
 * <pre>{@code QuorumStatus q = Corosync.on(executor).quorum();}</pre>
 */
public final class Corosync {
    private final Executor executor;

    private Corosync(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** The corosync tools reached through {@code executor}. */
    public static Corosync on(Executor executor) {
        return new Corosync(executor);
    }

    /**
     * {@code corosync-quorumtool -s}. Exit 2 (not quorate) is a normal answer: the status says
     * {@code quorate() == false}; an exit 2 with {@code Quorate: Yes} (or 0 with No) is refused as inconsistent.
     *
     * @throws CommandFailedException on any other exit code (corosync not running: exit 1)
     * @throws ParseException         when the output cannot be read
     */
    public QuorumStatus quorum() {
        Command c = Command.of("corosync-quorumtool", "-s");
        CommandResult r = executor.run(c);
        if (r.exitCode() != 0 && r.exitCode() != 2) {
            r.requireSuccess(c);
        }
        QuorumStatus s = QuorumToolParser.parseStatus("corosync-quorumtool -s", r.stdout());
        if (s.quorate() != (r.exitCode() == 0)) {
            throw new ParseException("corosync-quorumtool -s", 0, 0, "exit " + r.exitCode(),
                    "exit 0 with 'Quorate: Yes' or exit 2 with 'Quorate: No'");
        }
        return s;
    }

    /** {@code corosync-quorumtool -l}: the membership. */
    public List<QuorumMember> members() {
        return QuorumToolParser.parseList("corosync-quorumtool -l", run("corosync-quorumtool", "-l"));
    }

    /** {@code corosync-cfgtool -s}: this node's links. */
    public CfgStatus links() {
        return CfgToolParser.parseStatus("corosync-cfgtool -s", run("corosync-cfgtool", "-s"));
    }

    /** {@code corosync-cfgtool -n}: the nodes this node reaches and their links. */
    public CfgNodes reachableNodes() {
        return CfgToolParser.parseNodes("corosync-cfgtool -n", run("corosync-cfgtool", "-n"));
    }

    /** {@code corosync-cmapctl PREFIX}: the keys under a prefix (for example {@code runtime.config.totem}). */
    public Map<String, CmapEntry> cmap(String prefix) {
        return CmapParser.parse("corosync-cmapctl " + prefix, run("corosync-cmapctl", prefix));
    }

    /** {@code corosync-cmapctl -m stats PREFIX}: statistics (knet links, ipc, schedmiss). */
    public Map<String, CmapEntry> stats(String prefix) {
        return CmapParser.parse("corosync-cmapctl -m stats " + prefix, run("corosync-cmapctl", "-m", "stats", prefix));
    }

    /** The token and consensus corosync runs with ({@code runtime.config.totem.token} / {@code .consensus}). */
    public RuntimeTiming runtimeTiming() {
        Map<String, CmapEntry> m = cmap("runtime.config.totem.");
        return new RuntimeTiming(ms(m, "runtime.config.totem.token"), ms(m, "runtime.config.totem.consensus"));
    }

    /** {@code corosync -t -c FILE} on the host: whether corosync accepts the file there. */
    public ConfigCheck test(Path conf) {
        CommandResult r = executor.run(Command.of("corosync", "-t", "-c", conf.toString()));
        return new ConfigCheck(r.exitCode(), firstError(r.stderr() + "\n" + r.stdout()));
    }

    static String firstError(String output) {
        for (String l : output.split("\n")) {
            int p = l.indexOf("parse error");
            if (p < 0) {
                p = l.indexOf("parser error");
            }
            if (p >= 0) {
                return l.substring(p).strip();
            }
            int e = l.indexOf("error   [");
            if (e >= 0) {
                int close = l.indexOf(']', e);
                return l.substring(close + 1).strip();
            }
        }
        return "";
    }

    private static Duration ms(Map<String, CmapEntry> m, String key) {
        CmapEntry e = m.get(key);
        if (e == null) {
            throw new ParseException("corosync-cmapctl", 0, 0, "", "key " + key);
        }
        return Duration.ofMillis(Long.parseLong(e.value()));
    }

    private String run(String... argv) {
        return executor.runChecked(Command.of(argv)).stdout();
    }
}
