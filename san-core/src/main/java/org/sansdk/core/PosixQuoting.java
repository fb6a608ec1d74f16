package org.sansdk.core;

import java.util.List;

/**
 * The one function that turns an argv into a POSIX shell command line. Used to print commands and by
 * {@link SshExecutor}, where the remote shell reads the line back into exactly the same argv (a
 * property test evaluates random argv through a real {@code /bin/sh}).
 *
 * <pre>{@code String line = PosixQuoting.join(List.of("zfs", "create", "pool/it's")); // zfs create 'pool/it'\''s'}</pre>
 */
public final class PosixQuoting {
    private PosixQuoting() {
    }

    /**
     * Quotes one word for a POSIX shell. Words made only of characters no shell treats specially are
     * left bare; everything else is put in single quotes, with each {@code '} written as {@code '\''}.
     * The empty word becomes {@code ''}. NUL cannot be passed through argv and is refused.
     */
    public static String quote(String word) {
        return quote(word, false);
    }

    private static String quote(String word, boolean commandPosition) {
        if (word.isEmpty()) {
            return "''";
        }
        if (word.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an argument cannot contain NUL");
        }
        // in command position NAME=value would be read as an assignment
        boolean safe = !(commandPosition && word.indexOf('=') >= 0);
        for (int i = 0; i < word.length() && safe; i++) {
            safe = isSafe(word.charAt(i));
        }
        if (safe) {
            return word;
        }
        StringBuilder sb = new StringBuilder(word.length() + 8).append('\'');
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '\'') {
                sb.append("'\\''");
            } else {
                sb.append(c);
            }
        }
        return sb.append('\'').toString();
    }

    private static boolean isSafe(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '/' || c == ':' || c == ',' || c == '+' || c == '@'
                || c == '%' || c == '=';
    }

    /** Quotes every word and joins them with single spaces. */
    public static String join(List<String> argv) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < argv.size(); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(quote(argv.get(i), i == 0));
        }
        return sb.toString();
    }
}
