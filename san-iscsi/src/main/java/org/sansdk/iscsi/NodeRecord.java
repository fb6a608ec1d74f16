package org.sansdk.iscsi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sansdk.core.Secret;

/**
 * An open-iscsi record ({@code iscsiadm -m node -o show}, {@code -m discoverydb -o show}, or the file under
 * {@code /etc/iscsi/nodes/…}): ordered {@code key = value} settings between {@code # BEGIN RECORD} and
 * {@code # END RECORD}. Password settings are {@link Secret}s; a password iscsiadm masked ({@code ********},
 * without {@code -S}) is {@link Value.Kind#MASKED} and cannot be written back.
 *
 * <pre>{@code NodeRecord r = NodeRecordParser.parse("-o show", text); r.value("node.startup");}</pre>
 *
 * @param version the record format version after {@code # BEGIN RECORD} ({@code 2.1.8})
 * @param entries the settings in order
 */
public record NodeRecord(String version, List<Entry> entries) {

    /** Copies the list and refuses a key given twice. */
    public NodeRecord {
        entries = List.copyOf(entries);
        Map<String, Entry> seen = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (seen.put(e.key(), e) != null) {
                throw new IllegalArgumentException("record key " + e.key() + " given twice");
            }
        }
    }

    /**
     * One setting.
     *
     * <pre>{@code new NodeRecord.Entry("node.startup", NodeRecord.Value.of("automatic"))}</pre>
     *
     * @param key   the setting name
     * @param value its value
     */
    public record Entry(String key, Value value) {
    }

    /**
     * A setting's value.
     *
     * <pre>{@code NodeRecord.Value.secret(Secret.of("…"))}</pre>
     *
     * @param kind   plain text, empty ({@code <empty>}), a secret, or masked by iscsiadm
     * @param text   the text (plain values; "" otherwise)
     * @param secret the secret (kind SECRET only)
     */
    public record Value(Kind kind, String text, Optional<Secret> secret) {
        /** The kinds of value. */
        public enum Kind {
            /** A plain value. */
            TEXT,
            /** {@code <empty>}: not set. */
            EMPTY,
            /** A password. */
            SECRET,
            /** {@code ********}: a password iscsiadm did not show. */
            MASKED
        }

        /** A plain value. */
        public static Value of(String text) {
            return text.isEmpty() ? new Value(Kind.EMPTY, "", Optional.empty()) : new Value(Kind.TEXT, text, Optional.empty());
        }

        /** A password. */
        public static Value secret(Secret secret) {
            return new Value(Kind.SECRET, "", Optional.of(secret));
        }

        @Override
        public String toString() {
            return switch (kind) {
                case TEXT -> text;
                case EMPTY -> "<empty>";
                case SECRET, MASKED -> Secret.MASK;
            };
        }
    }

    /** True for the settings open-iscsi treats as passwords (masked unless {@code -S}). */
    public static boolean isSecretKey(String key) {
        return key.endsWith(".password") || key.endsWith(".password_in");
    }

    /** The plain value of a key, if set: {@code r.value("node.session.timeo.replacement_timeout")}. */
    public Optional<String> value(String key) {
        return entries.stream().filter(e -> e.key().equals(key) && e.value().kind() == Value.Kind.TEXT)
                .map(e -> e.value().text()).findFirst();
    }

    /** The secret of a key, if shown: {@code r.secret("node.session.auth.password")}. */
    public Optional<Secret> secret(String key) {
        return entries.stream().filter(e -> e.key().equals(key)).map(e -> e.value().secret())
                .flatMap(Optional::stream).findFirst();
    }

    /** The keys in order. */
    public List<String> keys() {
        return entries.stream().map(Entry::key).toList();
    }

    /** A copy with {@code key} set (replaced in place, or appended). */
    public NodeRecord with(String key, Value value) {
        List<Entry> out = new ArrayList<>(entries);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).key().equals(key)) {
                out.set(i, new Entry(key, value));
                return new NodeRecord(version, out);
            }
        }
        out.add(new Entry(key, value));
        return new NodeRecord(version, out);
    }

    /**
     * The record as open-iscsi writes it to its database file (what {@code idbm_print} writes to a file:
     * no {@code <empty>} lines), secrets in clear: write it with mode 0600 only (see {@link NodeRecordFile}).
     *
     * @throws IllegalStateException when a password is masked (it cannot be written back)
     */
    public byte[] toFileBytes() {
        StringBuilder b = new StringBuilder("# BEGIN RECORD ").append(version).append('\n');
        for (Entry e : entries) {
            switch (e.value().kind()) {
                case TEXT -> b.append(e.key()).append(" = ").append(e.value().text()).append('\n');
                case SECRET -> b.append(e.key()).append(" = ").append(e.value().secret().orElseThrow().reveal()).append('\n');
                case MASKED -> throw new IllegalStateException(e.key() + " was masked by iscsiadm (read it with -S)");
                case EMPTY -> { }
            }
        }
        return b.append("# END RECORD\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The record with secrets as {@code ****}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("# BEGIN RECORD ").append(version).append('\n');
        entries.forEach(e -> b.append(e.key()).append(" = ").append(e.value()).append('\n'));
        return b.append("# END RECORD\n").toString();
    }
}
