package org.sansdk.core;

/**
 * Levenshtein distance: how many single-character insertions, deletions and substitutions turn one string into
 * the other. The SDK uses it to suggest the name a typo meant (an unknown design key, a corosync key, a ZFS module
 * parameter, an unrecorded command). Usage: {@code EditDistance.of("vlna", "vlan")} is 2.
 */
public final class EditDistance {
    private EditDistance() {
    }

    /** The distance between {@code a} and {@code b} (O(|a|·|b|) time, O(|b|) memory). Usage: see type. */
    public static int of(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
