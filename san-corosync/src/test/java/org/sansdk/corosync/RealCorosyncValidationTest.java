package org.sansdk.corosync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.core.CommandResult;

/**
 * Every rule's bad case, and the reference design from each node's point of view, through the real
 * {@code corosync -t} in a network namespace owning the node's addresses. Where corosync rejects a file the
 * validator rejects it with the rule the case is about; the cases corosync lets through are caught by the
 * validator alone. The observed table (rule, corosync -t rc) is printed for the README.
 */
class RealCorosyncValidationTest {

    @TempDir
    static Path dir;
    static Path key;
    static CorosyncLab storageA;

    @BeforeAll
    static void lab() {
        storageA = CorosyncLab.owning("10.20.20.1/24", "10.10.10.1/24");
        key = dir.resolve("authkey");
        CorosyncAuthKey.generate().writeTo(key);
    }

    @AfterAll
    static void down() {
        if (storageA != null) {
            storageA.close();
        }
    }

    static String design() {
        return CorosyncConfWriter.render(CorosyncConfBuilder.referenceDesign().keyfile(key).withoutSyslog().build());
    }

    record Case(CorosyncRule rule, UnaryOperator<String> mutate) {
    }

    static UnaryOperator<String> inTotem(String lines) {
        return s -> s.replace("    max_messages: 20\n", "    max_messages: 20\n" + lines);
    }

    static UnaryOperator<String> inQuorum(String lines) {
        return s -> s.replace("    provider: corosync_votequorum\n", "    provider: corosync_votequorum\n" + lines);
    }

    static UnaryOperator<String> replace(String from, String to) {
        return s -> {
            assertThat(s).contains(from);
            return s.replace(from, to);
        };
    }

    static List<Case> cases() {
        String quorumRing1 = "        ring1_addr: 10.10.10.3\n";
        String device = "    device {\n        model: net\n        votes: 1\n        net {\n            host: 10.20.20.9\n"
                + "            algorithm: lms\n        }\n    }\n";
        return List.of(
                new Case(CorosyncRule.LINK_COUNT, replace("transport: knet", "transport: udpu")),
                new Case(CorosyncRule.LINK_NUMBER, inTotem("    interface {\n        linknumber: 9\n    }\n")),
                new Case(CorosyncRule.LINK_PRIORITY, inTotem("    interface {\n        linknumber: 0\n        knet_link_priority: 300\n    }\n")),
                new Case(CorosyncRule.PING_OPTIONS, inTotem("    interface {\n        linknumber: 0\n        knet_ping_interval: 1000\n    }\n")),
                new Case(CorosyncRule.IP_VERSION, inTotem("    ip_version: ipv5\n")),
                new Case(CorosyncRule.LINK_MODE, inTotem("    link_mode: fast\n")),
                new Case(CorosyncRule.TRANSPORT, replace("transport: knet", "transport: tcp")),
                new Case(CorosyncRule.CRYPTO, replace("crypto_hash: sha256", "crypto_hash: none")),
                new Case(CorosyncRule.LINK_COUNT_MISMATCH, replace(quorumRing1, "")),
                new Case(CorosyncRule.ADDRESS_IP_VERSION, replace("ring1_addr: 10.10.10.3", "ring1_addr: fd00::3")),
                new Case(CorosyncRule.NODE_NAME, replace("name: storage-b", "name: storage-a")),
                new Case(CorosyncRule.NODE_ADDRESS, replace("ring0_addr: 10.20.20.3", "ring0_addr: 10.20.20.2")),
                new Case(CorosyncRule.NODE_ID, replace("nodeid: 3", "nodeid: 2")),
                new Case(CorosyncRule.NODES_MISSING, s -> s.replaceAll("(?s)nodelist \\{.*?\n}\n", "nodelist {\n}\n")),
                new Case(CorosyncRule.QDEVICE_INCOMPATIBLE, inQuorum("    last_man_standing: 1\n" + device)),
                new Case(CorosyncRule.QUORUM_BOOLEAN, inQuorum("    wait_for_all: yes\n")),
                new Case(CorosyncRule.NOT_A_NUMBER, replace("token: 4000", "token: 4s")),
                new Case(CorosyncRule.CONSENSUS_TOO_LOW, inTotem("    consensus: 4800\n")),
                new Case(CorosyncRule.TOKEN_TOO_LOW, replace("token: 4000", "token: 2000")),
                new Case(CorosyncRule.EXPECTED_VOTES, inQuorum("    expected_votes: 5\n")),
                new Case(CorosyncRule.TWO_NODE, inQuorum("    two_node: 1\n")),
                new Case(CorosyncRule.UNKNOWN_KEY, inTotem("    tokn: 9000\n")),
                new Case(CorosyncRule.UNKNOWN_SECTION, s -> s + "\ntotme {\n    token: 9000\n}\n"),
                new Case(CorosyncRule.NODE_NAMED_QUORUM, UnaryOperator.identity()),
                new Case(CorosyncRule.INLINE_COMMENT, replace("cluster_name: san-cluster", "cluster_name: san-cluster # prod")),
                new Case(CorosyncRule.DUPLICATE_KEY, inTotem("    token: 1000\n")),
                new Case(CorosyncRule.DUPLICATE_SECTION, s -> s + "\nnodelist {\n    node {\n        name: extra\n        nodeid: 9\n"
                        + "        ring0_addr: 10.20.20.9\n        ring1_addr: 10.10.10.9\n    }\n}\n"),
                new Case(CorosyncRule.QDEVICE, inQuorum("    device {\n        model: net\n        votes: 1\n    }\n")));
    }

