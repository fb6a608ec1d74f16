package org.sansdk.iscsi;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A udev {@code /dev/disk/by-path} name of an iSCSI LUN, both ways, with udev's own rules
 * ({@code udev-builtin-path_id.c}, {@code handle_scsi_iscsi} and {@code format_lun_number}):
 * {@code ip-ADDR:PORT-iscsi-TARGET-lun-L[-partN]} where ADDR is the session's {@code persistent_address} as
 * sysfs has it (IPv6 without brackets), and L is the kernel's LUN number: decimal below 256, otherwise
 * {@code 0x%04x%04x00000000} of its low and high 16 bits.
 *
 * <pre>{@code ByPath p = ByPath.parse("ip-10.10.10.2:3260-iscsi-iqn.2025-01.lab.home:storage-b-lun-0");}</pre>
 *
 * @param address   the portal address as sysfs prints it
 * @param port      the portal port
 * @param target    the target name
 * @param lun       the kernel's LUN number (0 … 2^32-1), as in {@code H:C:T:L}
 * @param partition the partition number, 0 for the whole disk
 */
public record ByPath(String address, int port, String target, long lun, int partition) {
    /** The by-path directory. */
    public static final String DIR = "/dev/disk/by-path/";
    private static final Pattern PORT = Pattern.compile("[1-9]\\d{0,4}");
    private static final Pattern PART = Pattern.compile("-part([1-9]\\d{0,5})$");
    private static final Pattern DEC = Pattern.compile("0|[1-9]\\d{0,2}");
    private static final Pattern HEX = Pattern.compile("0x([0-9a-f]{4})([0-9a-f]{4})00000000");

    /** Checks the parts. */
    public ByPath {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(target, "target");
        if (address.isEmpty() || address.contains("-") || address.chars().anyMatch(c -> c <= ' ' || c == '/')) {
            throw new IllegalArgumentException("invalid by-path address \"" + address + "\"");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port);
        }
        if (target.isEmpty() || target.chars().anyMatch(c -> c <= ' ' || c == '/')) {
            throw new IllegalArgumentException("invalid target name \"" + target + "\"");
        }
        if (lun < 0 || lun > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("LUN " + lun + " outside 0..2^32-1 (Linux LUNs are 32-bit here)");
        }
        if (partition < 0) {
            throw new IllegalArgumentException("partition " + partition);
        }
    }

    /** The whole disk's name for a session portal, target and kernel LUN. */
    public static ByPath of(String address, int port, String target, long lun) {
        return new ByPath(address, port, target, lun, 0);
    }

    /**
     * Parses a name, with or without {@code /dev/disk/by-path/}.
     *
     * @throws IllegalArgumentException when it is not an iSCSI by-path name in udev's form
     */
    public static ByPath parse(String name) {
        String n = name.startsWith(DIR) ? name.substring(DIR.length()) : name;
        if (!n.startsWith("ip-")) {
            throw bad(name, "an iSCSI by-path name starts with ip-");
        }
        int iscsi = n.indexOf("-iscsi-");
        if (iscsi < 0) {
            throw bad(name, "no -iscsi- after the portal");
        }
        String hostPort = n.substring(3, iscsi);
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || !PORT.matcher(hostPort).region(colon + 1, hostPort.length()).matches()) {
            throw bad(name, "the portal is ADDR:PORT");
        }
        String rest = n.substring(iscsi + 7);
        int partition = 0;
        Matcher pm = PART.matcher(rest);
        if (pm.find()) {
            partition = Integer.parseInt(pm.group(1));
            rest = rest.substring(0, pm.start());
        }
        int lunAt = rest.lastIndexOf("-lun-");
        if (lunAt <= 0) {
            throw bad(name, "no -lun-L after the target");
        }
        String l = rest.substring(lunAt + 5);
        long lun;
        Matcher hm;
        if (DEC.matcher(l).matches()) {
            lun = Long.parseLong(l);
            if (lun >= 256) {
                throw bad(name, "udev writes LUNs from 256 up as 0x%04x%04x00000000");
            }
        } else if ((hm = HEX.matcher(l)).matches()) {
            lun = Long.parseLong(hm.group(1), 16) | (Long.parseLong(hm.group(2), 16) << 16);
            if (lun < 256) {
                throw bad(name, "udev writes LUNs below 256 in decimal");
            }
        } else {
            throw bad(name, "a LUN in decimal (< 256) or as 0x%04x%04x00000000");
        }
        try {
            return new ByPath(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)),
                    rest.substring(0, lunAt), lun, partition);
        } catch (IllegalArgumentException e) {
            throw bad(name, e.getMessage());
        }
    }

    private static IllegalArgumentException bad(String name, String why) {
        return new IllegalArgumentException("not a udev iSCSI by-path name \"" + name + "\": " + why);
    }

    /** True when {@code path} looks like an iSCSI by-path name (with or without the directory). */
    public static boolean isByPath(String path) {
        String n = path.startsWith(DIR) ? path.substring(DIR.length()) : path;
        return n.startsWith("ip-") && n.contains("-iscsi-");
    }

    /** udev's LUN part: {@code lun-7} or {@code lun-0x412c000000000000}. */
    public static String lunPart(long lun) {
        return lun < 256 ? "lun-" + lun
                : String.format("lun-0x%04x%04x00000000", lun & 0xffff, (lun >> 16) & 0xffff);
    }

    /**
     * The kernel LUN number for a target's LUN index: peripheral addressing below 256, SAM flat space
     * addressing ({@code 0x4000 | n}) from 256 to 16383, as LIO reports them.
     */
    public static long kernelLun(int targetLun) {
        if (targetLun < 0 || targetLun > 16383) {
            throw new IllegalArgumentException("target LUN " + targetLun + " outside 0..16383");
        }
        return targetLun < 256 ? targetLun : 0x4000L | targetLun;
    }

    /** The target's LUN index behind a kernel LUN number, when it is peripheral or flat-space addressed. */
    public static OptionalLong targetLun(long kernelLun) {
        if (kernelLun < 256) {
            return OptionalLong.of(kernelLun);
        }
        if (kernelLun < 0x10000 && (kernelLun & 0xC000) == 0x4000 && (kernelLun & 0x3FFF) >= 256) {
            return OptionalLong.of(kernelLun & 0x3FFF);
        }
        return OptionalLong.empty();
    }

    /** The same name without the partition. */
    public ByPath disk() {
        return new ByPath(address, port, target, lun, 0);
    }

    /** The file name udev creates. */
    public String name() {
        return "ip-" + address + ":" + port + "-iscsi-" + target + "-" + lunPart(lun)
                + (partition > 0 ? "-part" + partition : "");
    }

    /** The full path under {@code /dev/disk/by-path}. */
    public String path() {
        return DIR + name();
    }

    @Override
    public String toString() {
        return name();
    }
}
