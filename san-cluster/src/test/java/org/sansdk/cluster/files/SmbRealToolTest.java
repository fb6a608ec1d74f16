package org.sansdk.cluster.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.testing.RealTools;
import org.sansdk.core.testing.TestExecutors;

/** smb.conf through Samba's real {@code testparm} (Debian package samba-common-bin). */
class SmbRealToolTest {
    @TempDir
    Path dir;

    @BeforeEach
    void tool() {
        RealTools.requireFrom("testparm", "samba-common-bin");
    }

    private CommandResult testparm(Path conf, String... extra) {
        return TestExecutors.local().run(Command.builder("testparm").arg("-s").args(extra).arg(conf.toString()).build());
    }

    @Test
    void testparmAcceptsOurFileWithoutUnknownParametersAndKeepsOurValues() throws Exception {
        Path conf = dir.resolve("smb.conf");
        Files.write(conf, new SmbConf("10.30.30.10", "HA SAN SMB", SmbConfTest.SHADOW, List.of(SmbConfTest.SHARED,
                new SmbShare("archive", "/san-pool/archive", SmbAccess.READ_ONLY, List.of("alice", "@staff"))))
                .render().content());
        CommandResult r = testparm(conf);
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stderr()).doesNotContain("Unknown parameter").doesNotContain("Ignoring unknown")
                .contains("Loaded services file OK.");
        // testparm -s prints the normalised configuration: tab-indented "name = value", booleans as Yes/No
        assertThat(r.stdout()).contains("\tinterfaces = 10.30.30.10\n", "\tbind interfaces only = Yes\n",
                "\tserver string = HA SAN SMB\n", "\tvfs objects = shadow_copy2\n",
                "\tshadow:snapdir = .zfs/snapshot\n", "\tshadow:sort = desc\n", "\tshadow:format = %Y-%m-%d-%H%M%S\n",
                "[shared]\n\tpath = /san-pool/smb\n\tread only = No\n\tvalid users = @smbusers\n",
                "[archive]\n\tpath = /san-pool/archive\n\tvalid users = alice @staff\n");
        CommandResult vfs = testparm(conf, "--section-name=global", "--parameter-name=vfs objects");
        assertThat(vfs.stdout()).isEqualTo("shadow_copy2\n");
    }

    @Test
    void designTrailingCommentBecomesPartOfTheVfsModuleList() throws Exception {
        Path conf = dir.resolve("design-smb.conf");
        try (InputStream in = getClass().getResourceAsStream("/files/design-smb.conf")) {
            Files.write(conf, in.readAllBytes());
        }
        CommandResult vfs = testparm(conf, "--section-name=global", "--parameter-name=vfs objects");
        assertThat(vfs.exitCode()).isZero();
        // recorded with testparm 4.17.12 (Debian 12): the "comment" is the value, so smbd would try to load VFS
        // modules named "#", "Exposes", "ZFS", "snapshots", "as", "Previous" and "Versions"
        assertThat(vfs.stdout()).isEqualTo("shadow_copy2 # Exposes ZFS snapshots as Previous Versions\n");
        // and testparm does not warn about it: rc 0, no unknown-parameter line, so only reading the value shows it
        CommandResult all = testparm(conf);
        assertThat(all.exitCode()).isZero();
        assertThat(all.stderr()).doesNotContain("Unknown parameter");
        assertThat(all.stdout()).contains("\tvfs objects = shadow_copy2 # Exposes ZFS snapshots as Previous Versions\n");
    }
}
