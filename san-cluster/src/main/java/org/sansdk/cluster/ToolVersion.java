package org.sansdk.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A program's version as it printed it ({@code text}) and its leading numeric components, compared
 * numerically ({@code 2.10} is after {@code 2.9}). Usage: {@code ToolVersion.parse("2.1.11-1").atLeast(2, 3)}.
 *
 * @param text    the version as printed, e.g. {@code 2.1.11-1} or {@code 0.11.5}
 * @param numbers the leading dot-separated numbers, e.g. {@code [2, 1, 11]}
 */
public record ToolVersion(String text, List<Integer> numbers) implements Comparable<ToolVersion> {
    /** Copies; at least one number. Usage: see {@link #parse(String)}. */
    public ToolVersion {
        Objects.requireNonNull(text, "text");
        numbers = List.copyOf(numbers);
        if (numbers.isEmpty()) {
            throw new IllegalArgumentException("a version needs at least one number: " + text);
        }
    }

    /**
     * Reads the leading {@code N(.N)*} of a version string; what follows (a Debian revision, {@code fb49},
     * {@code -rc1}) stays in {@link #text()} only.
     *
     * @throws IllegalArgumentException when the text does not start with a number
     */
    public static ToolVersion parse(String text) {
        List<Integer> out = new ArrayList<>();
        int i = 0;
        while (i < text.length() && out.size() < 4) {
            int start = i;
            while (i < text.length() && Character.isDigit(text.charAt(i)) && i - start < 9) {
                i++;
            }
            if (i == start) {
                break;
            }
            out.add(Integer.parseInt(text.substring(start, i)));
            if (i < text.length() && text.charAt(i) == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("not a version (no leading number): '" + text + "'");
        }
        return new ToolVersion(text, out);
    }

    /** Whether this version is at least {@code major.minor…}. Usage: {@code v.atLeast(2, 3)}. */
    public boolean atLeast(int... wanted) {
        List<Integer> w = new ArrayList<>();
        for (int n : wanted) {
            w.add(n);
        }
        return compare(numbers, w) >= 0;
    }

    /** Numeric order of the leading numbers (missing components count as 0). */
    @Override
    public int compareTo(ToolVersion o) {
        return compare(numbers, o.numbers);
    }

    private static int compare(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int x = i < a.size() ? a.get(i) : 0;
            int y = i < b.size() ? b.get(i) : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }

    /** The version as printed. */
    @Override
    public String toString() {
        return text;
    }
}
