package org.sansdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class IscsiCommandTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return new CommandLine(new IscsiCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).execute(args);
    }

    @Test
    void byPathDecodesUdevNames() {
        assertThat(run("by-path", "ip-10.10.10.2:3260-iscsi-iqn.2025-01.lab.home:storage-b-lun-0x412c000000000000-part1"))
                .isZero();
        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(json).contains("16684").contains("300").contains("10.10.10.2");
        assertThat(run("by-path", "pci-0000:00:1f.2-ata-1")).isEqualTo(1);
    }

    @Test
    void fastFailoverPrintsReasonsWithoutSecrets() {
        assertThat(run("fast-failover")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("node.session.timeo.replacement_timeout = 5  # ");
    }
}
