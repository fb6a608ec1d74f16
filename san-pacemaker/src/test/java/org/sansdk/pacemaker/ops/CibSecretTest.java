package org.sansdk.pacemaker.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Secret;
import org.sansdk.pacemaker.Tools;

/**
 * {@link CibSecret}'s commands keep the value off argv and out of every display; the values it accepts are exactly
 * the ones that come back unchanged through the bash builtins cibsecret (pacemaker-cli-utils 2.1) uses on them —
 * {@code read -p "Enter value: " CS_VALUE} for a value on stdin, {@code echo "$LF_VALUE" > file},
 * {@code printf %s "$LF_VALUE" | md5sum} for the {@code .sign} file — run here by the real bash and md5sum.
 */
class CibSecretTest {

    private static final String PW = "bmc pw'\"$HOME;|&<x>é";

    @Test
    void set_putsTheValueOnSecretStdinOnly() {
        Secret pw = Secret.of(PW);
        Command c = CibSecret.live().set("fence-storage-a", "password", pw);
        assertThat(c.argv()).containsExactly("cibsecret", "set", "fence-storage-a", "password");
        assertThat(c.stdinIsSecret()).isTrue();
        assertThat(new String(c.stdin().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo(PW + "\n");
        assertThat(c.toString()).doesNotContain(PW).doesNotContain("bmc pw");
        assertThat(c.secrets()).contains(pw);
        assertThat(c.redact("ERROR: x " + PW)).isEqualTo("ERROR: x ****");
        assertThat(CibSecret.filesOnly().set("fence-storage-a", "password", pw).argv())
                .containsExactly("cibsecret", "-C", "set", "fence-storage-a", "password");
    }

    @Test
    void otherSubcommands_haveTheDocumentedArgv() {
        assertThat(CibSecret.live().get("r", "p").argv()).containsExactly("cibsecret", "get", "r", "p");
        assertThat(CibSecret.live().check("r", "p").argv()).containsExactly("cibsecret", "check", "r", "p");
        assertThat(CibSecret.live().delete("r", "p").argv()).containsExactly("cibsecret", "delete", "r", "p");
        assertThat(CibSecret.live().stash("r", "p").argv()).containsExactly("cibsecret", "stash", "r", "p");
        assertThat(CibSecret.live().sync().argv()).containsExactly("cibsecret", "sync");
        assertThat(CibSecret.filesOnly().check("r", "p").argv()).containsExactly("cibsecret", "-C", "check", "r", "p");
        assertThatThrownBy(() -> CibSecret.filesOnly().stash("r", "p")).isInstanceOf(IllegalStateException.class);
        assertThat(CibSecret.file("fence-storage-a", "password")).hasToString("/var/lib/pacemaker/lrm/secrets/fence-storage-a/password");
        assertThat(CibSecret.signFile("fence-storage-a", "password"))
                .hasToString("/var/lib/pacemaker/lrm/secrets/fence-storage-a/password.sign");
    }

    @Test
    void namesThatAreNoPlainId_areRefused() {
        for (String bad : List.of("", "../etc", "a/b", "-C", "a b", ".hidden")) {
            assertThatThrownBy(() -> CibSecret.live().check(bad, "password")).as(bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> CibSecret.live().check("fence-a", bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void valuesCibsecretWouldChange_areRefused_withoutShowingThem() {
        for (String bad : List.of("", "with\\backslash", " lead-x9", "trail-x9 ", "two\nlines", "tab\tinside", "-n", "-neE", "lrm://",
                "x".repeat(255))) {
            assertThatThrownBy(() -> CibSecret.live().set("fence-a", "password", Secret.of(bad))).as(bad)
                    .isInstanceOfSatisfying(CibSecretException.class, e -> {
                        assertThat(e.reason()).isEqualTo(CibSecretException.Reason.NOT_STORABLE);
                        if (bad.length() > 3) {
                            assertThat(e.getMessage()).doesNotContain(bad.strip());
                        }
                    });
        }
        // the longest value Pacemaker reads back, and a multi-byte one that fits
        CibSecret.requireStorable(Secret.of("x".repeat(254)));
        assertThatThrownBy(() -> CibSecret.requireStorable(Secret.of("é".repeat(128)))).isInstanceOf(CibSecretException.class);
    }

    /** What the refused values become in bash, exactly as cibsecret handles them: proof that the rules are needed. */
    @Test
    void refusedValues_reallyChangeInBash() {
        assertThat(throughCibsecretBuiltins("a\\b").echoed()).isEqualTo("ab");
        assertThat(throughCibsecretBuiltins("  lead").echoed()).isEqualTo("lead");
        assertThat(throughCibsecretBuiltins("-n").echoed()).isEmpty();
        assertThat(throughCibsecretBuiltins("-e").echoed()).isEmpty();
    }

    record Builtins(String echoed, String md5) {
    }

    /** The value on stdin through cibsecret's own builtins: read (set without value), echo (the file), printf|md5sum (.sign). */
    private static Builtins throughCibsecretBuiltins(String value) {
        Command c = Command.builder("bash").args("-c", "read -p 'Enter value: ' CS_VALUE; printf %s \"$CS_VALUE\" | md5sum; echo \"$CS_VALUE\"")
                .secretStdin((value + "\n").getBytes(StandardCharsets.UTF_8)).build();
        CommandResult r = Tools.runOk(c);
        // first md5sum's line, then whatever echo wrote (nothing at all for an option-like value)
        String out = r.stdout();
        int nl = out.indexOf('\n');
        String echoed = out.substring(nl + 1);
        return new Builtins(echoed.endsWith("\n") ? echoed.substring(0, echoed.length() - 1) : echoed, out.substring(0, nl).split(" ")[0]);
    }

    @Provide
    Arbitrary<String> value() {
        return Arbitraries.strings().withChars(" !\"#$%&'()*+,-./09:;<=>?@AZ[]^_`az{|}~éß€").ofMinLength(1).ofMaxLength(40)
                .injectDuplicates(0.0);
    }

    @Property(tries = 60, seed = "20261128")
    void storableValues_comeBackUnchangedThroughCibsecretsBuiltins(@ForAll("value") String value) {
        boolean storable;
        try {
            CibSecret.requireStorable(Secret.of(value));
            storable = true;
        } catch (CibSecretException e) {
            storable = false;
        }
        Assume.that(storable);
        Builtins b = throughCibsecretBuiltins(value);
        assertThat(b.echoed()).isEqualTo(value);
        // the .sign cibsecret writes is the MD5 Pacemaker checks, and md5Hex computes the same
        assertThat(b.md5()).isEqualTo(CibSecret.md5Hex(Secret.of(value)));
    }

    @Test
    void md5Hex_isMd5sumOfTheBytes() {
        CommandResult r = Tools.runOk(Command.builder("md5sum").stdin(PW.getBytes(StandardCharsets.UTF_8)).build());
        assertThat(CibSecret.md5Hex(Secret.of(PW))).isEqualTo(r.stdout().split(" ")[0]);
    }

    @Test
    void failures_areTyped_andAQuotedCibValueIsMasked() {
        Command c = CibSecret.live().set("fence-a", "password", Secret.of("new-pw-1"));
        // cibsecret 2.1 prints its errors on stdout; a conflicting plain CIB value is quoted in <…>
        CommandResult r = CommandResult.of(78, "ERROR: CIB value <old-plain-pw> different for fence-a parameter password; please delete it first\n", "");
        assertThatThrownBy(() -> CibSecret.requireSuccess(c, r)).isInstanceOfSatisfying(CibSecretException.class, e -> {
            assertThat(e.reason()).isEqualTo(CibSecretException.Reason.CIB_CONFLICT);
            assertThat(e.exitCode()).isEqualTo(78);
            assertThat(e.getMessage()).contains("please delete it first").contains("<****>").doesNotContain("old-plain-pw")
                    .doesNotContain("new-pw-1");
        });
        assertThat(CibSecretException.Reason.ofExitCode(104)).isEqualTo(CibSecretException.Reason.DIGEST_MISMATCH);
        assertThat(CibSecretException.Reason.ofExitCode(72)).isEqualTo(CibSecretException.Reason.NO_LOCAL_SECRET);
        assertThat(CibSecretException.Reason.ofExitCode(105)).isEqualTo(CibSecretException.Reason.NO_SUCH_RESOURCE);
        assertThat(CibSecret.value(CommandResult.ok("s3cret-value\n")).reveal()).isEqualTo("s3cret-value");
        assertThat(CibSecret.requireSuccess(c, CommandResult.ok("")).exitCode()).isZero();
    }
}
