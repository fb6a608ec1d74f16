package org.sansdk.lio.sync;

import java.util.ArrayList;
import java.util.List;
import org.sansdk.core.Command;
import org.sansdk.core.ParseException;
import org.sansdk.core.Size;

/**
 * Parses {@code zfs list -Hp -t volume -o name,volsize}: one {@code name<TAB>bytes} line per zvol. Anything
 * else (a header, human sizes from a missing {@code -p}, a missing column) is a located
 * {@link ParseException}.
 *
 * <pre>{@code List<Zvol> zvols = ZvolListParser.parse("zfs list", result.stdout());}</pre>
 */
public final class ZvolListParser {
    private ZvolListParser() {
    }

    /**
     * The listing this parser reads, for the zvols directly under {@code dataset} (what the sync exports).
     * {@code executor.runChecked(ZvolListParser.listCommand("san-pool/iscsi/hypervisor")).stdout()}
     */
    public static Command listCommand(String dataset) {
        return Command.of("zfs", "list", "-Hp", "-t", "volume", "-o", "name,volsize", "-d", "1", dataset);
    }

    /** Parses the whole output; blank lines are skipped. {@code ZvolListParser.parse("zvols.txt", text)} */
    public static List<Zvol> parse(String source, String text) {
        List<Zvol> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank()) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab <= 0 || line.indexOf('\t', tab + 1) >= 0) {
                throw new ParseException(source, i + 1, Math.max(tab, 0) + 1, line,
                        "two TAB-separated columns name and volsize (zfs list -Hp -o name,volsize)");
            }
            String name = line.substring(0, tab);
            String size = line.substring(tab + 1);
            if (!size.matches("\\d{1,19}")) {
                throw new ParseException(source, i + 1, tab + 2, line,
                        "volsize in bytes (use zfs list -p for exact numbers)");
            }
            long bytes;
            try {
                bytes = Long.parseLong(size);
            } catch (NumberFormatException e) {
                throw new ParseException(source, i + 1, tab + 2, line, "volsize within 64 bits", e);
            }
            // OpenZFS names: letters, digits, - _ . : and space (space is legal; -H separates columns with TABs)
            if (!name.contains("/") || name.startsWith("/") || name.endsWith("/") || name.contains("//")
                    || name.contains("@") || name.startsWith(" ") || name.endsWith(" ")
                    || name.chars().anyMatch(c -> c < ' ' || c == 0x7f)) {
                throw new ParseException(source, i + 1, 1, line, "a zvol name pool/.../volume");
            }
            out.add(new Zvol(name, Size.ofBytes(bytes)));
        }
        return out;
    }
}
