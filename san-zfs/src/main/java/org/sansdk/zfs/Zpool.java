package org.sansdk.zfs;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;
import org.sansdk.core.SanException;

/**
 * Runs {@code zpool} on a host and parses what it prints ({@link Zfs} does the same for {@code zfs}).
 *
 * <p>{@code PoolStatus p = Zpool.on(SshExecutor.builder("storage-a").build()).status("san-pool");}
 */
public final class Zpool {
    private final Executor executor;

    private Zpool(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * Binds to an executor (local, SSH, replay, dry run).
     *
     * <p>{@code Zpool.on(new LocalExecutor())}
     *
     * @param executor where commands run
     * @return the facade
     */
    public static Zpool on(Executor executor) {
        return new Zpool(executor);
    }

    /**
     * {@code zpool status -P -v POOL}, parsed.
     *
     * <p>{@code zpool.status("san-pool").state()}
     *
     * @param pool the pool
     * @return its status
     * @throws PoolNotFoundException when zpool says there is no such pool on that host
     * @throws IncompleteCaptureException when the pool's block is incomplete (no {@code errors:} line: the
     *                                    output was cut)
     * @throws SanException when the command fails otherwise or the pool is not in the output
     */
    public PoolStatus status(String pool) {
        return status(pool, DevicePaths.FULL);
    }

    /**
     * {@code zpool status [-P] -v POOL}, parsed; {@link DevicePaths#SHORT} for tools without {@code -P}
     * (zfs-fuse).
     *
     * <p>{@code zpool.status("san-pool", DevicePaths.SHORT).describe()}
     *
     * @param pool the pool
     * @param paths whether to pass {@code -P}
     * @return its status
     * @throws PoolNotFoundException when zpool says there is no such pool on that host
     * @throws IncompleteCaptureException when the pool's block is incomplete
     * @throws SanException when the command fails otherwise or the pool is not in the output
     */
    public PoolStatus status(String pool, DevicePaths paths) {
        ZpoolStatusReport r = parse(runOnPools(ZpoolCommands.status(pool, paths), pool), pool);
        PoolStatus p = r.pool(pool).orElseThrow(() -> new SanException("pool '" + pool
                + "' is not in zpool status output"));
        if (!p.complete()) {
            throw new IncompleteCaptureException(pool, p.incomplete().get());
        }
        return p;
    }

    /**
     * {@code zpool status -P -v} of every imported pool.
     *
     * <p>{@code zpool.statusAll().pools()}
     *
     * @return the report
     */
    public ZpoolStatusReport statusAll() {
        return parse(executor.runChecked(ZpoolCommands.statusAll()), "all pools");
    }

    /**
     * {@code zpool status -j --json-int -P POOL} (OpenZFS 2.3+), parsed.
     *
     * <p>{@code zpool.statusJson("san-pool")}
     *
     * @param pool the pool
     * @return its status
     * @throws PoolNotFoundException when zpool says there is no such pool on that host
     */
    public PoolStatus statusJson(String pool) {
        CommandResult r = runOnPools(ZpoolCommands.statusJson(pool), pool);
        return ZpoolStatusJsonParser.parse("zpool status -j " + pool, r.stdout()).pool(pool)
                .orElseThrow(() -> new SanException("pool '" + pool + "' is not in zpool status -j output"));
    }

    /**
     * Runs a rendered command (from {@link ZpoolCreate}, {@link ZpoolAdd}, {@link ZpoolImport},
     * {@link ZpoolCommands}) and fails on a non-zero exit.
     *
     * <p>{@code zpool.run(ZpoolCommands.scrub("san-pool"))}
     *
     * @param command the command
     * @return its result
     */
    public CommandResult run(Command command) {
        return executor.runChecked(command);
    }

    /**
     * Waits for the running scrub/resilver to end, reporting progress.
     *
     * <p>{@code zpool.awaitScan("san-pool", Duration.ofSeconds(30), s -> log(s.percentDone()))}
     *
     * @param pool the pool
     * @param interval time between polls
     * @param listener progress receiver
     * @return the last reading
     */
    public ScanStatus awaitScan(String pool, Duration interval, ScanTracker.Listener listener) {
        return ScanTracker.builder(executor, pool).interval(interval).awaitStart(3)
                .command(ZpoolCommands.status(pool)).build().run(listener);
    }

    /**
     * {@code zpool get -Hp PROPS POOL...}, parsed.
     *
     * <p>{@code zpool.poolGet(List.of("multihost"), "san-pool").get(0).value()}
     *
     * @param properties properties
     * @param pools pools
     * @return values
     * @throws PoolNotFoundException when zpool says one of the pools does not exist on that host
     */
    public List<PropertyValue> poolGet(List<String> properties, String... pools) {
        return ZfsGetParser.parse("zpool get", runOnPools(ZpoolCommands.poolGet(properties, pools), pools).stdout());
    }

    /**
     * {@code zpool list -Hp -o COLUMNS} of every imported pool, parsed.
     *
     * <p>{@code zpool.list(ZfsListParser.ZPOOL_DEFAULT)}
     *
     * @param columns columns in order
     * @return rows
     */
    public List<ListRow> list(List<String> columns) {
        return ZfsListParser.parse("zpool list", executor.runChecked(ZpoolCommands.list(columns)).stdout(), columns);
    }

    /**
     * {@code zpool list -Hp -o COLUMNS POOL}, parsed.
     *
     * <p>{@code zpool.list(ZfsListParser.ZPOOL_DEFAULT, "san-pool")}
     *
     * @param columns columns in order
     * @param pool pool
     * @return rows
     * @throws PoolNotFoundException when zpool says there is no such pool on that host
     */
    public List<ListRow> list(List<String> columns, String pool) {
        return ZfsListParser.parse("zpool list", runOnPools(ZpoolCommands.list(columns, pool), pool).stdout(),
                columns);
    }

    /** Runs a command naming these pools; a "no such pool" answer becomes {@link PoolNotFoundException}. */
    private CommandResult runOnPools(Command command, String... pools) {
        CommandResult r = executor.run(command);
        if (!r.isSuccess() && pools != null) {
            for (String p : pools) {
                if (PoolNotFoundException.saysNoSuchPool(r, p)) {
                    throw new PoolNotFoundException(p, command, r);
                }
            }
        }
        return r.requireSuccess(command);
    }

    private static ZpoolStatusReport parse(CommandResult r, String what) {
        // "no pools available" goes to stderr on current OpenZFS; stdout is then empty
        return ZpoolStatusParser.parse("zpool status " + what, r.stdout());
    }
}
