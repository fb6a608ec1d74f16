package org.sansdk.corosync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;

class CorosyncCheckTest {
    @TempDir
    Path dir;

    @Test
    void errorsGiveExit1WithTheFixAndCorosyncsVerdict() throws Exception {
        Path f = dir.resolve("corosync.conf");
        Files.writeString(f, CorosyncConfWriter.render(CorosyncConfBuilder.referenceDesign().consensus(Duration.ofMillis(4800)).buildUnchecked()));
        // the probe `corosync -v` answers as corosync 3.1.7 does; `corosync -t` as it does for a host not in the nodelist
        Executor fake = c -> c.argv().equals(java.util.List.of("corosync", "-v"))
                ? new CommandResult(0, "Corosync Cluster Engine, version '3.1.7'\n", "", Duration.ZERO)
                : new CommandResult(8, "", "Nov 28 07:56:32.563 error   [MAIN  ] parse error in config: No valid name found for local host\n", Duration.ZERO);
        CheckReport r = CorosyncCheck.check(f, fake);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.corosync().message()).isEqualTo("parse error in config: No valid name found for local host");
        assertThat(r.text()).contains("COROSYNC-CONSENSUS").contains("fix: remove consensus").contains("corosync -t: exit 8");
    }

    @Test
    void warningsOnlyAndNoCorosyncGiveExit0() throws Exception {
        Path f = dir.resolve("ok.conf");
        Files.writeString(f, CorosyncConfWriter.render(CorosyncConfBuilder.referenceDesign().build()));
        Executor none = c -> new CommandResult(1, "", "", Duration.ZERO);
        CheckReport r = CorosyncCheck.check(f, none);
        assertThat(r.corosync()).isSameAs(CorosyncCheck.NOT_RUN);
        assertThat(r.exitCode()).isZero();
        assertThat(r.text()).contains("not run").contains("0 error(s), 1 warning(s)");
    }
}
