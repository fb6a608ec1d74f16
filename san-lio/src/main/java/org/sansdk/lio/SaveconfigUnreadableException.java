package org.sansdk.lio;

import java.nio.file.Path;
import java.util.Objects;
import org.sansdk.core.SanException;

/**
 * A node's {@code saveconfig.json} could not be read: absent (no configuration saved yet, or the other
 * distribution's path) or unreadable (permissions, I/O). A file that was read but does not parse is a
 * {@link org.sansdk.core.ParseException} instead.
 *
 * <pre>{@code try { cfg = Lio.on(ssh).config(); } catch (SaveconfigUnreadableException e) { if (e.absent()) cfg = LioConfig.empty(); }}</pre>
 */
public class SaveconfigUnreadableException extends SanException {
    private static final long serialVersionUID = 1L;

    /** Why the file could not be read. */
    public enum Reason {
        /** The file does not exist. */
        ABSENT,
        /** The file exists (or may exist) but reading it failed. */
        UNREADABLE
    }

    private final transient Path path;
    private final Reason reason;

    /** An exception for {@code path}, with the reader's message (for example {@code cat}'s stderr). */
    public SaveconfigUnreadableException(Path path, Reason reason, String detail) {
        super("cannot read " + path + (reason == Reason.ABSENT ? ": no such file" : "") + (detail == null
                || detail.isBlank() ? "" : " (" + detail.strip() + ")"));
        this.path = Objects.requireNonNull(path, "path");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The file that was read. {@code e.path()} */
    public Path path() {
        return path;
    }

    /** Why it could not be read. {@code e.reason()} */
    public Reason reason() {
        return reason;
    }

    /** True when the file does not exist. {@code e.absent()} */
    public boolean absent() {
        return reason == Reason.ABSENT;
    }
}
