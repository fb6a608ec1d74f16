package org.sansdk.zfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sansdk.core.ParseException;
import org.sansdk.core.testing.ParserContract;

/**
 * Every corpus file against the parser contract: whole captures parse complete, every cut at a line boundary
 * (and in the middle of the last line) is refused or marked incomplete unless it ends right after a pool's
 * errors part, captures the publisher cut before their end are marked incomplete, mangled ones warn or are
 * refused. Values are asserted by hand in ZpoolStatusCorpusValuesTest, ZpoolStatusCorpusHandTest and
 * ZpoolStatusParserTest (there are no generated summaries).
 */
class ZpoolStatusCorpusTest {

    /** Files SOURCES.md describes as mangled by their publisher: the only ones allowed warnings. */
    private static final Set<String> MANGLED = Set.of(
            "jc-spares.txt",                                    // scan line cut to '<snip>'
            "ozdocs-draid-rebalance-replacing-in-spare.txt");  // last spares line mis-indented in the docs

    /** Captures the publisher ended before zpool's end marker (no errors: line): marked incomplete. */
    private static final Set<String> CUT_BY_PUBLISHER = Set.of(
            "ozdocs-draid-online-dspare-avail.txt",
            "ozdocs-draid-rebalance-replacing-in-spare.txt",
            "ozdocs-draid-sequential-rebuild-spare-6.txt",
            "ozdocs-msg-K4-logs-faulted-bad-intent-log.txt",
            "zse-01-corrupted.txt");

    /** Not one zpool status capture: refused as a whole, with the line that shows it. */
    private static final Map<String, Integer> REFUSED = Map.of(
            "ozdocs-msg-72-faulted-recovery-id.txt", 2,        // "id:" line: zpool import output
            "ozdocs-msg-ER-errata1-misaligned.txt", 22);       // a second command's "all pools are healthy"

    static Stream<String> corpusFiles() {
        return Corpus.names("zpool-status", ".txt").stream();
    }

    static Stream<String> wholeCaptures() {
        return corpusFiles().filter(n -> !CUT_BY_PUBLISHER.contains(n) && !REFUSED.containsKey(n));
    }

    @Test
    void corpus_hasAll48Files() {
        assertThat(Corpus.names("zpool-status", ".txt")).hasSize(48);
    }

    @ParameterizedTest
    @MethodSource("wholeCaptures")
    void linePrefixes_ofWholeCapture_areRefusedOrIncompleteUnlessTheyEndAfterAnErrorsPart(String name) {
        String text = Corpus.status(name);
        String[] lines = text.split("\n", -1);
        ParserContract.linePrefixes(name, text, t -> ZpoolStatusParser.parse(name, t),
                r -> !r.complete(), k -> endsAfterErrorsPart(lines, k));
    }

    /**
     * True when the first k lines end (ignoring trailing blank lines) with an errors: line or an entry of
     * the list that follows one: a complete capture of fewer pools or fewer permanent-error entries, which
     * zpool itself could have printed.
     */
    static boolean endsAfterErrorsPart(String[] lines, int k) {
        int last = k - 1;
        while (last >= 0 && lines[last].isBlank()) {
            last--;
        }
        // walk back over the entries of an error list to the line that starts the errors part
        for (int j = last; j >= 0; j--) {
            if (lines[j].isBlank()) {
                continue;
            }
            if (lines[j].strip().startsWith("errors:")) {
                return true;
            }
            if (HEADER.matcher(lines[j]).find() || lines[j].strip().startsWith("NAME")
                    || STATE_ROW.matcher(lines[j]).find()) {
                return false;
            }
        }
        return false;
    }

    /** A "key:" header line of a pool block. */
    private static final java.util.regex.Pattern HEADER = java.util.regex.Pattern.compile("^ {0,6}[a-z]+:( |$)");
    /** A vdev row (a state word after the name). */
    private static final java.util.regex.Pattern STATE_ROW = java.util.regex.Pattern.compile(
            "\\s(ONLINE|DEGRADED|FAULTED|OFFLINE|UNAVAIL|REMOVED|AVAIL|INUSE)(\\s|$)");

    static Stream<String> zfsFuseStatusCaptures() {
        return Corpus.names("zfs-fuse", ".txt").stream().filter(n -> !n.startsWith("import-listing"));
    }

    @ParameterizedTest
    @MethodSource("zfsFuseStatusCaptures")
    void linePrefixes_ofRealZfsFuseStatus_areRefusedOrIncompleteUnlessTheyEndAfterAnErrorsPart(String name) {
        String text = Corpus.read("zfs-fuse", name);
        String[] lines = text.split("\n", -1);
        ParserContract.linePrefixes(name, text, t -> ZpoolStatusParser.parse(name, t),
                r -> !r.complete(), k -> endsAfterErrorsPart(lines, k));
    }

    @ParameterizedTest
    @MethodSource("wholeCaptures")
    void wholeCapture_isCompleteAndDeterministic(String name) {
        ZpoolStatusReport r = Corpus.parse(name);
        assertThat(r.complete()).as(name).isTrue();
        ParserContract.deterministic(Corpus.status(name), t -> ZpoolStatusParser.parse(name, t),
                x -> ZpoolStatusJson.toJson(x).toString());
    }

    @ParameterizedTest
    @MethodSource("corpusFiles")
    void publisherCutCapture_isMarkedIncompleteAtEveryPrefix(String name) {
        if (!CUT_BY_PUBLISHER.contains(name)) {
            return;
        }
        String text = Corpus.status(name);
        ZpoolStatusReport whole = Corpus.parse(name);
        assertThat(whole.complete()).isFalse();
        assertThat(whole.pools().get(0).incomplete().orElseThrow()).contains("no 'errors:' line");
        int nl = -1;
        while ((nl = text.indexOf('\n', nl + 1)) >= 0) {
            String prefix = text.substring(0, nl + 1);
            try {
                assertThat(ZpoolStatusParser.parse(name, prefix).complete()).as(name + " cut at " + nl).isFalse();
            } catch (ParseException e) {
                assertThat(e.line()).isPositive();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("corpusFiles")
    void refusedCapture_namesTheLine(String name) {
        if (!REFUSED.containsKey(name)) {
            return;
        }
        assertThatThrownBy(() -> Corpus.parse(name)).isInstanceOfSatisfying(ParseException.class,
                e -> assertThat(e.line()).isEqualTo(REFUSED.get(name)));
    }

    @ParameterizedTest
    @MethodSource("corpusFiles")
    void parse_corpusFile_warnsOnlyWhereThePublisherMangledTheOutput(String name) {
        if (REFUSED.containsKey(name)) {
            return;
        }
        ZpoolStatusReport report = Corpus.parse(name);
        if (MANGLED.contains(name)) {
            assertThat(report.warnings()).isNotEmpty();
            assertThat(report.warnings()).allSatisfy(w -> {
                assertThat(w.source()).isEqualTo(name);
                assertThat(w.line()).isPositive();
            });
        } else {
            assertThat(report.warnings()).isEmpty();
        }
    }

    @Test
    void parse_allCorpusFiles_giveFiftyTwoPoolsInTotal() {
        long pools = corpusFiles().filter(n -> !REFUSED.containsKey(n))
                .mapToLong(n -> Corpus.parse(n).pools().size()).sum();
        // 46 parsed files: 40 with one pool, zse-05/pr8419/truenas two, himm/jc-v three, 1957 none
        assertThat(pools).isEqualTo(40 + 3 * 2 + 2 * 3);
    }
}
