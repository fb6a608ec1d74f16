package org.sansdk.corosync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sansdk.core.ValidationException;

class CorosyncValidatorTest {

    static List<Finding> check(String text) {
        return CorosyncValidator.validate(CorosyncConfParser.parse("t.conf", text));
    }

    @Test
    void theDesignDocumentsTimingIsRefusedWithTheEffectiveTokenArithmetic() {
        String text = CorosyncConfWriter.render(CorosyncConfBuilder.referenceDesign().consensus(Duration.ofMillis(4800))
                .buildUnchecked());
        assertThat(check(text)).filteredOn(f -> f.rule() == CorosyncRule.CONSENSUS_TOO_LOW).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("4800").contains("4650").contains("5580"));
    }

    @Test
    void consensusAtExactly1Point2TimesTheEffectiveTokenPasses() {
        String text = CorosyncConfWriter.render(CorosyncConfBuilder.referenceDesign().consensus(Duration.ofMillis(5580))
                .buildUnchecked());
        assertThat(check(text)).extracting(Finding::rule).doesNotContain(CorosyncRule.CONSENSUS_TOO_LOW);
        String below = CorosyncConfWriter.render(CorosyncConfBuilder.referenceDesign().consensus(Duration.ofMillis(5579))
                .buildUnchecked());
        assertThat(check(below)).extracting(Finding::rule).contains(CorosyncRule.CONSENSUS_TOO_LOW);
    }

    @Test
    void unequalLinkCountsNameTheQuorumNodeFix() {
        CorosyncConf c = CorosyncConfBuilder.cluster("x").token(Duration.ofMillis(4000))
                .node("storage-a", 1, "10.20.20.1", "10.10.10.1").node("storage-b", 2, "10.20.20.2", "10.10.10.2")
                .node("quorum-1", 3, "10.20.20.3").buildUnchecked();
        List<Finding> f = CorosyncValidator.validate(c);
        assertThat(f).extracting(Finding::rule).containsExactly(CorosyncRule.LINK_COUNT_MISMATCH);
        assertThat(f.get(0).message()).contains("[quorum-1] ring[0]").contains("[storage-a, storage-b] ring[0, 1]");
        assertThat(CorosyncRule.LINK_COUNT_MISMATCH.fix()).contains("quorum node gets a second link").contains("storage VLAN");
        assertThatThrownBy(() -> CorosyncConfBuilder.cluster("x").node("a", 1, "10.0.0.1", "10.1.0.1").node("b", 2, "10.0.0.2")
                .build()).isInstanceOf(ValidationException.class).hasMessageContaining("COROSYNC-LINK-MISMATCH");
    }

    @Test
    void typoGetsASuggestionAndItsLine() {
        List<Finding> f = check("totem {\n    version: 2\n    consensuss: 6000\n}\nnodelist {\n    node {\n        name: a\n"
                + "        nodeid: 1\n        ring0_addr: 10.0.0.1\n    }\n}\n");
        assertThat(f).filteredOn(x -> x.rule() == CorosyncRule.UNKNOWN_KEY).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(3);
            assertThat(x.message()).contains("did you mean 'consensus'");
        });
    }

    @Test
    void expectedVotesCountsQuorumVotesAndTheQdevice() {
        String base = "totem {\n    version: 2\n    cluster_name: c\n    token: 4000\n}\nnodelist {\n"
                + "    node {\n        name: a\n        nodeid: 1\n        ring0_addr: 10.0.0.1\n        quorum_votes: 2\n    }\n"
                + "    node {\n        name: b\n        nodeid: 2\n        ring0_addr: 10.0.0.2\n    }\n}\n";
        assertThat(check(base + "quorum {\n    provider: corosync_votequorum\n    expected_votes: 3\n}\n"))
                .extracting(Finding::rule).doesNotContain(CorosyncRule.EXPECTED_VOTES);
        assertThat(check(base + "quorum {\n    provider: corosync_votequorum\n    expected_votes: 2\n}\n"))
                .extracting(Finding::rule).contains(CorosyncRule.EXPECTED_VOTES);
        assertThat(check(base + "quorum {\n    provider: corosync_votequorum\n    expected_votes: 4\n    device {\n"
                + "        model: net\n        votes: 1\n        net {\n            host: q\n            algorithm: ffsplit\n"
                + "        }\n    }\n}\n")).extracting(Finding::rule).doesNotContain(CorosyncRule.EXPECTED_VOTES, CorosyncRule.QDEVICE);
    }

    @Test
    void theReferenceDesignHasOnlyTheNodeNamedQuorumWarning() {
        CorosyncConf c = CorosyncConfBuilder.referenceDesign().build();
        assertThat(CorosyncValidator.validate(c)).extracting(Finding::rule).containsExactly(CorosyncRule.NODE_NAMED_QUORUM);
        assertThat(c.timing().failureDetection()).isEqualTo(Duration.ofMillis(4650 + 5580));
    }

    @Test
    void qdeviceAlternativeRendersAndValidates() {
        CorosyncConf c = CorosyncConfBuilder.cluster("san-cluster").token(Duration.ofMillis(4000))
                .node("storage-a", 1, "10.20.20.1", "10.10.10.1").node("storage-b", 2, "10.20.20.2", "10.10.10.2")
                .qdevice("10.20.20.3", QdeviceAlgorithm.FFSPLIT).build();
        String text = CorosyncConfWriter.render(c);
        assertThat(text).contains("    device {\n        model: net\n        votes: 1\n        net {\n"
                + "            host: 10.20.20.3\n            algorithm: ffsplit\n        }\n    }\n").doesNotContain("two_node");
        assertThat(CorosyncValidator.validate(CorosyncConfParser.parse("q", text))).isEmpty();
        assertThat(CorosyncRule.QDEVICE.reason()).contains("Trade-off");
    }

    @Test
    void everyRuleHasIdReasonAndFix() {
        for (CorosyncRule r : CorosyncRule.values()) {
            assertThat(r.id()).startsWith("COROSYNC-");
            assertThat(r.reason()).isNotBlank();
            assertThat(r.fix()).isNotBlank();
        }
        assertThat(List.of(CorosyncRule.values())).extracting(CorosyncRule::id).doesNotHaveDuplicates();
    }
}
