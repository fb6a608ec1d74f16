package org.sansdk.pacemaker.cib;

/**
 * Pacemaker interval/timeout strings to milliseconds ({@code 10s}, {@code 2min}, {@code 500ms}, {@code 1h}, {@code PT5M}, {@code 30}).
 * Usage: {@code Durations.toMillis("2min")}.
 */
final class Durations {
    private Durations() {
    }

    /** Converts; null/empty is 0; unknown formats give -1. Usage: {@code Durations.toMillis("10s") == 10000}. */
    static long toMillis(String s) {
        if (s == null || s.isBlank()) {
            return 0;
        }
        String t = s.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("pt") || t.startsWith("p")) {
            try {
                return java.time.Duration.parse(t.toUpperCase(java.util.Locale.ROOT)).toMillis();
            } catch (RuntimeException e) {
                return -1;
            }
        }
        int i = 0;
        while (i < t.length() && (Character.isDigit(t.charAt(i)))) {
            i++;
        }
        if (i == 0 || i > 15) {
            return -1;
        }
        long n = Long.parseLong(t.substring(0, i));
        String unit = t.substring(i).trim();
        switch (unit) {
            case "":
            case "s":
            case "sec":
                return n * 1000;
            case "ms":
            case "msec":
                return n;
            case "us":
            case "usec":
                return n / 1000;
            case "m":
            case "min":
                return n * 60_000;
            case "h":
            case "hr":
                return n * 3_600_000;
            default:
                return -1;
        }
    }
}
