package org.sansdk.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.core.CommandResult;

class HarnessTest {

    @Test
    void find_locatesProgramsOnPathAndInSbin() {
        assertThat(RealTools.find("sh")).isPresent();
        assertThat(RealTools.find("san-no-such-tool")).isEmpty();
    }

    @Test
    void daemon_startsInItsOwnSession_andStops(@TempDir Path dir) throws Exception {
        RealTools.require("setsid");
        try (Daemon d = Daemon.start(List.of("sleep", "60"), dir.resolve("log"))) {
            assertThat(d.isAlive()).isTrue();
            assertThat(d.pid()).isPositive();
            d.stop(Duration.ofSeconds(5));
            assertThat(d.isAlive()).isFalse();
        }
    }

    @Test
    void netNamespace_hasItsOwnLoopback_andIsDeleted() {
        String name;
        try (NetNamespace ns = NetNamespace.create("san-t")) {
            name = ns.name();
            CommandResult r = ns.exec(List.of("ip", "-o", "link", "show"));
            assertThat(r.exitCode()).isZero();
            // a fresh namespace has only its loopback, which the helper brought up
            assertThat(r.stdout().strip().split("\n")).hasSize(1);
            assertThat(r.stdout()).contains("lo:").contains("UP");
        }
        CommandResult list = TestExecutors.local().run(org.sansdk.core.Command.of("ip", "netns", "list"));
        assertThat(list.stdout()).doesNotContain(name);
    }
}
