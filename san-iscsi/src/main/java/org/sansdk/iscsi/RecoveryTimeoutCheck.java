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
    private static final String SCRIPT = "for s in \"$1\"/class/iscsi_session/session*; do [ -d \"$s\" ] || continue;"
            + " printf '%s %s %s\\n' \"${s##*/}\" \"$(cat \"$s/recovery_tmo\")\" \"$(cat \"$s/targetname\")\"; done";

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

    /** The command that prints {@code sessionN TMO TARGET} per session. */
    public Command command() {
        return Command.of("sh", "-c", SCRIPT, "sh", sysfs.toString());
    }

    /** Reads every live session's recovery_tmo (an empty list when there is no session). */
    public List<Live> live() {
        String out = executor.runChecked(command()).stdout();
        List<Live> l = new ArrayList<>();
        if (out.isEmpty()) {
            return l;
        }
        Lines lines = Lines.of(sysfs + "/class/iscsi_session", out, "sessionN TMO TARGET", true);
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split(" ", 3);
            if (f.length != 3 || !f[0].matches("session\\d{1,9}") || !f[1].matches("-?\\d{1,9}") || f[2].isEmpty()) {
                throw lines.error(i, "sessionN RECOVERY_TMO TARGETNAME");
            }
            l.add(new Live(Integer.parseInt(f[0].substring(7)), f[2], Duration.ofSeconds(Long.parseLong(f[1]))));
        }
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
