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

    @org.junit.jupiter.api.Test
    void decodeUtf8_refusesBinaryWithTheLineAndColumnOfTheFirstBadByte_showingNoText() {
        byte[] bytes = {'o', 'k', '\n', 'p', 'w', '=', 's', (byte) 0xff, 'c', '\n'};
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ParseException.decodeUtf8("f.bin", bytes))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.line()).isEqualTo(2);
                    org.assertj.core.api.Assertions.assertThat(e.column()).isEqualTo(5);
                    org.assertj.core.api.Assertions.assertThat(e.expected())
                            .isEqualTo("UTF-8 text (line 2: not UTF-8 text, byte 0xFF at column 5)");
                    org.assertj.core.api.Assertions.assertThat(e.getMessage()).startsWith("f.bin:2:5:").doesNotContain("pw=s");
                });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ParseException.decodeUtf8("g", new byte[] {'x', 0, 'y'}))
                .isInstanceOf(ParseException.class).hasMessageContaining("g:1:2:").hasMessageContaining("NUL");
        String text = "caf\u00e9 \u4e2d \ud83d\ude00\nline 2\n";
        org.assertj.core.api.Assertions.assertThat(ParseException.decodeUtf8("h", text.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo(text);
    }

    @org.junit.jupiter.api.Test
    void decodeUtf8_sequenceCutByTheEndOfInput_andEncodedSurrogate_areNotUtf8() {
        byte[] cut = {'a', 'b', '\n', 'x', (byte) 0xc3};
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ParseException.decodeUtf8("cut.txt", cut))
                .isInstanceOfSatisfying(ParseException.class, e -> org.assertj.core.api.Assertions.assertThat(e.expected())
                        .isEqualTo("UTF-8 text (line 2: not UTF-8 text, byte 0xC3 at column 2)"));
        byte[] cesu = {'{', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '}'};   // U+D800 encoded: not UTF-8
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ParseException.decodeUtf8("cesu.txt", cesu))
                .isInstanceOfSatisfying(ParseException.class, e -> org.assertj.core.api.Assertions.assertThat(e.column()).isEqualTo(2));
    }
}
