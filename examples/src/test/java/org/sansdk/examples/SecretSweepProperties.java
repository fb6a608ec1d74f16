package org.sansdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sansdk.core.Command;
import org.sansdk.core.CommandFailedException;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;
import org.sansdk.core.LocalExecutor;
import org.sansdk.core.Plan;
import org.sansdk.core.PlanStepFailedException;
import org.sansdk.core.RecordingExecutor;
import org.sansdk.core.Secret;
import org.sansdk.core.SshExecutor;

/**
 * The cross-module secret sweep: every command, plan and model that accepts a {@link Secret} is built with
 * random secret values, and the value must be in no argv, no environment sent over SSH, no
 * {@code toString}, no plan text, no exception message and no log line (slf4j is set to trace for this
 * module's tests and its output captured) — while the real program still receives it.
 */
class SecretSweepProperties {

    /** Secrets a user could choose: printable, unicode, spaces, quotes, '=' and shell metacharacters. */
    @Provide
    Arbitrary<String> secrets() {
        return Arbitraries.strings().withCharRange('!', '~').withChars(" äü€'\"=$`\\").ofMinLength(8).ofMaxLength(40)
                .filter(s -> !s.isBlank() && !s.strip().equals(Secret.MASK));
    }

    /** Everything a user or a log could see, gathered per case. */
    static final class Seen {
        final List<String> texts = new ArrayList<>();

        void add(Object o) {
            texts.add(String.valueOf(o));
        }

        void argv(Command c) {
            texts.addAll(c.argv());
            texts.add(c.toString());
        }

        void sshSide(Command local) {
            // what reaches ssh's own argv and environment (visible in ps on both hosts)
            argv(local);
            local.env().forEach((k, v) -> texts.add(k + "=" + v));
        }

        void assertNone(String secret) {
            for (String t : texts) {
                assertThat(t).as("a user-visible text").doesNotContain(secret);
            }
        }
    }

