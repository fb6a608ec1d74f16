package org.sansdk.zfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;
import org.sansdk.core.ParseException;
import org.sansdk.core.SanException;
import org.sansdk.core.spi.OutputParser;
import org.sansdk.core.testing.Daemon;
import org.sansdk.core.testing.RealTools;
import org.sansdk.core.testing.TestExecutors;
import org.sansdk.zfs.internal.ZfsGetOutputParser;
import org.sansdk.zfs.internal.ZfsListOutputParser;
import org.sansdk.zfs.internal.ZpoolListOutputParser;

/**
 * Real ZFS (zfs-fuse 0.7.0, pool version 23) on file vdevs: pools are created with this module's builders,
 * driven into the states the design cares about, and the parsed model is compared with what was done.
 * One daemon for the whole class (zfs-fuse allows only one); stopped in {@link #stopDaemon()}. When a
 * zfs-fuse service already runs on the machine, its daemon is used instead and left running.
 */
class ZfsFuseRealToolTest {
    private static final long MB = 1L << 20;

    private static Daemon daemon;
    private static Path dir;
    private static Executor sh;
    private static final List<String> pools = new ArrayList<>();

    @BeforeAll
    static void startDaemon() throws Exception {
        RealTools.require("zpool", "zfs", "zfs-fuse");
        RealTools.requireRoot();
        RealTools.requireDevice("/dev/fuse");
        sh = TestExecutors.local();
        dir = Files.createTempDirectory("san-zfs-fuse-");
        if (sh.run(Command.of("zpool", "list")).exitCode() == 0) {
            // a zfs-fuse daemon already runs (a distribution service started it); only one can run, so use
            // it with this class's own uniquely named pools and leave it running afterwards
            System.err.println("ZfsFuseRealToolTest: using the zfs-fuse daemon that is already running");
            return;
        }
        Path zfsFuse = RealTools.find("zfs-fuse").orElseThrow();
        daemon = Daemon.start(List.of(zfsFuse.toString(), "-n", "--no-kstat-mount"), dir.resolve("zfs-fuse.log"));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            CommandResult r = sh.run(Command.of("zpool", "list"));
            if (r.exitCode() == 0) {
                break;
            }
            if (!daemon.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("zfs-fuse did not come up (is another zfs-fuse running?): "
                        + r.stderr() + "\n" + Files.readString(daemon.log()));
            }
            Thread.sleep(200);
        }
    }

    @AfterAll
    static void stopDaemon() throws IOException {
        try {
            if (sh != null && (daemon == null || daemon.isAlive())) {
                for (String p : pools) {
                    CommandResult r = sh.run(Command.of("zpool", "destroy", "-f", p));
                    if (r.exitCode() != 0) {
                        sh.run(Command.of("zpool", "export", "-f", p));
                    }
                }
            }
        } finally {
            if (daemon != null) {
                daemon.stop(Duration.ofSeconds(30));
            }
            if (dir != null) {
                try (Stream<Path> s = Files.walk(dir)) {
                    s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private static String newPool(String tag) {
        String name = "sz" + tag + Long.toString(System.nanoTime() % 100000, 36);
        pools.add(name);
        return name;
    }

    private static String file(String pool, String leg, long size) throws IOException {
        Path p = dir.resolve(pool + "-" + leg);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(size);
        }
        return p.toString();
    }

    /** A plain pool (zfs-fuse cannot take the design's modern options), mounted inside the temp dir. */
    private static ZpoolCreate.Builder plain(String pool) {
        return ZpoolCreate.plain(pool).property("cachefile", "none").mountpoint(dir.resolve("mnt-" + pool).toString());
    }

    private static PoolStatus status(String pool) {
        CommandResult r = sh.runChecked(ZpoolCommands.status(pool, DevicePaths.SHORT));
        ZpoolStatusReport report = ZpoolStatusParser.parse("zpool status " + pool, r.stdout());
        assertThat(report.warnings()).as(r.stdout()).isEmpty();
        return report.pool(pool).orElseThrow();
    }

    private static void writeRandom(Path file, long bytes) throws IOException {
        Random rnd = new Random(42);
        byte[] buf = new byte[(int) MB];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long done = 0; done < bytes; done += buf.length) {
                rnd.nextBytes(buf);
                out.write(buf);
            }
        }
    }

    /** Exports; zfs-fuse reports "pool is busy" for a moment after files on the pool were closed. */
    private static void export(String pool) {
        for (int attempt = 1; ; attempt++) {
            CommandResult r = sh.run(ZpoolCommands.export(pool));
            if (r.isSuccess()) {
                return;
            }
            if (!r.stderr().contains("pool is busy") || attempt == 20) {
                r.requireSuccess(ZpoolCommands.export(pool));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static void exportDropCachesImport(String pool) {
        export(pool);
        sh.run(Command.of("sync"));
        try {
            Files.writeString(Path.of("/proc/sys/vm/drop_caches"), "3");
        } catch (IOException | RuntimeException e) {
            // not allowed in some containers: the scan is then just faster
        }
        sh.runChecked(ZpoolImport.pool(pool).searchDir(dir.toString()).cachefileNone().build());
    }

    private static Vdev leaf(PoolStatus p, String path) {
        return p.find(path).orElseThrow(() -> new AssertionError(path + " not in " + p));
    }

    // ------------------------------------------------------------------ scenarios

    @Test
    void create_mirrorWithSpare_parsesOnlineTreeAvailSpareAndDatasets() throws IOException {
        String pool = newPool("c");
        String a = file(pool, "a", 128 * MB);
        String b = file(pool, "b", 128 * MB);
        String s = file(pool, "s", 128 * MB);
        sh.runChecked(plain(pool).mirror(a, b).spare(s).build());
        sh.runChecked(ZfsCreate.filesystem(pool + "/nfs").property("compression", "on").build());

        PoolStatus p = status(pool);
        assertThat(p.state()).isEqualTo(DeviceState.ONLINE);
        assertThat(p.scan().orElseThrow().state()).isEqualTo(ScanStatus.ScanState.NONE_REQUESTED);
        Vdev mirror = p.dataVdevs().get(0);
        assertThat(mirror.kind()).isEqualTo(new VdevKind.Mirror(java.util.OptionalInt.of(0)));
        assertThat(mirror.children()).extracting(Vdev::name).containsExactly(a, b);
        assertThat(mirror.leaves()).allSatisfy(v -> {
            assertThat(v.kind()).isEqualTo(new VdevKind.Leaf(VdevKind.LeafType.FILE));
            assertThat(v.errors()).contains(ErrorCounters.ZERO);
        });
        assertThat(p.vdevs(AllocationClass.SPARE)).singleElement().satisfies(v -> {
            assertThat(v.name()).isEqualTo(s);
            assertThat(v.state()).isEqualTo(DeviceState.AVAIL);
        });
        assertThat(p.errors()).contains(PoolErrors.NONE);

        String s2 = file(pool, "s2", 128 * MB);
        sh.runChecked(ZpoolAdd.plain(pool).spare(s2).build());
        assertThat(status(pool).vdevs(AllocationClass.SPARE)).extracting(Vdev::name).containsExactly(s, s2);

        List<ListRow> rows = ZfsListParser.parse("zfs list", sh.runChecked(Command.of("zfs", "list", "-H", "-o",
                "name,used,mountpoint", "-r", pool)).stdout(), List.of("name", "used", "mountpoint"));
        assertThat(rows).extracting(ListRow::name).containsExactly(pool, pool + "/nfs");
        assertThat(rows.get(0).bytes("used").orElseThrow()).isPositive();
        List<PropertyValue> props = ZfsGetParser.parse("zfs get", sh.runChecked(Command.of("zfs", "get", "-H", "-p",
                "used,compression", pool + "/nfs")).stdout());
        assertThat(props).extracting(PropertyValue::property).containsExactly("used", "compression");
        assertThat(props.get(0).bytes().orElseThrow()).isPositive();
        assertThat(props.get(1).value()).isEqualTo("on");
        assertThat(props.get(1).isLocal()).isTrue();

        // the parse kinds read the same real captures
        String zfsList = sh.runChecked(Command.of("zfs", "list", "-H", "-r", pool)).stdout();
        assertThat(kindRows(new ZfsListOutputParser(), zfsList)).extracting(r -> r.get("name"))
                .containsExactly(pool, pool + "/nfs");
        String zfsGet = sh.runChecked(Command.of("zfs", "get", "-H", "-p", "used,compression", pool + "/nfs")).stdout();
        assertThat(kindRows(new ZfsGetOutputParser(), zfsGet)).extracting(r -> r.get("property"))
                .containsExactly("used", "compression");
        // zfs-fuse 0.7's zpool list -H has 8 default columns (OpenZFS 2.x: 11): refused until a header names them
        String zpoolList = sh.runChecked(Command.of("zpool", "list", "-H", pool)).stdout();
        assertThatThrownBy(() -> new ZpoolListOutputParser().parse("zpool list", zpoolList))
                .isInstanceOf(ParseException.class).hasMessageContaining("# -o");
        assertThat(kindRows(new ZpoolListOutputParser(), "# zpool list -H -o name,size,alloc,free,cap,dedup,health,altroot\n"
                + zpoolList)).singleElement().satisfies(r -> {
                    assertThat(r.get("name")).isEqualTo(pool);
                    assertThat(r.get("health")).isEqualTo("ONLINE");
                });
    }

    @SuppressWarnings("unchecked")
    private static List<java.util.Map<String, String>> kindRows(OutputParser parser, String capture) {
        java.util.Map<String, Object> json = (java.util.Map<String, Object>) parser.parse(parser.kind(), capture);
        assertThat(json).containsEntry("complete", true);
        return (List<java.util.Map<String, String>>) json.get("rows");
    }

    @Test
    void offlineLeg_degradesPool_thenOnlineResilversBack() throws IOException {
        String pool = newPool("o");
        String a = file(pool, "a", 128 * MB);
        String b = file(pool, "b", 128 * MB);
        sh.runChecked(plain(pool).mirror(a, b).build());
        sh.runChecked(ZpoolCommands.offline(pool, b));

        PoolStatus degraded = status(pool);
        assertThat(degraded.state()).isEqualTo(DeviceState.DEGRADED);
        assertThat(degraded.dataVdevs().get(0).state()).isEqualTo(DeviceState.DEGRADED);
        assertThat(leaf(degraded, b).state()).isEqualTo(DeviceState.OFFLINE);
        assertThat(leaf(degraded, a).state()).isEqualTo(DeviceState.ONLINE);
        assertThat(degraded.status().orElseThrow()).startsWith("One or more devices has been taken offline");

        // data written while the leg is offline is what the resilver has to copy back
        writeRandom(dir.resolve("mnt-" + pool).resolve("while-offline"), 8 * MB);
        sh.run(Command.of("sync"));
        sh.runChecked(ZpoolCommands.online(pool, b));
        ScanStatus end = ScanTracker.builder(sh, pool).interval(Duration.ofMillis(100)).maxPolls(3000)
                .awaitStart(100).build().run(s -> { });
        PoolStatus back = status(pool);
        assertThat(back.state()).isEqualTo(DeviceState.ONLINE);
        // zfs-fuse (old format) prints what the resilver copied on the returning leg
        assertThat(leaf(back, b).notes()).singleElement().isInstanceOfSatisfying(VdevNote.Amount.class,
                n -> assertThat(n.what()).isEqualTo("resilvered"));
        assertThat(end.function()).isEqualTo(ScanStatus.ScanFunction.RESILVER);
        assertThat(end.state()).isEqualTo(ScanStatus.ScanState.FINISHED);
        assertThat(end.errors()).hasValue(0);
    }

    @Test
    void missingFile_givesUnavailGuidLegWithFormerPath() throws IOException {
        String pool = newPool("u");
        String a = file(pool, "a", 128 * MB);
        String b = file(pool, "b", 128 * MB);
        sh.runChecked(plain(pool).mirror(a, b).build());
        export(pool);
        Path away = Files.createDirectories(dir.resolve("away"));
        Files.move(Path.of(b), away.resolve("b"));
        // what a failover node sees before importing: the listing of importable pools
        ZpoolImportReport listing = ZpoolImportParser.parse("zpool import -d",
                sh.runChecked(Command.of("zpool", "import", "-d", dir.toString())).stdout());
        assertThat(listing.named(pool)).hasSize(1);
        ImportCandidate importable = listing.named(pool).get(0);
        assertThat(importable.state()).isEqualTo(DeviceState.DEGRADED);
        assertThat(importable.id()).matches("[0-9]+");
        assertThat(importable.complete()).isTrue();
        assertThat(importable.allVdevs().filter(v -> v.name().equals(b)).findFirst().orElseThrow().notes())
                .containsExactly(new VdevNote.Aux("cannot open"));
        sh.runChecked(ZpoolImport.pool(pool).searchDir(dir.toString()).cachefileNone().build());

        PoolStatus p = status(pool);
        assertThat(p.state()).isEqualTo(DeviceState.DEGRADED);
        Vdev missing = p.dataVdevs().get(0).children().get(1);
        assertThat(missing.state()).isEqualTo(DeviceState.UNAVAIL);
        assertThat(missing.name()).matches("[0-9]+");
        assertThat(missing.notes()).containsExactly(new VdevNote.Was(b));
        assertThat(missing.guid()).contains(missing.name());
        assertThat(missing.kind()).isEqualTo(new VdevKind.Leaf(VdevKind.LeafType.FILE));
        assertThat(p.messageId()).contains("ZFS-8000-2Q");
    }

    @Test
    void twoExportedPoolsWithOneName_areTwoImportCandidatesByIdAndAnEmptyDirIsNone() throws IOException {
        String pool = newPool("d");
        Path d1 = Files.createDirectories(dir.resolve(pool + "-one"));
        Path d2 = Files.createDirectories(dir.resolve(pool + "-two"));
        List<String> legs = new ArrayList<>();
        for (Path d : List.of(d1, d2)) {
            String a = d.resolve("a").toString();
            String b = d.resolve("b").toString();
            for (String f : List.of(a, b)) {
                try (RandomAccessFile raf = new RandomAccessFile(f, "rw")) {
                    raf.setLength(128 * MB);
                }
            }
            legs.add(a);
            sh.runChecked(plain(pool).mirror(a, b).build());
            export(pool);
        }
        CommandResult listed = sh.runChecked(Command.of("zpool", "import", "-d", d1.toString(), "-d", d2.toString()));
        ZpoolImportReport r = ZpoolImportParser.parse("zpool import", listed.stdout());
        assertThat(r.named(pool)).hasSize(2);
        assertThat(r.named(pool).get(0).id()).isNotEqualTo(r.named(pool).get(1).id());
        assertThat(r.named(pool)).allSatisfy(c -> {
            assertThat(c.state()).isEqualTo(DeviceState.ONLINE);
            assertThat(c.complete()).isTrue();
        });
        assertThat(r.named(pool).stream().map(c -> c.root().children().get(0).children().get(0).name()))
                .containsExactlyInAnyOrderElementsOf(legs);
        Path empty = Files.createDirectories(dir.resolve(pool + "-none"));
        CommandResult none = sh.run(Command.of("zpool", "import", "-d", empty.toString()));
        assertThat(ZpoolImportParser.parse("zpool import", none.stdout(), none.stderr(), none.exitCode() != 0
                ? ZpoolImportParser.EmptyStdout.MEANS_NO_POOLS : ZpoolImportParser.EmptyStdout.REFUSED)
                .result()).isEqualTo(ZpoolImportReport.Result.NO_POOLS_AVAILABLE_TO_IMPORT);
        // import each by id and destroy, so the class clean-up finds nothing left under this name
        for (ImportCandidate c : r.named(pool)) {
            sh.runChecked(Command.of("zpool", "import", "-d", d1.toString(), "-d", d2.toString(), c.id()));
            sh.runChecked(Command.of("zpool", "destroy", pool));
        }
    }

    @Test
    void replaceLegWithHotSpare_showsSpareVdevAndSpareInUse() throws IOException {
        String pool = newPool("s");
        String a = file(pool, "a", 128 * MB);
        String b = file(pool, "b", 128 * MB);
        String s = file(pool, "s", 128 * MB);
        sh.runChecked(plain(pool).mirror(a, b).spare(s).build());
        sh.runChecked(ZpoolCommands.replace(pool, a, s));

        PoolStatus p = status(pool);
        Vdev spare = p.dataVdevs().get(0).children().get(0);
        assertThat(spare.kind()).isInstanceOf(VdevKind.Spare.class);
        assertThat(spare.children()).extracting(Vdev::name).containsExactly(a, s);
        assertThat(p.vdevs(AllocationClass.SPARE)).singleElement().satisfies(v -> {
            assertThat(v.state()).isEqualTo(DeviceState.INUSE);
            assertThat(v.notes()).containsExactly(new VdevNote.Aux("currently in use"));
        });
    }

    @Test
    void replaceLegWithNewFile_tracksResilverThroughReplacingVdev() throws IOException {
        String pool = newPool("r");
        String a = file(pool, "a", 512 * MB);
        String b = file(pool, "b", 512 * MB);
        String n = file(pool, "n", 512 * MB);
        sh.runChecked(plain(pool).mirror(a, b).build());
        writeRandom(dir.resolve("mnt-" + pool).resolve("data"), 200 * MB);
        exportDropCachesImport(pool);

        // zfs-fuse's `zpool replace` returns only when the resilver is done (the capture in corpus/zfs-fuse ran
        // it in the background for that reason), so run it on another thread and read status meanwhile
        java.util.concurrent.CompletableFuture<CommandResult> replace = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> sh.run(ZpoolCommands.replace(pool, b, n)));
        List<PoolStatus> whileReplacing = new ArrayList<>();
        while (!replace.isDone()) {
            whileReplacing.add(status(pool));
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        assertThat(replace.join().exitCode()).as(replace.join().stderr()).isZero();
        ScanStatus end = ScanTracker.builder(sh, pool).interval(Duration.ofMillis(100)).maxPolls(3000)
                .awaitStart(3).build().run(s -> { });
        assertThat(end.function()).isEqualTo(ScanStatus.ScanFunction.RESILVER);
        assertThat(end.state()).isEqualTo(ScanStatus.ScanState.FINISHED);
        // while it ran, the old and the new leg sat under replacing-1 inside mirror-0, old leg first
        assertThat(whileReplacing).as("readings while zpool replace ran").anySatisfy(p -> {
            Vdev replacing = p.dataVdevs().get(0).children().get(1);
            assertThat(replacing.kind()).isEqualTo(new VdevKind.Replacing(java.util.OptionalInt.of(1)));
            assertThat(replacing.children()).extracting(Vdev::name).containsExactly(b, n);
            assertThat(p.state()).isIn(DeviceState.ONLINE, DeviceState.DEGRADED);
        });
        System.err.println("replaceLegWithNewFile: " + whileReplacing.size() + " readings while zpool replace ran");
        PoolStatus after = status(pool);
        assertThat(after.state()).isEqualTo(DeviceState.ONLINE);
        assertThat(after.find(b)).isEmpty();
        assertThat(leaf(after, n).state()).isEqualTo(DeviceState.ONLINE);
        // the new leg received the ~200 MB of data (old-format per-device amount)
        assertThat(leaf(after, n).notes()).singleElement().isInstanceOfSatisfying(VdevNote.Amount.class,
                x -> assertThat(x.bytes()).isGreaterThan(150 * MB));
    }

    @Test
    void scrubAfterCorruptingOneLeg_countsChecksumErrorsAndRepairs() throws IOException {
        String pool = newPool("k");
        String a = file(pool, "a", 256 * MB);
        String b = file(pool, "b", 256 * MB);
        sh.runChecked(plain(pool).mirror(a, b).build());
        writeRandom(dir.resolve("mnt-" + pool).resolve("data"), 120 * MB);
        export(pool);
        // overwrite the middle of leg a (labels live in the first and last 512 KiB)
        try (RandomAccessFile f = new RandomAccessFile(a, "rw")) {
            byte[] junk = new byte[(int) MB];
            new Random(7).nextBytes(junk);
            for (long off = 16 * MB; off < 200 * MB; off += MB) {
                f.seek(off);
                f.write(junk);
            }
        }
        sh.runChecked(ZpoolImport.pool(pool).searchDir(dir.toString()).cachefileNone().build());
        sh.runChecked(ZpoolCommands.scrub(pool));
        ScanStatus end = ScanTracker.builder(sh, pool).interval(Duration.ofMillis(200)).maxPolls(3000)
                .awaitStart(10).build().run(s -> { });

        assertThat(end.function()).isEqualTo(ScanStatus.ScanFunction.SCRUB);
        assertThat(end.state()).isEqualTo(ScanStatus.ScanState.FINISHED);
        PoolStatus p = status(pool);
        Vdev bad = leaf(p, a);
        assertThat(bad.errors().orElseThrow().checksum()).isPositive();
        assertThat(bad.notes()).anySatisfy(n -> assertThat(n).isInstanceOfSatisfying(VdevNote.Amount.class,
                x -> assertThat(x.what()).isEqualTo("repaired")));
        assertThat(leaf(p, b).errors().orElseThrow().checksum()).isZero();
        assertThat(p.messageId()).contains("ZFS-8000-9P");
        assertThat(p.errors()).contains(PoolErrors.NONE);

        sh.runChecked(ZpoolCommands.clear(pool));
        assertThat(leaf(status(pool), a).errors()).contains(ErrorCounters.ZERO);
    }

    @Test
    void corruptDataOnSingleVdev_listsPermanentErrorForTheFile() throws IOException {
        String pool = newPool("p");
        String v = file(pool, "v", 128 * MB);
        sh.runChecked(plain(pool).vdev(v).build());
        Path victim = dir.resolve("mnt-" + pool).resolve("victim.dat");
        byte[] pattern = "SANZFS-PERMANENT-ERROR-PATTERN-".getBytes(StandardCharsets.US_ASCII);
        byte[] content = new byte[(int) MB];
        for (int k = 0; k < content.length; k++) {
            content[k] = pattern[k % pattern.length];
        }
        Files.write(victim, content);
        export(pool);
        long at = indexOf(Path.of(v), pattern);
        assertThat(at).as("pattern found in the vdev file").isPositive();
        try (RandomAccessFile f = new RandomAccessFile(v, "rw")) {
            f.seek(at);
            f.write(new byte[256 * 1024]);
        }
        sh.runChecked(ZpoolImport.pool(pool).searchDir(dir.toString()).cachefileNone().build());
        assertThatThrownBy(() -> Files.readAllBytes(victim)).isInstanceOf(IOException.class);

        PoolStatus p = status(pool);
        assertThat(p.errors().orElseThrow().permanent()).containsExactly(new PermanentError.File(victim.toString()));
        assertThat(p.root().orElseThrow().errors().orElseThrow().checksum()).isPositive();
        assertThat(p.messageId()).contains("ZFS-8000-8A");
    }

    @Test
    void statusOfUnknownPool_throughTheFacade_isPoolNotFound() {
        // zfs-fuse 0.7: exit 1, stderr "cannot open 'POOL': no such pool", nothing on stdout
        assertThatThrownBy(() -> Zpool.on(sh).status("sznosuchpool", DevicePaths.SHORT))
                .isInstanceOfSatisfying(PoolNotFoundException.class, e -> {
                    assertThat(e.pool()).isEqualTo("sznosuchpool");
                    assertThat(e.exitCode()).isEqualTo(1);
                    assertThat(e.stderrTail()).contains("no such pool");
                });
    }

    @Test
    void statusOfUnknownPool_failsWithCommandFailed() {
        assertThatThrownBy(() -> sh.runChecked(ZpoolCommands.status("sznosuchpool", DevicePaths.SHORT)))
                .isInstanceOf(SanException.class);
    }

    private static long indexOf(Path file, byte[] pattern) throws IOException {
        byte[] data = Files.readAllBytes(file);
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int k = 0; k < pattern.length; k++) {
                if (data[i + k] != pattern[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
