package org.sansdk.cluster.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.cluster.design.AnsibleInventoryImport;
import org.sansdk.cluster.design.SanDesign;
import org.sansdk.core.CommandResult;
import org.sansdk.core.testing.NetNamespace;
import org.sansdk.core.testing.RealTools;
import org.sansdk.corosync.CorosyncAuthKey;
import org.sansdk.corosync.CorosyncConfWriter;

/**
 * The corosync.conf each design maps to, given to the real {@code corosync -t} inside a network namespace that owns
 * storage-a's addresses (corosync only tests a config in which one node address is local): what DesignRules says
 * about the links is what corosync says.
 */
class RealCorosyncDesignTest {

    private static CommandResult corosyncTest(SanDesign d, Path dir) throws IOException {
        RealTools.requireFrom("corosync", "corosync");
        Path key = dir.resolve("authkey");
        CorosyncAuthKey.generate().writeTo(key);
        Path conf = dir.resolve("corosync.conf");
        Files.writeString(conf, CorosyncConfWriter.render(ToolLayers.corosyncBuilder(d).keyfile(key).withoutSyslog()
                .buildUnchecked()));
        try (NetNamespace ns = NetNamespace.create("san-clu")) {
            for (List<String> argv : List.of(List.of("ip", "link", "add", "v0", "type", "veth", "peer", "name", "v1"),
                    List.of("ip", "link", "set", "v0", "up"), List.of("ip", "link", "set", "v1", "up"),
                    List.of("ip", "addr", "add", "10.20.20.1/24", "dev", "v0"),
                    List.of("ip", "addr", "add", "10.10.10.1/24", "dev", "v0"))) {
                assertThat(ns.exec(argv).exitCode()).as(String.join(" ", argv)).isZero();
            }
            return ns.exec(List.of("corosync", "-t", "-c", conf.toAbsolutePath().toString()));
        }
    }

    @Test
    void theReferenceDesignsCorosyncConfIsAccepted(@TempDir Path dir) throws IOException {
        CommandResult r = corosyncTest(DesignRulesTest.REF, dir);
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
    }

    @Test
    void theCorpusInventorysOneLinkQuorumNodeIsRefusedByCorosync(@TempDir Path dir) throws IOException, URISyntaxException {
        Path inv = Path.of(RealCorosyncDesignTest.class.getResource("/ansible-ha-san/inventory.yml").toURI()).getParent();
        SanDesign d = AnsibleInventoryImport.read(inv).design();
        CommandResult r = corosyncTest(d, dir);
        assertThat(r.exitCode()).isEqualTo(8);
        assertThat(r.stdout() + r.stderr()).contains("Not all nodes have the same number of links");
        assertThat(DesignRules.check(d)).anyMatch(f -> f.id().equals("CLUSTER-COROSYNC-LINKS"));
    }
}
