package org.sansdk.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sansdk.core.Command;
import org.sansdk.core.testing.Daemon;
import org.sansdk.core.testing.RealTools;
import org.sansdk.core.testing.TestExecutors;

/**
 * A lab left by a JVM that was killed (its owner PID gone) is torn down by {@link Lab#reapStale()}: the process in
 * its namespace, the namespace and the directory; a lab whose owner runs is left alone. The stale lab is made by
 * hand here (a namespace with a sleeping process and a state file naming a dead owner), so the test takes seconds.
 */
class LabReapTest {

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return p.pid();
    }

    @Test
    void aLabWhoseOwnerIsGoneIsReaped_aLiveOnesIsNot() throws Exception {
        RealTools.requireRoot();
        RealTools.require("ip", "setsid", "sleep");
        String stale = "5ea1" + Long.toHexString(System.nanoTime() & 0xff);
        String live = "11fe" + Long.toHexString(System.nanoTime() & 0xff);
        Path staleDir = Lab.baseDirectory().resolve(stale);
        Path liveDir = Lab.baseDirectory().resolve(live);
        String ns = Lab.PREFIX + stale + "-quorum";
        Daemon sleeper = null;
        try {
            Files.createDirectories(staleDir.resolve("quorum"));
            Files.createDirectories(liveDir);
            Files.writeString(staleDir.resolve(Lab.STATE_FILE), "owner=" + deadPid() + "\nnetns=" + ns + "\n");
            Files.writeString(liveDir.resolve(Lab.STATE_FILE), "owner=" + ProcessHandle.current().pid() + "\n");
            TestExecutors.local().runChecked(Command.of("ip", "netns", "add", ns));
            sleeper = Daemon.start(List.of("ip", "netns", "exec", ns, "sleep", "300"), staleDir.resolve("sleep.log"));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (Lab.netnsPids(ns).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            List<Long> pids = Lab.netnsPids(ns);
            assertThat(pids).hasSize(1);

            assertThat(Lab.reapStale()).contains(stale).doesNotContain(live);

            assertThat(TestExecutors.local().runChecked(Command.of("ip", "netns", "list")).stdout()).doesNotContain(ns);
            assertThat(sleeper.isAlive()).isFalse();
            assertThat(Files.exists(Path.of("/proc", Long.toString(pids.get(0))))).isFalse();
            assertThat(staleDir).doesNotExist();
            assertThat(liveDir.resolve(Lab.STATE_FILE)).exists();
        } finally {
            if (sleeper != null) {
                sleeper.close();
            }
            TestExecutors.local().run(Command.of("ip", "netns", "delete", ns));
            TestExecutors.local().run(Command.of("rm", "-rf", staleDir.toString(), liveDir.toString()));
            TestExecutors.local().run(Command.of("rmdir", Lab.baseDirectory().toString()));
        }
    }
}
