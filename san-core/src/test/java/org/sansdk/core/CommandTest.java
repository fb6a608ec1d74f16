package org.sansdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CommandTest {

    @Test
    void toString_isPasteablePosixLine() {
        Command c = Command.of("zfs", "create", "-o", "sharenfs=rw=@10.30.30.0/24", "san-pool/my data");
        assertThat(c.toString()).isEqualTo("zfs create -o sharenfs=rw=@10.30.30.0/24 'san-pool/my data'");
    }

    @Test
    void toString_masksSecretsInArgvEnvAndNeverShowsStdin() {
        Secret pw = Secret.of("Pa55 w0rd'");
        Command c = Command.builder("targetcli")
                .arg("/iscsi/iqn.2025-01.lab.home:storage-a/tpg1")
                .arg("set").arg("auth").arg("userid=iscsiuser").secretArg("password=", pw)
                .secretEnv("PCSD_PASS", pw)
                .secretStdin("password=Pa55 w0rd'\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .build();
        String shown = c.toString();
        assertThat(shown).doesNotContain("Pa55").contains("'password=****'").contains("PCSD_PASS='****'")
                .contains("# stdin: 20 bytes (secret)");
        assertThat(c.argv()).contains("password=Pa55 w0rd'");
        assertThat(c.redact("error: Pa55 w0rd' rejected")).isEqualTo("error: **** rejected");
    }

    @Test
    void builder_refusesNulAndEmptyProgram() {
        assertThatThrownBy(() -> Command.of("echo", "a\0b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Command.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Command.builder("x").timeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toBuilder_keepsEverything() {
        Command c = Command.builder("cat").stdin("x").env("A", "b").timeout(Duration.ofSeconds(3)).build();
        assertThat(c.toBuilder().build()).isEqualTo(c);
        assertThat(c.toBuilder().arg("-n").build().argv()).containsExactly("cat", "-n");
    }

    @org.junit.jupiter.api.Test
    void toScript_showsTextStdinAsHeredoc_masksSecretLines_hidesUnmarkedSecretAndBinary() {
        Secret chap = Secret.of("Chap-Pass-77");
        Command batch = Command.builder("targetcli").secretStdin(("cd /iscsi\nset auth userid=u password=" + chap.reveal()
                + "\nsaveconfig\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)).secret(chap).build();
        org.assertj.core.api.Assertions.assertThat(batch.toScript()).isEqualTo(
                "targetcli <<'SAN_EOF'\ncd /iscsi\n****\nsaveconfig\nSAN_EOF\n");
        Command xml = Command.builder("cibadmin").args("--create", "--xml-pipe").stdin("<primitive id=\"p\"/>").build();
        org.assertj.core.api.Assertions.assertThat(xml.toScript()).isEqualTo(
                "cibadmin --create --xml-pipe <<'SAN_EOF'\n<primitive id=\"p\"/>\n# (no newline at end of stdin)\nSAN_EOF\n");
        Command unmarked = Command.builder("dd").secretStdin(new byte[] {'k', '\n'}).build();
        org.assertj.core.api.Assertions.assertThat(unmarked.toScript()).isEqualTo("dd  # stdin: 2 bytes (secret, not shown)\n");
        Command binary = Command.builder("dd").stdin(new byte[] {(byte) 0xff, 0}).build();
        org.assertj.core.api.Assertions.assertThat(binary.toScript()).isEqualTo("dd  # stdin: 2 bytes (binary, not shown)\n");
        Secret twoLines = Secret.of("first\nsecond");
        Command spanning = Command.builder("targetcli").secretStdin("a first\nsecond b\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .secret(twoLines).build();
        org.assertj.core.api.Assertions.assertThat(spanning.toScript()).isEqualTo("targetcli  # stdin: 17 bytes (secret, not shown)\n");
        Command none = Command.of("zpool", "status");
        org.assertj.core.api.Assertions.assertThat(none.toScript()).isEqualTo("zpool status\n");
    }
}
