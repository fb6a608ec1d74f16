package org.sansdk.lio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.core.spi.CliCommand;
import org.sansdk.core.spi.OutputParser;
import org.sansdk.lio.CorpusAccess;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.NodeAcl;
import org.sansdk.lio.SaveconfigWriter;
import org.sansdk.lio.Target;
import org.sansdk.lio.Tpg;

class LioCliCommandTest {
    static final String IQN = "iqn.2025-01.lab.home:san-client-target";

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new LioCliCommand().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void serviceLoader_findsLioCommandAndSaveconfigParser() {
        assertThat(ServiceLoader.load(CliCommand.class).stream().map(p -> p.get().name())).contains("lio");
        assertThat(ServiceLoader.load(OutputParser.class).stream().map(p -> p.get().kind())).contains("saveconfig");
    }

    @Test
    void planSync_printsChangesOnly_thenNothingAfterApplying(@TempDir Path dir) throws Exception {
        Tpg tpg = Tpg.of(2).withNodeAcls(List.of(NodeAcl.of("iqn.2025-01.lab.home:proxmox-a")));
        LioConfig cfg = LioConfig.empty().withTarget(Target.iscsi(IQN, List.of(tpg)));
        Path config = dir.resolve("saveconfig.json");
        Files.writeString(config, SaveconfigWriter.write(cfg));
        Path zvols = dir.resolve("zvols.txt");
        Files.writeString(zvols, "san-pool/iscsi/hypervisor/vm-100-disk-0\t34359738368\n"
                + "san-pool/iscsi/hypervisor/vm-101-disk-0\t8589934592\n");
        Run r = run("plan-sync", "--config", config.toString(), "--zvols", zvols.toString(), "--target", IQN,
                "--tpg", "2", "--dataset", "san-pool/iscsi/hypervisor", "--script");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("+ create LUN 0 in " + IQN + " tpg2 -> /backstores/block/vm-100-disk-0")
                .contains("+ map LUN 1 as LUN 1 for iqn.2025-01.lab.home:proxmox-a")
                .contains("/iscsi/" + IQN + "/tpg2/luns create storage_object=/backstores/block/vm-101-disk-0 lun=1");
        assertThat(r.out().lines().filter(l -> l.startsWith("+ "))).hasSize(6);
    }

    @Test
    void planSync_missingOption_isUsageError() {
        Run r = run("plan-sync", "--config", "x");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("missing --zvols");
    }

    @Test
    void checkProxmox_corpusFile_listsViolationsAndFails(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.json");
        Files.writeString(f, CorpusAccess.saveconfig("yast-lio-server-fixture-tpg5-mapped-lun7.json"));
        Run r = run("check-proxmox", f.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("PVE-LUN-001").contains("PVE-ACL-002").contains("3 violation(s)");
        Run t = run("check-proxmox", f.toString(), "--target", "iqn.2018-01.suse.com.lszhu.target", "--tpg", "tpg5",
                "--pool", "tank");
        assertThat(t.out()).contains("PVE-LUN-001");
    }

    @Test
    void validate_brokenJson_isErrorWithLocation(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\n  \"targets\": [\n    {\"wwn\": 1}\n  ]\n}\n");
        Run r = run("validate", f.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("bad.json:3:");
    }

    @Test
    void parse_saveconfig_masksChapPasswords() {
        JsonNode n = (JsonNode) new SaveconfigOutputParser().parse("f", CorpusAccess.saveconfig("yast-multi-target-chap.json"));
        String json = n.toString();
        assertThat(json).doesNotContain("euimutualpassword").contains("\"chap_mutual_password\":\"****\"")
                .contains("euimutualuserid");
        assertThat(n.get("targets").size()).isEqualTo(7);
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
    void planSync_emptyZvolListing_refusedUnlessAllowNoZvols(@TempDir Path dir) throws Exception {
        Tpg tpg = Tpg.of(2).withNodeAcls(List.of(NodeAcl.of("iqn.2025-01.lab.home:proxmox-a")));
        Path config = dir.resolve("saveconfig.json");
        Files.writeString(config, SaveconfigWriter.write(LioConfig.empty().withTarget(Target.iscsi(IQN, List.of(tpg)))));
        Path zvols = dir.resolve("zvols.txt");
        Files.writeString(zvols, "");
        Run refused = run("plan-sync", "--config", config.toString(), "--zvols", zvols.toString(), "--target", IQN,
                "--tpg", "2", "--dataset", "san-pool/iscsi/hypervisor");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).startsWith("error: " + zvols + ":1:1: ").contains("the output is empty");
        Run allowed = run("plan-sync", "--config", config.toString(), "--zvols", zvols.toString(), "--target", IQN,
                "--tpg", "2", "--dataset", "san-pool/iscsi/hypervisor", "--allow-no-zvols");
        assertThat(allowed.code()).isZero();
        assertThat(allowed.out()).isEqualTo("# no changes\n");
    }
}
