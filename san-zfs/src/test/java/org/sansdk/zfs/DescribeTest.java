package org.sansdk.zfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DescribeTest {
    private static final String RESILVER = """
              pool: Data
             state: DEGRADED
            status: One or more devices is currently being resilvered.  The pool will
            \tcontinue to function, possibly in a degraded state.
            action: Wait for the resilver to complete.
              scan: resilver in progress since Sat Jan 12 11:29:36 2019
            \t72.6M scanned out of 1.03T at 2.42M/s, 123h32m to go
            \t72.2M resilvered, 0.01% done
            config:

            \tNAME                                  STATE     READ WRITE CKSUM
            \tData                                  DEGRADED     0     0     0
            \t  mirror-0                            DEGRADED     0     0     0
            \t    replacing-0                       DEGRADED     0     0     0
            \t      4676737554230074290             UNAVAIL      0     0     0  was /dev/disk/by-id/ata-TOSHIBA_DT01ACA300_365XDT3KS
            \t      sdd                             ONLINE       0     0     0  (resilvering)
            \t    ata-TOSHIBA_DT01ACA300_365XDR5KS  ONLINE       0     0     0

            errors: No known data errors
            """;

    @Test
    void describe_resilverWithAnUnavailLeaf_isOneShortLine() {
        PoolStatus p = ZpoolStatusParser.parse("resilver", RESILVER).pool("Data").orElseThrow();
        assertThat(p.scan().orElseThrow().describe()).isEqualTo("resilver 0.01% done, 123h32m to go");
        assertThat(p.describe()).isEqualTo("Data DEGRADED: 1 of 3 leaves UNAVAIL; resilver 0.01% done, 123h32m to go");
        assertThat(p.degradedLeaves()).extracting(Vdev::name).containsExactly("4676737554230074290");
    }

    @Test
    void describe_cutCapture_saysIncomplete() {
        PoolStatus p = ZpoolStatusParser.parse("cut", RESILVER.substring(0, RESILVER.indexOf("errors:")))
                .pool("Data").orElseThrow();
        assertThat(p.describe()).endsWith("; capture incomplete");
    }

    @Test
    void describe_scanStates() {
        assertThat(ScanStatus.builder(ScanStatus.ScanFunction.SCRUB, ScanStatus.ScanState.FINISHED).errors(0)
                .duration(Duration.ofSeconds(3720)).build().describe()).isEqualTo("scrub finished, 0 errors, took 1h02m");
        assertThat(ScanStatus.builder(ScanStatus.ScanFunction.SCRUB, ScanStatus.ScanState.CANCELED).build().describe())
                .isEqualTo("scrub canceled");
        assertThat(ScanStatus.builder(ScanStatus.ScanFunction.NONE, ScanStatus.ScanState.NONE_REQUESTED).build()
                .describe()).isEqualTo("no scan requested");
        assertThat(ScanStatus.builder(ScanStatus.ScanFunction.SCRUB, ScanStatus.ScanState.PAUSED).percentDone(12.5)
                .build().describe()).isEqualTo("scrub paused, 12.50% done");
    }

    @Test
    void builders_roundTripEveryValue() {
        PoolStatus p = ZpoolStatusParser.parse("resilver", RESILVER).pool("Data").orElseThrow();
        assertThat(p.toBuilder().build()).isEqualTo(p);
        ScanStatus s = p.scan().orElseThrow();
        assertThat(s.toBuilder().build()).isEqualTo(s);
        assertThat(s.approximate()).contains("scanned", "total");
        PoolStatus healthy = PoolStatus.builder("tank", DeviceState.ONLINE)
                .root(new Vdev("tank", new VdevKind.Root(), DeviceState.ONLINE, null, null, null,
                        List.of(Vdev.leaf("sda", DeviceState.ONLINE, ErrorCounters.ZERO)), null, null, null))
                .build();
        assertThat(healthy.describe()).isEqualTo("tank ONLINE: 1 leaf healthy");
        assertThat(healthy.complete()).isTrue();
    }
}
