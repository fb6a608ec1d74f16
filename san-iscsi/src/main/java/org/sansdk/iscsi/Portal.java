package org.sansdk.iscsi;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An iSCSI portal as iscsiadm prints it: {@code 10.10.10.2:3260,1} or {@code [fd00:10::2]:3260,1}. The
 * address is kept as printed (IPv6 is not re-compressed: sysfs prints the current address uncompressed and
 * the persistent one as configured). {@link #NO_TPGT} (-1) is a record that has no target portal group tag;
 * {@code iscsiadm -m node} prints that as {@code 4294967295}, {@code -P 1} as {@code -1}.
 *
 * <pre>{@code Portal p = Portal.parse("[fd00:10::2]:3260,1"); p.address(); // "fd00:10::2"}</pre>
 *
 * @param address IPv4 dotted quad, IPv6 without brackets, or a host name
 * @param port    TCP port
 * @param tpgt    target portal group tag, or {@link #NO_TPGT}
 */
public record Portal(String address, int port, int tpgt) {
    /** The tag of a record made without one. */
    public static final int NO_TPGT = -1;
    /** The iSCSI well-known port. */
    public static final int DEFAULT_PORT = 3260;

    private static final Pattern FORM = Pattern.compile(
            "(?:\\[([0-9A-Fa-f:.%a-zA-Z0-9_-]+)\\]|([^\\s\\[\\]:,]+)):(\\d{1,5})(?:,(-?\\d{1,10}))?");

    /** Checks the parts. */
    public Portal {
        Objects.requireNonNull(address, "address");
        if (address.isEmpty() || address.chars().anyMatch(c -> c <= ' ' || c == '[' || c == ']' || c == ',')) {
            throw new IllegalArgumentException("invalid portal address \"" + address + "\"");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("portal port " + port + " outside 1..65535");
        }
        if (tpgt < -1 || tpgt > 65535) {
            throw new IllegalArgumentException("target portal group tag " + tpgt + " outside 0..65535 (or -1)");
        }
    }

    /** A portal on the default port without a tag: {@code Portal.of("10.10.10.2")}. */
    public static Portal of(String address) {
        return new Portal(address, DEFAULT_PORT, NO_TPGT);
    }

    /** A portal with a tag: {@code Portal.of("10.10.10.2", 3260, 1)}. */
    public static Portal of(String address, int port, int tpgt) {
        return new Portal(address, port, tpgt);
    }

    /**
     * Parses {@code ADDR:PORT[,TPGT]} or {@code [ADDR]:PORT[,TPGT]}; {@code 4294967295} reads as {@link #NO_TPGT}.
     *
     * @throws IllegalArgumentException when the text is not a portal
     */
    public static Portal parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a portal ADDR:PORT[,TPGT] or [IPV6]:PORT[,TPGT]: \"" + text + "\"");
        }
        String addr = m.group(1) != null ? m.group(1) : m.group(2);
        int port = Integer.parseInt(m.group(3));
        int tpgt = NO_TPGT;
        if (m.group(4) != null) {
            long t = Long.parseLong(m.group(4));
            tpgt = t == 4294967295L ? NO_TPGT : (int) Math.max(Math.min(t, Integer.MAX_VALUE), Integer.MIN_VALUE);
        }
        return new Portal(addr, port, tpgt);
    }

    /** True for an IPv6 address (iscsiadm prints those in brackets: it tests for a '.'). */
    public boolean ipv6() {
        return address.indexOf('.') < 0 && address.indexOf(':') >= 0;
    }

    /** {@code ADDR:PORT} or {@code [ADDR]:PORT}, as {@code iscsiadm -p} takes it. */
    public String hostPort() {
        return (ipv6() ? "[" + address + "]" : address) + ":" + port;
    }

    /** The portal argument for {@code iscsiadm -p}: {@code ADDR:PORT[,TPGT]}. */
    public String argument() {
        return tpgt == NO_TPGT ? hostPort() : hostPort() + "," + tpgt;
    }

    /** The same portal without its tag. */
    public Portal withoutTpgt() {
        return new Portal(address, port, NO_TPGT);
    }

    /** As iscsiadm prints it ({@code ADDR:PORT,TPGT}, -1 for no tag). */
    @Override
    public String toString() {
        return hostPort() + "," + tpgt;
    }
}
