package org.sansdk.lio.targetcli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;
import org.sansdk.core.testing.RealTools;
import org.sansdk.core.testing.TestExecutors;

/**
 * The lines only a reconcile sends (TPG parameters, enable/disable, TPG and target deletion, backstore and ACL
 * attributes), read by the real configshell-fb parser targetcli uses, with {@link ConfigshellGrammarTest#CHECK}:
 * each must parse completely into exactly the path, command and parameters it was written with.
 */
class ReconcileLinesConfigshellTest {
    static final String IQN = "iqn.2025-01.lab.home:san-client-target";
    static final String INIT = "iqn.2025-01.lab.home:proxmox-a";

    @Test
    void everyReconcileOnlyLine_parsesAsWritten_inRealConfigshell(@TempDir Path prefs) {
        String python = python();
        String script = TargetcliBatch.of(List.of(
                new LioChange.SetTpgParameters(IQN, 2, Map.of("HeaderDigest", "CRC32C,None", "MaxRecvDataSegmentLength", "262144")),
                new LioChange.SetTpgEnabled(IQN, 2, false),
                new LioChange.SetTpgEnabled(IQN, 2, true),
                new LioChange.DeleteTpg(IQN, 3),
                new LioChange.DeleteIscsiTarget(IQN),
                new LioChange.SetBackstoreAttributes("block", "hypervisor-vm-100-disk-0", Map.of("emulate_tpu", 1L)),
                new LioChange.SetAclAttributes(IQN, 2, INIT, Map.of("dataout_timeout", 3L, "nopin_timeout", 15L))))
                .script();
        assertThat(script).contains("/iscsi/" + IQN + "/tpg2 set parameter HeaderDigest=CRC32C,None MaxRecvDataSegmentLength=262144\n",
                "/iscsi/" + IQN + " delete tag=3\n", "/iscsi delete wwn=" + IQN + "\n");
        CommandResult r = TestExecutors.local().runChecked(Command.builder(python)
                .args("-c", ConfigshellGrammarTest.CHECK, prefs.toString()).stdin(script.getBytes(StandardCharsets.US_ASCII))
                .build());
        long lines = script.lines().filter(l -> !l.isEmpty()).count();
        assertThat(r.stdout().lines().filter(l -> !l.startsWith("Warning:")).toList()).containsExactly("ok " + lines);
    }

    private static String python() {
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
        String msg = "missing real tool: python3 module configshell_fb (Debian package python3-configshell-fb)";
        if (RealTools.required()) {
            Assertions.fail(msg + " (" + RealTools.ENV + "=required, so this is a failure, not a skip)");
        }
        Assumptions.abort(msg);
        return "unreachable";
    }
}
