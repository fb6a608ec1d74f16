package org.sansdk.iscsi;

import java.util.List;

/**
 * What {@code iscsiadm -m session} printed: sessions, or the typed answer "No active sessions" (which
 * iscsiadm gives with exit code 21). An empty capture is never a {@code SessionList}: it is refused.
 *
 * <pre>{@code SessionList l = SessionListParser.parse("iscsiadm -m session", text); l.noActiveSessions();}</pre>
 *
 * @param status   whether sessions were listed or iscsiadm said there are none
 * @param sessions the sessions, in printed order (empty exactly when {@code status} is NO_ACTIVE_SESSIONS)
 */
public record SessionList(Status status, List<SessionEntry> sessions) {
    /** What the capture said. */
    public enum Status {
        /** One line per session. */
        SESSIONS,
        /** {@code iscsiadm: No active sessions.} */
        NO_ACTIVE_SESSIONS
    }

    /** Copies the list. */
    public SessionList {
        sessions = List.copyOf(sessions);
        if ((status == Status.NO_ACTIVE_SESSIONS) != sessions.isEmpty()) {
            throw new IllegalArgumentException("status " + status + " with " + sessions.size() + " sessions");
        }
    }

    /** The typed "no active sessions" answer: {@code SessionList.none()}. */
    public static SessionList none() {
        return new SessionList(Status.NO_ACTIVE_SESSIONS, List.of());
    }

    /** True when iscsiadm said there are no sessions. */
    public boolean noActiveSessions() {
        return status == Status.NO_ACTIVE_SESSIONS;
    }
}
