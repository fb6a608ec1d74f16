package org.sansdk.corosync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.LocalExecutor;
import org.sansdk.core.testing.RealTools;

/**
 * The rules' bad cases that the {@code pcs cluster setup} command line can express, run through the real pcs
 * offline ({@code --corosync_conf FILE}): which ones pcs refuses, and, where pcs writes the file anyway, that
 * the validator catches the problem in pcs's own output. Also the {@code quorum} node-name pitfall.
 */
class RealPcsComparisonTest {

    @TempDir
    Path dir;
    final LocalExecutor local = new LocalExecutor();

    static final String A = "storage-a addr=10.20.20.1 addr=10.10.10.1";
    static final String B = "storage-b addr=10.20.20.2 addr=10.10.10.2";
    static final String Q = "quorum-1 addr=10.20.20.3 addr=10.10.10.3";

    record Case(CorosyncRule rule, String args, boolean pcsRefuses) {
    }

    static final List<Case> CASES = List.of(
            new Case(CorosyncRule.LINK_COUNT, A + " " + B + " " + Q + " transport udpu", true),
            new Case(CorosyncRule.LINK_NUMBER, A + " " + B + " " + Q + " transport knet link linknumber=9", true),
            new Case(CorosyncRule.LINK_PRIORITY, A + " " + B + " " + Q + " transport knet link linknumber=0 link_priority=300", true),
            new Case(CorosyncRule.PING_OPTIONS, A + " " + B + " " + Q + " transport knet link linknumber=0 ping_interval=1000", true),
            new Case(CorosyncRule.IP_VERSION, A + " " + B + " " + Q + " transport knet ip_version=ipv5", true),
            new Case(CorosyncRule.LINK_MODE, A + " " + B + " " + Q + " transport knet link_mode=fast", true),
            new Case(CorosyncRule.TRANSPORT, A + " " + B + " " + Q + " transport tcp", true),
            new Case(CorosyncRule.CRYPTO, A + " " + B + " " + Q + " transport knet crypto cipher=aes256 hash=none", true),
            new Case(CorosyncRule.LINK_COUNT_MISMATCH, A + " " + B + " quorum-1 addr=10.20.20.3", true),
            new Case(CorosyncRule.ADDRESS_IP_VERSION, A + " " + B + " quorum-1 addr=10.20.20.3 addr=fd00::3", true),
            new Case(CorosyncRule.NODE_NAME, A + " storage-a addr=10.20.20.2 addr=10.10.10.2 " + Q, true),
            new Case(CorosyncRule.NODE_ADDRESS, A + " " + B + " quorum-1 addr=10.20.20.2 addr=10.10.10.3", true),
            new Case(CorosyncRule.QUORUM_BOOLEAN, A + " " + B + " " + Q + " quorum wait_for_all=yes", true),
            new Case(CorosyncRule.NOT_A_NUMBER, A + " " + B + " " + Q + " totem token=4s", true),
            new Case(CorosyncRule.UNKNOWN_KEY, A + " " + B + " " + Q + " totem tokn=9000", true),
            new Case(CorosyncRule.CONSENSUS_TOO_LOW, A + " " + B + " " + Q + " totem token=4000 consensus=4800", false),
            new Case(CorosyncRule.TOKEN_TOO_LOW, A + " " + B + " " + Q + " totem token=2000", false));

    private CommandResult pcs(String args, Path out) {
        List<String> argv = new ArrayList<>(List.of("pcs", "cluster", "setup", "san-cluster"));
        argv.addAll(List.of(args.split(" ")));
        argv.addAll(List.of("--corosync_conf", out.toString()));
        return local.run(Command.of(argv));
    }

    @Test
    void whatPcsRefusesAndWhatItWritesThatTheValidatorCatches() throws IOException {
        RealTools.require("pcs");
        Map<String, String> seen = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (Case c : CASES) {
            Path out = dir.resolve(c.rule().id() + ".conf");
            CommandResult r = pcs(c.args(), out);
            String msg = (r.stderr() + r.stdout()).lines().filter(l -> l.startsWith("Error:")).findFirst().orElse("");
            seen.put(c.rule().id(), "rc " + r.exitCode() + " " + msg);
            if ((r.exitCode() != 0) != c.pcsRefuses()) {
                failures.add(c.rule().id() + ": pcs rc " + r.exitCode() + " (" + msg + ")");
            }
            if (r.exitCode() == 0) {
                List<Finding> ours = CorosyncValidator.validate(CorosyncConfParser.parse(out.toString(), Files.readString(out)));
                if (ours.stream().noneMatch(f -> f.rule() == c.rule() && f.severity() == Severity.ERROR)) {
                    failures.add(c.rule().id() + ": pcs wrote the file and the validator missed it: " + ours);
                }
            }
        }
        seen.forEach((k, v) -> System.out.println(k + " | " + v));
        assertThat(failures).isEmpty();
    }

    @Test
    void pcsReadsANodeNamedQuorumAsItsKeywordAndSilentlyBuildsTwoNodes() throws IOException {
        RealTools.require("pcs");
        Path out = dir.resolve("quorum-named.conf");
        CommandResult r = pcs(A + " " + B + " quorum", out);
        assertThat(r.exitCode()).isZero();
        CorosyncConf c = CorosyncConfParser.parse("pcs", Files.readString(out));
        assertThat(c.nodes()).extracting(CorosyncConf.Node::name).containsExactly("storage-a", "storage-b");
        assertThat(c.value("quorum.two_node")).contains("1");
        // with an address pcs refuses it as a quorum option instead
        CommandResult withAddr = pcs(A + " " + B + " quorum addr=10.20.20.3", dir.resolve("x.conf"));
        assertThat(withAddr.exitCode()).isEqualTo(1);
        assertThat(withAddr.stderr() + withAddr.stdout()).contains("invalid quorum option 'addr'");
    }

    @Test
    void pcsRenderingOfTheReferenceDesignPassesTheValidator() throws IOException {
        RealTools.require("pcs");
        Path out = dir.resolve("pcs-design.conf");
        assertThat(pcs(A + " " + B + " " + Q + " totem token=4000 join=1000 max_messages=20", out).exitCode()).isZero();
        assertThat(CorosyncValidator.validate(CorosyncConfParser.parse("pcs", Files.readString(out))))
                .noneMatch(f -> f.severity() == Severity.ERROR);
    }
}
