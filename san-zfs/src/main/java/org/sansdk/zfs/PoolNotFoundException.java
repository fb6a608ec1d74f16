package org.sansdk.zfs;

import java.util.Objects;
import org.sansdk.core.Command;
import org.sansdk.core.CommandFailedException;
import org.sansdk.core.CommandResult;

/**
 * A {@code zpool} command named a pool that is not imported on that host: zpool exits 1 with
 * {@code cannot open 'POOL': no such pool} on stderr (OpenZFS and zfs-fuse alike). A
 * {@link CommandFailedException}, so callers that caught that before still do.
 *
 * <p>{@code try { Zpool.on(ssh).status("san-pool"); } catch (PoolNotFoundException e) { importOn(e.pool()); }}
 */
public class PoolNotFoundException extends CommandFailedException {
    private static final long serialVersionUID = 1L;

    private final String pool;

    /**
     * Creates the exception from the failed run.
     *
     * <p>{@code new PoolNotFoundException("san-pool", command, result)}
     *
     * @param pool the pool the command named
     * @param command the command
     * @param result its result (exit code and stderr)
     */
    public PoolNotFoundException(String pool, Command command, CommandResult result) {
        super(command, result);
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    /**
     * True when a failed zpool run says this pool does not exist ({@code cannot open 'POOL': no such pool}).
     *
     * <p>{@code if (PoolNotFoundException.saysNoSuchPool(r, "san-pool")) ...}
     *
     * @param result the run
     * @param pool the pool the command named
     * @return whether the pool was not found
     */
    public static boolean saysNoSuchPool(CommandResult result, String pool) {
        return !result.isSuccess() && result.stderr() != null && result.stderr().lines().map(String::strip)
                .anyMatch(("cannot open '" + pool + "': no such pool")::equals);
    }

    /**
     * The pool that does not exist.
     *
     * <p>{@code e.pool()}
     *
     * @return the pool name
     */
    public String pool() {
        return pool;
    }

    @Override
    public String getMessage() {
        return "pool '" + pool + "' does not exist on this host (is it imported on the other node?): "
                + super.getMessage();
    }
}
