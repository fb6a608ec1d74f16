package org.sansdk.cluster.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Size;
import org.sansdk.core.testing.RealTools;

/**
 * modprobe.d files through kmod's real parser: {@code modprobe -c} (print the configuration kmod parsed) in a
 * private mount namespace with a temp directory bind-mounted over {@code /etc/modprobe.d}. No module is loaded.
 */
class ZfsModprobeRealToolTest {
    @TempDir
    Path dir;

    private List<String> zfsOptions(Path modprobeD) {
        RealTools.requireFrom("modprobe", "kmod");
        CommandResult r = MountNamespace.create().bind(modprobeD, "/etc/modprobe.d").run("modprobe", "-c");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        return r.stdout().lines().filter(l -> l.startsWith("options zfs ")).toList();
    }

    @Test
    void kmodParsesOurFileToExactlyOurOptions() throws Exception {
        Path d = Files.createDirectories(dir.resolve("modprobe.d"));
        Files.write(d.resolve("zfs.conf"), new ZfsModprobeConf(OpenZfsVersion.V2_1, List.of(
                ZfsModuleParameter.arcMax(Size.ofBytes(17179869184L)), ZfsModuleParameter.of("zfs_txg_timeout", "5"),
                ZfsModuleParameter.of("zfs_resilver_min_time_ms", "3000")), PowerLossProtection.NOT_CONFIRMED)
                .render().content());
        // kmod keeps one "options" entry per line, in file order, with the text after the module name as given
        assertThat(zfsOptions(d)).containsExactly("options zfs zfs_arc_max=17179869184", "options zfs zfs_txg_timeout=5",
                "options zfs zfs_resilver_min_time_ms=3000");
    }

    @Test
    void designTrailingCommentIsPartOfTheOptions() throws Exception {
        Path d = Files.createDirectories(dir.resolve("modprobe.d"));
        try (InputStream in = getClass().getResourceAsStream("/files/design-zfs-modprobe.conf")) {
            Files.write(d.resolve("zfs.conf"), in.readAllBytes());
        }
        // recorded with kmod 30 (Debian 12): the "comment" stays in the option string the kernel is given, i.e. the
        // zfs module would be offered parameters "#", "Default;", "sync", "writes" and "unaffected"
        assertThat(zfsOptions(d)).containsExactly("options zfs zfs_txg_timeout=30 # Default; sync writes unaffected");
    }
}
