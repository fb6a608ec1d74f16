package org.sansdk.zfs;

import org.sansdk.core.ZfsName;

/**
 * Checks operands (pool names, device paths) before they go into an argv. {@code zpool} parses its
 * arguments with GNU getopt, which permutes: an operand such as {@code -f} anywhere on the command line
 * is read as an option, so {@code zpool import san-pool -f} is a forced import. Nothing that starts with
 * {@code -} is accepted as an operand.
 *
 * <p>{@code Operands.device("old device", oldDevice)}
 */
final class Operands {
    private Operands() {
    }

    /**
     * An existing pool's name.
     *
     * <p>{@code Operands.pool("san-pool")}
     *
     * @param pool the name
     * @return the name
     * @throws IllegalArgumentException when it is not a pool name
     */
    static String pool(String pool) {
        if (pool == null) {
            throw new IllegalArgumentException("a pool name is required");
        }
        ZfsName n = ZfsName.parse(pool);
        if (n.kind() != ZfsName.Kind.POOL) {
            throw new IllegalArgumentException("'" + pool + "' is not a pool name");
        }
        return pool;
    }

    /**
     * A pool name or a numeric pool id ({@code zpool import 1234567890123}).
     *
     * <p>{@code Operands.poolOrId("13783646421373024673")}
     *
     * @param nameOrId the name or id
     * @return it
     */
    static String poolOrId(String nameOrId) {
        if (nameOrId != null && !nameOrId.isEmpty() && nameOrId.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return nameOrId;
        }
        return pool(nameOrId);
    }

    /**
     * A device path, file or vdev GUID.
     *
     * <p>{@code Operands.device("device", "/dev/disk/by-id/ata-X")}
     *
     * @param what what the operand is, for the message
     * @param device the operand
     * @return it
     */
    static String device(String what, String device) {
        if (device == null || device.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        if (device.startsWith("-")) {
            throw new IllegalArgumentException(what + " '" + device + "' starts with '-': zpool would read it as an "
                    + "option");
        }
        if (device.indexOf('\0') >= 0 || device.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(what + " contains a NUL or newline character");
        }
        return device;
    }

    /**
     * A dataset (or pool) name for {@code zfs} commands.
     *
     * <p>{@code Operands.dataset("san-pool/iscsi")}
     *
     * @param name the name
     * @return it
     */
    static String dataset(String name) {
        if (name == null) {
            throw new IllegalArgumentException("a dataset name is required");
        }
        ZfsName.parse(name);
        return name;
    }
}
