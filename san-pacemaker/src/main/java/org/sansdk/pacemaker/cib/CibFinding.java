package org.sansdk.pacemaker.cib;

import java.util.Objects;

/**
 * Something a {@link CibPatch} does that a careful operator reads before applying it: a deleted or re-created
 * resource, a group reordered or a member inserted before others (restarts), a recurring monitor deleted or made
 * slower. Typed by {@link Kind} and the resource it concerns, so callers filter without matching text;
 * {@link #describe()} is the line {@code sanctl pacemaker patch} prints after {@code # WARNING: }.
 *
 * <pre>{@code patch.findings().stream().filter(f -> f.kind() == CibFinding.Kind.DELETES_RESOURCE).map(CibFinding::resource).toList()}</pre>
 *
 * @param kind     what the patch does
 * @param resource the id of the resource it concerns (for {@link Kind#REORDERS_GROUP} the group, for
 *                 {@link Kind#INSERTS} the inserted member)
 * @param detail   the rest of the human line after {@code KIND-WORDS RESOURCE} (never a secret)
 */
public record CibFinding(Kind kind, String resource, String detail) {

    /** What a finding reports. Usage: {@code f.kind() == CibFinding.Kind.SLOWS_MONITOR}. */
    public enum Kind {
        /** The patch deletes a resource (Pacemaker stops it for good). */
        DELETES_RESOURCE("DELETES resource"),
        /** The resource's element kind or structure changes: it is deleted and created again (stopped and started). */
        RE_CREATES_RESOURCE("RE-CREATES resource"),
        /** A group's member order (its start order) changes. */
        REORDERS_GROUP("REORDERS group"),
        /** A new member goes into a group before existing ones (Pacemaker restarts the members after it). */
        INSERTS("INSERTS"),
        /** A recurring monitor the resource has live is deleted. */
        DELETES_MONITOR("DELETES monitor of"),
        /** A recurring monitor the resource has live runs less often. */
        SLOWS_MONITOR("SLOWS monitor of");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        /** The words that start the finding's line, e.g. {@code DELETES resource}. Usage: {@code kind.words()}. */
        public String words() {
            return words;
        }
    }

    /** Checks. Usage: {@code new CibFinding(CibFinding.Kind.DELETES_RESOURCE, "smb-server", ": Pacemaker stops it")}. */
    public CibFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(detail, "detail");
    }

    /** The line for humans, e.g. {@code DELETES resource smb-server: …}. Usage: {@code f.describe()}. */
    public String describe() {
        return kind.words() + " " + resource + detail;
    }

    /** Same as {@link #describe()}. Usage: {@code System.out.println(f)}. */
    @Override
    public String toString() {
        return describe();
    }
}
