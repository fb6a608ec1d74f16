package org.sansdk.benchmarks.iscsi;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sansdk.iscsi.MirrorLeg;
import org.sansdk.iscsi.MirrorLegMapper;
import org.sansdk.iscsi.SessionTree;
import org.sansdk.iscsi.SessionTreeParser;

/**
 * san-iscsi: parse {@code iscsiadm -m session -P 3} with 64 sessions × 16 LUNs (target < 2 ms), and map 64
 * by-path leaves onto it. Run: {@code benchmarks/run IscsiSessionBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class IscsiSessionBenchmark {
    private final String p3 = sessionP3(64, 16);
    private final SessionTree tree = SessionTreeParser.parse("P3", p3);
    private final List<String> leaves = java.util.stream.IntStream.range(0, 64)
            .mapToObj(t -> "/dev/disk/by-path/ip-10.10.0." + (t + 2) + ":3260-iscsi-iqn.2025-01.lab.home:storage-b-t" + t
                    + "-lun-" + (t % 16) + "-part1").toList();

    /** Parse the 64 × 16 capture. */
    @Benchmark
    public SessionTree parseP3With64SessionsOf16Luns() {
        return SessionTreeParser.parse("P3", p3);
    }

    /** Map 64 leaves to their sessions. */
    @Benchmark
    public List<MirrorLeg> mapLegs() {
        return MirrorLegMapper.map(leaves, tree);
    }

    /** The capture, in open-iscsi 2.1.8's -P 3 shape. */
    public static String sessionP3(int sessions, int luns) {
        StringBuilder b = new StringBuilder("iSCSI Transport Class version 2.0-870\nversion 2.1.8\n");
        for (int t = 0; t < sessions; t++) {
            int sid = t + 1;
            int host = sid + 2;
            String portal = "10.10.0." + (t + 2) + ":3260,1";
            b.append("Target: iqn.2025-01.lab.home:storage-b-t").append(t).append(" (non-flash)\n")
                    .append("\tCurrent Portal: ").append(portal).append("\n\tPersistent Portal: ").append(portal).append('\n')
                    .append("\t\t**********\n\t\tInterface:\n\t\t**********\n\t\tIface Name: default\n\t\tIface Transport: tcp\n")
                    .append("\t\tIface Initiatorname: iqn.2025-01.lab.home:storage-a\n\t\tIface IPaddress: 10.10.0.1\n")
                    .append("\t\tIface HWaddress: default\n\t\tIface Netdev: default\n")
                    .append("\t\tSID: ").append(sid).append('\n')
                    .append("\t\tiSCSI Connection State: LOGGED IN\n\t\tiSCSI Session State: LOGGED_IN\n")
                    .append("\t\tInternal iscsid Session State: NO CHANGE\n")
                    .append("\t\t*********\n\t\tTimeouts:\n\t\t*********\n\t\tRecovery Timeout: 5\n")
                    .append("\t\tTarget Reset Timeout: 30\n\t\tLUN Reset Timeout: 30\n\t\tAbort Timeout: 15\n")
                    .append("\t\t*****\n\t\tCHAP:\n\t\t*****\n\t\tusername: storage-a\n\t\tpassword: ********\n")
                    .append("\t\tusername_in: storage-b\n\t\tpassword_in: ********\n")
                    .append("\t\t************************\n\t\tNegotiated iSCSI params:\n\t\t************************\n")
                    .append("\t\tHeaderDigest: None\n\t\tDataDigest: None\n\t\tMaxRecvDataSegmentLength: 262144\n")
                    .append("\t\tMaxXmitDataSegmentLength: 262144\n\t\tFirstBurstLength: 65536\n\t\tMaxBurstLength: 262144\n")
                    .append("\t\tImmediateData: Yes\n\t\tInitialR2T: Yes\n\t\tMaxOutstandingR2T: 1\n")
                    .append("\t\t************************\n\t\tAttached SCSI devices:\n\t\t************************\n")
                    .append("\t\tHost Number: ").append(host).append("\tState: running\n");
            for (int l = 0; l < luns; l++) {
                b.append("\t\tscsi").append(host).append(" Channel 00 Id 0 Lun: ").append(l).append('\n')
                        .append("\t\t\tAttached scsi disk sd").append(disk(t * luns + l)).append("\t\tState: running\n");
            }
        }
        return b.toString();
    }

    private static String disk(int n) {
        StringBuilder s = new StringBuilder();
        for (n++; n > 0; n /= 26) {
            n--;
            s.insert(0, (char) ('a' + n % 26));
        }
        return s.toString();
    }
}
