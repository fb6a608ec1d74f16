package org.sansdk.cluster.design;

import java.util.Objects;
import org.sansdk.corosync.QdeviceAlgorithm;

/**
 * A corosync-qdevice voting through a qnetd server, instead of a third (quorum) node.
 * Usage: {@code new Qdevice("10.20.20.3", QdeviceAlgorithm.FFSPLIT)}.
 *
 * @param host      the qnetd host (address or name)
 * @param algorithm the qdevice algorithm
 */
public record Qdevice(String host, QdeviceAlgorithm algorithm) {
    /** Refuses nulls. Usage: see type. */
    public Qdevice {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(algorithm, "algorithm");
    }
}
