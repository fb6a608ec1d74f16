package org.sansdk.core;

import java.math.BigInteger;
import java.util.Objects;

/**
 * An IPv4 or IPv6 address with a prefix length: {@code 10.30.30.10/24}, {@code fd00:10::1/64}. Parsed
 * literally (never through DNS); IPv6 is printed in RFC 5952 canonical form, so
 * {@code IpCidr.parse(x.toString()).equals(x)} always holds.
 *
 * <pre>{@code IpCidr vip = IpCidr.parse("10.40.40.10/24"); vip.network(); // 10.40.40.0/24}</pre>
 *
 * @param address the canonical address text (no prefix)
 * @param prefix  the prefix length, 0 to 32 (IPv4) or 0 to 128 (IPv6)
 */
public record IpCidr(String address, int prefix) {
    /** Validates and canonicalises the address. */
    public IpCidr {
        Objects.requireNonNull(address, "address");
        byte[] bytes = toBytes(address);
        address = format(bytes);
        int max = bytes.length * 8;
        if (prefix < 0 || prefix > max) {
            throw new IllegalArgumentException("prefix length " + prefix + " out of range 0.." + max + " for " + address);
        }
    }

    /**
     * Parses {@code ADDRESS/PREFIX}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static IpCidr parse(String text) {
        Objects.requireNonNull(text, "CIDR");
        String s = text.strip();
        int slash = s.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("expected ADDRESS/PREFIX such as 10.30.30.10/24, got \"" + text + "\"");
        }
        String p = s.substring(slash + 1);
        if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("invalid prefix length in \"" + text + "\": expected a number");
        }
        return new IpCidr(s.substring(0, slash), Integer.parseInt(p));
    }

    /** A single host address: prefix 32 (IPv4) or 128 (IPv6). */
    public static IpCidr host(String address) {
        byte[] bytes = toBytes(address.strip());
        return new IpCidr(address.strip(), bytes.length * 8);
    }

    /** Checks that {@code address} is a literal IPv4 or IPv6 address and returns its canonical text. */
    public static String canonicalAddress(String address) {
        return format(toBytes(address));
    }

    /** True for IPv6. */
    public boolean isIpv6() {
        return address.indexOf(':') >= 0;
    }

    /** The network this address is in, as CIDR text ({@code 10.30.30.0/24}). */
    public String network() {
        return format(mask(toBytes(address), prefix)) + "/" + prefix;
    }

    /** True when {@code otherAddress} (a literal address of the same family) lies in this network. */
    public boolean contains(String otherAddress) {
        byte[] other = toBytes(otherAddress.strip());
        byte[] mine = toBytes(address);
        if (other.length != mine.length) {
            return false;
        }
        return java.util.Arrays.equals(mask(mine, prefix), mask(other, prefix));
    }

    /** The dotted netmask for IPv4 ({@code 255.255.255.0}). */
    public String netmask() {
        if (isIpv6()) {
            throw new IllegalStateException("IPv6 has no dotted netmask");
        }
        byte[] ones = new byte[] {-1, -1, -1, -1};
        return format(mask(ones, prefix));
    }

    @Override
    public String toString() {
        return address + "/" + prefix;
    }

    private static byte[] mask(byte[] bytes, int prefix) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            int bits = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] &= (byte) (0xff << (8 - bits));
        }
        return out;
    }

    static byte[] toBytes(String a) {
        if (a.isEmpty()) {
            throw new IllegalArgumentException("empty IP address");
        }
        return a.indexOf(':') >= 0 ? v6(a) : v4(a);
    }

    private static byte[] v4(String a) {
        String[] parts = a.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("invalid IPv4 address \"" + a + "\": expected four dotted numbers");
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
                    || (p.length() > 1 && p.charAt(0) == '0')) {
                throw new IllegalArgumentException("invalid IPv4 address \"" + a
                        + "\": each part is a number 0-255 without leading zeros");
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                throw new IllegalArgumentException("invalid IPv4 address \"" + a + "\": " + v + " is above 255");
            }
            out[i] = (byte) v;
        }
        return out;
    }

    private static byte[] v6(String a) {
        IllegalArgumentException bad = new IllegalArgumentException("invalid IPv6 address \"" + a + "\"");
        if (a.indexOf('%') >= 0) {
            throw new IllegalArgumentException("invalid IPv6 address \"" + a + "\": zone ids are not supported");
        }
        int dbl = a.indexOf("::");
        if (dbl >= 0 && a.indexOf("::", dbl + 1) >= 0) {
            throw bad;
        }
        String head = dbl >= 0 ? a.substring(0, dbl) : a;
        String tail = dbl >= 0 ? a.substring(dbl + 2) : "";
        java.util.List<Integer> h = groups(head, bad, dbl < 0 || tail.isEmpty());
        java.util.List<Integer> t = dbl >= 0 ? groups(tail, bad, true) : java.util.List.of();
        int total = h.size() + t.size();
        if ((dbl < 0 && total != 8) || (dbl >= 0 && total > 7)) {
            throw bad;
        }
        int[] words = new int[8];
        for (int i = 0; i < h.size(); i++) {
            words[i] = h.get(i);
        }
        for (int i = 0; i < t.size(); i++) {
            words[8 - t.size() + i] = t.get(i);
        }
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[2 * i] = (byte) (words[i] >> 8);
            out[2 * i + 1] = (byte) words[i];
        }
        return out;
    }

    private static java.util.List<Integer> groups(String s, IllegalArgumentException bad, boolean mayEndWithV4) {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        if (s.isEmpty()) {
            return out;
        }
        String[] parts = s.split(":", -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && mayEndWithV4 && p.indexOf('.') >= 0) {
                byte[] v4 = v4(p);
                out.add(((v4[0] & 0xff) << 8) | (v4[1] & 0xff));
                out.add(((v4[2] & 0xff) << 8) | (v4[3] & 0xff));
                continue;
            }
            if (p.isEmpty() || p.length() > 4 || !p.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw bad;
            }
            out.add(Integer.parseInt(p, 16));
        }
        return out;
    }

    static String format(byte[] b) {
        if (b.length == 4) {
            return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
        }
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) {
            w[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        // RFC 5952: compress the longest run (>= 2) of zero groups, the first one on ties
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (w[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && w[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(w[i]));
        }
        return sb.toString();
    }

    /** Exposed for tests: the address as a number. */
    BigInteger toBigInteger() {
        return new BigInteger(1, toBytes(address));
    }
}
