package org.sansdk.lio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sansdk.core.ParseException;

class StrictUtf8Test {

    @Test
    void validUtf8_decodesToTheSameText() {
        String text = "caf\u00e9 \u4e2d \ud83d\ude00\nline 2\n";
        assertThat(StrictUtf8.decode("t", text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
    }

    @Test
    void sequenceCutByTheEndOfInput_isRefusedOnItsLineAndColumn() {
        // "ab\n" then the first byte of a two-byte sequence (0xC3) and nothing after it
        byte[] bytes = {'a', 'b', '\n', 'x', (byte) 0xc3};
        assertThatThrownBy(() -> StrictUtf8.decode("cut.txt", bytes)).isInstanceOfSatisfying(ParseException.class, e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo(2);
            assertThat(e.expected()).isEqualTo("UTF-8 text (line 2: not UTF-8 text, byte 0xC3 at column 2)");
        });
    }

    @Test
    void encodedSurrogate_isNotUtf8() {
        // CESU-8 style encoding of U+D800 (ED A0 80) is not UTF-8
        byte[] bytes = {'{', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '}'};
        assertThatThrownBy(() -> StrictUtf8.decode("cesu.txt", bytes)).isInstanceOfSatisfying(ParseException.class,
                e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).isEqualTo(2);
                });
    }
}
