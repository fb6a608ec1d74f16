package org.sansdk.cluster.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.core.CommandResult;
import org.sansdk.core.testing.NetNamespace;
import org.sansdk.core.testing.RealTools;

/**
 * Our sysctl.d file through the real {@code sysctl -p} (procps) inside a throw-away network namespace: the
 * per-namespace keys are applied for real there and read back; the initial-namespace keys are refused there
 * by the kernel ("Invalid argument"), so for them only the existence of {@code /proc/sys/<key>} on this host is
 * checked. Nothing is applied to the host.
 */
class SysctlRealToolTest {
    @TempDir
    Path dir;

    @Test
    void perNamespaceKeysApplyAndReadBack() throws Exception {
        RealTools.requireFrom("sysctl", "procps");
        List<SysctlSetting> settings = List.of(SysctlSetting.of("net.ipv4.ip_nonlocal_bind", "1"),
                SysctlSetting.of("net.ipv6.ip_nonlocal_bind", "1"),
                SysctlSetting.of("net.core.rmem_max", "16777216"),
                SysctlSetting.of("net.core.wmem_max", "16777216"),
                SysctlSetting.of("net.ipv4.tcp_rmem", "4096 87380 16777216"),
                SysctlSetting.of("net.ipv4.tcp_wmem", "4096 65536 16777216"));
        Path file = dir.resolve("90-san.conf");
        Files.write(file, SanSysctl.render(settings).content());
        try (NetNamespace ns = NetNamespace.create("san-sysctl")) {
            CommandResult p = ns.exec(List.of("sysctl", "-p", file.toString()));
            // the only complaints are the two initial-namespace keys, which a network namespace does not have
            assertThat(p.stderr().lines().toList()).containsExactly(
                    "sysctl: setting key \"net.core.rmem_max\": Invalid argument",
                    "sysctl: setting key \"net.core.wmem_max\": Invalid argument");
            assertThat(p.stdout()).contains("net.ipv4.ip_nonlocal_bind = 1\n", "net.ipv4.tcp_rmem = 4096 87380 16777216\n");
            for (SysctlSetting s : settings) {
                if (SanSysctl.scope(s.key()) == SysctlScope.NETWORK_NAMESPACE) {
                    CommandResult r = ns.exec(List.of("sysctl", "-n", s.key()));
                    assertThat(r.exitCode()).as(s.key()).isZero();
                    // the kernel prints triples tab-separated
                    assertThat(r.stdout().strip().replace('\t', ' ')).as(s.key()).isEqualTo(s.value());
                }
            }
        }
    }

    @Test
    void initialNamespaceKeysExistOnThisKernel() {
        for (String key : SanSysctl.knownKeys()) {
            assertThat(Path.of("/proc/sys", key.replace('.', '/'))).as(key).exists();
        }
        assertThat(SanSysctl.scope("net.core.rmem_max")).isEqualTo(SysctlScope.INITIAL_NAMESPACE_ONLY);
    }
}
