package org.sansdk.pacemaker;

import org.sansdk.core.Command;
import org.sansdk.core.CommandFailedException;
import org.sansdk.core.CommandResult;

/**
 * {@code stonith_admin --reboot|--off NODE} did not confirm the fencing: stonith_admin exits non-zero with
 * "Couldn't fence NODE: REASON" (e.g. 102 {@code CRM_EX_NOT_CONNECTED} when the fencer does not run, 124 on a
 * timeout, 1 when every device failed). The node's state is unknown: never treat it as fenced.
 *
 * <pre>{@code try { pm.fence("storage-a"); } catch (FencingFailedException e) { page(e.node()); }}</pre>
 */
public class FencingFailedException extends CommandFailedException {
    private static final long serialVersionUID = 1L;

    private final String node;

    /** Creates it. Usage: {@code throw new FencingFailedException("storage-a", command, result)}. */
    public FencingFailedException(String node, Command command, CommandResult result) {
        super(command, result);
        this.node = node;
    }

    /** The node that was to be fenced. Usage: {@code e.node()}. */
    public String node() {
        return node;
    }
}
