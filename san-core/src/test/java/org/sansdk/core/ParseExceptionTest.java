package org.sansdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParseExceptionTest {
    @Test
    void message_namesSourceLineColumnExpectationAndEscapedLine() {
        ParseException e = new ParseException("status.txt", 7, 3, "\tmirror-0\tBOGUS", "a device state");
        assertThat(e.getMessage()).isEqualTo("status.txt:7:3: expected a device state; found: \"\\tmirror-0\\tBOGUS\"");
        assertThat(e.offendingLine()).isEqualTo("\tmirror-0\tBOGUS");
        assertThat(new ParseException(null, -1, 0, "x".repeat(300), "y").getMessage()).startsWith("<input>:0:0:").endsWith("...\"");
    }

    @Test
    void lineOf_returnsThatLineOrEmpty() {
        String text = "a\nbb\n\nccc";
        assertThat(ParseException.lineOf(text, 1)).isEqualTo("a");
        assertThat(ParseException.lineOf(text, 2)).isEqualTo("bb");
        assertThat(ParseException.lineOf(text, 3)).isEmpty();
        assertThat(ParseException.lineOf(text, 4)).isEqualTo("ccc");
        assertThat(ParseException.lineOf(text, 5)).isEmpty();
        assertThat(ParseException.lineOf(text, 0)).isEmpty();
        assertThat(ParseException.lineOf(null, 1)).isEmpty();
    }
}
