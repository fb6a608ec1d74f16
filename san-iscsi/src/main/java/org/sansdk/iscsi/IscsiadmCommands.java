package org.sansdk.iscsi;

import java.util.ArrayList;
import java.util.List;
import org.sansdk.core.Command;
import org.sansdk.core.Iqn;

/**
 * The {@code iscsiadm} command lines the SDK runs, as argv lists. No builder takes a password: CHAP secrets
 * go into the record files open-iscsi reads ({@link NodeRecordFile}), written 0600 through a plan, never on
 * an {@code -o update -v SECRET} command line ({@code ps}, {@code /proc/PID/cmdline}).
 *
 * <pre>{@code executor.run(IscsiadmCommands.login(target, Portal.of("10.10.10.2", 3260, 1)));}</pre>
 */
public final class IscsiadmCommands {
    /** The program. */
    public static final String ISCSIADM = "iscsiadm";

    private IscsiadmCommands() {
    }

    /** {@code iscsiadm -m session}. */
    public static Command sessions() {
        return Command.of(ISCSIADM, "-m", "session");
    }

    /**
     * {@code iscsiadm -m session -P LEVEL}.
     *
     * @param level 0 to 3
     */
    public static Command sessions(int level) {
        if (level < 0 || level > 3) {
            throw new IllegalArgumentException("print level 0..3, not " + level);
        }
        return level == 0 ? sessions() : Command.of(ISCSIADM, "-m", "session", "-P", Integer.toString(level));
    }

    /** {@code iscsiadm -m session -R}: rescan every session's LUNs. */
    public static Command rescanAll() {
        return Command.of(ISCSIADM, "-m", "session", "-R");
    }

    /** {@code iscsiadm -m session -r SID -R}: rescan one session. */
    public static Command rescan(int sid) {
        return Command.of(ISCSIADM, "-m", "session", "-r", Integer.toString(sid), "-R");
    }

    /** {@code iscsiadm -m node}: the node records. */
    public static Command nodes() {
        return Command.of(ISCSIADM, "-m", "node");
    }

    /** {@code iscsiadm -m discovery -t sendtargets -p PORTAL} (no discovery CHAP). */
    public static Command discover(Portal portal) {
        return Command.of(ISCSIADM, "-m", "discovery", "-t", "sendtargets", "-p", portal.hostPort());
    }

    /**
     * {@code iscsiadm -m discoverydb -t sendtargets -p PORTAL --discover}: discovery through the discovery record,
     * whose CHAP settings {@link NodeRecordFile#discoveryPlan} wrote.
     */
    public static Command discoverWithRecord(Portal portal) {
        return Command.of(ISCSIADM, "-m", "discoverydb", "-t", "sendtargets", "-p", portal.hostPort(), "--discover");
    }

    /** {@code iscsiadm -m node -o new -T TARGET -p PORTAL}. */
    public static Command nodeNew(Iqn target, Portal portal) {
        return node(target, portal, "-o", "new");
    }

    /**
     * {@code iscsiadm -m node -T TARGET -p PORTAL -o update -n KEY -v VALUE}.
     *
     * @throws IllegalArgumentException for a password key: those go into the record file, never on argv
     */
    public static Command nodeUpdate(Iqn target, Portal portal, String key, String value) {
        if (NodeRecord.isSecretKey(key)) {
            throw new IllegalArgumentException(key + " is a CHAP secret: write it with NodeRecordFile (0600 file),"
                    + " never as iscsiadm -v on a command line");
        }
        if (key.isBlank() || key.chars().anyMatch(Character::isWhitespace) || value.contains("\n")) {
            throw new IllegalArgumentException("a setting name without spaces and a one-line value");
        }
        return node(target, portal, "-o", "update", "-n", key, "-v", value);
    }

    /** {@code iscsiadm -m node -T TARGET -p PORTAL -o delete}. */
    public static Command nodeDelete(Iqn target, Portal portal) {
        return node(target, portal, "-o", "delete");
    }

    /** {@code iscsiadm -m node -T TARGET -p PORTAL -o show} (passwords masked). */
    public static Command nodeShow(Iqn target, Portal portal) {
        return node(target, portal, "-o", "show");
    }

    /** {@code iscsiadm -m node -T TARGET -p PORTAL -o show -S} (passwords shown: the output is secret). */
    public static Command nodeShowWithSecrets(Iqn target, Portal portal) {
        return node(target, portal, "-o", "show", "-S");
    }

    /** {@code iscsiadm -m node -T TARGET -p PORTAL --login}. */
    public static Command login(Iqn target, Portal portal) {
        return node(target, portal, "--login");
    }

    /** {@code iscsiadm -m node -T TARGET -p PORTAL --logout}. */
    public static Command logout(Iqn target, Portal portal) {
        return node(target, portal, "--logout");
    }

    /** {@code iscsiadm -m node --loginall=automatic}: the records with node.startup = automatic. */
    public static Command loginAllAutomatic() {
        return Command.of(ISCSIADM, "-m", "node", "--loginall=automatic");
    }

    /** {@code iscsiadm -m node --loginall=all}. */
    public static Command loginAll() {
        return Command.of(ISCSIADM, "-m", "node", "--loginall=all");
    }

    /** {@code iscsiadm -m node --logoutall=all}. */
    public static Command logoutAll() {
        return Command.of(ISCSIADM, "-m", "node", "--logoutall=all");
    }

    private static Command node(Iqn target, Portal portal, String... rest) {
        List<String> argv = new ArrayList<>(List.of(ISCSIADM, "-m", "node", "-T", target.toString(), "-p",
                portal.argument()));
        argv.addAll(List.of(rest));
        return Command.of(argv);
    }
}
