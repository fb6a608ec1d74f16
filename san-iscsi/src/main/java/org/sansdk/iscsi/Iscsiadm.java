package org.sansdk.iscsi;

import java.util.List;
import java.util.Objects;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;
import org.sansdk.core.Iqn;

/**
 * iscsiadm on one host, through an {@link Executor}: runs the {@link IscsiadmCommands}, turns exit codes into
 * typed answers ({@code 21} "none" → an empty typed result, {@code 15} on a login → already logged in) or
 * typed exceptions ({@link IscsiAuthenticationException} for 24, {@link UnknownSettingException} for 7 on an
 * update, {@link IscsiadmException} with {@link IscsiadmExit} otherwise). Never reads stderr.
 *
 * <pre>{@code SessionTree t = Iscsiadm.on(new LocalExecutor()).sessionTree(3);}</pre>
 */
public final class Iscsiadm {
    private final Executor executor;

    private Iscsiadm(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** The facade bound to an executor: {@code Iscsiadm.on(executor)}. */
    public static Iscsiadm on(Executor executor) {
        return new Iscsiadm(executor);
    }

    /** What a login found. */
    public enum LoginOutcome {
        /** A new session. */
        LOGGED_IN,
        /** iscsiadm exit 15: the session already existed, which is success for a login. */
        ALREADY_LOGGED_IN
    }

    /** {@code iscsiadm -m session}; exit 21 is {@link SessionList#none()}. */
    public SessionList sessions() {
        Command c = IscsiadmCommands.sessions();
        CommandResult r = executor.run(c);
        if (r.exitCode() == IscsiadmExit.NO_OBJS_FOUND.code()) {
            return SessionList.none();
        }
        return SessionListParser.parse("iscsiadm -m session", ok(c, r).stdout());
    }

    /**
     * {@code iscsiadm -m session -P LEVEL} (1..3); exit 21 gives a tree with no targets.
     *
     * <pre>{@code Iscsiadm.on(ex).sessionTree(3).sessions()}</pre>
     */
    public SessionTree sessionTree(int level) {
        if (level < 1 || level > 3) {
            throw new IllegalArgumentException("tree levels are 1..3 (level 0 is sessions())");
        }
        Command c = IscsiadmCommands.sessions(level);
        CommandResult r = executor.run(c);
        if (r.exitCode() == IscsiadmExit.NO_OBJS_FOUND.code()) {
            return new SessionTree(level, java.util.Optional.empty(), java.util.Optional.empty(), List.of());
        }
        return SessionTreeParser.parse("iscsiadm -m session -P " + level, ok(c, r).stdout());
    }

    /** {@code iscsiadm -m node}; exit 21 is {@link NodeList#none()}. */
    public NodeList nodes() {
        return list(IscsiadmCommands.nodes(), "iscsiadm -m node");
    }

    /** {@code iscsiadm -m discovery -t sendtargets -p PORTAL}; exit 21 is {@link NodeList#none()}. */
    public NodeList discover(Portal portal) {
        return list(IscsiadmCommands.discover(portal), "sendtargets " + portal.hostPort());
    }

    /** Discovery through the discovery record (discovery CHAP written by {@link NodeRecordFile#discoveryPlan}). */
    public NodeList discoverWithRecord(Portal portal) {
        return list(IscsiadmCommands.discoverWithRecord(portal), "sendtargets " + portal.hostPort());
    }

    /** {@code iscsiadm -m node -o new -T TARGET -p PORTAL}. */
    public void newNode(Iqn target, Portal portal) {
        run(IscsiadmCommands.nodeNew(target, portal));
    }

    /**
     * {@code iscsiadm -m node -T … -p … -o update -n KEY -v VALUE}.
     *
     * @throws UnknownSettingException when iscsiadm does not know the key (exit 7)
     */
    public void update(Iqn target, Portal portal, String key, String value) {
        Command c = IscsiadmCommands.nodeUpdate(target, portal, key, value);
        CommandResult r = executor.run(c);
        if (r.exitCode() == IscsiadmExit.INVAL.code()) {
            throw new UnknownSettingException(c, r.exitCode(), key);
        }
        ok(c, r);
    }

    /** {@code iscsiadm -m node -T … -p … -o delete}. */
    public void delete(Iqn target, Portal portal) {
        run(IscsiadmCommands.nodeDelete(target, portal));
    }

    /** {@code iscsiadm -m node -T … -p … -o show} (passwords masked). */
    public NodeRecord show(Iqn target, Portal portal) {
        return NodeRecordParser.parse("iscsiadm -o show", run(IscsiadmCommands.nodeShow(target, portal)).stdout());
    }

    /** {@code iscsiadm -m node -T … -p … -o show -S}: passwords as {@link org.sansdk.core.Secret}s. */
    public NodeRecord showWithSecrets(Iqn target, Portal portal) {
        return NodeRecordParser.parse("iscsiadm -o show -S", run(IscsiadmCommands.nodeShowWithSecrets(target, portal)).stdout());
    }

    /**
     * Logs in to one target portal; exit 15 (session exists) is success.
     *
     * @throws IscsiAuthenticationException on exit 24
     */
    public LoginOutcome login(Iqn target, Portal portal) {
        Command c = IscsiadmCommands.login(target, portal);
        CommandResult r = executor.run(c);
        if (r.exitCode() == IscsiadmExit.SESS_EXISTS.code()) {
            return LoginOutcome.ALREADY_LOGGED_IN;
        }
        ok(c, r);
        return LoginOutcome.LOGGED_IN;
    }

    /** Logs out of one target portal; exit 21 (no session) means there was nothing to log out of: true when one was. */
    public boolean logout(Iqn target, Portal portal) {
        Command c = IscsiadmCommands.logout(target, portal);
        CommandResult r = executor.run(c);
        if (r.exitCode() == IscsiadmExit.NO_OBJS_FOUND.code()) {
            return false;
        }
        ok(c, r);
        return true;
    }

    /** {@code iscsiadm -m node --loginall=automatic}; exit 15 is success. */
    public void loginAllAutomatic() {
        Command c = IscsiadmCommands.loginAllAutomatic();
        CommandResult r = executor.run(c);
        if (r.exitCode() != IscsiadmExit.SESS_EXISTS.code()) {
            ok(c, r);
        }
    }

    /** {@code iscsiadm -m node --logoutall=all}; exit 21 (no session) is success. */
    public void logoutAll() {
        Command c = IscsiadmCommands.logoutAll();
        CommandResult r = executor.run(c);
        if (r.exitCode() != IscsiadmExit.NO_OBJS_FOUND.code()) {
            ok(c, r);
        }
    }

    /** {@code iscsiadm -m session -R}. */
    public void rescanAll() {
        run(IscsiadmCommands.rescanAll());
    }

    /** {@code iscsiadm -m session -r SID -R}. */
    public void rescan(int sid) {
        run(IscsiadmCommands.rescan(sid));
    }

    private NodeList list(Command c, String source) {
        CommandResult r = executor.run(c);
        if (r.exitCode() == IscsiadmExit.NO_OBJS_FOUND.code()) {
            return NodeList.none();
        }
        return NodeListParser.parse(source, ok(c, r).stdout());
    }

    private CommandResult run(Command c) {
        return ok(c, executor.run(c));
    }

    private static CommandResult ok(Command c, CommandResult r) {
        if (r.exitCode() != 0) {
            throw IscsiadmException.of(c, r.exitCode());
        }
        return r;
    }
}
