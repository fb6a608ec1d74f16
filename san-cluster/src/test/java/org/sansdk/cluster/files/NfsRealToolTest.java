package org.sansdk.cluster.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.testing.RealTools;
import org.sansdk.core.testing.TestExecutors;

/**
 * Our {@code /etc/exports} through the real {@code exportfs} (nfs-utils, Debian package nfs-kernel-server) in a
 * private mount namespace, and our {@code nfs.conf} through the real {@code nfsconf}.
 */
class NfsRealToolTest {
    @TempDir
    Path dir;

    private CommandResult exportfs(Path exports, Path varLibNfs, String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "exportfs";
        System.arraycopy(args, 0, argv, 1, args.length);
        return MountNamespace.create().bind(exports, NfsExports.PATH).bind(varLibNfs, "/var/lib/nfs").run(argv);
    }

    @Test
    void exportfsAcceptsOurFileAndReportsOurOptions() throws Exception {
        RealTools.requireFrom("exportfs", "nfs-kernel-server");
        Path nfs = Files.createDirectories(dir.resolve("san-pool/nfs"));
        Path k3s = Files.createDirectories(dir.resolve("san-pool/k3s-pv"));
        Path lib = Files.createDirectories(dir.resolve("var-lib-nfs"));
        HostFile f = NfsExports.render(List.of(
                NfsExport.of(nfs.toString(), NfsClient.of("10.30.30.0/24", "rw", "sync", "no_subtree_check")),
                NfsExport.of(k3s.toString(), NfsClient.of("10.30.30.0/24", "ro", "sync", "subtree_check", "fsid=7"),
                        NfsClient.of("10.30.30.5", "rw", "sync", "no_subtree_check", "sec=sys")
                                .withSquash(NfsSquash.NO_ROOT_SQUASH))));
        Path exports = dir.resolve("exports");
        Files.write(exports, f.content());

        CommandResult ra = exportfs(exports, lib, "-ra");
        assertThat(ra.exitCode()).as(ra.stderr()).isZero();
        assertThat(ra.stderr()).isEmpty();

        CommandResult v = exportfs(exports, lib, "-v");
        assertThat(v.exitCode()).as(v.stderr()).isZero();
        // exportfs -v: the path on one line, then "\t\tCLIENT(options with defaults filled in)"
        String out = v.stdout().replaceAll("\n\t+", " ");
        assertThat(optionsOf(out, nfs + " 10.30.30.0/24"))
                .contains("rw", "sync", "no_subtree_check", "root_squash").doesNotContain("ro", "no_root_squash");
        assertThat(optionsOf(out, k3s + " 10.30.30.0/24"))
                .contains("ro", "sync", "fsid=7", "root_squash").doesNotContain("no_subtree_check");
        assertThat(optionsOf(out, k3s + " 10.30.30.5")).contains("rw", "sync", "sec=sys", "no_root_squash");
    }

    private static List<String> optionsOf(String exportfsV, String pathAndClient) {
        String line = exportfsV.lines().filter(l -> l.startsWith(pathAndClient + "(")).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + pathAndClient + "' in exportfs -v:\n" + exportfsV));
        return List.of(line.substring(line.indexOf('(') + 1, line.lastIndexOf(')')).split(","));
    }

    @Test
    void exportfsRejectsWhatTheRendererRefuses() throws Exception {
        // the renderer refuses rdirplus (FILES-NFS-009): the real exportfs agrees, it is not an exports keyword
        RealTools.requireFrom("exportfs", "nfs-kernel-server");
        Path nfs = Files.createDirectories(dir.resolve("nfs"));
        Path lib = Files.createDirectories(dir.resolve("var-lib-nfs"));
        Path exports = dir.resolve("exports");
        Files.writeString(exports, nfs + " 10.30.30.0/24(rw,sync,no_subtree_check,rdirplus)\n");
        CommandResult ra = exportfs(exports, lib, "-ra");
        assertThat(ra.exitCode()).isEqualTo(1);
        assertThat(ra.stderr()).contains("unknown keyword \"rdirplus\"");
    }

    @Test
    void nfsconfReadsTheVipAndVersions() throws Exception {
        RealTools.requireFrom("nfsconf", "nfs-common");
        Path conf = dir.resolve("nfs.conf");
        Files.write(conf, new NfsConf("10.30.30.10", 8, EnumSet.of(NfsVersion.V4, NfsVersion.V4_1, NfsVersion.V4_2))
                .render().content());
        var sh = TestExecutors.local();
        assertThat(sh.runChecked(Command.of("nfsconf", "--file", conf.toString(), "--get", "nfsd", "host")).stdout())
                .isEqualTo("10.30.30.10\n");
        assertThat(sh.runChecked(Command.of("nfsconf", "--file", conf.toString(), "--get", "nfsd", "threads")).stdout())
                .isEqualTo("8\n");
        assertThat(sh.runChecked(Command.of("nfsconf", "--file", conf.toString(), "--get", "nfsd", "vers3")).stdout())
                .isEqualTo("n\n");
        // --isset exits 0 only for a key present in the section
        assertThat(sh.run(Command.of("nfsconf", "--file", conf.toString(), "--isset", "nfsd", "vers4.1")).exitCode())
                .isZero();
        assertThat(sh.run(Command.of("nfsconf", "--file", conf.toString(), "--isset", "nfsd", "port")).exitCode())
                .isNotZero();
    }
}
