package org.sansdk.iscsi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sansdk.core.Command;
import org.sansdk.core.Executor;
import org.sansdk.core.ParseException;
import org.sansdk.iscsi.internal.Lines;

/**
 * {@code replacement_timeout} is read at login only: a changed node record or iscsid.conf leaves running
 * sessions on their old value. This check reads each live session's {@code recovery_tmo} from sysfs
 * ({@code /sys/class/iscsi_session/session*}), through the executor, and reports the sessions whose value
 * differs from the wanted one (they need a logout/login, or a write of the new value to recovery_tmo).
 *
 * <pre>{@code List<RecoveryTimeoutCheck.Stale> stale = RecoveryTimeoutCheck.on(executor).check(Duration.ofSeconds(5));}</pre>
 */
public final class RecoveryTimeoutCheck {
    /** The sysfs root on a live host. */
    public static final Path SYSFS = Path.of("/sys");
    private static final List<String> ATTRIBUTES = List.of("recovery_tmo", "targetname");

    private final Executor executor;
    private final Path sysfs;

    private RecoveryTimeoutCheck(Executor executor, Path sysfs) {
        this.executor = Objects.requireNonNull(executor);
        this.sysfs = Objects.requireNonNull(sysfs);
    }

    /** The check on a host's live sysfs. */
    public static RecoveryTimeoutCheck on(Executor executor) {
        return new RecoveryTimeoutCheck(executor, SYSFS);
    }

    /** The check on a sysfs tree under another root (a recorded tree). */
    public static RecoveryTimeoutCheck on(Executor executor, Path sysfsRoot) {
        return new RecoveryTimeoutCheck(executor, sysfsRoot);
    }

    /**
     * One live session's recovery timeout.
     *
     * <pre>{@code l.sid() + " " + l.recoveryTimeout()}</pre>
     *
     * @param sid             the session id
     * @param target          the target name
     * @param recoveryTimeout sysfs recovery_tmo
     */
    public record Live(int sid, String target, Duration recoveryTimeout) {
    }

    /**
     * A session still running with another value than wanted.
     *
     * <pre>{@code "session" + s.sid() + " has " + s.live() + ", wants " + s.wanted()}</pre>
     *
     * @param sid    the session id
     * @param target the target name
     * @param live   its recovery_tmo
     * @param wanted the configured replacement_timeout
     */
    public record Stale(int sid, String target, Duration live, Duration wanted) {
    }

    private String sessionsDir() {
        return sysfs + "/class/iscsi_session";
    }

    /**
     * The command that prints {@code DIR/sessionN/ATTRIBUTE:VALUE} for each session's recovery_tmo and
     * targetname (an argv, no shell: {@code find -L DIR … -exec grep -H . {} +}).
     */
    public Command command() {
        return Command.of("find", "-L", sessionsDir(), "-mindepth", "2", "-maxdepth", "2", "(", "-name", ATTRIBUTES.get(0),
                "-o", "-name", ATTRIBUTES.get(1), ")", "-exec", "grep", "-H", ".", "{}", "+");
    }

    /** Reads every live session's recovery_tmo (an empty list when there is no session). */
    public List<Live> live() {
        // no iscsi_session class (module not loaded, no session ever) means no session
        if (executor.run(Command.of("test", "-d", sessionsDir())).exitCode() != 0) {
            return new ArrayList<>();
        }
        String out = executor.runChecked(command()).stdout();
        java.util.TreeMap<Integer, java.util.Map<String, String>> bySession = new java.util.TreeMap<>();
        if (out.isEmpty()) {
            return new ArrayList<>();
        }
        String prefix = sessionsDir() + "/";
        Lines lines = Lines.of(sessionsDir(), out, "DIR/sessionN/ATTRIBUTE:VALUE", true);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String rest = line.startsWith(prefix) ? line.substring(prefix.length()) : "";
            int slash = rest.indexOf('/');
            int colon = rest.indexOf(':', Math.max(slash, 0));
            String session = slash > 0 ? rest.substring(0, slash) : "";
            String attribute = slash > 0 && colon > slash ? rest.substring(slash + 1, colon) : "";
            if (!session.matches("session\\d{1,9}") || !ATTRIBUTES.contains(attribute) || colon + 1 >= rest.length()) {
                throw lines.error(i, "DIR/sessionN/recovery_tmo:SECONDS or DIR/sessionN/targetname:IQN");
            }
            String value = rest.substring(colon + 1);
            if (attribute.equals("recovery_tmo") && !value.matches("-?\\d{1,9}")) {
                throw lines.error(i, "recovery_tmo as whole seconds");
            }
            String before = bySession.computeIfAbsent(Integer.parseInt(session.substring(7)), k -> new java.util.TreeMap<>())
                    .putIfAbsent(attribute, value);
            if (before != null) {
                throw lines.error(i, "each attribute of " + session + " once");
            }
        }
        List<Live> l = new ArrayList<>();
        bySession.forEach((sid, attrs) -> {
            if (attrs.size() != ATTRIBUTES.size()) {
                throw lines.error(lines.size() - 1, "recovery_tmo and targetname of session" + sid + " (the listing ends without one)");
            }
            l.add(new Live(sid, attrs.get("targetname"), Duration.ofSeconds(Long.parseLong(attrs.get("recovery_tmo")))));
        });
        return l;
    }

    /** The sessions whose recovery_tmo is not {@code wanted}. */
    public List<Stale> check(Duration wanted) {
        return live().stream().filter(l -> !l.recoveryTimeout().equals(wanted))
                .map(l -> new Stale(l.sid(), l.target(), l.recoveryTimeout(), wanted)).toList();
    }

    /**
     * The sessions of the record's target whose recovery_tmo is not the record's
     * {@code node.session.timeo.replacement_timeout}.
     *
     * @throws ParseException never for the record; IllegalArgumentException when it has no replacement_timeout
     */
    public List<Stale> check(NodeRecord record) {
        String target = record.value("node.name").orElseThrow(() -> new IllegalArgumentException("node.name missing"));
        Duration wanted = Duration.ofSeconds(Long.parseLong(record.value("node.session.timeo.replacement_timeout")
                .orElseThrow(() -> new IllegalArgumentException("no replacement_timeout in the record"))));
        return live().stream().filter(l -> l.target().equals(target) && !l.recoveryTimeout().equals(wanted))
                .map(l -> new Stale(l.sid(), l.target(), l.recoveryTimeout(), wanted)).toList();
    }
}
