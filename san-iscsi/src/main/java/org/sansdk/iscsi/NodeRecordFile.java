package org.sansdk.iscsi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sansdk.core.Command;
import org.sansdk.core.Iqn;
import org.sansdk.core.Plan;

/**
 * Node and discovery records written straight into open-iscsi's database, the way the SDK keeps CHAP secrets
 * off every command line: {@code iscsiadm -o update -v SECRET} would show the secret in {@code ps}, and
 * iscsiadm reads no record from stdin, but it reads its own record files. The file goes to
 * {@code /etc/iscsi/nodes/TARGET/ADDR,PORT,TPGT/IFACE} (or {@code send_targets/ADDR,PORT/st_config}), written
 * atomically with mode 0600 (as iscsiadm itself writes them) inside a 0700 directory; keys not in the file take
 * open-iscsi's defaults when iscsiadm reads it.
 *
 * <pre>{@code NodeRecordFile.plan("storage-a", NodeRecordFile.DEFAULT_DIR, rec).applyTo(executor);}</pre>
 */
public final class NodeRecordFile {
    /** Debian's open-iscsi directory. */
    public static final Path DEFAULT_DIR = Path.of("/etc/iscsi");
    /** The record format version open-iscsi 2.1.8 writes. */
    public static final String VERSION = "2.1.8";

    private static final Set<String> NODE_KEYS = load("node-keys.txt");

    private NodeRecordFile() {
    }

    /** The keys of an open-iscsi 2.1.8 node record ({@code -m node -o show}). */
    public static Set<String> nodeKeys() {
        return NODE_KEYS;
    }

    /** The path of a node record: {@code DIR/nodes/TARGET/ADDR,PORT,TPGT/IFACE}. */
    public static Path path(Path iscsiDir, Iqn target, Portal portal, String iface) {
        if (portal.tpgt() == Portal.NO_TPGT) {
            throw new IllegalArgumentException("a node record file needs the portal's tag (ADDR:PORT,TPGT)");
        }
        if (!iface.matches("[A-Za-z0-9_.:-]+")) {
            throw new IllegalArgumentException("invalid iface name " + iface);
        }
        return iscsiDir.resolve("nodes").resolve(target.toString())
                .resolve(portal.address() + "," + portal.port() + "," + portal.tpgt()).resolve(iface);
    }

    /**
     * The design's node record for one backend target: the initiator name, the fast-failover profile's node
     * settings and the session CHAP (mutual when given).
     */
    public static NodeRecord designRecord(Iqn target, Portal portal, Iqn initiator, ChapCredentials chap,
                                          FastFailoverProfile profile) {
        List<NodeRecord.Entry> e = new ArrayList<>();
        e.add(entry("node.name", target.toString()));
        e.add(entry("node.tpgt", Integer.toString(portal.tpgt())));
        e.add(entry("iface.iscsi_ifacename", "default"));
        e.add(entry("iface.transport_name", "tcp"));
        e.add(entry("iface.initiatorname", initiator.toString()));
        NodeRecord r = new NodeRecord(VERSION, e);
        for (FastFailoverProfile.Value v : profile.settings()) {
            if (NODE_KEYS.contains(v.key())) {
                r = r.with(v.key(), NodeRecord.Value.of(v.value()));
            }
        }
        r = r.with("node.session.auth.authmethod", NodeRecord.Value.of("CHAP"))
                .with("node.session.auth.username", NodeRecord.Value.of(chap.username()))
                .with("node.session.auth.password", NodeRecord.Value.secret(chap.password()));
        if (chap.isMutual()) {
            r = r.with("node.session.auth.username_in", NodeRecord.Value.of(chap.usernameIn().orElseThrow()))
                    .with("node.session.auth.password_in", NodeRecord.Value.secret(chap.passwordIn().orElseThrow()));
        }
        return r.with("node.conn[0].address", NodeRecord.Value.of(portal.address()))
                .with("node.conn[0].port", NodeRecord.Value.of(Integer.toString(portal.port())));
    }

