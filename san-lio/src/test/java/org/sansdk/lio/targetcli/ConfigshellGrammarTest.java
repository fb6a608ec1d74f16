package org.sansdk.lio.targetcli;

import org.sansdk.core.ZfsName;
import org.sansdk.core.IpCidr;
import org.sansdk.core.Iqn;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;
import org.sansdk.core.Secret;
import org.sansdk.core.Size;
import org.sansdk.core.testing.RealTools;
import org.sansdk.core.testing.TestExecutors;
import org.sansdk.lio.Chap;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.design.BackendTargetBuilder;
import org.sansdk.lio.design.BackendTargetSpec;
import org.sansdk.lio.design.ClientTargetBuilder;
import org.sansdk.lio.design.ClientTargetSpec;
import org.sansdk.lio.design.ClientTpg;
import org.sansdk.lio.design.LocalDisk;
import org.sansdk.lio.sync.Zvol;

/**
 * Every line this SDK sends to targetcli, read by the real configshell-fb command-line parser (the module
 * targetcli uses; the kernel target itself cannot run here): each line must parse completely, into exactly the
 * path, command and {@code key=value} parameters it was written with. configshell parses without
 * {@code parseAll}, so a character outside its grammar silently cuts the rest of the line off (a truncated CHAP
 * password), and {@code "a= b="} reads as a = "b=".
 */
class ConfigshellGrammarTest {
    static final String PREFIX = "iqn.2025-01.lab.home";

    /** Parses stdin lines with ConfigShell's own grammar and compares with a plain split of the line. */
    static final String CHECK = String.join("\n",
            "import sys",
            "from configshell_fb import ConfigShell",
            "sh = ConfigShell(sys.argv[1])",
            "bad = []",
            "n = 0",
            "for i, line in enumerate(sys.stdin.read().split('\\n')):",
            "    if not line or line.startswith('#'):",
            "        continue",
            "    n += 1",
            "    try:",
            "        sh._parser.parseString(line, parseAll=True)",
            "    except Exception:",
            "        bad.append('%d: not fully parsed' % i)",
            "        continue",
            "    _, path, command, pparams, kparams = sh._parse_cmdline(line)",
            "    toks = line.split(' ')",
            "    want_path = toks[0] if toks[0].startswith('/') else ''",
            "    rest = toks[1:] if want_path else toks",
            "    want_cmd = rest[0] if rest else ''",
            "    want_k = dict(t.split('=', 1) for t in rest[1:] if '=' in t)",
            "    want_p = [t for t in rest[1:] if '=' not in t]",
            "    if (path, command, pparams, kparams) != (want_path, want_cmd, want_p, want_k):",
            "        bad.append('%d: read as path=%r command=%r pparams=%r keys=%r' % (i, path, command, pparams,"
                    + " sorted(kparams)))",
            "print('ok %d' % n if not bad else 'bad\\n' + '\\n'.join(bad))");

