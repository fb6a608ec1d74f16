package org.sansdk.lio.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;
import org.sansdk.core.Iqn;
import org.sansdk.core.LocalExecutor;
import org.sansdk.core.SanException;
import org.sansdk.core.Size;
import org.sansdk.core.ZfsName;
import org.sansdk.core.testing.RealTools;
import org.sansdk.lio.Lio;
import org.sansdk.lio.LioConfig;
import org.sansdk.lio.SaveconfigParser;
import org.sansdk.lio.SaveconfigWriter;
import org.sansdk.lio.sync.LunSyncPlanner;
import org.sansdk.lio.sync.SyncPlan;
import org.sansdk.lio.sync.Zvol;

/**
 * Two writers on one node, with the real {@code flock}, {@code dd}, {@code timeout} and {@code mkfifo} on a temporary
 * saveconfig.json. targetcli cannot run here (no configfs): a stand-in reads the file, waits (a slow targetcli on a
 * node with many LUNs), applies the batch text to the model ({@link TargetcliScript}) and writes the file back.
 */
class LioLockTest {
    static final String IQN = "iqn.2025-01.lab.home:san-client-target";
    static final String DS = "san-pool/iscsi/hypervisor";
    /** Two real threads: the common pool has one thread on a two-core machine and would run the writers in turn. */
    static final java.util.concurrent.ExecutorService POOL = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "writer");
        t.setDaemon(true);
        return t;
    });

    static LunSyncPlanner planner() {
        return LunSyncPlanner.forTpg(Iqn.parse(IQN), 2, ZfsName.parse(DS));
    }

    static List<Zvol> zvols(int... ids) {
        List<Zvol> out = new ArrayList<>();
        for (int id : ids) {
            out.add(Zvol.of(DS + "/vm-" + id + "-disk-0", Size.parse("8G")));
        }
        return out;
    }

    static LioConfig start() {
        // the client target with its hypervisor VLAN and one ACL, no LUN yet
        return org.sansdk.lio.design.ClientTargetBuilder.batch(new org.sansdk.lio.design.ClientTargetSpec(Iqn.parse(IQN),
                List.of(org.sansdk.lio.design.ClientTpg.nonIscsi("enduser"), LioReconcilerTest.hypervisor(List.of(
                        LioReconcilerTest.acl("proxmox-a", LioReconcilerTest.PW_A))))), List.of())
                .applyTo(LioConfig.empty());
    }

    /** The node: real tools through a LocalExecutor, targetcli replaced by the stand-in. */
    static final class Node implements Executor {
        final Executor local = new LocalExecutor();
        final Path file;
        final Duration slow;
        final List<long[]> targetcliRuns = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch inTargetcli = new CountDownLatch(1);

        Node(Path file, Duration slow) {
            this.file = file;
            this.slow = slow;
        }

        @Override
        public CommandResult run(Command c) {
            if (!c.program().equals("targetcli")) {
                return local.run(c);
            }
            long t0 = System.nanoTime();
            inTargetcli.countDown();
            try {
                LioConfig cfg = SaveconfigParser.parse("saveconfig.json", Files.readString(file));
                Thread.sleep(slow.toMillis());
                String script = new String(c.stdin().orElseThrow(), StandardCharsets.US_ASCII);
                Files.writeString(file, SaveconfigWriter.write(TargetcliScript.apply(cfg, script)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SanException("interrupted");
            }
            targetcliRuns.add(new long[] {t0, System.nanoTime()});
            return CommandResult.ok("");
        }

        LioConfig config() {
            try {
                return SaveconfigParser.parse("saveconfig.json", Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static Node node(Path dir, Duration slow) throws IOException {
        RealTools.requireFrom("flock", "util-linux");
        RealTools.requireFrom("mkfifo", "coreutils");
        RealTools.requireFrom("timeout", "coreutils");
        RealTools.requireFrom("dd", "coreutils");
        Path file = dir.resolve("saveconfig.json");
        Files.writeString(file, SaveconfigWriter.write(start()));
        return new Node(file, slow);
    }

    static LioConfig inTurn(List<Zvol> first, List<Zvol> second) {
        LioConfig c = planner().plan(start(), first).after();
        return planner().plan(c, second).after();
    }

    @Test
    void twoSyncsAtOnce_endAsTheTwoInTurn_theSecondWaitedAndPlannedOnTheFirstsResult(@TempDir Path dir) throws Exception {
        Node node = node(dir, Duration.ofMillis(700));
        Lio lio = Lio.on(node).at(node.file).lock(LioLock.at(dir.resolve("lio.lock")).waitingAtMost(Duration.ofSeconds(30)));
        List<Zvol> a = zvols(100, 101);
        List<Zvol> b = zvols(100, 102);
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<SyncPlan> fa = CompletableFuture.supplyAsync(() -> await(go, () -> lio.sync(planner(), a)), POOL);
        CompletableFuture<SyncPlan> fb = CompletableFuture.supplyAsync(() -> await(go, () -> lio.sync(planner(), b)), POOL);
        go.countDown();
        SyncPlan pa = fa.get(60, TimeUnit.SECONDS);
        SyncPlan pb = fb.get(60, TimeUnit.SECONDS);

        assertThat(node.targetcliRuns).hasSize(2);
        long[] r0 = node.targetcliRuns.get(0);
        long[] r1 = node.targetcliRuns.get(1);
        assertThat(r1[0]).as("the second targetcli starts after the first ended").isGreaterThanOrEqualTo(r0[1]);
        // who got the lock first decides the in-turn order; the other planned on the first one's result
        boolean aFirst = pa.before().equals(start());
        SyncPlan second = aFirst ? pb : pa;
        assertThat((aFirst ? pa : pb).before()).isEqualTo(start());
        assertThat(second.before()).isEqualTo(aFirst ? planner().plan(start(), a).after() : planner().plan(start(), b).after());
        LioConfig expected = aFirst ? inTurn(a, b) : inTurn(b, a);
        assertThat(node.config()).isEqualTo(expected);
        // three zvols, three LUNs 0..2, each zvol exactly once
        assertThat(Lio.luns(node.config())).hasSize(3);
        assertThat(leftovers(dir)).containsExactlyInAnyOrder("saveconfig.json", "lio.lock");
    }

    @Test
    void withoutTheLock_theSameTwoSyncsLoseAnUpdate(@TempDir Path dir) throws Exception {
        // the control: what the lock prevents (both read the same file, the later write wins)
        Node node = node(dir, Duration.ofMillis(1500));
        Lio lio = Lio.on(node).at(node.file).lock(LioLock.none());
        List<Zvol> a = zvols(100, 101);
        List<Zvol> b = zvols(100, 102);
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Object> fa = CompletableFuture.supplyAsync(() -> await(go, () -> tryIt(() -> lio.sync(planner(), a))), POOL);
        CompletableFuture<Object> fb = CompletableFuture.supplyAsync(() -> await(go, () -> tryIt(() -> lio.sync(planner(), b))), POOL);
        go.countDown();
        fa.get(60, TimeUnit.SECONDS);
        fb.get(60, TimeUnit.SECONDS);
        assertThat(node.config()).isNotEqualTo(inTurn(a, b)).isNotEqualTo(inTurn(b, a));
    }

    @Test
    void aSecondWriterWithATinyBound_failsTyped_namingTheLockAndBound_andChangesNothing(@TempDir Path dir) throws Exception {
        Node node = node(dir, Duration.ofSeconds(4));
        Path lockFile = dir.resolve("lio.lock");
        Lio first = Lio.on(node).at(node.file).lock(LioLock.at(lockFile));
        Lio hurried = first.lock(LioLock.at(lockFile).waitingAtMost(Duration.ofSeconds(1)));
        CompletableFuture<SyncPlan> fa = CompletableFuture.supplyAsync(() -> first.sync(planner(), zvols(100)), POOL);
        if (!node.inTargetcli.await(30, TimeUnit.SECONDS)) {
            fa.get(1, TimeUnit.SECONDS);   // shows why the first writer never got to targetcli
        }
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> hurried.sync(planner(), zvols(200)))
                .isInstanceOfSatisfying(LioLockedException.class, e -> {
                    assertThat(e.lockFile()).isEqualTo(lockFile);
                    assertThat(e.bound()).isEqualTo(Duration.ofSeconds(1));
                    assertThat(e.getMessage()).contains(lockFile.toString(), "waited 1 s");
                });
        long waitedMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(waitedMs).as("waited about the bound").isBetween(900L, 3900L);
        fa.get(60, TimeUnit.SECONDS);
        assertThat(node.config()).isEqualTo(planner().plan(start(), zvols(100)).after());
        assertThat(node.targetcliRuns).hasSize(1);
        assertThat(leftovers(dir)).containsExactlyInAnyOrder("saveconfig.json", "lio.lock");
    }

    @Test
    void aProbeThatFails_afterTheHolderTookTheLock_releasesIt_insteadOfHoldingItForTheLease(@TempDir Path dir) throws Exception {
        node(dir, Duration.ZERO);
        Path lockFile = dir.resolve("lio.lock");
        LioLock lock = LioLock.at(lockFile).waitingAtMost(Duration.ofSeconds(2));
        Executor local = new LocalExecutor();
        java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
        // the first probe waits until the holder has the lock, then fails as an SSH hiccup would
        Executor flaky = c -> {
            if (c.program().equals("dd") && c.argv().contains("oflag=nonblock") && failed.compareAndSet(false, true)) {
                long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (local.run(Command.of("flock", "-n", lockFile.toString(), "true")).exitCode() == 0 && System.nanoTime() < until) {
                    sleep(20);
                }
                throw new org.sansdk.core.HostUnreachableException("node", "ssh hiccup");
            }
            return local.run(c);
        };
        assertThatThrownBy(() -> lock.hold(flaky, () -> "never")).isInstanceOf(org.sansdk.core.HostUnreachableException.class);
        assertThat(failed).isTrue();
        // free at once, not after the 15 min lease
        assertThat(local.run(Command.of("flock", "-w", "5", lockFile.toString(), "true")).exitCode()).isZero();
        assertThat(leftovers(dir)).containsExactlyInAnyOrder("saveconfig.json", "lio.lock");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aBodyThatThrows_releasesTheLock(@TempDir Path dir) throws Exception {
        node(dir, Duration.ZERO);
        Path lockFile = dir.resolve("lio.lock");
        LioLock lock = LioLock.at(lockFile).waitingAtMost(Duration.ofSeconds(2));
        Executor local = new LocalExecutor();
        assertThatThrownBy(() -> lock.hold(local, () -> {
            // while held, a non-blocking flock of the same file is refused (exit 1)
            assertThat(local.run(Command.of("flock", "-n", lockFile.toString(), "true")).exitCode()).isEqualTo(1);
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(local.run(Command.of("flock", "-n", lockFile.toString(), "true")).exitCode()).isZero();
        assertThat(leftovers(dir)).containsExactlyInAnyOrder("saveconfig.json", "lio.lock");
    }

    @Test
    void chapRotationAndASyncAtOnce_endAsTheTwoInTurn(@TempDir Path dir) throws Exception {
        Node node = node(dir, Duration.ofMillis(700));
        Lio lio = Lio.on(node).at(node.file).lock(LioLock.at(dir.resolve("lio.lock")).waitingAtMost(Duration.ofSeconds(30)));
        // the rotated credentials file: proxmox-a gets a new password
        org.sansdk.lio.design.ClientTargetSpec rotated = new org.sansdk.lio.design.ClientTargetSpec(Iqn.parse(IQN), List.of(
                org.sansdk.lio.design.ClientTpg.nonIscsi("enduser"), LioReconcilerTest.hypervisor(List.of(
                        LioReconcilerTest.acl("proxmox-a", LioReconcilerTest.PW_C)))));
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<SyncPlan> chap = CompletableFuture.supplyAsync(() -> await(go,
                () -> lio.change(cfg -> org.sansdk.lio.design.ClientTargetBuilder.reconcileAuth(cfg, rotated))), POOL);
        CompletableFuture<SyncPlan> sync = CompletableFuture.supplyAsync(() -> await(go, () -> lio.sync(planner(), zvols(100, 101))),
                POOL);
        go.countDown();
        SyncPlan pc = chap.get(60, TimeUnit.SECONDS);
        SyncPlan ps = sync.get(60, TimeUnit.SECONDS);
        assertThat(node.targetcliRuns).hasSize(2);
        assertThat(node.targetcliRuns.get(1)[0]).isGreaterThanOrEqualTo(node.targetcliRuns.get(0)[1]);
        boolean chapFirst = pc.before().equals(start());
        LioConfig expected = chapFirst
                ? planner().plan(org.sansdk.lio.design.ClientTargetBuilder.reconcileAuth(start(), rotated).after(), zvols(100, 101)).after()
                : org.sansdk.lio.design.ClientTargetBuilder.reconcileAuth(planner().plan(start(), zvols(100, 101)).after(), rotated).after();
        assertThat(node.config()).isEqualTo(expected);
        assertThat(node.config().target(IQN).flatMap(t -> t.tpg(2)).flatMap(t -> t.acl(LioReconcilerTest.P + ":proxmox-a"))
                .flatMap(a -> a.chap().password())).contains(LioReconcilerTest.PW_C);
        assertThat(Lio.luns(node.config())).hasSize(2);
        assertThat((chapFirst ? ps : pc).before()).isNotEqualTo(start());
    }

    private static List<String> leftovers(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static <T> T await(CountDownLatch go, java.util.function.Supplier<T> body) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return body.get();
    }

    private static Object tryIt(java.util.function.Supplier<Object> body) {
        try {
            return body.get();
        } catch (SanException e) {
            return e;
        }
    }
}
