package org.sansdk.corosync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.core.Plan;

class CorosyncAuthKeyTest {

    @TempDir
    Path dir;

    @Test
    void sizeAndModeAsCorosyncKeygen() throws Exception {
        Path k = dir.resolve("authkey");
        CorosyncAuthKey key = CorosyncAuthKey.generate();
        key.writeTo(k);
        assertThat(Files.size(k)).isEqualTo(256);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(k))).isEqualTo("r--------");
        assertThat(Files.readAllBytes(k)).isEqualTo(key.bytes());
        assertThat(CorosyncAuthKey.generate()).isNotEqualTo(key);
        // corosync-keygen -s accepts 128..4096 (real corosync-keygen: "Unsupported key size (supported <128,4096>)")
        assertThatThrownBy(() -> CorosyncAuthKey.generate(127)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CorosyncAuthKey.generate(4097)).isInstanceOf(IllegalArgumentException.class);
        assertThat(CorosyncAuthKey.generate(4096).length()).isEqualTo(4096);
    }

    @Test
    void planStepIsSecretAndNeverShowsTheBytes() {
        CorosyncAuthKey key = CorosyncAuthKey.generate();
        Plan p = key.writePlan("storage-a", CorosyncAuthKey.DEFAULT_PATH);
        Plan.WriteFileStep s = (Plan.WriteFileStep) p.steps().get(0);
        assertThat(s.mode()).isEqualTo(0400);
        assertThat(s.secret()).isTrue();
        assertThat(s.owner()).isEqualTo("root:root");
        String hex = java.util.HexFormat.of().formatHex(key.bytes());
        assertThat(p.toString()).doesNotContain(hex.substring(0, 16));
        assertThat(key.toString()).contains("****").doesNotContain(hex.substring(0, 16));
    }
}
