package org.sansdk.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sansdk.core.Command;
import org.sansdk.core.Executor;
import org.sansdk.core.LocalExecutor;
import org.sansdk.core.SshExecutor;
import org.sansdk.zfs.CrossNodeMirrors;
import org.sansdk.zfs.PoolStatus;
import org.sansdk.zfs.ScanStatus;
import org.sansdk.zfs.Vdev;
import org.sansdk.zfs.ZpoolCreate;
import org.sansdk.zfs.ZpoolStatusParser;
import org.sansdk.zfs.ZpoolStatusReport;

/**
 * Example: is the pool healthy, is the peer node's half of the mirrors gone, how far is the resilver?
 *
 * <pre>{@code
 * java -cp examples/target/san-examples.jar org.sansdk.examples.PoolHealth examples/samples/zpool-status-resilver.txt
 * java -cp examples/target/san-examples.jar org.sansdk.examples.PoolHealth --host storage-a
 * }</pre>
 */
public final class PoolHealth {
    private PoolHealth() {
    }

    /** Prints a health report of a status file, of {@code --host H} over SSH, or of this host. */
    public static void main(String[] args) throws IOException {
        String text;
        String source;
        if (args.length == 1 && !args[0].startsWith("--")) {
            source = args[0];
            text = Files.readString(Path.of(source), StandardCharsets.UTF_8);
        } else {
            Executor on = args.length == 2 && args[0].equals("--host")
                    ? SshExecutor.builder(args[1]).user("root").build() : new LocalExecutor();
            source = args.length == 2 ? args[1] : "localhost";
            text = on.runChecked(Command.of("zpool", "status", "-P")).stdout();
        }
        System.out.print(report(source, text));
    }

    /** The report: one block per pool. */
    public static String report(String source, String zpoolStatusText) {
        StringBuilder sb = new StringBuilder();
        ZpoolStatusReport report = ZpoolStatusParser.parse(source, zpoolStatusText);
        switch (report.result()) {
            case NO_POOLS_AVAILABLE, NO_POOLS_IN_JSON -> sb.append("no pool is imported here\n");
            case ALL_POOLS_HEALTHY -> sb.append("zpool status -x: all pools are healthy\n");
            case POOL_HEALTHY -> report.healthyPools().forEach(p -> sb.append("pool ").append(p).append(": healthy (-x)\n"));
            case POOLS -> { }
        }
        for (PoolStatus pool : report.pools()) {
            sb.append("pool ").append(pool.name()).append(": ").append(pool.state())
                    .append(pool.complete() ? "" : " (capture cut short: the state of what is missing is unknown)").append('\n');
            pool.scan().filter(ScanStatus::inProgress).ifPresent(scan -> sb.append("  ")
                    .append(scan.function()).append(' ')
                    .append(scan.percentDone().isPresent() ? scan.percentDone().getAsDouble() + "% done" : "in progress")
                    .append(scan.timeToGo().map(t -> ", " + t.toMinutes() + " min to go").orElse("")).append('\n'));
            List<Vdev> sick = pool.degradedLeaves();
            sick.forEach(v -> sb.append("  ").append(v.name()).append(' ').append(v.state()).append('\n'));
            CrossNodeMirrors mirrors = CrossNodeMirrors.of(pool, ZpoolCreate.ISCSI_BY_PATH);
            if (mirrors.peerDown()) {
                sb.append("  every cross-node mirror has lost its remote leg: the peer node is down\n");
            }
        }
        return sb.toString();
    }
}
