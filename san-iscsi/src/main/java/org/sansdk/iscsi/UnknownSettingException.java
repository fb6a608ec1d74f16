package org.sansdk.iscsi;

import org.sansdk.core.Command;

/**
 * {@code iscsiadm -o update -n KEY} refused the setting name (exit 7): names the key.
 *
 * <pre>{@code catch (UnknownSettingException e) { log(e.key()); }}</pre>
 */
public class UnknownSettingException extends IscsiadmException {
    private static final long serialVersionUID = 1L;
    private final String key;

    /** For the update command, its exit code and the key. */
    public UnknownSettingException(Command command, int exitCode, String key) {
        super(command, exitCode, ": iscsiadm does not know the setting " + key);
        this.key = key;
    }

    /** The setting name iscsiadm refused. */
    public String key() {
        return key;
    }
}