    @Test
    void everyGeneratedLine_parsesCompletelyAndAsWritten_inRealConfigshell(@TempDir Path prefs) {
        String python = pythonWithConfigshell();
        List<String> scripts = new ArrayList<>();
        List<LocalDisk> disks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            disks.add(new LocalDisk("data-a-" + i, "/dev/disk/by-id/ata-PLACEHOLDER_DISK_A_" + i));
        }
        Chap repl = Chap.of("iscsi-repl-user", Secret.of("Repl?;&*$!,_+/.<>()~@:%[]-9"))
                .withMutual("iscsi-target-user", Secret.of("Mutual-pw-2"));
        BackendTargetSpec backend = new BackendTargetSpec(Iqn.parse(PREFIX + ":storage-a"), IpCidr.parse("10.10.10.1/24"), 3260, disks,
                Iqn.parse(PREFIX + ":initiator-b"), repl, BackendTargetSpec.Discard.PASS);
        scripts.add(BackendTargetBuilder.batch(backend).script());
        ClientTargetSpec spec = new ClientTargetSpec(Iqn.parse(PREFIX + ":san-client-target"), List.of(
                ClientTpg.nonIscsi("enduser"),
                ClientTpg.iscsi("hypervisor", IpCidr.parse("10.40.40.10/24"), 3260, ZfsName.parse("san-pool/iscsi/hypervisor"),
                        new ClientTpg.Open(Chap.of("proxmox-shared", Secret.of("tpg-pw-3")))),
                ClientTpg.iscsi("lab", IpCidr.parse("fd00::10/64"), 3260, ZfsName.parse("san-pool/iscsi/lab"), new ClientTpg.Acls(List.of(
                        new ClientTpg.InitiatorAcl(Iqn.parse(PREFIX + ":proxmox-a"), Chap.of("proxmox-a", Secret.of("a-pw-4"))),
                        new ClientTpg.InitiatorAcl(Iqn.parse(PREFIX + ":proxmox-b"), Chap.of("proxmox-b", Secret.of("b-pw-5"))
                                .withMutual("san", Secret.of("m-pw-6"))))))));
        scripts.add(ClientTargetBuilder.batch(spec, List.of(Iqn.parse(PREFIX + ":storage-a"))).script());
        LioConfig built = ClientTargetBuilder.batch(spec, List.of()).applyTo(LioConfig.empty());
        List<Zvol> zvols = List.of(Zvol.of("san-pool/iscsi/hypervisor/vm-100-disk-0", Size.parse("32G")),
                Zvol.of("san-pool/iscsi/lab/vm-200-disk-1.raw:x", Size.parse("1G")));
        scripts.add(spec.planSync(built, zvols).batch().script());
        String iqn = spec.targetIqn().toString();
        String init = PREFIX + ":proxmox-a";
        scripts.add(TargetcliBatch.of(List.of(
                new LioChange.SetAuth(iqn, 3, Optional.of(init), Chap.NONE),
                new LioChange.SetAuth(iqn, 2, Optional.empty(), Chap.of("u", Secret.of("only-one-way"))),
                new LioChange.SetDiscoveryAuth(Chap.of("disc", Secret.of("disc-pw-7"))),
                new LioChange.SetDiscoveryAuth(Chap.NONE),
                new LioChange.SetTpgAttributes(iqn, 2, Map.of("authentication", 0L, "generate_node_acls", 1L)),
                new LioChange.DeleteMappedLun(iqn, 3, init, 0),
                new LioChange.DeleteLun(iqn, 3, 0),
                new LioChange.DeleteAcl(iqn, 3, init),
                new LioChange.DeleteBackstore("block", "lab-vm-200-disk-1.raw:x"),
                new LioChange.DeletePortal(iqn, 3, "[fd00::10]", 3260))).script());
        String all = String.join("", scripts);
        CommandResult r = TestExecutors.local().runChecked(Command.builder(python)
                .args("-c", CHECK, prefs.toString()).secretStdin(all.getBytes(StandardCharsets.US_ASCII)).build());
        long lines = all.lines().filter(l -> !l.isEmpty()).count();
        assertThat(result(r.stdout())).containsExactly("ok " + lines);
    }

    @Test
    void linesTheTokenRulesRefuse_areIndeedMisreadByRealConfigshell(@TempDir Path prefs) {
        // the other side of the token rules: what they refuse, configshell really gets wrong
        String python = pythonWithConfigshell();
        String tpg = "/iscsi/" + PREFIX + ":t/tpg1";
        String lines = String.join("\n",
                tpg + " set auth userid=u password=ab^cd",
                tpg + " set auth userid=u password=ab{cd}",
                tpg + " set auth mutual_userid= mutual_password=",
                "/backstores/block/a+b set attribute emulate_tpu=1",
                tpg + "/acls/" + PREFIX + ":a@b create mapped_lun=0 tpg_lun_or_backstore=0 write_protect=false",
                "/backstores/block/a,b set attribute emulate_tpu=1") + "\n";
        List<String> out = result(TestExecutors.local().runChecked(Command.builder(python)
                .args("-c", CHECK, prefs.toString()).stdin(lines).build()).stdout());
        assertThat(out).first().isEqualTo("bad");
        assertThat(out.stream().skip(1).map(l -> l.split(":")[0]).toList())
                .containsExactly("0", "1", "2", "3", "4", "5");
    }

    /** The checker's report, without configshell's "Could not load preferences file" warning. */
    private static List<String> result(String stdout) {
        return stdout.lines().filter(l -> !l.startsWith("Warning:")).toList();
    }

    /** A python3 that can import configshell_fb (Debian's /usr/bin/python3 first: the package installs there). */
    private static String pythonWithConfigshell() {
        RealTools.requireFrom("python3", "python3");
        Executor local = TestExecutors.local();
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            if (candidate.startsWith("/") && !java.nio.file.Files.isExecutable(Path.of(candidate))) {
                continue;
            }
            if (local.run(Command.of(candidate, "-c", "import configshell_fb")).isSuccess()) {
                return candidate;
            }
        }
        String msg = "missing real tool: python3 module configshell_fb (Debian package python3-configshell-fb);"
                + " run scripts/install-test-tools.sh as root";
        if (RealTools.required()) {
            Assertions.fail(msg + " (" + RealTools.ENV + "=required, so this is a failure, not a skip)");
        }
        Assumptions.abort(msg + " (skipped; set " + RealTools.ENV + "=required to make this a failure)");
        return "unreachable";
    }
}
