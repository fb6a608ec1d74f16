package org.sansdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanTest {
    private static final Secret CHAP = Secret.of("chap-Secret-99");

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void toString_readableScript_secretsRedacted_secretFilesNotShown() {
        Plan plan = Plan.builder("configure backend target")
                .run("storage-a", Command.builder("targetcli").arg("/iscsi/iqn.2025-01.lab.home:storage-a/tpg1/acls/iqn.2025-01.lab.home:initiator-b")
                        .arg("set").arg("auth").arg("userid=iscsiuser").secretArg("password=", CHAP).build(), "peer CHAP")
                .writeFile("storage-a", Path.of("/root/.iscsi-chap.env"), utf8("CHAP_PASSWORD=" + CHAP.reveal() + "\n"), 0600, "root:root", true, "credentials")
                .writeFile("storage-a", Path.of("/etc/modprobe.d/zfs.conf"), utf8("options zfs zfs_txg_timeout=5\n"), 0644, null, false, "tunables")
                .build();
        String shown = plan.toString();
        assertThat(shown).doesNotContain(CHAP.reveal());
        assertThat(shown).isEqualTo("""
                # plan: configure backend target (3 steps)
                # 1. peer CHAP [on storage-a]
                targetcli /iscsi/iqn.2025-01.lab.home:storage-a/tpg1/acls/iqn.2025-01.lab.home:initiator-b set auth userid=iscsiuser 'password=****'
                # 2. credentials [on storage-a]
                # write 29 bytes to /root/.iscsi-chap.env (secret: content not shown)
                chown root:root /root/.iscsi-chap.env
                chmod 0600 /root/.iscsi-chap.env
                # 3. tunables [on storage-a]
                cat > /etc/modprobe.d/zfs.conf <<'SAN_EOF'
                options zfs zfs_txg_timeout=5
                SAN_EOF
                chmod 0644 /etc/modprobe.d/zfs.conf
                """);
    }

    @Test
    void applyTo_local_writesFilesAtomicallyWithMode(@TempDir Path dir) throws Exception {
        Path secretFile = dir.resolve("chap.env");
        Path plain = dir.resolve("zfs.conf");
        Files.writeString(plain, "old\n");
        Plan plan = Plan.builder("write")
                .writeFile(Plan.LOCAL, secretFile, utf8("K=v\n"), 0600, null, true, "")
                .writeFile(Plan.LOCAL, plain, utf8("new\n"), 0644, null, false, "")
                .run(Plan.LOCAL, Command.of("cat", plain.toString()), "check")
                .build();
        Plan.PlanResult r = plan.applyTo(new LocalExecutor(Duration.ofSeconds(10)));
        assertThat(r.stepsApplied()).isEqualTo(3);
        assertThat(r.commandResults()).singleElement().extracting(CommandResult::stdout).isEqualTo("new\n");
        assertThat(Files.readString(secretFile)).isEqualTo("K=v\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain))).isEqualTo("rw-r--r--");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("chap.env", "zfs.conf");
        }
    }

    @Test
    void applyTo_stopsAtFirstFailure_andNamesTheStep(@TempDir Path dir) {
        Path after = dir.resolve("after");
        Plan plan = Plan.builder("two steps")
                .run(Plan.LOCAL, Command.of("true"), "ok")
                .run(Plan.LOCAL, Command.builder("sh").args("-c", "echo nope >&2; exit 2", "sh").secretArg("", CHAP).build(), "fails")
                .writeFile(Plan.LOCAL, after, utf8("x"), 0644, null, false, "never")
                .build();
        assertThatThrownBy(() -> plan.applyTo(new LocalExecutor()))
                .isInstanceOfSatisfying(PlanStepFailedException.class, e -> {
                    assertThat(e.stepNumber()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("stopped at step 2").contains("nope").doesNotContain(CHAP.reveal());
                    assertThat(e.getCause()).isInstanceOf(CommandFailedException.class);
                });
        assertThat(after).doesNotExist();
    }

    @Test
    void applyTo_remoteExecutor_writesThroughTempFileRenameAndNeverPrintsSecretContent() {
        RecordingExecutor dry = new RecordingExecutor();
        Plan.builder("remote write")
                .writeFile("storage-b", Path.of("/root/.iscsi-chap.env.enc"), utf8("secret bytes"), 0600, "root:root", true, "")
                .build().applyTo(dry);
        assertThat(dry.commands()).extracting(Command::toString).containsExactly(
                "install -m 0600 -T /dev/null /root/..iscsi-chap.env.enc.san-tmp",
                "dd of=/root/..iscsi-chap.env.enc.san-tmp conv=fsync status=none  # stdin: 12 bytes (secret)",
                "chown root:root /root/..iscsi-chap.env.enc.san-tmp",
                "chmod 0600 /root/..iscsi-chap.env.enc.san-tmp",
                "mv -f -T /root/..iscsi-chap.env.enc.san-tmp /root/.iscsi-chap.env.enc",
                "sync /root");
        assertThat(dry.commands().get(1).stdin()).hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("secret bytes"));
    }

    @Test
    void remoteWriteCommands_reallyWriteAtomically_whenRunLocally(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("saveconfig.json");
        Plan.WriteFileStep step = new Plan.WriteFileStep("h", target, utf8("{}\n"), 0600, null, true, "");
        LocalExecutor local = new LocalExecutor();
        for (Command c : step.remoteCommands()) {
            local.runChecked(c);
        }
        assertThat(Files.readString(target)).isEqualTo("{}\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
    }

    private static Plan twoNodePlan(Path dir) {
        return Plan.builder("host ids")
                .run("storage-a", Command.of("sh", "-c", "echo a >> " + dir.resolve("log")), "on a")
                .run("storage-b", Command.of("sh", "-c", "echo b >> " + dir.resolve("log")), "on b")
                .build();
    }

    @Test
    void applyTo_oneExecutor_refusesAPlanNamingTwoHosts_andRunsNothing(@TempDir Path dir) {
        RecordingExecutor one = new RecordingExecutor();
        assertThatThrownBy(() -> twoNodePlan(dir).applyTo(one))
                .isInstanceOfSatisfying(MultiHostPlanException.class, e -> {
                    assertThat(e.hosts()).containsExactly("storage-a", "storage-b");
                    assertThat(e.getMessage()).contains("storage-a, storage-b").contains("HostExecutors");
                });
        assertThat(one.commands()).isEmpty();
    }

    @Test
    void applyTo_hostExecutors_runsEachStepOnItsOwnHost(@TempDir Path dir) {
        RecordingExecutor a = new RecordingExecutor();
        RecordingExecutor b = new RecordingExecutor();
        Plan plan = twoNodePlan(dir);
        plan.applyTo(HostExecutors.of(java.util.Map.of("storage-a", a, "storage-b", b)));
        assertThat(a.commands()).containsExactly(((Plan.RunStep) plan.steps().get(0)).command());
        assertThat(b.commands()).containsExactly(((Plan.RunStep) plan.steps().get(1)).command());
    }

    @Test
    void applyTo_hostExecutors_missingHost_appliesNothing(@TempDir Path dir) {
        RecordingExecutor a = new RecordingExecutor();
        assertThatThrownBy(() -> twoNodePlan(dir).applyTo(HostExecutors.of(java.util.Map.of("storage-a", a))))
                .isInstanceOfSatisfying(HostExecutors.UnknownHostException.class,
                        e -> assertThat(e.host()).isEqualTo("storage-b"));
        assertThat(a.commands()).isEmpty();
    }

    @Test
    void failedPlan_saysWhatWasApplied_andResumesFromTheFailedStep(@TempDir Path dir) throws Exception {
        Path gate = dir.resolve("gate");
        Path log = dir.resolve("log");
        Plan plan = Plan.builder("three")
                .run(Plan.LOCAL, Command.of("sh", "-c", "echo 1 >> " + log), "first")
                .run(Plan.LOCAL, Command.of("sh", "-c", "test -e " + gate + " && echo 2 >> " + log), "needs the gate")
                .run(Plan.LOCAL, Command.of("sh", "-c", "echo 3 >> " + log), "third")
                .build();
        LocalExecutor local = new LocalExecutor();
        PlanStepFailedException failure = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> plan.applyTo(local), PlanStepFailedException.class);
        assertThat(failure.stepsApplied()).isEqualTo(1);
        assertThat(failure.getMessage()).contains("steps 1-1 were applied").contains("resumeFrom");
        Files.createFile(gate);
        Plan rest = plan.resumeFrom(failure);
        assertThat(rest.steps()).containsExactlyElementsOf(plan.steps().subList(1, 3));
        rest.applyTo(local);
        assertThat(Files.readString(log)).isEqualTo("1\n2\n3\n");
    }

    @Test
    void resumeFrom_refusesToRepeatAStepThatIsNotIdempotent(@TempDir Path dir) {
        Plan plan = Plan.builder("create")
                .runOnce(Plan.LOCAL, Command.of("false"), "zpool create stand-in")
                .run(Plan.LOCAL, Command.of("true"), "after")
                .build();
        PlanStepFailedException failure = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> plan.applyTo(new LocalExecutor()), PlanStepFailedException.class);
        assertThat(failure.getMessage()).contains("no step was applied").contains("not idempotent");
        assertThatThrownBy(() -> plan.resumeFrom(failure)).isInstanceOf(SanException.class).hasMessageContaining("check it by hand");
        assertThat(plan.resumeAfter(failure).steps()).containsExactly(plan.steps().get(1));
        assertThatThrownBy(() -> Plan.builder("other").run(Plan.LOCAL, Command.of("true"), "").build().resumeFrom(failure))
                .isInstanceOf(SanException.class).hasMessageContaining("not from plan");
    }

    @Test
    void plus_concatenates_andEmptyPlanIsEmpty() {
        Plan a = Plan.builder("a").run("h", Command.of("true"), "").build();
        assertThat(Plan.empty("nothing").isEmpty()).isTrue();
        assertThat(a.plus(a).steps()).hasSize(2);
        assertThat(a.steps().get(0)).isInstanceOf(Plan.RunStep.class);
        assertThat(a.plus(Plan.empty("x")).steps()).containsExactlyElementsOf(a.steps());
    }

    @Test
    void writeFileStep_refusesRelativePathsAndBadModes() {
        assertThatThrownBy(() -> new Plan.WriteFileStep("h", Path.of("rel"), new byte[0], 0600, null, false, ""))
                .hasMessageContaining("absolute");
        assertThatThrownBy(() -> new Plan.WriteFileStep("h", Path.of("/x"), new byte[0], 04755, null, false, ""))
                .hasMessageContaining("0000..0777");
        assertThatThrownBy(() -> new Plan.WriteFileStep("h", Path.of("/x"), new byte[0], 0600, "root;rm", false, ""))
                .hasMessageContaining("owner");
    }
}
