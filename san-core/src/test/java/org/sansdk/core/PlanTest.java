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

    @Test
    void plus_concatenates_andEmptyPlanIsEmpty() {
        Plan a = Plan.builder("a").run("h", Command.of("true"), "").build();
        assertThat(Plan.empty("nothing").isEmpty()).isTrue();
        assertThat(a.plus(a).steps()).hasSize(2);
        assertThat(a.steps().get(0)).isInstanceOf(Plan.RunStep.class);
        assertThat(List.copyOf(a.plus(Plan.empty("x")).steps())).hasSize(1);
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
