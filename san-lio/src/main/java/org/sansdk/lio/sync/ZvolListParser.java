package org.sansdk.lio.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sansdk.core.Command;
import org.sansdk.core.ParseException;
import org.sansdk.core.Size;

/**
 * Parses {@code zfs list -Hp -t volume -o name,volsize}: one {@code name<TAB>bytes} line per zvol. Anything
 * else (a header, human sizes from a missing {@code -p}, a missing column, a zvol twice, empty output, a cut last
 * line) is a located {@link ParseException}.
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

    /**
     * Parses the whole output. Empty output is refused: {@code zfs list -d 1} prints nothing both when the dataset
     * has no zvols and when the caller listed the wrong thing, so a caller for whom "no zvols" is a possible answer
     * says so with {@link #parseAllowingNone}. Also refused: a zvol listed twice (naming the first line), a last
     * line without its newline (zfs ends every line with one: the capture was cut, maybe inside the size).
     * Blank lines are skipped. {@code ZvolListParser.parse("zvols.txt", text)}
     */
    public static List<Zvol> parse(String source, String text) {
        if (text == null || text.isBlank()) {
            throw new ParseException(source, 1, 1, "", "one name<TAB>volsize line per zvol (zfs list -Hp -o"
                    + " name,volsize); the output is empty (use parseAllowingNone when no zvols is a valid answer)");
        }
        return parseLines(source, text);
    }

    /**
     * Like {@link #parse(String, String)}, but empty or blank output means "no zvols" (an empty list).
     * {@code ZvolListParser.parseAllowingNone("zfs list", stdout)}
     */
    public static List<Zvol> parseAllowingNone(String source, String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return parseLines(source, text);
    }

    /** Refuses another kind of listing before reading it, naming what it looks like. */
    private static void checkKind(String source, String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.isEmpty()) {
                continue;
            }
            String looks = l.matches("NAME\\s.*") ? "zfs list output without -H (it starts with a header line)"
                    : l.startsWith("{") ? "JSON (zfs list -j?), not zfs list -Hp text"
                    : l.startsWith("pool:") ? "zpool status text" : null;
            if (looks != null) {
                throw new ParseException(source, i + 1, 1, lines[i], "name<TAB>volsize lines (zfs list -Hp -t volume -o"
                        + " name,volsize); this looks like " + looks);
            }
            return;
        }
    }

    /** {@link #parse(String, String)} of bytes decoded strictly as UTF-8. {@code ZvolListParser.parse(src, bytes)} */
    public static List<Zvol> parse(String source, byte[] bytes) {
        return parse(source, ParseException.decodeUtf8(source, bytes));
    }

    private static List<Zvol> parseLines(String source, String text) {
        checkKind(source, text);
        List<Zvol> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank()) {
                continue;
            }
            if (i == lines.length - 1) {
                throw new ParseException(source, i + 1, line.length() + 1, line,
                        "a newline ending the last line (zfs list ends every line with one: the output was cut)");
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 2) {
                // like san-zfs's ZfsListParser: the count found, and the column where the extra field starts (or the
                // end of the line when one is missing)
                int col = fields.length > 2 ? fields[0].length() + fields[1].length() + 3 : line.length() + 1;
                throw new ParseException(source, i + 1, col, line, "2 TAB-separated fields (name,volsize; zfs list -Hp"
                        + " -o name,volsize), found " + fields.length);
            }
            int tab = fields[0].length();
            if (tab == 0) {
                throw new ParseException(source, i + 1, 1, line, "a zvol name pool/.../volume before the TAB");
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
            Integer first = seen.putIfAbsent(name, i + 1);
            if (first != null) {
                throw new ParseException(source, i + 1, 1, line,
                        "each zvol once (" + name + " is already listed at line " + first + ")");
            }
            out.add(new Zvol(name, Size.ofBytes(bytes)));
        }
        return out;
    }
}
