package org.sansdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.lio.BlockStorageObject;
import org.sansdk.lio.FileioStorageObject;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.Lun;
import org.sansdk.lio.MappedLun;
import org.sansdk.lio.NodeAcl;
import org.sansdk.lio.SaveconfigWriter;
import org.sansdk.lio.Target;
import org.sansdk.lio.Tpg;
import picocli.CommandLine;

/** {@code sanctl lio ...} on picocli: the behaviour and exit codes of the former LioCliCommand, and --help everywhere. */
class LioCommandTest {
    static final String IQN = "iqn.2025-01.lab.home:san-client-target";
    static final String DS = "san-pool/iscsi/hypervisor";

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = LioCommand.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Path aclTarget(Path dir) throws Exception {
        Tpg tpg = Tpg.of(2).withNodeAcls(List.of(NodeAcl.of("iqn.2025-01.lab.home:proxmox-a")));
        Path config = dir.resolve("saveconfig.json");
        Files.writeString(config, SaveconfigWriter.write(LioConfig.empty().withTarget(Target.iscsi(IQN, List.of(tpg)))));
        return config;
    }

    static Path zvols(Path dir, String text) throws Exception {
        Path zvols = dir.resolve("zvols.txt");
        Files.writeString(zvols, text);
        return zvols;
    }

    @Test
    void everySubcommand_answersHelpWithExit0() {
        for (List<String> path : List.<List<String>>of(List.of(), List.of("plan-sync"), List.of("check-proxmox"),
                List.of("validate"))) {
            String[] args = java.util.stream.Stream.concat(path.stream(), java.util.stream.Stream.of("--help"))
                    .toArray(String[]::new);
            Run r = run(args);
            assertThat(r.code()).as("%s --help", path).isZero();
            assertThat(r.out()).contains("Usage:").contains("Exit codes:");
        }
        assertThat(run("plan-sync", "--help").out()).contains("--tpg=N").contains("--target=IQN").contains("--dataset");
        assertThat(run("check-proxmox", "--help").out()).contains("--tpg=N").contains("--target=IQN");
    }

    @Test
    void noSubcommand_isUsageError() {
        Run r = run();
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Usage: lio");
    }

    @Test
    void planSync_printsChangesOnly_thenNothingAfterApplying(@TempDir Path dir) throws Exception {
        Path config = aclTarget(dir);
        Path zvols = zvols(dir, DS + "/vm-100-disk-0\t34359738368\n" + DS + "/vm-101-disk-0\t8589934592\n");
        Run r = run("plan-sync", "--config", config.toString(), "--zvols", zvols.toString(), "--target", IQN,
                "--tpg", "2", "--dataset", DS, "--script");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("+ create LUN 0 in " + IQN + " tpg2 -> /backstores/block/vm-100-disk-0")
                .contains("+ map LUN 1 as LUN 1 for iqn.2025-01.lab.home:proxmox-a")
                .contains("/iscsi/" + IQN + "/tpg2/luns create storage_object=/backstores/block/vm-101-disk-0 lun=1");
        assertThat(r.out().lines().filter(l -> l.startsWith("+ "))).hasSize(6);
        // tpgN is the same TPG (as Proxmox's storage.cfg writes it)
        Run same = run("plan-sync", "--config", config.toString(), "--zvols", zvols.toString(), "--target", IQN,
                "--tpg", "tpg2", "--dataset", DS);
        assertThat(same.code()).isZero();
        assertThat(same.out().lines().filter(l -> l.startsWith("+ "))).hasSize(6);
    }

    @Test
    void planSync_missingOption_isUsageError() {
        Run r = run("plan-sync", "--config", "x");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--zvols");
    }

    @Test
    void planSync_malformedValues_areUsageErrorsNamingTheRule(@TempDir Path dir) throws Exception {
        Path config = aclTarget(dir);
        Path zvols = zvols(dir, DS + "/vm-100-disk-0\t1024\n");
        Run iqn = run("plan-sync", "--config", config.toString(), "--zvols", zvols.toString(), "--target", "storage-a",
                "--tpg", "2", "--dataset", DS);
        assertThat(iqn.code()).isEqualTo(2);
        assertThat(iqn.err()).contains("--target").contains("iqn., eui. or naa.");
        Run tpg = run("plan-sync", "--config", config.toString(), "--zvols", zvols.toString(), "--target", IQN,
                "--tpg", "portal1", "--dataset", DS);
        assertThat(tpg.code()).isEqualTo(2);
        assertThat(tpg.err()).contains("not a TPG tag");
        Run naming = run("plan-sync", "--config", config.toString(), "--zvols", zvols.toString(), "--target", IQN,
                "--tpg", "2", "--dataset", DS, "--naming", "odd");
        assertThat(naming.code()).isEqualTo(2);
        assertThat(naming.err()).contains("plain, vlan:NAME or proxmox:POOL");
    }

