package org.sansdk.zfs;

import java.time.Duration;

/**
 * Reads the numbers zpool/zfs print: {@code zfs_nicenum} sizes and counts ({@code 1.57K}, {@code 3.64T},
 * {@code 0B}), rates ({@code 612M/s}), percentages and durations ({@code 07:12:57}, {@code 0h52m},
 * {@code 1 days 02:03:04}). Returns {@link #INVALID} instead of throwing so that callers on the hot path
 * can report a located {@code ParseException} themselves.
 */
final class NiceNumbers {
    /** Marker for text that is not a number. */
    static final long INVALID = Long.MIN_VALUE;

    private NiceNumbers() {
    }

    /**
     * Parses {@code 0}, {@code 512B}, {@code 1.57K}, {@code 3.64T}, {@code 100980} (K=1024, rounded half up).
     */
    static long parseSize(CharSequence s, int from, int to) {
        if (from >= to) {
            return INVALID;
        }
        int end = to;
        char last = s.charAt(end - 1);
        long mult = 1;
        if (last == 'B' || last == 'b') {
            end--;
            if (end <= from) {
                return INVALID;
            }
            last = s.charAt(end - 1);
        }
        int shift = unitShift(last);
        if (shift >= 0) {
            end--;
            mult = 1L << shift;
        } else if (!(last >= '0' && last <= '9')) {
            return INVALID;
        }
        if (end <= from) {
            return INVALID;
        }
        long whole = 0;
        long frac = 0;
        long fracDiv = 1;
        boolean dot = false;
        int digits = 0;
        for (int i = from; i < end; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                if (dot) {
                    if (fracDiv < 1_000_000_000L) {
                        frac = frac * 10 + (c - '0');
                        fracDiv *= 10;
                    }
                } else {
                    if (whole > (Long.MAX_VALUE - 9) / 10) {
                        return INVALID;
                    }
                    whole = whole * 10 + (c - '0');
                }
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return INVALID;
            }
        }
        if (digits == 0) {
            return INVALID;
        }
        if (mult > 1 && whole > Long.MAX_VALUE / mult) {
            return INVALID;
        }
        long value = whole * mult;
        if (frac > 0) {
            // frac/fracDiv * mult, rounded half up
            double f = (double) frac / fracDiv * mult;
            value += (long) Math.floor(f + 0.5);
        }
        return value;
    }

    static long parseSize(String s) {
        return s == null ? INVALID : parseSize(s, 0, s.length());
    }

    /** True when the printed form is rounded (has a fraction or a unit above bytes). */
    static boolean isRounded(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '.' || unitShift(c) > 0) {
                return true;
            }
        }
        return false;
    }

    private static int unitShift(char c) {
        switch (c) {
            case 'K': case 'k': return 10;
            case 'M': return 20;
            case 'G': return 30;
            case 'T': return 40;
            case 'P': return 50;
            case 'E': return 60;
            default: return -1;
        }
    }

    /** Parses a rate such as {@code 1.33G/s}. */
    static long parseRate(String s) {
        if (s == null || !s.endsWith("/s")) {
            return INVALID;
        }
        return parseSize(s, 0, s.length() - 2);
    }

    /** Parses {@code 9.42%}; returns NaN when not a percentage. */
    static double parsePercent(String s) {
        if (s == null || s.length() < 2 || !s.endsWith("%")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s.substring(0, s.length() - 1));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * Parses {@code 07:12:57}, {@code 00:19:47}, {@code 0h52m}, {@code 123h32m}, {@code 1 days 02:03:04},
     * {@code 45s}, {@code 1m30s}; null when not a duration.
     */
    static Duration parseDuration(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        long days = 0;
        int daysAt = t.indexOf(" days ");
        if (daysAt > 0) {
            long d = parseLong(t, 0, daysAt);
            if (d < 0) {
                return null;
            }
            days = d;
            t = t.substring(daysAt + 6).strip();
        }
        if (t.isEmpty()) {
            return null;
        }
        if (t.indexOf(':') > 0) {
            String[] parts = t.split(":", -1);
            if (parts.length < 2 || parts.length > 3) {
                return null;
            }
            long total = 0;
            for (String p : parts) {
                long v = parseLong(p, 0, p.length());
                if (v < 0) {
                    return null;
                }
                total = total * 60 + v;
            }
            if (parts.length == 2) {
                total *= 60; // h:m
            }
            return Duration.ofDays(days).plusSeconds(total);
        }
        // 0h52m / 1m30s / 45s / 2d3h
        long seconds = 0;
        long num = -1;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                num = (num < 0 ? 0 : num) * 10 + (c - '0');
                if (num > 1_000_000_000L) {
                    return null;
                }
            } else {
                if (num < 0) {
                    return null;
                }
                switch (c) {
                    case 'd': seconds += num * 86400; break;
                    case 'h': seconds += num * 3600; break;
                    case 'm': seconds += num * 60; break;
                    case 's': seconds += num; break;
                    default: return null;
                }
                num = -1;
            }
        }
        if (num >= 0) {
            return null;
        }
        return Duration.ofDays(days).plusSeconds(seconds);
    }

    /** Parses a non-negative decimal; -1 when not one. */
    static long parseLong(CharSequence s, int from, int to) {
        if (from >= to || to - from > 18) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
