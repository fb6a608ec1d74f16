package org.sansdk.zfs;

import java.util.ArrayList;
import java.util.List;
import org.sansdk.core.Command;

/**
 * The other {@code zpool} commands as argv lists.
 *
 * <p>{@code executor.runChecked(ZpoolCommands.offline("san-pool", leg, true));}
 */
public final class ZpoolCommands {
    private ZpoolCommands() {
    }

    /**
     * {@code zpool status [-P] [-v] POOL}.
     *
     * <p>{@code ZpoolCommands.status("san-pool", true)}
     *
     * @param pool pool, or null for all pools
     * @param fullPaths {@code -P}: full device paths
     * @return the command
     */
    public static Command status(String pool, boolean fullPaths) {
        List<String> a = new ArrayList<>(List.of("zpool", "status"));
        if (fullPaths) {
            a.add("-P");
        }
        a.add("-v");
        if (pool != null) {
            a.add(Operands.pool(pool));
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
     * {@code zpool export [-f] POOL}.
     *
     * <p>{@code ZpoolCommands.export("san-pool", false)}
     *
     * @param pool pool
     * @param force unmount busy file systems
     * @return the command
     */
    public static Command export(String pool, boolean force) {
        Operands.pool(pool);
        return force ? Command.of("zpool", "export", "-f", pool) : Command.of("zpool", "export", pool);
    }

    /**
     * {@code zpool replace POOL OLD [NEW]}.
     *
     * <p>{@code ZpoolCommands.replace("san-pool", oldLeg, newLeg)}
     *
     * @param pool pool
     * @param oldDevice device (or GUID) to replace
     * @param newDevice replacement, or null to replace with the same path
     * @return the command
     */
    public static Command replace(String pool, String oldDevice, String newDevice) {
        Operands.pool(pool);
        Operands.device("old device", oldDevice);
        if (newDevice != null) {
            Operands.device("new device", newDevice);
        }
        return newDevice == null ? Command.of("zpool", "replace", pool, oldDevice)
                : Command.of("zpool", "replace", pool, oldDevice, newDevice);
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
     * {@code zpool offline [-t] POOL DEVICE...}.
     *
     * <p>{@code ZpoolCommands.offline("san-pool", true, leg)}
     *
     * @param pool pool
     * @param temporary {@code -t}: not persistent across reboot
     * @param devices devices
     * @return the command
     */
    public static Command offline(String pool, boolean temporary, String... devices) {
        List<String> base = new ArrayList<>(List.of("zpool", "offline"));
        if (temporary) {
            base.add("-t");
        }
        base.add(Operands.pool(pool));
        return withDevices(base, devices);
    }

    /**
     * {@code zpool clear POOL [DEVICE]}.
     *
     * <p>{@code ZpoolCommands.clear("san-pool", null)}
     *
     * @param pool pool
     * @param device device, or null for the whole pool
     * @return the command
     */
    public static Command clear(String pool, String device) {
        Operands.pool(pool);
        return device == null ? Command.of("zpool", "clear", pool)
                : Command.of("zpool", "clear", pool, Operands.device("device", device));
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
     * {@code zpool list -Hp -o COLUMNS [POOL]} (OpenZFS; zfs-fuse has no {@code -p}).
     *
     * <p>{@code ZpoolCommands.list(ZfsListParser.ZPOOL_DEFAULT, "san-pool")}
     *
     * @param columns columns
     * @param pool pool or null
     * @return the command
     */
    public static Command list(List<String> columns, String pool) {
        List<String> a = new ArrayList<>(List.of("zpool", "list", "-Hp", "-o", String.join(",", columns)));
        if (pool != null) {
            a.add(Operands.pool(pool));
        }
        return Command.of(a);
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