    /** What corosync -t does with each case (exit code), as observed with corosync 3.1.7. */
    static final Map<CorosyncRule, Boolean> COROSYNC_REJECTS = new LinkedHashMap<>();

    @Test
    void everyRuleHasABadCaseAndCorosyncRejectionsAreOursToo() throws IOException {
        assertThat(cases()).extracting(Case::rule).containsExactlyInAnyOrder(CorosyncRule.values());
        List<String> table = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Case c : cases()) {
            String text = c.mutate().apply(design());
            Path f = dir.resolve(c.rule().id() + ".conf");
            Files.writeString(f, text);
            List<Finding> ours = CorosyncValidator.validate(CorosyncConfParser.parse(f.toString(), text));
            CommandResult r = storageA.corosyncTest(f);
            String said = firstError(r);
            boolean rejects = r.exitCode() != 0;
            table.add(c.rule().id() + " | rc " + r.exitCode() + " | " + said);
            if (ours.stream().noneMatch(x -> x.rule() == c.rule())) {
                failures.add(c.rule().id() + ": the validator did not report it: " + ours);
            }
            if (rejects && ours.stream().noneMatch(x -> x.rule() == c.rule() && x.severity() == Severity.ERROR)) {
                failures.add(c.rule().id() + ": corosync -t rejects (" + said + ") but our finding is not an error");
            }
            COROSYNC_REJECTS.put(c.rule(), rejects);
        }
        table.forEach(System.out::println);
        assertThat(failures).isEmpty();
        // what corosync 3.1.7 was seen to do; a change of corosync's behaviour shows up here
        assertThat(COROSYNC_REJECTS).containsAllEntriesOf(OBSERVED);
    }

    /** corosync 3.1.7 `corosync -t` verdicts (true = rc 8), filled from a run and checked on every run. */
    static final Map<CorosyncRule, Boolean> OBSERVED = Map.ofEntries(
            Map.entry(CorosyncRule.LINK_COUNT, true),
            Map.entry(CorosyncRule.LINK_NUMBER, false),
            Map.entry(CorosyncRule.LINK_PRIORITY, true),
            Map.entry(CorosyncRule.PING_OPTIONS, false),
            Map.entry(CorosyncRule.IP_VERSION, true),
            Map.entry(CorosyncRule.LINK_MODE, true),
            Map.entry(CorosyncRule.TRANSPORT, true),
            Map.entry(CorosyncRule.CRYPTO, true),
            Map.entry(CorosyncRule.LINK_COUNT_MISMATCH, true),
            Map.entry(CorosyncRule.ADDRESS_IP_VERSION, true),
            Map.entry(CorosyncRule.NODE_NAME, false),
            Map.entry(CorosyncRule.NODE_ADDRESS, false),
            Map.entry(CorosyncRule.NODE_ID, true),
            Map.entry(CorosyncRule.NODES_MISSING, true),
            Map.entry(CorosyncRule.QDEVICE_INCOMPATIBLE, false),
            Map.entry(CorosyncRule.QUORUM_BOOLEAN, true),
            Map.entry(CorosyncRule.NOT_A_NUMBER, true),
            Map.entry(CorosyncRule.CONSENSUS_TOO_LOW, false),
            Map.entry(CorosyncRule.TOKEN_TOO_LOW, false),
            Map.entry(CorosyncRule.EXPECTED_VOTES, false),
            Map.entry(CorosyncRule.TWO_NODE, false),
            Map.entry(CorosyncRule.UNKNOWN_KEY, false),
            Map.entry(CorosyncRule.UNKNOWN_SECTION, false),
            Map.entry(CorosyncRule.NODE_NAMED_QUORUM, false),
            Map.entry(CorosyncRule.INLINE_COMMENT, false),
            Map.entry(CorosyncRule.DUPLICATE_KEY, false),
            Map.entry(CorosyncRule.DUPLICATE_SECTION, true),
            Map.entry(CorosyncRule.QDEVICE, false));

    @Test
    void theReferenceDesignPassesCorosyncTestFromEveryNodesPointOfView() throws IOException {
        Path f = dir.resolve("design.conf");
        String text = design();
        Files.writeString(f, text);
        assertThat(CorosyncValidator.validate(CorosyncConfParser.parse("design", text)))
                .allMatch(x -> x.severity() == Severity.WARNING);
        for (String[] addrs : List.of(new String[] {"10.20.20.1/24", "10.10.10.1/24"},
                new String[] {"10.20.20.2/24", "10.10.10.2/24"}, new String[] {"10.20.20.3/24", "10.10.10.3/24"})) {
            try (CorosyncLab node = CorosyncLab.owning(addrs)) {
                CommandResult r = node.corosyncTest(f);
                assertThat(r.exitCode()).as("corosync -t as %s: %s", addrs[0], r.stderr() + r.stdout()).isZero();
            }
        }
    }

    @Test
    void theDesignDocumentsOwnNodelistIsRefusedByCorosyncAndByUs() throws IOException {
        // the design gives the quorum node ring0 only; consensus 4800 as in its group_vars
        String text = inTotem("    consensus: 4800\n").apply(replace("        ring1_addr: 10.10.10.3\n", "").apply(design()));
        Path f = dir.resolve("design-doc.conf");
        Files.writeString(f, text);
        CommandResult r = storageA.corosyncTest(f);
        assertThat(r.exitCode()).isEqualTo(8);
        assertThat(r.stdout() + r.stderr()).contains("Not all nodes have the same number of links");
        assertThat(CorosyncValidator.validate(CorosyncConfParser.parse("design-doc", text)))
                .extracting(Finding::rule)
                .contains(CorosyncRule.LINK_COUNT_MISMATCH, CorosyncRule.CONSENSUS_TOO_LOW, CorosyncRule.NODE_NAMED_QUORUM);
    }

    static String firstError(CommandResult r) {
        for (String l : (r.stderr() + "\n" + r.stdout()).split("\n")) {
            if (l.contains("parse error") || l.contains("parser error") || l.contains("error")) {
                return l.replaceFirst("^.*?(parse error|parser error)", "$1").strip();
            }
        }
        return "";
    }
}
