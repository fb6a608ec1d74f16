package org.sansdk.zfs;

import java.util.ArrayList;
import java.util.List;
import org.sansdk.core.Command;

/**
 * The other {@code zpool} commands as argv lists.
 *
 * <p>{@code executor.runChecked(ZpoolCommands.offline("san-pool", OfflineMode.TEMPORARY, leg));}
 */
public final class ZpoolCommands {
    private ZpoolCommands() {
    }

    /**
     * {@code zpool status -P -v POOL}: full device paths, what {@link Zpool#status(String)} runs.
     *
     * <p>{@code ZpoolCommands.status("san-pool")}
     *
     * @param pool pool
     * @return the command
     */
    public static Command status(String pool) {
        return status(pool, DevicePaths.FULL);
    }

    /**
     * {@code zpool status [-P] -v POOL}.
     *
     * <p>{@code ZpoolCommands.status("san-pool", DevicePaths.SHORT)}
     *
     * @param pool pool
     * @param paths {@link DevicePaths#FULL} adds {@code -P}
     * @return the command
     */
    public static Command status(String pool, DevicePaths paths) {
        return statusCommand(Operands.pool(pool), paths);
    }

    /**
     * {@code zpool status -P -v} of every imported pool.
     *
     * <p>{@code ZpoolCommands.statusAll()}
     *
     * @return the command
     */
    public static Command statusAll() {
        return statusAll(DevicePaths.FULL);
    }

    /**
     * {@code zpool status [-P] -v} of every imported pool.
     *
     * <p>{@code ZpoolCommands.statusAll(DevicePaths.SHORT)}
     *
     * @param paths {@link DevicePaths#FULL} adds {@code -P}
     * @return the command
     */
    public static Command statusAll(DevicePaths paths) {
        return statusCommand(null, paths);
    }

    private static Command statusCommand(String pool, DevicePaths paths) {
        List<String> a = new ArrayList<>(List.of("zpool", "status"));
        if (java.util.Objects.requireNonNull(paths, "paths") == DevicePaths.FULL) {
            a.add("-P");
        }
        a.add("-v");
        if (pool != null) {
            a.add(pool);
        }
        return Command.of(a);
    }

    /**
     * {@code zpool status -j --json-int -P POOL} (OpenZFS 2.3+).
     *
     * <p>{@code ZpoolCommands.statusJson("san-pool")}
     *
     * @param pool pool
     * @return the command
     */
    public static Command statusJson(String pool) {
        return Command.of("zpool", "status", "-j", "--json-int", "-P", Operands.pool(pool));
    }

    /**
     * {@code zpool export POOL}.
     *
     * <p>{@code ZpoolCommands.export("san-pool")}
     *
     * @param pool pool
     * @return the command
     */
    public static Command export(String pool) {
        return export(pool, ExportMode.NORMAL);
    }

    /**
     * {@code zpool export [-f] POOL}.
     *
     * <p>{@code ZpoolCommands.export("san-pool", ExportMode.FORCE)}
     *
     * @param pool pool
     * @param mode {@link ExportMode#FORCE} adds {@code -f} (unmount busy file systems)
     * @return the command
     */
    public static Command export(String pool, ExportMode mode) {
        Operands.pool(pool);
        return java.util.Objects.requireNonNull(mode, "mode") == ExportMode.FORCE
                ? Command.of("zpool", "export", "-f", pool) : Command.of("zpool", "export", pool);
    }

    /**
     * {@code zpool replace POOL DEVICE}: replace a device with the same path (a new disk in its place).
     *
     * <p>{@code ZpoolCommands.replace("san-pool", leg)}
     *
     * @param pool pool
     * @param device device (or GUID) to replace in place
     * @return the command
     */
    public static Command replace(String pool, String device) {
        Operands.pool(pool);
        Operands.device("old device", device);
        return Command.of("zpool", "replace", pool, device);
    }

    /**
     * {@code zpool replace POOL OLD NEW}.
     *
     * <p>{@code ZpoolCommands.replace("san-pool", oldLeg, newLeg)}
     *
     * @param pool pool
     * @param oldDevice device (or GUID) to replace
     * @param newDevice replacement
     * @return the command
     */
    public static Command replace(String pool, String oldDevice, String newDevice) {
        Operands.pool(pool);
        Operands.device("old device", oldDevice);
        Operands.device("new device", newDevice);
        return Command.of("zpool", "replace", pool, oldDevice, newDevice);
    }

