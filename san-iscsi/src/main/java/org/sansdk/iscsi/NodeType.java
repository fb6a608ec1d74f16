package org.sansdk.iscsi;

/**
 * The suffix iscsiadm (2.0.874 and later) prints after a session's target name: {@code (non-flash)} for a
 * software session, {@code (flash)} for a session an offload HBA keeps in flash. Older releases print none.
 *
 * <pre>{@code if (entry.nodeType() == NodeType.NOT_PRINTED) { … }}</pre>
 */
public enum NodeType {
    /** {@code (non-flash)}. */
    NON_FLASH,
    /** {@code (flash)}. */
    FLASH,
    /** No suffix (open-iscsi before 2.0-874). */
    NOT_PRINTED;

    static NodeType of(String suffix) {
        if (suffix == null) {
            return NOT_PRINTED;
        }
        return "flash".equals(suffix) ? FLASH : NON_FLASH;
    }
}