    @Test
    void planSync_emptyZvolListing_refusedUnlessAllowNoZvols(@TempDir Path dir) throws Exception {
        Path config = aclTarget(dir);
        Path zvols = zvols(dir, "");
        Run refused = run("plan-sync", "--config", config.toString(), "--zvols", zvols.toString(), "--target", IQN,
                "--tpg", "2", "--dataset", DS);
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).startsWith("error: " + zvols + ":1:1: ").contains("the output is empty");
        Run allowed = run("plan-sync", "--config", config.toString(), "--zvols", zvols.toString(), "--target", IQN,
                "--tpg", "2", "--dataset", DS, "--allow-no-zvols");
        assertThat(allowed.code()).isZero();
        assertThat(allowed.out()).isEqualTo("# no changes\n");
    }

    @Test
    void planSync_zvolListing_refusesWhatTheFormerParserRefused(@TempDir Path dir) throws Exception {
        Path config = aclTarget(dir);
        Map<String, String> bad = Map.of(
                DS + "/b\t1024\nx/y\t32G\n", ":2:5: ",                                   // human size (no -p)
                DS + "/b\t1024\n" + DS + "/b\t2048\n", ":2:1: ",                         // a zvol twice
                DS + "/b\t1024\n" + DS + "/c\t20", ":2:",                                // cut last line
                DS + "/b\t1024\tx\n", ":1:");                                             // a third column
        for (Map.Entry<String, String> e : bad.entrySet()) {
            Path zvols = zvols(dir, e.getKey());
            Run r = run("plan-sync", "--config", config.toString(), "--zvols", zvols.toString(), "--target", IQN,
                    "--tpg", "2", "--dataset", DS);
            assertThat(r.code()).as(e.getKey()).isEqualTo(1);
            assertThat(r.err()).as(e.getKey()).startsWith("error: " + zvols + e.getValue());
        }
        // OpenZFS allows spaces in names: read, then skipped by the planner with a finding
        Path spaced = zvols(dir, DS + "/my disk\t1024\n");
        Run r = run("plan-sync", "--config", config.toString(), "--zvols", spaced.toString(), "--target", IQN,
                "--tpg", "2", "--dataset", DS);
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("! zvol " + DS + "/my disk skipped");
    }

    static LioConfig proxmoxUnfriendly() {
        // a fileio LUN (Proxmox rejects the whole configuration) and an ACL mapping LUN 0 as LUN 7
        FileioStorageObject file = new FileioStorageObject("f0", "/var/lib/f0.img", Optional.empty(),
                Optional.of(1L << 20), Optional.of(false), Optional.empty(), Map.of(), Optional.empty(), Map.of());
        BlockStorageObject blk = BlockStorageObject.of("vm-100-disk-0", "/dev/zvol/tank/vm-100-disk-0");
        Tpg tpg = Tpg.of(5).withLuns(List.of(Lun.of(0, blk.path()), Lun.of(1, file.path())))
                .withNodeAcls(List.of(NodeAcl.of("iqn.2025-01.lab.home:pve").withMappedLuns(List.of(MappedLun.of(7, 0)))));
        return new LioConfig(List.of(), List.of(blk, file), List.of(Target.iscsi("iqn.2018-01.com.example:target",
                List.of(tpg))), Map.of());
    }

    @Test
    void checkProxmox_listsViolationsAndFails_forEveryTpgOrOneStorage(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.json");
        Files.writeString(f, SaveconfigWriter.write(proxmoxUnfriendly()));
        Run r = run("check-proxmox", f.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("PVE-LUN-001").contains("PVE-ACL-002").contains("violation(s)");
        Run t = run("check-proxmox", f.toString(), "--target", "iqn.2018-01.com.example:target", "--tpg", "tpg5",
                "--pool", "tank");
        assertThat(t.code()).isEqualTo(1);
        assertThat(t.out()).contains("PVE-LUN-001");
        Run partial = run("check-proxmox", f.toString(), "--target", "iqn.2018-01.com.example:target");
        assertThat(partial.code()).isEqualTo(2);
        assertThat(partial.err()).contains("--tpg");
    }

    @Test
    void validate_cleanFileIsOk_brokenJsonIsErrorWithLocation(@TempDir Path dir) throws Exception {
        Run ok = run("validate", aclTarget(dir).toString());
        assertThat(ok.code()).isZero();
        assertThat(ok.out()).isEqualTo("ok: no violations\n");
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\n  \"targets\": [\n    {\"wwn\": 1}\n  ]\n}\n");
        Run r = run("validate", f.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("bad.json:3:");
        Run missing = run("validate", dir.resolve("absent.json").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).startsWith("error: no such file: ");
    }

    @Test
    void validate_fileThatIsNotUtf8_failsNamingTheLineOfTheBadByte(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("saveconfig.json");
        // Latin-1 text on line 2 (0xE9 alone is not UTF-8)
        Files.write(f, new byte[] {'{', '\n', '"', 'c', (byte) 0xe9, '"', ':', ' ', '1', '\n', '}', '\n'});
        Run r = run("validate", f.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: " + f + ":2:3: ").contains("line 2: not UTF-8 text");
    }

    @Test
    void underSanctl_theTreeCanHoldLioWithItsStreams() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        CommandLine root = new CommandLine(new Sanctl(ps, ps));
        root.addSubcommand("lio", LioCommand.commandLine(ps, ps));
        root.setOut(new java.io.PrintWriter(ps, true, StandardCharsets.UTF_8));   // as Sanctl.commandLine() does
        assertThat(root.execute("lio", "validate", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: sanctl lio validate");
        assertThat(Optional.ofNullable(root.getSubcommands().get("lio"))).isPresent();
    }
}
