package org.sansdk.lio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Iqn;
import org.sansdk.core.LocalExecutor;
import org.sansdk.core.ParseException;
import org.sansdk.core.Plan;
import org.sansdk.core.RecordingExecutor;
import org.sansdk.core.ReplayExecutor;
import org.sansdk.core.Secret;
import org.sansdk.core.Size;
import org.sansdk.core.ZfsName;
import org.sansdk.lio.sync.LunSyncIncompleteException;
import org.sansdk.lio.sync.LunSyncPlanner;
import org.sansdk.lio.sync.SyncPlan;
import org.sansdk.lio.sync.Zvol;

class LioTest {
    static final String IQN = "iqn.2025-01.lab.home:san-client-target";
    static final String DS = "san-pool/iscsi/hypervisor";
    static final Path DEBIAN = SaveconfigFile.Distro.DEBIAN.path();

    static LioConfig target() {
        Tpg tpg = Tpg.of(2).withNodeAcls(List.of(NodeAcl.of("iqn.2025-01.lab.home:proxmox-a")))
                .withChap(Chap.of("u", Secret.of("very-secret-pw")));
        return LioConfig.empty().withTarget(Target.iscsi(IQN, List.of(Tpg.of(1), tpg)));
    }

    static LunSyncPlanner planner() {
        return LunSyncPlanner.forTpg(Iqn.parse(IQN), 2, ZfsName.parse(DS));
    }

    static List<Zvol> zvols() {
        return List.of(new Zvol(ZfsName.parse(DS + "/vm-100-disk-0"), Size.parse("32G")),
                new Zvol(ZfsName.parse(DS + "/vm-101-disk-0"), Size.parse("8G")));
    }

    @Test
    void read_catsTheDebianPathThroughTheExecutor() {
        String text = SaveconfigWriter.write(target());
        ReplayExecutor ex = ReplayExecutor.builder().on(List.of("cat", "--", DEBIAN.toString()), text).build();
        assertThat(Lio.on(ex).config()).isEqualTo(target());
        assertThat(ex.commandsSeen()).extracting(Command::argv)
                .containsExactly(List.of("cat", "--", "/etc/rtslib-fb-target/saveconfig.json"));
    }

    @Test
    void read_rhelPath_andLocateFollowsProxmoxOrder() {
        ReplayExecutor ex = ReplayExecutor.builder()
                .on(List.of("test", "-e", DEBIAN.toString()), CommandResult.of(1, "", ""))
                .on(List.of("test", "-e", "/etc/target/saveconfig.json"), CommandResult.ok(""))
                .on(List.of("cat", "--", "/etc/target/saveconfig.json"), SaveconfigWriter.write(target())).build();
        assertThat(Lio.on(ex).at(SaveconfigFile.Distro.RHEL).path()).isEqualTo(Path.of("/etc/target/saveconfig.json"));
        Lio located = Lio.on(ex).locate();
        assertThat(located.path()).isEqualTo(Path.of("/etc/target/saveconfig.json"));
        assertThat(located.luns()).isEmpty();
    }

    @Test
    void read_absentFile_isTypedAndSaysSo() {
        RecordingExecutor ex = new RecordingExecutor(c -> CommandResult.of(1, "",
                "cat: /etc/rtslib-fb-target/saveconfig.json: No such file or directory\n"));
        assertThatThrownBy(() -> Lio.on(ex).read()).isInstanceOfSatisfying(SaveconfigUnreadableException.class, e -> {
            assertThat(e.absent()).isTrue();
            assertThat(e.path()).isEqualTo(DEBIAN);
            assertThat(e.getMessage()).contains("no such file");
        });
        RecordingExecutor denied = new RecordingExecutor(c -> CommandResult.of(1, "", "cat: x: Permission denied\n"));
        assertThatThrownBy(() -> Lio.on(denied).read()).isInstanceOfSatisfying(SaveconfigUnreadableException.class,
                e -> assertThat(e.reason()).isEqualTo(SaveconfigUnreadableException.Reason.UNREADABLE));
    }

    @Test
    void read_emptyOrForeignOutput_isALocatedParseError() {
        RecordingExecutor ex = new RecordingExecutor(c -> CommandResult.ok(""));
        assertThatThrownBy(() -> Lio.on(ex).onHost("storage-a").read()).isInstanceOf(ParseException.class)
                .hasMessageContaining("storage-a:/etc/rtslib-fb-target/saveconfig.json:1");
    }

