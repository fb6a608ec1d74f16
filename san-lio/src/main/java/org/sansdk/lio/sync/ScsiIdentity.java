package org.sansdk.lio.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The SCSI identity of a zvol's backstore, derived only from the zvol name so that both storage nodes
 * present the same identity after a failover. LIO stores the T10 unit serial (VPD page 0x80) in the
 * storage object's {@code wwn}; the kernel derives the NAA designator (VPD 0x83) that multipath and
 * Proxmox key on from that serial. If the serial were left to targetcli (a random UUID per node), the
 * initiators would see a <em>different disk</em> after failover and multipath would not reattach it.
 *
 * <pre>{@code String serial = ScsiIdentity.unitSerial("san-pool/iscsi/vm-100-disk-0"); String naa = ScsiIdentity.naaFor(serial);}</pre>
 */
public final class ScsiIdentity {

    /** Namespace UUID of this SDK for name-based (version 5) UUIDs. */
    private static final UUID NAMESPACE = UUID.fromString("5f3a3c9e-5a1b-4c6e-9d0f-2b7e8c4a1d53");
    private static final int LIO_COMPANY_ID = 0x001405;

    private ScsiIdentity() {
    }

    /** A version-5 UUID of the zvol's full name: stable across nodes, reboots and re-imports. {@code ScsiIdentity.unitSerial(zvol.name())} */
    public static String unitSerial(String zvolName) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(toBytes(NAMESPACE));
            byte[] h = sha1.digest(zvolName.getBytes(StandardCharsets.UTF_8));
            h[6] = (byte) ((h[6] & 0x0f) | 0x50);
            h[8] = (byte) ((h[8] & 0x3f) | 0x80);
            long msb = 0;
            long lsb = 0;
            for (int i = 0; i < 8; i++) {
                msb = (msb << 8) | (h[i] & 0xff);
                lsb = (lsb << 8) | (h[i + 8] & 0xff);
            }
            return new UUID(msb, lsb).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java platform", e);
        }
    }

    /**
     * The NAA-6 designator the Linux target derives from a unit serial (target_core_spc.c,
     * {@code spc_gen_naa_6h_vendor_specific}: IEEE company id 00-14-05, then the serial's hex digits).
     * {@code ScsiIdentity.naaFor(serial)} → {@code naa.6001405...}
     */
    public static String naaFor(String unitSerial) {
        byte[] buf = new byte[16];
        int off = 0;
        buf[off] = (byte) (0x6 << 4);
        buf[off++] |= (byte) ((LIO_COMPANY_ID >> 20) & 0xf);
        buf[off++] = (byte) ((LIO_COMPANY_ID >> 12) & 0xff);
        buf[off++] = (byte) ((LIO_COMPANY_ID >> 4) & 0xff);
        buf[off] = (byte) ((LIO_COMPANY_ID & 0xf) << 4);
        boolean next = true;
        int cnt = off + 13;
        for (int i = 0; i < unitSerial.length() && off < cnt; i++) {
            int val = Character.digit(unitSerial.charAt(i), 16);
            if (val < 0) {
                continue;
            }
            if (next) {
                next = false;
                buf[off++] |= (byte) val;
            } else {
                next = true;
                buf[off] = (byte) (val << 4);
            }
        }
        return "naa." + HexFormat.of().formatHex(buf);
    }

    private static byte[] toBytes(UUID u) {
        byte[] b = new byte[16];
        long msb = u.getMostSignificantBits();
        long lsb = u.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (msb >>> (56 - 8 * i));
            b[i + 8] = (byte) (lsb >>> (56 - 8 * i));
        }
        return b;
    }
}