    /**
     * {@code zpool online POOL DEVICE...}.
     *
     * <p>{@code ZpoolCommands.online("san-pool", leg)}
     *
     * @param pool pool
     * @param devices devices
     * @return the command
     */
    public static Command online(String pool, String... devices) {
        return withDevices(List.of("zpool", "online", Operands.pool(pool)), devices);
    }

    /**
     * {@code zpool offline POOL DEVICE...}: offline until {@code zpool online}.
     *
     * <p>{@code ZpoolCommands.offline("san-pool", leg)}
     *
     * @param pool pool
     * @param devices devices
     * @return the command
     */
    public static Command offline(String pool, String... devices) {
        return offline(pool, OfflineMode.PERSISTENT, devices);
    }

    /**
     * {@code zpool offline [-t] POOL DEVICE...}.
     *
     * <p>{@code ZpoolCommands.offline("san-pool", OfflineMode.TEMPORARY, leg)}
     *
     * @param pool pool
     * @param mode {@link OfflineMode#TEMPORARY} adds {@code -t} (not persistent across reboot)
     * @param devices devices
     * @return the command
     */
    public static Command offline(String pool, OfflineMode mode, String... devices) {
        List<String> base = new ArrayList<>(List.of("zpool", "offline"));
        if (java.util.Objects.requireNonNull(mode, "mode") == OfflineMode.TEMPORARY) {
            base.add("-t");
        }
        base.add(Operands.pool(pool));
        return withDevices(base, devices);
    }

    /**
     * {@code zpool clear POOL}: clear the error counters of the whole pool.
     *
     * <p>{@code ZpoolCommands.clear("san-pool")}
     *
     * @param pool pool
     * @return the command
     */
    public static Command clear(String pool) {
        return Command.of("zpool", "clear", Operands.pool(pool));
    }

    /**
     * {@code zpool clear POOL DEVICE}.
     *
     * <p>{@code ZpoolCommands.clear("san-pool", leg)}
     *
     * @param pool pool
     * @param device device
     * @return the command
     */
    public static Command clear(String pool, String device) {
        Operands.pool(pool);
        return Command.of("zpool", "clear", pool, Operands.device("device", device));
    }

    /**
     * {@code zpool scrub POOL}.
     *
     * <p>{@code ZpoolCommands.scrub("san-pool")}
     *
     * @param pool pool
     * @return the command
     */
    public static Command scrub(String pool) {
        return Command.of("zpool", "scrub", Operands.pool(pool));
    }

    /**
     * {@code zpool scrub -s POOL}: stop a scrub.
     *
     * <p>{@code ZpoolCommands.scrubStop("san-pool")}
     *
     * @param pool pool
     * @return the command
     */
    public static Command scrubStop(String pool) {
        return Command.of("zpool", "scrub", "-s", Operands.pool(pool));
    }

    /**
     * {@code zpool list -Hp -o COLUMNS} of every imported pool (OpenZFS; zfs-fuse has no {@code -p}).
     *
     * <p>{@code ZpoolCommands.list(ZfsListParser.ZPOOL_DEFAULT)}
     *
     * @param columns columns
     * @return the command
     */
    public static Command list(List<String> columns) {
        return Command.of("zpool", "list", "-Hp", "-o", String.join(",", columns));
    }

    /**
     * {@code zpool list -Hp -o COLUMNS POOL}.
     *
     * <p>{@code ZpoolCommands.list(ZfsListParser.ZPOOL_DEFAULT, "san-pool")}
     *
     * @param columns columns
     * @param pool pool
     * @return the command
     */
    public static Command list(List<String> columns, String pool) {
        return Command.of("zpool", "list", "-Hp", "-o", String.join(",", columns), Operands.pool(pool));
    }

    /**
     * {@code zpool get -Hp PROPS POOL...}: name, property, value, source per line (parse with
     * {@link ZfsGetParser#parse(String, String)}).
     *
     * <p>{@code ZpoolCommands.poolGet(List.of("multihost", "size"), "san-pool")}
     *
     * @param properties properties
     * @param pools pools
     * @return the command
     */
    public static Command poolGet(List<String> properties, String... pools) {
        if (pools != null) {
            for (String p : pools) {
                Operands.pool(p);
            }
        }
        return withDevices(List.of("zpool", "get", "-Hp", String.join(",", properties)), pools);
    }

    private static Command withDevices(List<String> base, String... devices) {
        if (devices == null || devices.length == 0) {
            throw new IllegalArgumentException("at least one device is required");
        }
        List<String> a = new ArrayList<>(base);
        for (String d : devices) {
            a.add(Operands.device("device", d));
        }
        return Command.of(a);
    }
}
