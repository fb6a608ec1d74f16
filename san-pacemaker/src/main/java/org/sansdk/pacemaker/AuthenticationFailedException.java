package org.sansdk.pacemaker;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sansdk.core.Command;
import org.sansdk.core.CommandFailedException;
import org.sansdk.core.CommandResult;

/**
 * {@code pcs host auth} was refused by a node's pcsd: pcs exits 1 with "Error: NODE: Username and/or password is
 * incorrect" for each such node (a node that does not answer is "Unable to communicate with NODE": a plain
 * {@link CommandFailedException}, not this).
 *
 * <pre>{@code try { pm.hostAuth(List.of("storage-a"), "hacluster", pw); } catch (AuthenticationFailedException e) { e.nodes(); }}</pre>
 */
public class AuthenticationFailedException extends CommandFailedException {
    private static final long serialVersionUID = 1L;
    private static final Pattern BAD = Pattern.compile("(?m)^Error: (\\S+): Username and/or password is incorrect");

    private final List<String> nodes;

    /** Creates it. Usage: {@code throw new AuthenticationFailedException(List.of("storage-a"), command, result)}. */
    public AuthenticationFailedException(List<String> nodes, Command command, CommandResult result) {
        super(command, result);
        this.nodes = List.copyOf(nodes);
    }

    /** The nodes whose pcsd refused the user name and password. Usage: {@code e.nodes()}. */
    public List<String> nodes() {
        return nodes;
    }

    /** The nodes a failed {@code pcs host auth} run names as refusing the credentials (empty: another failure). Usage: {@code AuthenticationFailedException.refusedNodes(result)}. */
    public static List<String> refusedNodes(CommandResult result) {
        List<String> out = new ArrayList<>();
        if (result.exitCode() != 0) {
            Matcher m = BAD.matcher(result.stderr());
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }
}
