package org.sansdk.zfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.core.Command;
import org.sansdk.core.Executor;
import org.sansdk.core.testing.RealTools;
import org.sansdk.core.testing.TestExecutors;

/**
 * The host id preflight with the real coreutils {@code hostid}, {@code cat} and {@code od} on this machine.
 * Expected values are read independently in Java (the /proc file's existence, /etc/hostid's bytes).
 */
class HostIdRealToolTest {

    @Test
    void probe_thisMachine_matchesWhatZfsWouldRead() throws IOException {
        RealTools.requireFrom("hostid", "coreutils");
        RealTools.requireFrom("od", "coreutils");
        NodeHostId n = HostIdPreflight.probe("this", TestExecutors.local());
        Path spl = Path.of("/proc/sys/kernel/spl/hostid");
        Path etc = Path.of("/etc/hostid");
        if (Files.exists(spl)) {
            assertThat(n.source()).isEqualTo(NodeHostId.Source.SPL_MODULE);
            assertThat(n.hostId()).isEqualTo(HostId.parse("java", Files.readString(spl)));
        } else if (Files.exists(etc)) {
            assertThat(n.source()).isEqualTo(NodeHostId.Source.ETC_HOSTID);
            assertThat(n.hostId()).isEqualTo(HostId.fromEtcHostid(Files.readAllBytes(etc)));
        } else {
            assertThat(n.source()).isEqualTo(NodeHostId.Source.MISSING);
            assertThat(n.hostId()).isEqualTo(HostId.NONE);
        }
        // gethostid(3) always answers something; without /etc/hostid it is not what ZFS uses
        assertThat(n.libcHostid()).isPresent();
    }

    @Test
    void od_readsAHostidFileAsZgenhostidWritesIt(@TempDir Path dir) throws IOException {
        RealTools.requireFrom("od", "coreutils");
        Path f = dir.resolve("hostid");
        byte[] bytes = {(byte) 0xef, (byte) 0xbe, (byte) 0xad, (byte) 0xde};
        Files.write(f, bytes);
        Executor local = TestExecutors.local();
        String out = local.runChecked(Command.of(HostIdPreflight.readHostidFile(f.toString()))).stdout();
        assertThat(HostId.parse("od", out)).isEqualTo(HostId.fromEtcHostid(bytes)).isEqualTo(new HostId(0xdeadbeefL));
        Files.write(f, new byte[0]);
        assertThat(local.runChecked(Command.of(HostIdPreflight.readHostidFile(f.toString()))).stdout()).isBlank();
    }

    @Test
    void check_sameMachineAsBothNodes_isRefused() {
        RealTools.requireFrom("hostid", "coreutils");
        RealTools.requireFrom("od", "coreutils");
        // a cloned VM pair looks exactly like this: whatever the id, both nodes report the same one
        assertThatThrownBy(() -> HostIdPreflight.check("storage-a", TestExecutors.local(),
                "storage-b", TestExecutors.local()))
                .isInstanceOfSatisfying(HostIdConflictException.class, e -> assertThat(e.problems())
                        .contains(HostIdConflictException.Problem.SAME));
    }

    @Test
    void check_twoHostidFilesWrittenLikeZgenhostid_passWhenNoModuleOverrides(@TempDir Path dir) throws IOException {
        RealTools.requireFrom("od", "coreutils");
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.exists(Path.of("/proc/sys/kernel/spl/hostid")),
                "the loaded SPL module's id wins over any file");
        Path a = dir.resolve("hostid-a");
        Path b = dir.resolve("hostid-b");
        Files.write(a, new byte[] {0x3d, 0x2c, 0x1b, 0x0a});
        Files.write(b, new byte[] {(byte) 0x8b, 0x7a, 0x6f, 0x5e});
        HostIdCheck c = new HostIdCheck(HostIdPreflight.probe("storage-a", TestExecutors.local(), a.toString()),
                HostIdPreflight.probe("storage-b", TestExecutors.local(), b.toString()));
        assertThat(c.hostIdOf("storage-a").hex()).isEqualTo("0a1b2c3d");
        assertThat(c.hostIdOf("storage-b").hex()).isEqualTo("5e6f7a8b");
    }
}
