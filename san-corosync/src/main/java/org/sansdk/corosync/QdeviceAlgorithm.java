package org.sansdk.corosync;

/**
 * corosync-qdevice's {@code net.algorithm}.
 *
 * <pre>{@code builder.qdevice("10.20.20.3", QdeviceAlgorithm.FFSPLIT)}</pre>
 */
public enum QdeviceAlgorithm {
    /** Fifty-fifty split: the qdevice vote goes to one half of an even split (two storage nodes). */
    FFSPLIT("ffsplit"),
    /** Last man standing: the qdevice can keep a single node quorate. */
    LMS("lms");

    private final String value;

    QdeviceAlgorithm(String value) {
        this.value = value;
    }

    /** The value written to corosync.conf. */
    public String value() {
        return value;
    }
}
