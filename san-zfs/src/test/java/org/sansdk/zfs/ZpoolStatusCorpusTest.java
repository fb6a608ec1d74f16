package org.sansdk.zfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus file parses; the whole parsed model of each file is compared with a reviewed summary in
 * src/test/resources/expected/zpool-status (regenerate with -Dzfs.golden.update=true, then review the diff).
 */
class ZpoolStatusCorpusTest {

    /** Files SOURCES.md describes as mangled by their publisher: the only ones allowed warnings. */
    private static final Set<String> MANGLED = Set.of(
            "jc-spares.txt",                                    // scan line cut to '<snip>'
            "ozdocs-draid-rebalance-replacing-in-spare.txt",   // last spares line mis-indented in the docs
            "ozdocs-msg-ER-errata1-misaligned.txt");           // docs page: misaligned, shell prompts after it

    static Stream<String> corpusFiles() {
        return Corpus.names("zpool-status", ".txt").stream();
    }

    @Test
    void corpus_hasAll48Files() {
        assertThat(Corpus.names("zpool-status", ".txt")).hasSize(48);
    }

    @ParameterizedTest
    @MethodSource("corpusFiles")
    void parse_corpusFile_matchesReviewedSummary(String name) throws IOException {
        ZpoolStatusReport report = Corpus.parse(name);
        String summary = StatusSummary.of(report);
        Path expected = Path.of("src/test/resources/expected/zpool-status", name);
        if (Boolean.getBoolean("zfs.golden.update")) {
            Files.writeString(expected, summary, StandardCharsets.UTF_8);
        }
        assertThat(summary).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("corpusFiles")
    void parse_corpusFile_warnsOnlyWhereThePublisherMangledTheOutput(String name) {
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
    void parse_allCorpusFiles_giveFiftyFourPoolsInTotal() {
        long pools = corpusFiles().mapToLong(n -> Corpus.parse(n).pools().size()).sum();
        // 48 files: 42 with one pool, zse-05/pr8419/truenas two, himm/jc-v three, 1957 none
        assertThat(pools).isEqualTo(42 + 3 * 2 + 2 * 3);
    }
}