    private static NodeRecord.Entry entry(String k, String v) {
        return new NodeRecord.Entry(k, NodeRecord.Value.of(v));
    }

    /**
     * A plan writing a node record: {@code install -d -m 0700} of its directory, then the file (0600,
     * root:root, secret). The target and portal come from the record's {@code node.name}, {@code node.tpgt},
     * {@code node.conn[0].address/port}.
     *
     * @throws IllegalArgumentException when a key is not an open-iscsi node key, or the record lacks its name
     *                                  or portal
     */
    public static Plan plan(String host, Path iscsiDir, NodeRecord record) {
        for (String k : record.keys()) {
            if (!NODE_KEYS.contains(k)) {
                throw new IllegalArgumentException("not an open-iscsi " + VERSION + " node record key: " + k);
            }
        }
        Iqn target = Iqn.parse(record.value("node.name").orElseThrow(() -> new IllegalArgumentException("node.name missing")));
        Portal portal = new Portal(need(record, "node.conn[0].address"), Integer.parseInt(need(record, "node.conn[0].port")),
                Integer.parseInt(need(record, "node.tpgt")));
        String iface = record.value("iface.iscsi_ifacename").orElse("default");
        Path file = path(iscsiDir, target, portal, iface);
        return Plan.builder("node record " + target + " " + portal)
                .run(host, Command.of("install", "-d", "-m", "0700", file.getParent().toString()), "node record directory")
                .writeFile(host, file, record.toFileBytes(), 0600, "root:root", true,
                        "open-iscsi node record (CHAP secrets: never on a command line)")
                .build();
    }

    /**
     * A plan writing the sendtargets discovery record with discovery CHAP
     * ({@code DIR/send_targets/ADDR,PORT/st_config}, 0600); then run {@link IscsiadmCommands#discoverWithRecord}.
     */
    public static Plan discoveryPlan(String host, Path iscsiDir, Portal portal, ChapCredentials chap) {
        List<NodeRecord.Entry> e = new ArrayList<>();
        e.add(entry("discovery.startup", "manual"));
        e.add(entry("discovery.type", "sendtargets"));
        e.add(entry("discovery.sendtargets.address", portal.address()));
        e.add(entry("discovery.sendtargets.port", Integer.toString(portal.port())));
        e.add(entry("discovery.sendtargets.auth.authmethod", "CHAP"));
        e.add(entry("discovery.sendtargets.auth.username", chap.username()));
        e.add(new NodeRecord.Entry("discovery.sendtargets.auth.password", NodeRecord.Value.secret(chap.password())));
        if (chap.isMutual()) {
            e.add(entry("discovery.sendtargets.auth.username_in", chap.usernameIn().orElseThrow()));
            e.add(new NodeRecord.Entry("discovery.sendtargets.auth.password_in",
                    NodeRecord.Value.secret(chap.passwordIn().orElseThrow())));
        }
        Path dir = iscsiDir.resolve("send_targets").resolve(portal.address() + "," + portal.port());
        return Plan.builder("discovery record " + portal.hostPort())
                .run(host, Command.of("install", "-d", "-m", "0700", dir.toString()), "discovery record directory")
                .writeFile(host, dir.resolve("st_config"), new NodeRecord(VERSION, e).toFileBytes(), 0600, "root:root",
                        true, "open-iscsi discovery record (discovery CHAP)")
                .build();
    }

    private static String need(NodeRecord r, String key) {
        return r.value(key).orElseThrow(() -> new IllegalArgumentException(key + " missing from the record"));
    }

    private static Set<String> load(String name) {
        try (InputStream in = NodeRecordFile.class.getResourceAsStream(name)) {
            Set<String> keys = new LinkedHashSet<>();
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!l.isBlank()) {
                    keys.add(l.strip());
                }
            }
            return Collections.unmodifiableSet(keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
