package org.sansdk.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.testing.RealTools;
import org.sansdk.core.testing.TestExecutors;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The lab's fencing agent run by bash outside any lab (no root): its metadata, list and status; off of a node whose
 * namespace has no process (nothing killed). The killing itself is {@code LabPoolFailoverTest}'s.
 */
class LabFenceAgentTest {
    @TempDir
    Path dir;
    Path agent;

    @BeforeEach
    void write() throws Exception {
        RealTools.require("bash", "stat", "awk");
        Map<String, Long> targets = new LinkedHashMap<>();
        // this JVM's own network namespace (it has processes: this one) and an inode no namespace has
        targets.put("storage-a", (Long) Files.getAttribute(Path.of("/proc/self/ns/net"), "unix:ino"));
        targets.put("ghost", 1L);
        agent = LabFenceAgent.write(dir, targets);
    }

    private CommandResult run(String stdin, String... args) {
        Command.Builder b = Command.builder(agent.toString()).args(args);
        if (stdin != null) {
            b.stdin(stdin);
        }
        return TestExecutors.local().run(b.build());
    }

    @Test
    void metadataHasTheShapeOfAFenceAgents() throws Exception {
        CommandResult r = run(null, "-o", "metadata");
        assertThat(r.exitCode()).isZero();
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.stdout().getBytes(StandardCharsets.UTF_8)));
        assertThat(d.getDocumentElement().getAttribute("name")).isEqualTo("fence_dummy");
        assertThat(names(d.getElementsByTagName("action"))).contains("on", "off", "reboot", "status", "list", "monitor", "metadata");
        assertThat(names(d.getElementsByTagName("parameter"))).contains("action", "port", "plug");
        // the same through stdin, as the fencer passes it
        assertThat(run("action=metadata\n").stdout()).isEqualTo(r.stdout());
    }

    private static List<String> names(NodeList l) {
        return java.util.stream.IntStream.range(0, l.getLength()).mapToObj(i -> ((org.w3c.dom.Element) l.item(i)).getAttribute("name")).toList();
    }

    @Test
    void listsStatusAndMonitor() {
        assertThat(run(null, "-o", "list").stdout()).isEqualTo("storage-a,\nghost,\n");
        CommandResult on = run("action=status\nport=storage-a\n");
        assertThat(on.exitCode()).isZero();
        assertThat(on.stdout()).contains("Status: ON");
        CommandResult off = run(null, "-o", "status", "--plug=ghost");
        assertThat(off.exitCode()).isEqualTo(2);
        assertThat(off.stdout()).contains("Status: OFF");
        assertThat(run(null, "-o", "status", "-n", "nobody").exitCode()).isEqualTo(1);
        assertThat(run(null, "-o", "monitor").exitCode()).isZero();
        assertThat(run(null, "-o", "on", "-n", "ghost").exitCode()).isEqualTo(1);
        CommandResult bogus = run(null, "-o", "bogus", "-n", "ghost");
        assertThat(bogus.exitCode()).isEqualTo(1);
        assertThat(bogus.stderr()).contains("Unrecognised action 'bogus'");
    }

    @Test
    void offOfANodeWithNoProcessSucceedsAtOnce_typeFailFails() throws Exception {
        CommandResult r = run("action=off\nplug=ghost\nnodename=quorum\n");
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).contains("Success: Powered OFF");
        CommandResult f = run("action=reboot\nport=ghost\ntype=fail\npower_timeout=0\n");
        assertThat(f.exitCode()).isEqualTo(1);
        assertThat(f.stderr()).contains("Timed out waiting to power OFF");
        String log = Files.readString(dir.resolve("fence.log"));
        assertThat(log).contains("action=off port=ghost: off: SIGKILLed\n").contains("action=reboot port=ghost: type=fail");
    }

    @Test
    void refusesALabDirectoryItCannotQuote() {
        assertThatThrownBy(() -> LabFenceAgent.script(Path.of("a b", "t"), Path.of("log")))
                .isInstanceOf(LabException.class).hasMessageContaining("does not quote");
    }
}
