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
}
