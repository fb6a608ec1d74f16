package org.sansdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Executor} adapter shares. Each adapter's test extends this class and
 * provides an executor able to answer the scenarios: real adapters run them, replaying and recording
 * adapters are primed with the answers the real programs give.
 */
abstract class ExecutorContract {

    /** A command with the result a real POSIX system gives for it. */
    record Scenario(Command command, CommandResult expected) {
    }

    static final Secret SECRET = Secret.of("s3cr3t-P@ss 'q'");

    static final Scenario ARGV = new Scenario(
            Command.of("printf", "%s|", "a", "b c", "it's", "$HOME", "*", "", "ünï\ncode", "`id`"),
            CommandResult.of(0, "a|b c|it's|$HOME|*||ünï\ncode|`id`|", ""));
    static final Scenario FAILS = new Scenario(
            Command.of("sh", "-c", "echo out; echo 'bad thing happened' >&2; exit 3"),
            CommandResult.of(3, "out\n", "bad thing happened\n"));
    static final Scenario STDIN = new Scenario(
            Command.builder("cat").stdin("line one\nline two\n").build(),
            CommandResult.of(0, "line one\nline two\n", ""));
    static final Scenario ENV = new Scenario(
            Command.builder("printenv").arg("SAN_CONTRACT_VAR").env("SAN_CONTRACT_VAR", "value with space").build(),
            CommandResult.of(0, "value with space\n", ""));
    static final Scenario SECRET_FAILS = new Scenario(
            Command.builder("sh").args("-c", "echo \"login failed for password $1\" >&2; exit 24", "sh")
                    .secretArg("", SECRET).build(),
            CommandResult.of(24, "", "login failed for password " + SECRET.reveal() + "\n"));

    static final Secret ENV_SECRET = Secret.of("env s3cret\nwith 'quotes' $HOME ünï");
    static final Scenario SECRET_ENV = new Scenario(
            Command.builder("sh").args("-c", "printf '%s|' \"$SAN_SECRET_VAR\" \"$SAN_PLAIN_VAR\"; cat")
                    .secretEnv("SAN_SECRET_VAR", ENV_SECRET).env("SAN_PLAIN_VAR", "plain").stdin("stdin after\n").build(),
            CommandResult.of(0, ENV_SECRET.reveal() + "|plain|stdin after\n", ""));

    static final List<Scenario> ALL = List.of(ARGV, FAILS, STDIN, ENV, SECRET_FAILS, SECRET_ENV);

    /** An executor that can answer every scenario in {@link #ALL}. */
    abstract Executor executor(List<Scenario> scenarios);

    private CommandResult run(Scenario s) {
        return executor(ALL).run(s.command());
    }

    @Test
    void run_passesArgvExactly() {
        CommandResult r = run(ARGV);
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).isEqualTo(ARGV.expected().stdout());
    }

    @Test
    void run_secretEnvironment_reachesTheCommand_andStdinStillFollows() {
        CommandResult r = run(SECRET_ENV);
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).isEqualTo(SECRET_ENV.expected().stdout());
    }

    @Test
    void run_nonZeroExit_isAResultNotAnException() {
        CommandResult r = run(FAILS);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.isSuccess()).isFalse();
        assertThat(r.stdout()).isEqualTo("out\n");
        assertThat(r.stderr()).isEqualTo("bad thing happened\n");
    }

    @Test
    void runChecked_nonZeroExit_throwsWithExitCodeAndStderrTail() {
        Executor e = executor(ALL);
        assertThatThrownBy(() -> e.runChecked(FAILS.command()))
                .isInstanceOfSatisfying(CommandFailedException.class, ex -> {
                    assertThat(ex.exitCode()).isEqualTo(3);
                    assertThat(ex.stderrTail()).isEqualTo("bad thing happened");
                    assertThat(ex.getMessage()).contains("exit code 3").contains("bad thing happened");
                });
    }

    @Test
    void run_deliversStdin() {
        assertThat(run(STDIN).stdout()).isEqualTo("line one\nline two\n");
    }

    @Test
    void run_addsEnvironment() {
        assertThat(run(ENV).stdout()).isEqualTo("value with space\n");
    }

    @Test
    void runChecked_failureMessage_neverShowsTheSecret() {
        Executor e = executor(ALL);
        assertThatThrownBy(() -> e.runChecked(SECRET_FAILS.command()))
                .isInstanceOfSatisfying(CommandFailedException.class, ex -> {
                    assertThat(ex.exitCode()).isEqualTo(24);
                    assertThat(ex.getMessage()).doesNotContain(SECRET.reveal()).contains("login failed for password ****");
                    assertThat(ex.stderrTail()).doesNotContain(SECRET.reveal());
                    assertThat(ex.command().toString()).doesNotContain(SECRET.reveal());
                });
    }
}
