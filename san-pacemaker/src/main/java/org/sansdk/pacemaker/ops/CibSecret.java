package org.sansdk.pacemaker.ops;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Secret;

/**
 * Pacemaker's {@code cibsecret} (pacemaker-cli-utils) as {@link Command}s: a resource parameter's value kept out of
 * the CIB. The value goes to {@value #DIRECTORY}{@code /<resource>/<parameter>} (mode 0600, directories 0700) with its
 * MD5 in {@code <parameter>.sign} on this node, is copied to every other live cluster node over ssh (cibsecret uses
 * pssh, pdsh or ssh, in that order, and pings the peers first with fping or ping), and the CIB holds
 * {@value #MAGIC} instead; Pacemaker's executor and fencer replace {@value #MAGIC} with the local file's value
 * (checked against the {@code .sign} MD5) whenever they run the agent.
 *
 * <p>The value never goes on a command line: {@code cibsecret set RSC PARAM} without a value reads it with bash's
 * {@code read} from standard input, which {@link #set} fills (a secret stdin, so the command shows only its length).
 * Inside, cibsecret handles it with shell builtins only ({@code echo}, {@code printf | md5sum}, {@code [ ]}), so
 * no process of its own gets it as an argument either. What {@code read}, {@code echo} and Pacemaker's reader
 * change cannot be stored this way; {@link #requireStorable} refuses it (see there).
 *
 * <p>{@link #live()} reads and writes the CIB ({@code crm_resource}): {@code set} refuses when the CIB holds another
 * plain value and sets the parameter to {@value #MAGIC} after copying the files. {@link #filesOnly()} adds
 * {@code -C}: only the files on every node, nothing in the CIB (for a CIB that is loaded with {@value #MAGIC}
 * afterwards, so the resource never starts without its secret).
 *
 * <pre>{@code executor.run(CibSecret.live().set("fence-storage-a", "password", Secret.of(pw)));}</pre>
 */
public final class CibSecret {
    /** The value the CIB holds for a parameter kept by cibsecret. */
    public static final String MAGIC = "lrm://";
    /** Where every node keeps the values ({@code LRM_CIBSECRETS_DIR} of Pacemaker's build). */
    public static final String DIRECTORY = "/var/lib/pacemaker/lrm/secrets";
    /**
     * The longest value in bytes Pacemaker reads back: {@code fgets} into a 255-byte buffer (Pacemaker 2.1
     * {@code lib/common/cib_secrets.c}) takes at most 254 bytes; a longer value would fail its MD5 check.
     */
    public static final int MAX_VALUE_BYTES = 254;

    /** A resource id or parameter name: also a path component under {@value #DIRECTORY}. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.:-]*");
    /** bash's builtin echo takes a first argument made only of these option letters as options, printing nothing of it. */
    private static final Pattern ECHO_OPTION = Pattern.compile("-[neE]+");

    private final boolean withCib;

    private CibSecret(boolean withCib) {
        this.withCib = withCib;
    }

    /** Commands that read and write the CIB as well as the files. Usage: {@code CibSecret.live().check("fence-a", "password")}. */
    public static CibSecret live() {
        return new CibSecret(true);
    }

    /**
     * Commands with {@code -C}: the secret files on every live node only, the CIB neither read nor written
     * ({@code check}/{@code get} then skip the CIB's {@value #MAGIC} check). Usage: {@code CibSecret.filesOnly().set(rsc, param, pw)}.
     */
    public static CibSecret filesOnly() {
        return new CibSecret(false);
    }

    private Command.Builder base(String sub) {
        Command.Builder b = Command.builder("cibsecret");
        if (!withCib) {
            b.arg("-C");
        }
        return b.arg(sub);
    }

    /**
     * {@code cibsecret [-C] set RSC PARAM} with the value on standard input: stores it on this node, copies it to the
     * other live nodes, and (with the CIB) sets the parameter to {@value #MAGIC}. Exit 78 when the CIB holds another
     * plain value for the parameter (delete it first), 105 when the resource does not exist.
     * Usage: {@code exec.run(CibSecret.live().set("fence-storage-a", "password", pw))}.
     *
     * @throws CibSecretException ({@link CibSecretException.Reason#NOT_STORABLE}) for a value cibsecret would change
     * @throws IllegalArgumentException for a resource or parameter name that is not a plain id
     */
    public Command set(String resource, String parameter, Secret value) {
        requireStorable(value);
        return base("set").arg(name(resource)).arg(name(parameter))
                .secretStdin((value.reveal() + "\n").getBytes(StandardCharsets.UTF_8)).secret(value).build();
    }

    /**
     * {@code cibsecret [-C] get RSC PARAM}: the local value on stdout (after the MD5 check). Its output IS the secret:
     * read it with {@link #value(CommandResult)} and never log the result.
     * Usage: {@code Secret pw = CibSecret.value(exec.run(CibSecret.live().get("fence-a", "password")))}.
     */
    public Command get(String resource, String parameter) {
        return base("get").arg(name(resource)).arg(name(parameter)).build();
    }

    /**
     * {@code cibsecret [-C] check RSC PARAM}: exit 0 when the local value matches its local MD5 (and, with the CIB, the
     * CIB holds {@value #MAGIC}); 72 without a local {@code .sign}, 104 on a mismatch, 78 when the CIB holds a plain value.
     * Usage: {@code exec.run(CibSecret.live().check("fence-a", "password"))}.
     */
    public Command check(String resource, String parameter) {
        return base("check").arg(name(resource)).arg(name(parameter)).build();
    }

    /**
     * {@code cibsecret [-C] delete RSC PARAM}: removes the files here and on the live peers and (with the CIB) the
     * parameter from the CIB. Usage: {@code exec.run(CibSecret.live().delete("fence-a", "password"))}.
     */
    public Command delete(String resource, String parameter) {
        return base("delete").arg(name(resource)).arg(name(parameter)).build();
    }

