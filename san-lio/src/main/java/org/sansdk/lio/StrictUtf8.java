package org.sansdk.lio;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import org.sansdk.core.ParseException;

/**
 * Strict UTF-8 decoding for every place this module reads bytes (a file, stdin, a decrypted env file): a byte
 * sequence that is not UTF-8 is a {@link ParseException} on the line of the first bad byte ("line N: not UTF-8
 * text"), never a silent U+FFFD that would then be parsed, compared or written back as if it were the text.
 *
 * <pre>{@code String text = StrictUtf8.decode("saveconfig.json", Files.readAllBytes(p));}</pre>
 */
public final class StrictUtf8 {

    private StrictUtf8() {
    }

    /** Decodes {@code bytes}; a bad byte gives a located ParseException showing the line up to it. {@code StrictUtf8.decode(src, bytes)} */
    public static String decode(String source, byte[] bytes) {
        return decode(source, bytes, (lenient, line) -> ParseException.lineOf(lenient, line));
    }

    /**
     * Decodes {@code bytes}; on a bad byte, {@code shown} gets the leniently decoded text (bad bytes as U+FFFD) and the
     * 1-based line and returns what the exception may show of that line (mask secrets there).
     * {@code StrictUtf8.decode(src, bytes, (text, line) -> "(not shown)")}
     */
    public static String decode(String source, byte[] bytes, BiFunction<String, Integer, String> shown) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return d.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstBadByte(bytes);
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            String before = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8);
            int column = before.codePointCount(0, before.length()) + 1;
            String lenient = new String(bytes, StandardCharsets.UTF_8);
            throw new ParseException(source, line, column, shown.apply(lenient, line),
                    String.format("UTF-8 text (line %d: not UTF-8 text, byte 0x%02X at column %d)", line,
                            bytes[bad] & 0xff, column));
        }
    }

    /** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
    private static int firstBadByte(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(Math.max(16, bytes.length));
        // the whole input fits in out, so decode stops only at the first malformed sequence; its first byte
        // is where the input position stands (a sequence cut short by the end of input counts as malformed too)
        d.decode(in, out, true);
        return Math.min(in.position(), Math.max(0, bytes.length - 1));
    }
}
