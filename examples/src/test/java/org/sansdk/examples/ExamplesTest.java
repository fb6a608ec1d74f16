package org.sansdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sansdk.core.Command;
import org.sansdk.core.Plan;
import org.sansdk.core.Secret;

class ExamplesTest {

    @Test
    void poolHealth_onTheBundledResilverSample_reportsProgressAndTheMissingDisk() throws Exception {
        // examples/samples/zpool-status-resilver.txt: ZoL 0.7, replacing-0 with an UNAVAIL old disk
        String text = Files.readString(Path.of("samples/zpool-status-resilver.txt"));
        String report = PoolHealth.report("zpool-status-resilver.txt", text);
        assertThat(report).startsWith("pool Data: DEGRADED\n")
                .contains("RESILVER 0.01% done")
                .contains("4676737554230074290 UNAVAIL");
    }

    @Test
    void designClusterPlan_isDryRunnable_andNeverShowsTheBmcPassword() {
        Secret pw = Secret.of("bmc-Pa55-word");
        Plan plan = DesignClusterPlan.plan(pw);
        String shown = plan.toString();
        assertThat(shown).doesNotContain("bmc-Pa55-word").contains("cibadmin").contains("colocation");
        for (Plan.Step s : plan.steps()) {
            if (s instanceof Plan.RunStep run) {
                Command c = run.command();
                assertThat(String.join(" ", c.argv())).doesNotContain("bmc-Pa55-word");
                assertThat(c.env().values()).noneMatch(v -> v.contains("bmc-Pa55-word"));
            }
        }
    }
}
