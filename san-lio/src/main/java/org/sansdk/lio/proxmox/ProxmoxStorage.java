package org.sansdk.lio.proxmox;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sansdk.core.Iqn;
import org.sansdk.core.SanException;
import org.sansdk.core.ZfsName;

/**
 * The fields of a Proxmox {@code zfs} storage with {@code iscsiprovider lio} that decide how its LIO
 * provider ({@code PVE::Storage::LunCmd::LIO}) reads the target: {@code target} (IQN), {@code lio_tpg}
 * ({@code tpgN}, here the number N), {@code pool} (dataset holding the VM zvols) and {@code zfs-base-path}
 * (default {@code /dev}).
 *
 * <pre>{@code new ProxmoxStorage(Iqn.parse("iqn.2025-01.lab.home:san-client-target"), 2, ZfsName.parse("san-pool/iscsi/hypervisor"), "/dev/zvol")}</pre>
 *
 * @param target   the storage's {@code target}
 * @param tpg      the TPG tag of {@code lio_tpg tpgN} (1..65535; {@link #parseTpg(String)} reads {@code tpgN})
 * @param pool     the storage's {@code pool}
 * @param basePath the storage's {@code zfs-base-path} ({@code /dev} when null or empty)
 */
public record ProxmoxStorage(Iqn target, int tpg, ZfsName pool, String basePath) {
    private static final Pattern TPG = Pattern.compile("tpg(\\d{1,9})");
    /** Proxmox's volume name pattern ({@code [\w\-]+}): no dots, no nested datasets. */
    static final Pattern VOLNAME = Pattern.compile("[A-Za-z0-9_\\-]+");

    /** Refuses nulls and a TPG tag outside 1..65535; strips a trailing slash from the base path. */
    public ProxmoxStorage {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(pool, "pool");
        if (tpg < 1 || tpg > 65535) {
            throw new IllegalArgumentException("a TPG tag is 1..65535, got " + tpg);
        }
        basePath = basePath == null || basePath.isEmpty() ? "/dev" : basePath.replaceAll("/+$", "");
    }

    /**
     * The tag of a {@code lio_tpg} value as Proxmox's storage.cfg holds it ({@code tpg2} → 2).
     * {@code ProxmoxStorage.parseTpg("tpg2")}
     *
     * @throws SanException (PVE-TPG-001) when it is not {@code tpg} followed by a number
     */
    public static int parseTpg(String lioTpg) {
        Matcher m = TPG.matcher(Objects.requireNonNull(lioTpg, "lioTpg"));
        if (!m.matches()) {
            throw new SanException("PVE-TPG-001: lio_tpg '" + lioTpg + "' must be 'tpg' and a number, e.g. tpg17");
        }
        return Integer.parseInt(m.group(1));
    }

    /** The {@code lio_tpg} value, {@code tpgN}. {@code storage.lioTpg()} */
    public String lioTpg() {
        return "tpg" + tpg;
    }

    /** Proxmox's backstore name prefix: the pool with '/' replaced by '-', plus '-'. {@code storage.backstorePrefix()} */
    public String backstorePrefix() {
        return pool.toString().replace('/', '-') + "-";
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
