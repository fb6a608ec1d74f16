package org.sansdk.core.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.sansdk.core.ParseException;

/** The contract kit itself must be able to fail: each check is tried on a parser that breaks it. */
class ParserContractTest {
    /** A toy format: lines "item X", closed by a line "end". */
    record Items(List<String> items, boolean complete) {
    }

    static Items strict(String text) {
        if (text.isBlank()) {
            throw new ParseException("t", 1, 1, "", "an item line");
        }
        List<String> lines = text.lines().toList();
        if (!lines.get(lines.size() - 1).equals("end")) {
            throw new ParseException("t", lines.size(), 1, lines.get(lines.size() - 1), "the closing 'end' line");
        }
        return new Items(lines.subList(0, lines.size() - 1), true);
    }

    static Items lenient(String text) {
        return new Items(text.lines().filter(l -> l.startsWith("item")).toList(), true);
    }

    static Items marking(String text) {
        if (text.isBlank()) {
            throw new ParseException("t", 1, 1, "", "an item line");
        }
        return new Items(text.lines().filter(l -> l.startsWith("item")).toList(), text.stripTrailing().endsWith("\nend"));
    }

    private static final String TEXT = "item a\nitem b\nend\n";

    @Test
    void linePrefixes_passesAParserThatRefusesOrMarksCuts() {
        assertThatCode(() -> ParserContract.linePrefixes("t", TEXT, ParserContractTest::strict, i -> !i.complete(), k -> false))
                .doesNotThrowAnyException();
        assertThatCode(() -> ParserContract.linePrefixes("t", TEXT, ParserContractTest::marking, i -> !i.complete(), k -> false))
                .doesNotThrowAnyException();
    }

    @Test
    void linePrefixes_failsAParserThatAnswersACutSilently() {
        assertThatThrownBy(() -> ParserContract.linePrefixes("t", TEXT, ParserContractTest::lenient, i -> !i.complete(), k -> false))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("cut after 1 lines");
    }

    @Test
    void linePrefixes_failsWhenTheWholeCaptureIsFlaggedIncomplete() {
        assertThatThrownBy(() -> ParserContract.linePrefixes("t", TEXT, ParserContractTest::marking, i -> true, k -> false))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("whole capture is flagged incomplete");
    }

    @Test
    void emptyRefused_failsALenientParser() {
        assertThatCode(() -> ParserContract.emptyRefused(ParserContractTest::strict)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ParserContract.emptyRefused(ParserContractTest::lenient))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("was accepted");
    }

    @Test
    void deterministic_failsOnChangingOutput() {
        int[] calls = {0};
        assertThatThrownBy(() -> ParserContract.deterministic("x", t -> ++calls[0], String::valueOf))
                .isInstanceOf(AssertionFailedError.class);
        assertThatCode(() -> ParserContract.deterministic(TEXT, ParserContractTest::strict, Items::toString))
                .doesNotThrowAnyException();
    }
}
