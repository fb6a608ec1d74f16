package org.sansdk.core.testing;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import org.opentest4j.AssertionFailedError;
import org.sansdk.core.ParseException;

/**
 * The parser contract every san-sdk parser is held to, as reusable checks: empty input refused, a capture
 * cut before the tool's own end refused or marked incomplete (never a silent answer with fewer objects),
 * the whole capture never flagged incomplete, same input → same bytes out. Each parse is bounded by
 * {@link #BOUND}, so a hang fails instead of stalling the build.
 *
 * <pre>{@code
 * ParserContract.emptyRefused(t -> ZpoolStatusParser.parse("t", t));
 * ParserContract.linePrefixes("zse-01.txt", text, t -> ZpoolStatusParser.parse("t", t),
 *         PoolStatusReport::incomplete, k -> false);
 * }</pre>
 */
public final class ParserContract {
    /** The time bound of one parse. */
    public static final Duration BOUND = Duration.ofSeconds(10);

    private ParserContract() {
    }

    /**
     * {@code parse("")}, {@code parse("\n")} and {@code parse(" \n\t\n")} each throw {@link ParseException}
     * located at line 1 or later.
     */
    public static void emptyRefused(Function<String, ?> parse) {
        for (String empty : List.of("", "\n", " \n\t\n")) {
            Object result;
            try {
                result = bounded(parse, empty);
            } catch (ParseException e) {
                if (e.line() < 1) {
                    throw new AssertionFailedError("empty input " + show(empty) + " refused at line " + e.line()
                            + " (lines count from 1): " + e.getMessage());
                }
                continue;
            }
            throw new AssertionFailedError("empty input " + show(empty) + " was accepted as " + result);
        }
    }

    /**
     * Every cut of {@code text} before its end is refused ({@link ParseException}) or parsed into a result that
     * {@code markedIncomplete} accepts, unless {@code completeAfter.test(k)} says that the first {@code k} lines
     * are themselves a complete capture. The cuts are after each of the first {@code k} lines (k = 0 … n-1,
     * where non-blank text follows) and in the middle of the last non-blank line. The whole text must parse
     * and must not be marked incomplete.
     *
     * @param completeAfter true for a line count whose prefix is a complete capture of its own
     */
    public static <T> void linePrefixes(String source, String text, Function<String, T> parse,
                                        Predicate<T> markedIncomplete, IntPredicate completeAfter) {
        Objects.requireNonNull(text, "text");
        T whole;
        try {
            whole = bounded(parse, text);
        } catch (ParseException e) {
            throw new AssertionFailedError(source + ": the whole capture is refused: " + e.getMessage(), e);
        }
        if (markedIncomplete.test(whole)) {
            throw new AssertionFailedError(source + ": the whole capture is flagged incomplete");
        }
        List<Integer> lineEnds = new ArrayList<>();   // index just past each '\n'
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            lineEnds.add(i + 1);
        }
        List<String> failures = new ArrayList<>();
        for (int k = 0; k <= lineEnds.size(); k++) {
            int cut = k == 0 ? 0 : lineEnds.get(k - 1);
            if (cut >= text.length() || text.substring(cut).isBlank() || completeAfter.test(k)) {
                continue;
            }
            check(source, "after " + k + " lines", text.substring(0, cut), parse, markedIncomplete, failures);
        }
        // a cut inside the last non-blank line (a capture that stopped mid-write)
        String trimmed = text.stripTrailing();
        int lastStart = trimmed.lastIndexOf('\n') + 1;
        if (trimmed.length() - lastStart >= 2) {
            int mid = lastStart + (trimmed.length() - lastStart) / 2;
            check(source, "in the middle of its last line", text.substring(0, mid), parse, markedIncomplete, failures);
        }
        if (!failures.isEmpty()) {
            throw new AssertionFailedError(source + ": " + failures.size() + " cut(s) parsed as complete:\n  "
                    + String.join("\n  ", failures.subList(0, Math.min(10, failures.size()))));
        }
    }

    private static <T> void check(String source, String where, String prefix, Function<String, T> parse,
                                  Predicate<T> markedIncomplete, List<String> failures) {
        T result;
        try {
            result = bounded(parse, prefix);
        } catch (ParseException refused) {
            if (refused.line() < 1) {
                failures.add("cut " + where + " refused without a line (line " + refused.line() + "): " + refused.getMessage());
            }
            return;
        } catch (RuntimeException other) {
            failures.add("cut " + where + " threw " + other + " instead of a ParseException");
            return;
        }
        if (!markedIncomplete.test(result)) {
            failures.add("cut " + where + " of " + source);
        }
    }

    /** Parses {@code text} twice and renders both results: the two renderings must be identical. */
    public static <T> void deterministic(String text, Function<String, T> parse, Function<T, String> render) {
        String first = render.apply(bounded(parse, text));
        String second = render.apply(bounded(parse, text));
        if (!first.equals(second)) {
            throw new AssertionFailedError("the same input rendered differently on two parses", first, second);
        }
    }

    private static <T> T bounded(Function<String, T> parse, String text) {
        return assertTimeoutPreemptively(BOUND, () -> parse.apply(text),
                () -> "parse did not finish within " + BOUND.toSeconds() + " s on " + show(text));
    }

    private static String show(String text) {
        String s = text.length() > 60 ? text.substring(0, 60) + "…(" + text.length() + " chars)" : text;
        return "\"" + s.replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }
}