    /** Runs {@code body} with System.err captured (slf4j-simple writes there at call time). */
    static String capturingLogs(Runnable body) {
        PrintStream saved = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setErr(saved);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    private static final LocalExecutor LOCAL = new LocalExecutor(Duration.ofSeconds(20));

    @Property(tries = 40, seed = "20261128")
    void core_commandsPlansAndExecutors_neverShowTheSecret_andTheProgramReceivesIt(@ForAll("secrets") String value) {
        Secret secret = Secret.of(value);
        Seen seen = new Seen();
        Command viaStdin = Command.builder("cat").secretStdin(value.getBytes(StandardCharsets.UTF_8)).build();
        Command viaEnv = Command.builder("printenv").arg("SAN_SWEEP").secretEnv("SAN_SWEEP", secret).build();
        Command failing = Command.builder("sh").args("-c", "cat >&2; exit 3").secretStdin(value.getBytes(StandardCharsets.UTF_8))
                .secret(secret).build();
        String logs = capturingLogs(() -> {
            // the real programs receive the value
            assertThat(LOCAL.runChecked(viaStdin).stdout()).isEqualTo(value);
            assertThat(LOCAL.runChecked(viaEnv).stdout()).isEqualTo(value + "\n");
            try {
                LOCAL.runChecked(failing);
                throw new AssertionError("expected a failure");
            } catch (CommandFailedException e) {
                seen.add(e.getMessage());
                seen.add(e);
            }
            Plan plan = Plan.builder("sweep")
                    .run("storage-a", viaStdin, "stdin")
                    .run("storage-a", viaEnv, "env")
                    .run("storage-a", failing, "fails")
                    .writeFile("storage-a", Path.of("/etc/san/chap.env"), value.getBytes(StandardCharsets.UTF_8), 0600, "root:root", true, "file")
                    .build();
            seen.add(plan);
            plan.steps().forEach(s -> seen.add(s.describe()));
            RecordingExecutor dry = new RecordingExecutor();
            plan.steps().subList(0, 2).forEach(s -> dry.run(((Plan.RunStep) s).command()));
            seen.add(dry.script());
            try {
                plan.applyTo((Executor) LOCAL);
                throw new AssertionError("expected a failure");
            } catch (PlanStepFailedException e) {
                seen.add(e.getMessage());
                seen.add(e.getCause().getMessage());
            }
        });
        seen.add(logs);
        for (Command c : List.of(viaStdin, viaEnv, failing)) {
            seen.argv(c);
            seen.add(c.redactedArgv());
            seen.add(c.toScript());
        }
        SshExecutor ssh = SshExecutor.builder("storage-b").build();
        for (Command c : List.of(viaStdin, viaEnv, failing)) {
            seen.sshSide(ssh.sshCommand(c));
        }
        seen.add(CommandResult.of(1, "", value));
        seen.add(secret);
        seen.assertNone(value);
        assertThat(logs).as("the executor logged at trace level (or this sweep would prove nothing about logs)")
                .contains("printenv SAN_SWEEP");
    }

    /**
     * Across modules: every plan a tool module builds from a secret, applied through SSH, carries the secret
     * only on the secret stdin of its commands — never on ssh's own argv or environment, never in the plan
     * text or the recorded dry-run script.
     */
    @Property(tries = 25, seed = "20261129")
    void modulePlans_overSsh_carrySecretsOnlyOnSecretStdin(@ForAll("secrets") String value) {
        Secret secret = Secret.of(value);
        Secret mutual = Secret.of(value + "-mutual");   // contains the value: a leak of either shows
        Seen seen = new Seen();
        List<Plan> plans = new ArrayList<>();
        // san-pacemaker: a fencing device whose SNMP community is a secret, as the design plan
        org.sansdk.pacemaker.design.SanResourceSpec design = org.sansdk.pacemaker.design.SanResourceSpec.builder()
                .vip("enduser", "10.30.30.10/24", "eth-enduser")
                .services(org.sansdk.pacemaker.design.SanService.NFS)
                .fencing(org.sansdk.pacemaker.design.FencingDevice.of("storage-a", "fence_apc_snmp",
                        java.util.Map.of("ip", "10.20.20.201", "plug", "1")).withSecret("community", secret))
                .fencing(org.sansdk.pacemaker.design.FencingDevice.of("storage-b", "fence_apc_snmp",
                        java.util.Map.of("ip", "10.20.20.201", "plug", "2")).withSecret("community", secret))
                .build();
        plans.add(org.sansdk.pacemaker.design.SanResourceSet.plan(design, "storage-a", org.sansdk.pacemaker.ops.Pcs.live()));
        seen.add(design);
        // san-lio: the backend target's replication CHAP (forward and mutual) as a targetcli batch; targetcli's
        // own parser takes a narrower character set, so this value keeps only those characters
        String lioValue = "LIOq" + value.replaceAll("[^A-Za-z0-9?;&*$!,_+/.<>()~@:%\\[\\]-]", "Z");
        org.sansdk.lio.Chap chap = org.sansdk.lio.Chap.of("iscsi-repl-user", Secret.of(lioValue))
                .withMutual("iscsi-target-user", Secret.of(lioValue + "-m"));
        org.sansdk.lio.design.BackendTargetSpec backend = new org.sansdk.lio.design.BackendTargetSpec(
                org.sansdk.core.Iqn.parse("iqn.2025-01.lab.home:storage-a"), org.sansdk.core.IpCidr.parse("10.10.10.1/24"), 3260,
                List.of(new org.sansdk.lio.design.LocalDisk("data-0", "/dev/disk/by-id/ata-DISK0")),
                org.sansdk.core.Iqn.parse("iqn.2025-01.lab.home:storage-b"), chap, org.sansdk.lio.design.BackendTargetSpec.Discard.KEEP);
        plans.add(org.sansdk.lio.design.BackendTargetBuilder.batch(backend).toPlan("storage-a", "backend target"));
        seen.add(backend);
        // san-iscsi: the initiator's node record with mutual CHAP, written as a 0600 file
        org.sansdk.iscsi.ChapCredentials iscsiChap = org.sansdk.iscsi.ChapCredentials.mutual("iscsi-repl-user", secret,
                "iscsi-target-user", mutual);
        org.sansdk.iscsi.NodeRecord record = org.sansdk.iscsi.NodeRecordFile.designRecord(
                org.sansdk.core.Iqn.parse("iqn.2025-01.lab.home:storage-b"), org.sansdk.iscsi.Portal.of("10.10.10.2", 3260, 1),
                org.sansdk.core.Iqn.parse("iqn.2025-01.lab.home:storage-a"), iscsiChap, org.sansdk.iscsi.FastFailoverProfile.design());
        plans.add(org.sansdk.iscsi.NodeRecordFile.plan("storage-a", org.sansdk.iscsi.NodeRecordFile.DEFAULT_DIR, record));
        seen.add(record);
        seen.add(iscsiChap);
        SshExecutor ssh = SshExecutor.builder("storage-a").build();
        RecordingExecutor overSsh = new RecordingExecutor();
        for (Plan plan : plans) {
            seen.add(plan);
            plan.applyTo(overSsh);
        }
        boolean carried = false;
        for (Command c : overSsh.commands()) {
            Command wire = ssh.sshCommand(c);
            seen.sshSide(wire);
            seen.add(c.toScript());
            String in = c.stdin().map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
            if (in.contains(value) || in.contains(lioValue)) {
                assertThat(c.stdinIsSecret()).as("stdin carrying the secret is marked secret: " + c).isTrue();
                assertThat(wire.stdinIsSecret()).isTrue();
                carried = true;
            }
        }
        seen.add(overSsh.script());
        seen.assertNone(value);
        seen.assertNone(lioValue);
        assertThat(carried).as("the secret reached some tool's stdin").isTrue();
    }
}
