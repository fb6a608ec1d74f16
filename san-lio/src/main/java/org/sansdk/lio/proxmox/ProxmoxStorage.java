package org.sansdk.lio.proxmox;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sansdk.core.SanException;

/**
 * The fields of a Proxmox {@code zfs} storage with {@code iscsiprovider lio} that decide how its LIO
 * provider ({@code PVE::Storage::LunCmd::LIO}) reads the target: {@code target} (IQN), {@code lio_tpg}
 * ({@code tpgN}), {@code pool} (dataset holding the VM zvols) and {@code zfs-base-path} (default {@code /dev}).
 *
 * <pre>{@code new ProxmoxStorage("iqn.2025-01.lab.home:san-client-target", "tpg2", "san-pool/iscsi/hypervisor", "/dev/zvol")}</pre>
 */
public record ProxmoxStorage(String target, String lioTpg, String pool, String basePath) {
    private static final Pattern TPG = Pattern.compile("tpg(\\d+)");
    /** Proxmox's volume name pattern ({@code [\w\-]+}): no dots, no nested datasets. */
    static final Pattern VOLNAME = Pattern.compile("[A-Za-z0-9_\\-]+");

    /** Refuses nulls; strips a trailing slash from the base path. */
    public ProxmoxStorage {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(lioTpg, "lioTpg");
        Objects.requireNonNull(pool, "pool");
        basePath = basePath == null || basePath.isEmpty() ? "/dev" : basePath.replaceAll("/+$", "");
    }

    /** The TPG tag from {@code tpgN}, if well-formed. {@code storage.tag()} */
    public java.util.OptionalInt tag() {
        Matcher m = TPG.matcher(lioTpg);
        if (!m.matches() || m.group(1).length() > 9) {
            return java.util.OptionalInt.empty();
        }
        return java.util.OptionalInt.of(Integer.parseInt(m.group(1)));
    }

    /** The tag, or an exception naming the bad value. {@code storage.requireTag()} */
    public int requireTag() {
        return tag().orElseThrow(() -> new SanException("lio_tpg '" + lioTpg
                + "' must be 'tpg' followed by a number, e.g. tpg1"));
    }

    /** Proxmox's backstore name prefix: the pool with '/' replaced by '-', plus '-'. {@code storage.backstorePrefix()} */
    public String backstorePrefix() {
        return pool.replace('/', '-') + "-";
    }

    /** The device path Proxmox passes for a volume: {@code <base>/<pool>/<vol>}. {@code storage.devicePath("vm-100-disk-0")} */
    public String devicePath(String volname) {
        return basePath + "/" + pool + "/" + volname;
    }

    /** The volume name of a device path, if it is one of this storage's volumes. {@code storage.volumeOf(path)} */
    public java.util.Optional<String> volumeOf(String devicePath) {
        String prefix = basePath + "/" + pool + "/";
        if (!devicePath.startsWith(prefix)) {
            return java.util.Optional.empty();
        }
        String vol = devicePath.substring(prefix.length());
        return VOLNAME.matcher(vol).matches() ? java.util.Optional.of(vol) : java.util.Optional.empty();
    }
}
