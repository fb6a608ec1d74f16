package org.sansdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sanctl validate} over the shipped reference design, the recorded Ansible inventory and broken designs. */
class ValidateCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Sanctl sanctl = new Sanctl(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    private static final Path REFERENCE = Path.of("../examples/designs/reference.yml");
    private static final Path ANSIBLE = Path.of("../san-cluster/src/test/resources/ansible-ha-san");

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void referenceDesign_hasNoError_exit0() {
        assertThat(sanctl.run(List.of("validate", REFERENCE.toString()))).as(out() + err()).isZero();
        assertThat(out()).doesNotContain("ERROR ").contains("san-cluster: 3 nodes").contains("(0 errors,");
    }

    @Test
    void ansibleInventory_quorumNodeOnOneLink_isAnError_exit1() {
        assertThat(sanctl.run(List.of("validate", "--ansible", ANSIBLE.toString()))).isEqualTo(1);
        // the design document's (and the inventory's) quorum node has one corosync link: corosync -t refuses it
        assertThat(out()).containsPattern("ERROR \\S+ \\[\\w+\\] [^\\n]*quorum[^\\n]*link");
        assertThat(out()).contains("not imported: ");
    }

    @Test
    void unreadableDesign_exit1_withFileLineAndKey(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yml");
        Files.writeString(bad, "cluster_name: san\ncluster_name: again\n");
        assertThat(sanctl.run(List.of("validate", bad.toString()))).isEqualTo(1);
        assertThat(err()).contains("bad.yml").contains(":2:");
    }

    @Test
    void usage_noDesign_exit2_help_exit0() {
        assertThat(sanctl.run(List.of("validate"))).isEqualTo(2);
        out.reset();
        assertThat(sanctl.run(List.of("validate", "--help"))).isZero();
        assertThat(out()).contains("Exit codes:");
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
