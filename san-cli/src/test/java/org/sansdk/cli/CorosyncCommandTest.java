package org.sansdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CorosyncCommandTest {
    @TempDir
    Path dir;

    private int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = new CommandLine(new CorosyncCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void designConsensusIsAnErrorWithExit1() throws Exception {
        Path f = dir.resolve("corosync.conf");
        Files.writeString(f, "totem {\n    version: 2\n    cluster_name: san-cluster\n    transport: knet\n"
                + "    crypto_cipher: aes256\n    crypto_hash: sha256\n    token: 4000\n    consensus: 4800\n}\n"
                + "nodelist {\n    node {\n        name: storage-a\n        nodeid: 1\n        ring0_addr: 10.20.20.1\n"
                + "        ring1_addr: 10.10.10.1\n    }\n    node {\n        name: storage-b\n        nodeid: 2\n"
                + "        ring0_addr: 10.20.20.2\n        ring1_addr: 10.10.10.2\n    }\n    node {\n        name: quorum\n"
                + "        nodeid: 3\n        ring0_addr: 10.20.20.3\n    }\n}\nquorum {\n    provider: corosync_votequorum\n}\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(run(out, err, "check", f.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("COROSYNC-CONSENSUS").contains("COROSYNC-LINK-MISMATCH").contains("fix:");
    }

    @Test
    void cutFileIsAParseErrorWithItsLine() throws Exception {
        Path f = dir.resolve("cut.conf");
        Files.writeString(f, "totem {\n    version: 2\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(run(out, err, "check", f.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("cut.conf:2:");
    }
}
