package org.sansdk.benchmarks.zfs;

/**
 * Generates a {@code zpool status -P} of the design at scale: 500 cross-node mirrors whose 1,000 leaves are
 * by-path iSCSI LUN names, laid out exactly as zpool prints them (tab, name column padded to the widest
 * name, counters right-aligned in 5-wide columns), with a resilver in progress.
 */
public final class ZpoolStatusFixtures {
    private ZpoolStatusFixtures() {
    }

    /**
     * Builds the text.
     *
     * <p>{@code String s = ZpoolStatusFixtures.crossNodeMirrors(500);}
     *
     * @param mirrors number of mirrors
     * @return the status text
     */
    public static String crossNodeMirrors(int mirrors) {
        String[] names = new String[mirrors * 2];
        for (int m = 0; m < mirrors; m++) {
            names[2 * m] = String.format("/dev/disk/by-path/ip-10.10.10.1:3260-iscsi-iqn.2024-01.lan.san:storage-a-lun-%d", m);
            names[2 * m + 1] = String.format("/dev/disk/by-path/ip-10.10.10.2:3260-iscsi-iqn.2024-01.lan.san:storage-b-lun-%d", m);
        }
        int width = "san-pool".length();
        for (String n : names) {
            width = Math.max(width, n.length() + 4);
        }
        StringBuilder sb = new StringBuilder(mirrors * 320);
        sb.append("  pool: san-pool\n state: DEGRADED\n");
        sb.append("status: One or more devices is currently being resilvered.  The pool will\n");
        sb.append("\tcontinue to function, possibly in a degraded state.\n");
        sb.append("action: Wait for the resilver to complete.\n");
        sb.append("  scan: resilver in progress since Wed Nov 25 07:00:00 2026\n");
        sb.append("\t4.23T / 20.2T scanned at 1.33G/s, 1.90T / 20.2T issued at 612M/s\n");
        sb.append("\t1.57T resilvered, 9.42% done, 08:41:54 to go\nconfig:\n\n");
        row(sb, width, "", "NAME", "STATE", "READ", "WRITE", "CKSUM", null);
        row(sb, width, "", "san-pool", "DEGRADED", "0", "0", "0", null);
        for (int m = 0; m < mirrors; m++) {
            boolean degraded = m % 50 == 7;
            row(sb, width, "  ", "mirror-" + m, degraded ? "DEGRADED" : "ONLINE", "0", "0", "0", null);
            row(sb, width, "    ", names[2 * m], "ONLINE", "0", "0", m % 97 == 3 ? "1.57K" : "0", null);
            row(sb, width, "    ", names[2 * m + 1], degraded ? "ONLINE" : "ONLINE", "0", "0", "0",
                    degraded ? "(resilvering)" : null);
        }
        sb.append("\nerrors: No known data errors\n");
        return sb.toString();
    }

    private static void row(StringBuilder sb, int width, String indent, String name, String state, String r,
                            String w, String c, String note) {
        sb.append('\t').append(indent).append(name);
        for (int k = indent.length() + name.length(); k < width; k++) {
            sb.append(' ');
        }
        sb.append("  ").append(state);
        for (int k = state.length(); k < 8; k++) {
            sb.append(' ');
        }
        pad(sb, r);
        pad(sb, w);
        pad(sb, c);
        if (note != null) {
            sb.append("  ").append(note);
        }
        sb.append('\n');
    }

    private static void pad(StringBuilder sb, String v) {
        sb.append(' ');
        for (int k = v.length(); k < 5; k++) {
            sb.append(' ');
        }
        sb.append(v);
    }
}