    /**
     * {@code cibsecret stash RSC PARAM}: moves a plain value already in the CIB into the files ({@value #MAGIC} in the CIB
     * afterwards). The value passes through no argv (cibsecret reads it with {@code crm_resource -g}). Not with
     * {@link #filesOnly()}. Usage: {@code exec.run(CibSecret.live().stash("fence-a", "password"))}.
     *
     * @throws IllegalStateException on a {@link #filesOnly()} instance (cibsecret refuses {@code -C stash})
     */
    public Command stash(String resource, String parameter) {
        if (!withCib) {
            throw new IllegalStateException("cibsecret stash needs the CIB: use CibSecret.live()");
        }
        return base("stash").arg(name(resource)).arg(name(parameter)).build();
    }

    /**
     * {@code cibsecret [-C] sync}: replaces {@value #DIRECTORY} on every other live node with this node's copy (run it
     * from a node that has them all, e.g. before starting Pacemaker on a node that was down). Usage: {@code exec.run(CibSecret.live().sync())}.
     */
    public Command sync() {
        return base("sync").build();
    }

    /**
     * Runs nothing: the {@link CibSecretException} for a failed cibsecret result, or the result when it exited 0.
     * cibsecret prints its errors on stdout, so both streams are kept (redacted; CIB values it quotes masked).
     * Usage: {@code CibSecret.requireSuccess(cmd, exec.run(cmd))}.
     *
     * @throws CibSecretException when {@code result} is not a success
     */
    public static CommandResult requireSuccess(Command command, CommandResult result) {
        if (result.exitCode() == 0) {
            return result;
        }
        String out = (result.stdout() + "\n" + result.stderr()).strip();
        throw new CibSecretException(command, result.exitCode(), out);
    }

    /**
     * The value a successful {@link #get} printed (its trailing newline removed). Usage: {@code CibSecret.value(result)}.
     *
     * @throws CibSecretException when the run failed
     */
    public static Secret value(CommandResult getResult) {
        if (getResult.exitCode() != 0) {
            throw new CibSecretException(Command.of("cibsecret", "get"), getResult.exitCode(), getResult.stdout() + getResult.stderr());
        }
        String v = getResult.stdout();
        if (v.endsWith("\n")) {
            v = v.substring(0, v.length() - 1);
        }
        return Secret.of(v);
    }

    /**
     * Refuses a value that would not come back unchanged through cibsecret and Pacemaker: empty; longer than
     * {@value #MAX_VALUE_BYTES} UTF-8 bytes; any control character (bash's {@code read} stops at a newline, Pacemaker
     * reads one line); a backslash ({@code read} without {@code -r} drops it); a leading or trailing blank ({@code read}
     * strips them, Pacemaker strips trailing white space); {@code -n}, {@code -e}, {@code -E} or a combination such as
     * {@code -ne} (bash's {@code echo} takes them as options and writes nothing of them to the file); {@value #MAGIC}
     * itself. The reason names the rule, never the value. Usage: {@code CibSecret.requireStorable(pw)}.
     *
     * @throws CibSecretException ({@link CibSecretException.Reason#NOT_STORABLE})
     */
    public static void requireStorable(Secret value) {
        String v = value.reveal();
        if (v.isEmpty()) {
            throw new CibSecretException("the value is empty");
        }
        int bytes = v.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_VALUE_BYTES) {
            throw new CibSecretException(bytes + " bytes, Pacemaker reads at most " + MAX_VALUE_BYTES);
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new CibSecretException("a control character at position " + (i + 1) + " (cibsecret and Pacemaker read one line)");
            }
            if (c == '\\') {
                throw new CibSecretException("a backslash at position " + (i + 1) + " (cibsecret reads with bash's read without -r)");
            }
        }
        if (Character.isWhitespace(v.charAt(0)) || Character.isWhitespace(v.charAt(v.length() - 1))) {
            throw new CibSecretException("a leading or trailing blank (bash's read and Pacemaker strip it)");
        }
        if (ECHO_OPTION.matcher(v).matches()) {
            throw new CibSecretException("a value bash's echo takes as its options (-n, -e, -E)");
        }
        if (v.equals(MAGIC)) {
            throw new CibSecretException("the value is cibsecret's own marker");
        }
    }

    /** The file holding a parameter's value on every node. Usage: {@code CibSecret.file("fence-a", "password")}. */
    public static Path file(String resource, String parameter) {
        return Path.of(DIRECTORY, name(resource), name(parameter));
    }

    /** The file holding the MD5 of a parameter's value. Usage: {@code CibSecret.signFile("fence-a", "password")}. */
    public static Path signFile(String resource, String parameter) {
        return Path.of(DIRECTORY, name(resource), name(parameter) + ".sign");
    }

    /**
     * The MD5 (lower-case hex) cibsecret writes to the {@code .sign} file and Pacemaker checks: of the value's bytes,
     * without a newline. Usage: {@code CibSecret.md5Hex(pw)}.
     */
    public static String md5Hex(Secret value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(value.revealUtf8()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java platform", e);
        }
    }

    /** True for the value the CIB holds for a parameter kept by cibsecret. Usage: {@code CibSecret.isReference(v)}. */
    public static boolean isReference(String cibValue) {
        return MAGIC.equals(cibValue);
    }

    private static String name(String id) {
        if (id == null || !NAME.matcher(id).matches()) {
            throw new IllegalArgumentException("not a resource id or parameter name cibsecret can use as a file name: '" + id + "'");
        }
        return id;
    }

    @Override
    public String toString() {
        return withCib ? "CibSecret[live]" : "CibSecret[filesOnly]";
    }
}
