package org.sansdk.zfs;

import java.util.ArrayList;
import java.util.List;
import org.sansdk.core.Command;

/**
 * The {@code zfs} read commands as argv lists ({@code zfs create} is {@link ZfsCreate}); run them with
 * {@link Zfs#on(org.sansdk.core.Executor)}.
 *
 * <p>{@code executor.runChecked(ZfsCommands.list(List.of("name", "volsize"), "volume", "san-pool/iscsi"));}
 */
public final class ZfsCommands {
    private ZfsCommands() {
    }

    /**
     * {@code zfs list -Hp -o COLUMNS}: every dataset of the default types.
     *
     * <p>{@code ZfsCommands.list(List.of("name", "used"))}
     *
     * @param columns columns
     * @return the command
     */
    public static Command list(List<String> columns) {
        return list(columns, null, null);
    }

    /**
     * {@code zfs list -Hp -o COLUMNS -t TYPES}.
     *
     * <p>{@code ZfsCommands.list(List.of("name", "volsize"), "volume")}
     *
     * @param columns columns
     * @param types {@code filesystem,volume,...}
     * @return the command
     */
    public static Command list(List<String> columns, String types) {
        return list(columns, requireText("types", types), null);
    }

    /**
     * {@code zfs list -Hp -o COLUMNS -t TYPES -r ROOT}.
     *
     * <p>{@code ZfsCommands.list(List.of("name", "volsize"), "volume", "san-pool/iscsi")}
     *
     * @param columns columns
     * @param types {@code filesystem,volume,...} ({@code all} for every type)
     * @param root dataset to list recursively
     * @return the command
     */
    public static Command list(List<String> columns, String types, String root) {
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException("columns are required");
        }
        List<String> a = new ArrayList<>(List.of("zfs", "list", "-Hp", "-o", String.join(",", columns)));
        if (types != null) {
            a.add("-t");
            a.add(types);
        }
        if (root != null) {
            a.add("-r");
            a.add(Operands.dataset(root));
        }
        return Command.of(a);
    }

    /**
     * {@code zfs get -Hp PROPS NAME...}: name, property, value, source per line.
     *
     * <p>{@code ZfsCommands.get(List.of("used", "volsize"), "san-pool/iscsi/vm1")}
     *
     * @param properties properties (or {@code all})
     * @param names datasets
     * @return the command
     */
    public static Command get(List<String> properties, String... names) {
        if (names == null || names.length == 0) {
            throw new IllegalArgumentException("at least one dataset is required");
        }
        List<String> a = new ArrayList<>(List.of("zfs", "get", "-Hp", String.join(",", properties)));
        for (String n : names) {
            a.add(Operands.device("dataset", Operands.dataset(n)));
        }
        return Command.of(a);
    }

    private static String requireText(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value;
    }
}