    @Test
    void writePlan_isAtomic0600RootOwnedAndSecret() {
        Plan plan = Lio.on(new RecordingExecutor()).onHost("storage-a").writePlan(target());
        Plan.WriteFileStep step = (Plan.WriteFileStep) plan.steps().get(0);
        assertThat(step.host()).isEqualTo("storage-a");
        assertThat(step.path()).isEqualTo(DEBIAN);
        assertThat(step.mode()).isEqualTo(0600);
        assertThat(step.owner()).isEqualTo("root:root");
        assertThat(step.secret()).isTrue();
        assertThat(plan.toString()).doesNotContain("very-secret-pw");
    }

    @Test
    void write_throughARemoteExecutor_neverShowsTheContent() {
        RecordingExecutor dry = new RecordingExecutor();
        Lio.on(dry).lock(org.sansdk.lio.reconcile.LioLock.none()).write(target());
        assertThat(dry.commands()).extracting(Command::program).contains("install", "dd", "mv");
        assertThat(dry.script()).doesNotContain("very-secret-pw");
    }

    @Test
    void localExecutor_onATempDir_writesReadsAndListsLuns(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("saveconfig.json");
        Lio lio = Lio.on(new LocalExecutor()).at(file).lock(org.sansdk.lio.reconcile.LioLock.at(dir.resolve("lio.lock")));
        assertThatThrownBy(lio::read).isInstanceOfSatisfying(SaveconfigUnreadableException.class,
                e -> assertThat(e.absent()).isTrue());
        LioConfig synced = planner().plan(target(), zvols()).after();
        lio.write(synced);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(lio.config()).isEqualTo(synced);
        assertThat(lio.luns()).extracting(LunEntry::toString).containsExactly(
                IQN + " tpg2 lun 0 -> /backstores/block/vm-100-disk-0 (/dev/zvol/" + DS + "/vm-100-disk-0)",
                IQN + " tpg2 lun 1 -> /backstores/block/vm-101-disk-0 (/dev/zvol/" + DS + "/vm-101-disk-0)");
        lio.verify(planner(), zvols());
        assertThat(lio.sync(planner(), zvols()).isEmpty()).isTrue();   // nothing to do: no targetcli started
    }

    @Test
    void sync_appliesOneTargetcliProcess_rereadsAndVerifies() {
        AtomicReference<LioConfig> state = new AtomicReference<>(target());
        RecordingExecutor ex = new RecordingExecutor(c -> {
            if (c.program().equals("cat")) {
                return CommandResult.ok(SaveconfigWriter.write(state.get()));
            }
            state.set(planner().plan(state.get(), zvols()).after());   // what targetcli would do
            return CommandResult.ok("");
        });
        SyncPlan done = Lio.on(ex).onHost("storage-a").lock(org.sansdk.lio.reconcile.LioLock.none()).sync(planner(), zvols());
        assertThat(done.changes()).isNotEmpty();
        assertThat(ex.commands()).extracting(Command::program).containsExactly("cat", "targetcli", "cat");
        assertThat(Lio.luns(state.get())).hasSize(2);
    }

    @Test
    void sync_whoseBatchDidNotApply_throwsWithWhatIsLeft() {
        String text = SaveconfigWriter.write(target());
        SyncPlan expected = planner().plan(target(), zvols());
        Command targetcli = ((Plan.RunStep) expected.toPlan(Plan.LOCAL).steps().get(0)).command();
        ReplayExecutor ex = ReplayExecutor.builder().on(List.of("cat", "--", DEBIAN.toString()), text)
                .on(targetcli.argv(), CommandResult.ok("")).build();
        assertThatThrownBy(() -> Lio.on(ex).lock(org.sansdk.lio.reconcile.LioLock.none()).sync(planner(), zvols()))
                .isInstanceOfSatisfying(LunSyncIncompleteException.class,
                        e -> assertThat(e.remaining().changes()).isEqualTo(expected.changes()));
    }

    @Test
    void jshellSummaries_areOneReadableLine() {
        SyncPlan plan = planner().plan(target(), zvols());
        assertThat(plan.describe()).isEqualTo("6 changes (2 CreateBlockBackstore, 2 CreateLun, 2 CreateMappedLun), 0 findings");
        assertThat(planner().plan(plan.after(), zvols()).describe()).isEqualTo("no changes, 0 findings");
        SyncPlan orphan = planner().plan(plan.after(), zvols().subList(0, 1));
        assertThat(orphan.findings()).hasSize(1);
        assertThat(orphan.findings().get(0).toString()).isEqualTo(orphan.findings().get(0).describe())
                .startsWith("LUN 1 (/backstores/block/vm-101-disk-0) exports ");
        assertThat(zvols().get(0)).hasToString(DS + "/vm-100-disk-0 (32G)");
        assertThat(new LunEntry(IQN, 2, 0, "/backstores/fileio/f0", java.util.Optional.empty()))
                .hasToString(IQN + " tpg2 lun 0 -> /backstores/fileio/f0");
    }
}
