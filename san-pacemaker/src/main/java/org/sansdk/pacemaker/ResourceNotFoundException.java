package org.sansdk.pacemaker;

import java.util.regex.Pattern;
import org.sansdk.core.Command;
import org.sansdk.core.CommandFailedException;
import org.sansdk.core.CommandResult;

/**
 * A Pacemaker tool was asked about a resource the CIB does not have: {@code crm_resource} exits 105
 * ({@code CRM_EX_NOSUCH}, "Resource 'X' not found"), {@code pcs resource move|clear|enable|disable|cleanup} exits 1
 * with "Error: bundle/clone/group/resource[/tag] 'X' does not exist". A {@link CommandFailedException}, so callers that
 * catch that still do.
 *
 * <pre>{@code try { pm.move("zfs-pool", "storage-b"); } catch (ResourceNotFoundException e) { log(e.resource()); }}</pre>
 */
public class ResourceNotFoundException extends CommandFailedException {
    private static final long serialVersionUID = 1L;
    /** {@code crm_resource}'s exit code for an unknown resource ({@code CRM_EX_NOSUCH}). */
    public static final int CRM_EX_NOSUCH = 105;
    private static final Pattern PCS = Pattern.compile("(?m)^Error: [a-z/]*resource[a-z/]* '([^']*)' does not exist");
    private static final Pattern CRM = Pattern.compile("(?m)Resource '([^']*)' not found");

    private final String resource;

    /** Creates it. Usage: {@code throw new ResourceNotFoundException("zfs-pool", command, result)}. */
    public ResourceNotFoundException(String resource, Command command, CommandResult result) {
        super(command, result);
        this.resource = resource;
    }

    /** The resource id the tool did not find. Usage: {@code e.resource()}. */
    public String resource() {
        return resource;
    }

    /**
     * True when a failed pcs or crm_resource run says the resource does not exist. Usage:
     * {@code if (ResourceNotFoundException.matches(result)) …}.
     */
    public static boolean matches(CommandResult result) {
        if (result.exitCode() == 0) {
            return false;
        }
        return result.exitCode() == CRM_EX_NOSUCH && CRM.matcher(result.stderr()).find() || PCS.matcher(result.stderr()).find();
    }

    /**
     * Runs a command about one resource: its result when it exits 0, this exception when the tool says the resource
     * does not exist, a {@link CommandFailedException} for any other failure.
     * Usage: {@code ResourceNotFoundException.runChecked(executor, pcs.resourceEnable(rsc), rsc)}.
     */
    static CommandResult runChecked(org.sansdk.core.Executor executor, Command command, String resource) {
        CommandResult r = executor.run(command);
        if (r.exitCode() == 0) {
            return r;
        }
        if (matches(r)) {
            throw new ResourceNotFoundException(resource, command, r);
        }
        throw new CommandFailedException(command, r);
    }
}
