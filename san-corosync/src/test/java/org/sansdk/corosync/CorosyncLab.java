package org.sansdk.corosync;

import java.util.ArrayList;
import java.util.List;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.testing.NetNamespace;
import org.sansdk.core.testing.RealTools;

/**
 * A throw-away network namespace that owns a node's addresses (on one side of a veth pair, which needs no
 * kernel module), so the real {@code corosync -t} finds its local node there.
 */
final class CorosyncLab implements AutoCloseable {
    final NetNamespace ns;

    private CorosyncLab(NetNamespace ns) {
        this.ns = ns;
    }

    static CorosyncLab owning(String... addressesWithPrefix) {
        RealTools.require("corosync", "ip");
        NetNamespace ns = NetNamespace.create("san-coro");
        try {
            run(ns, "ip", "link", "add", "v0", "type", "veth", "peer", "name", "v1");
            run(ns, "ip", "link", "set", "v0", "up");
            run(ns, "ip", "link", "set", "v1", "up");
            for (String a : addressesWithPrefix) {
                run(ns, "ip", "addr", "add", a, "dev", "v0");
            }
            return new CorosyncLab(ns);
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
    }

    private static void run(NetNamespace ns, String... argv) {
        CommandResult r = ns.exec(List.of(argv));
        r.requireSuccess(Command.of(argv));
    }

    /** {@code corosync -t -c FILE} inside the namespace. */
    CommandResult corosyncTest(java.nio.file.Path conf) {
        List<String> argv = new ArrayList<>(List.of("corosync", "-t", "-c", conf.toAbsolutePath().toString()));
        return ns.exec(argv);
    }

    @Override
    public void close() {
        ns.close();
    }
}
