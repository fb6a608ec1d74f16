package org.sansdk.zfs;

import java.util.List;
import java.util.Objects;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;
import org.sansdk.core.SanException;

/**
 * Runs {@code zfs} on a host and parses what it prints ({@link Zpool} does the same for {@code zpool}).
 *
 * <p>{@code List<ListRow> zvols = Zfs.on(executor).list(List.of("name", "volsize"), "volume", "san-pool/iscsi");}
 */
public final class Zfs {
    private final Executor executor;

    private Zfs(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * Binds to an executor (local, SSH, replay, dry run).
     *
     * <p>{@code Zfs zfs = Zfs.on(new LocalExecutor());}
     *
     * @param executor where commands run
     * @return the facade
     */
    public static Zfs on(Executor executor) {
        return new Zfs(executor);
    }

    /**
     * {@code zfs list -Hp -o COLUMNS}, parsed.
     *
     * <p>{@code zfs.list(List.of("name", "used"))}
     *
     * @param columns columns in order
     * @return rows
     * @throws SanException when the command fails or a row does not have one field per column
     */
    public List<ListRow> list(List<String> columns) {
        return parseList(ZfsCommands.list(columns), columns);
    }

    /**
     * {@code zfs list -Hp -o COLUMNS -t TYPES}, parsed.
     *
     * <p>{@code zfs.list(List.of("name", "volsize"), "volume")}
     *
     * @param columns columns in order
     * @param types {@code filesystem,volume,...}
     * @return rows
     */
    public List<ListRow> list(List<String> columns, String types) {
        return parseList(ZfsCommands.list(columns, types), columns);
    }

    /**
     * {@code zfs list -Hp -o COLUMNS -t TYPES -r ROOT}, parsed.
     *
     * <p>{@code zfs.list(List.of("name", "volsize"), "volume", "san-pool/iscsi")}
     *
     * @param columns columns in order
     * @param types {@code filesystem,volume,...} ({@code all} for every type)
     * @param root dataset listed recursively
     * @return rows
     */
    public List<ListRow> list(List<String> columns, String types, String root) {
        return parseList(ZfsCommands.list(columns, types, root), columns);
    }

    /**
     * {@code zfs get -Hp PROPS NAME...}, parsed.
     *
     * <p>{@code zfs.get(List.of("used", "volsize"), "san-pool/iscsi/vm-disk-01")}
     *
     * @param properties properties
     * @param names datasets
     * @return one value per dataset and property, in output order
     */
    public List<PropertyValue> get(List<String> properties, String... names) {
        return ZfsGetParser.parse("zfs get", executor.runChecked(ZfsCommands.get(properties, names)).stdout());
    }

    /**
     * Runs a rendered {@code zfs} command (from {@link ZfsCreate} or {@link ZfsCommands}) and fails on a
     * non-zero exit.
     *
     * <p>{@code zfs.run(ZfsCreate.zvol("san-pool/iscsi/vm1", Size.parse("100G")).build())}
     *
     * @param command the command
     * @return its result
     */
    public CommandResult run(Command command) {
        return executor.runChecked(command);
    }

    private List<ListRow> parseList(Command c, List<String> columns) {
        return ZfsListParser.parse("zfs list", executor.runChecked(c).stdout(), columns);
    }
}
