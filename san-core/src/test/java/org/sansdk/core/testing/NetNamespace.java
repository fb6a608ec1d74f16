package org.sansdk.core.testing;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.LocalExecutor;

/**
 * A throw-away network namespace (loopback up) for tests that need their own addresses or a daemon whose
 * IPC must not meet the host's. Deleted on {@link #close()}. Needs root and {@code ip} (iproute2).
 *
 * <pre>{@code try (NetNamespace ns = NetNamespace.create("san-t")) { ns.exec(List.of("ip", "addr")); }}</pre>
 */
public final class NetNamespace implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final String name;
    private final LocalExecutor local = new LocalExecutor(java.time.Duration.ofSeconds(60));

    private NetNamespace(String name) {
        this.name = name;
    }

    /** Creates {@code prefix-<random>} with its loopback interface up. Skips/fails like {@link RealTools}. */
    public static NetNamespace create(String prefix) {
        RealTools.requireRoot();
        RealTools.require("ip");
        byte[] b = new byte[3];
        RANDOM.nextBytes(b);
        NetNamespace ns = new NetNamespace(prefix + "-" + HexFormat.of().formatHex(b));
        ns.local.runChecked(Command.of("ip", "netns", "add", ns.name));
        ns.exec(List.of("ip", "link", "set", "lo", "up")).requireSuccess(Command.of("ip", "link", "set", "lo", "up"));
        return ns;
    }

    /** The namespace name. */
    public String name() {
        return name;
    }

    /** The command that runs {@code argv} inside the namespace. */
    public Command command(List<String> argv) {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", name));
        all.addAll(argv);
        return Command.of(all);
    }

    /** Runs {@code argv} inside the namespace and returns its result. */
    public CommandResult exec(List<String> argv) {
        return local.run(command(argv));
    }

    /** Deletes the namespace. */
    @Override
    public void close() {
        local.run(Command.of("ip", "netns", "delete", name));
    }
}
