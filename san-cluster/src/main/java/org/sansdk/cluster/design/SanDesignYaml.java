package org.sansdk.cluster.design;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sansdk.cluster.design.YamlTree.YMap;
import org.sansdk.cluster.design.YamlTree.YNode;
import org.sansdk.cluster.design.YamlTree.YScalar;
import org.sansdk.core.IpCidr;
import org.sansdk.core.Iqn;
import org.sansdk.core.ParseException;
import org.sansdk.core.Size;
import org.sansdk.corosync.QdeviceAlgorithm;
import org.sansdk.zfs.HostId;

/**
 * Reads a design file (YAML; the schema is the table in san-cluster's README) into a {@link SanDesign}.
 * Malformed YAML, a repeated key or an alias is a {@link DesignParseException}; unknown keys (with the nearest
 * known one), wrong types, missing required keys and every inconsistency {@link SanDesign.Builder#build()} finds
 * are reported together as one {@link DesignException} whose problems carry file, line, column and key path.
 * Secrets are never written in the file: {@code password: {secret: NAME}} names one for a {@link SecretSource}.
 *
 * <pre>{@code SanDesign d = SanDesignYaml.read(Path.of("examples/designs/reference.yml"));}</pre>
 */
public final class SanDesignYaml {
    private static final List<String> TOP = List.of("cluster_name", "networks", "client_vlans", "nodes", "qdevice", "pool",
            "datasets", "zvols", "corosync", "iscsi", "fencing", "fence_secrets", "placement", "zfs_tunables", "sysctl");
    private static final List<String> NETWORK = List.of("name", "vlan", "subnet", "mtu");
    private static final List<String> VLAN = List.of("name", "id", "subnet", "mtu", "vip", "port", "services", "iscsi_acls",
            "generate_node_acls", "chap", "dataset");
    private static final List<String> ACL = List.of("iqn", "chap");
    private static final List<String> CHAP = List.of("user", "password");
    private static final List<String> SECRET = List.of("secret");
    private static final List<String> NODE = List.of("name", "role", "node_id", "host_id", "addresses", "corosync_links",
            "backend_target_iqn", "initiator_iqn", "disks");
    private static final List<String> DISK = List.of("device", "partlabel");
    private static final List<String> QDEVICE = List.of("host", "algorithm");
    private static final List<String> POOL = List.of("name", "properties", "filesystem_properties");
    private static final List<String> DATASET = List.of("name", "properties", "nfs", "smb");
    private static final List<String> NFS_SHARE = List.of("vlan", "options");
    private static final List<String> SMB_SHARE = List.of("vlan", "share", "read_only", "valid_users");
    private static final List<String> ZVOL = List.of("name", "size", "volblocksize");
    private static final List<String> COROSYNC = List.of("token", "consensus", "join", "max_messages", "token_coefficient");
    private static final List<String> ISCSI = List.of("client_target_iqn", "replacement_timeout", "login_timeout",
            "noop_out_interval", "noop_out_timeout", "backend_chap");
    private static final List<String> BACKEND_CHAP = List.of("user", "password", "mutual_user", "mutual_password");
    private static final List<String> FENCING = List.of("node", "agent", "parameters", "secrets", "timeout");
    private static final List<String> PLACEMENT = List.of("preferred_node", "preference", "stickiness", "pool_start_timeout",
            "pool_stop_timeout", "service_ordering");

    private final YamlFields f;
    private final Map<String, IpCidr> subnets = new HashMap<>();

    private SanDesignYaml(String source) {
        this.f = new YamlFields(source);
    }

    /**
     * Reads a design file (UTF-8).
     * Usage: {@code SanDesign d = SanDesignYaml.read(Path.of("design.yml"));}
     *
     * @throws DesignParseException for malformed YAML, a repeated key or an alias
     * @throws DesignException      listing every schema and consistency problem, located
     * @throws UncheckedIOException when the file cannot be read
     */
    public static SanDesign read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read design file " + file, e);
        }
        String source = file.toString();
        return parse(source, ParseException.decodeUtf8(source, bytes));
    }

    /**
     * Reads design text.
     * Usage: {@code SanDesign d = SanDesignYaml.parse("design.yml", text);}
     *
     * @throws DesignParseException for malformed YAML, a repeated key or an alias
     * @throws DesignException      listing every schema and consistency problem, located
     */
    public static SanDesign parse(String source, String text) {
        YNode root = YamlTree.read(source, text);
        return new SanDesignYaml(source).design(root);
    }

    private SanDesign design(YNode root) {
        YMap top = f.map(root, "");
        if (top == null) {
            throw new DesignException(f.problems());
        }
        f.keys(top, "", TOP);
        SanDesign.Builder b = SanDesign.builder();
        b.clusterName(f.text(f.required(top, "cluster_name", ""), "cluster_name"));
        networks(b, f.required(top, "networks", ""));
        clientVlans(b, f.optional(top, "client_vlans", ""));
        nodes(b, f.required(top, "nodes", ""));
        qdevice(b, f.optional(top, "qdevice", ""));
        pool(b, top);
        corosync(b, f.optional(top, "corosync", ""));
        iscsi(b, f.optional(top, "iscsi", ""));
        fencing(b, f.optional(top, "fencing", ""));
        YNode store = f.optional(top, "fence_secrets", "");
        String storeText = f.text(store, "fence_secrets");
        if (storeText != null) {
            FenceSecretStore found = null;
            for (FenceSecretStore x : FenceSecretStore.values()) {
                if (x.key().equals(storeText)) {
                    found = x;
                }
            }
            if (found == null) {
                f.problem("fence_secrets", store.loc(), "expected cib or cibsecret, got '" + storeText + "'");
            } else {
                b.fenceSecrets(found);
            }
        }
        placement(b, f.optional(top, "placement", ""));
        f.stringMap(f.optional(top, "zfs_tunables", ""), "zfs_tunables").forEach(b::zfsTunable);
        f.stringMap(f.optional(top, "sysctl", ""), "sysctl").forEach(b::sysctl);
        if (!f.problems().isEmpty()) {
            throw new DesignException(f.problems());
        }
        try {
            return b.build();
        } catch (DesignException e) {
            throw new DesignException(f.locateAll(e.problems()));
        }
    }

    private void networks(SanDesign.Builder b, YNode n) {
        List<YNode> items = f.list(n, "networks");
        for (int i = 0; i < items.size(); i++) {
            String p = "networks[" + i + "]";
            YMap m = f.map(items.get(i), p);
            f.keys(m, p, NETWORK);
            String name = f.text(f.required(m, "name", p), p + ".name");
            Integer vlan = f.integer(f.required(m, "vlan", p), p + ".vlan");
            IpCidr subnet = f.convert(f.required(m, "subnet", p), p + ".subnet", "a subnet (10.10.10.0/24)", IpCidr::parse);
            Integer mtu = f.integer(f.required(m, "mtu", p), p + ".mtu");
            if (name != null && vlan != null && subnet != null && mtu != null) {
                subnets.put(name, subnet);
                b.network(new Network(name, vlan, subnet, mtu));
            }
        }
    }

    private void clientVlans(SanDesign.Builder b, YNode n) {
        List<YNode> items = f.list(n, "client_vlans");
        for (int i = 0; i < items.size(); i++) {
            String p = "client_vlans[" + i + "]";
            YMap m = f.map(items.get(i), p);
            f.keys(m, p, VLAN);
            String name = f.text(f.required(m, "name", p), p + ".name");
            Integer id = f.integer(f.required(m, "id", p), p + ".id");
            IpCidr subnet = f.convert(f.required(m, "subnet", p), p + ".subnet", "a subnet (10.30.30.0/24)", IpCidr::parse);
            if (name == null || id == null || subnet == null) {
                continue;
            }
            subnets.put(name, subnet);
            ClientVlanSpec.Builder v = ClientVlanSpec.builder(name, id).subnet(subnet);
            Integer mtu = f.integer(f.optional(m, "mtu", p), p + ".mtu");
            if (mtu != null) {
                v.mtu(mtu);
            }
            IpCidr vip = address(f.required(m, "vip", p), p + ".vip", subnet);
            if (vip != null) {
                v.vip(vip);
            } else {
                v.vip(subnet);
            }
            Integer port = f.integer(f.optional(m, "port", p), p + ".port");
            if (port != null) {
                v.port(port);
            }
            List<YNode> services = f.list(f.required(m, "services", p), p + ".services");
            for (int j = 0; j < services.size(); j++) {
                ClientService s = f.convert(services.get(j), p + ".services[" + j + "]", "nfs, smb, iscsi or ssh", ClientService::parse);
                if (s != null) {
                    v.services(s);
                }
            }
            Boolean open = f.bool(f.optional(m, "generate_node_acls", p), p + ".generate_node_acls");
            YNode acls = f.optional(m, "iscsi_acls", p);
            YNode chap = f.optional(m, "chap", p);
            if (Boolean.TRUE.equals(open)) {
                if (acls != null) {
                    f.problem(p + ".iscsi_acls", acls.loc(), "generate_node_acls admits any initiator: give iscsi_acls or "
                            + "generate_node_acls: true, not both");
                }
                v.access(new IscsiAccess.GenerateNodeAcls(Optional.ofNullable(chap(chap, p + ".chap"))));
            } else {
                if (chap != null) {
                    f.problem(p + ".chap", chap.loc(), "a TPG-wide chap needs generate_node_acls: true; in ACL mode give each "
                            + "iscsi_acls entry its own chap");
                }
                List<AclEntry> entries = new ArrayList<>();
                List<YNode> list = f.list(acls, p + ".iscsi_acls");
                for (int j = 0; j < list.size(); j++) {
                    AclEntry e = acl(list.get(j), p + ".iscsi_acls[" + j + "]");
                    if (e != null) {
                        entries.add(e);
                    }
                }
                v.access(new IscsiAccess.Acls(entries));
            }
            String ds = f.text(f.optional(m, "dataset", p), p + ".dataset");
            if (ds != null) {
                v.dataset(ds);
            }
            b.clientVlan(v.build());
        }
    }

    private AclEntry acl(YNode n, String p) {
        if (n instanceof YScalar) {
            Iqn iqn = f.convert(n, p, "an initiator IQN", Iqn::parse);
            return iqn == null ? null : AclEntry.of(iqn);
        }
        YMap m = f.map(n, p);
        f.keys(m, p, ACL);
        Iqn iqn = f.convert(f.required(m, "iqn", p), p + ".iqn", "an initiator IQN", Iqn::parse);
        ChapLogin chap = chap(f.optional(m, "chap", p), p + ".chap");
        if (iqn == null) {
            return null;
        }
        return chap == null ? AclEntry.of(iqn) : AclEntry.of(iqn, chap);
    }

    private ChapLogin chap(YNode n, String p) {
        if (n == null) {
            return null;
        }
        YMap m = f.map(n, p);
        f.keys(m, p, CHAP);
        String user = f.text(f.required(m, "user", p), p + ".user");
        DesignSecret pw = secret(f.required(m, "password", p), p + ".password");
        return user == null || pw == null ? null : new ChapLogin(user, pw);
    }

    private DesignSecret secret(YNode n, String p) {
        if (n == null) {
            return null;
        }
        if (n instanceof YScalar) {
            f.problem(p, n.loc(), "a secret is never written in the design file: give {secret: NAME} and supply NAME "
                    + "through a SecretSource");
            return null;
        }
        YMap m = f.map(n, p);
        f.keys(m, p, SECRET);
        return f.convert(f.required(m, "secret", p), p + ".secret", "a secret name", SecretRef::new);
    }

    private IpCidr address(YNode n, String p, IpCidr subnet) {
        return f.convert(n, p, "an address (10.20.20.1 or 10.20.20.1/24)", t -> t.contains("/") || subnet == null
                ? IpCidr.parse(t) : new IpCidr(t, subnet.prefix()));
    }

    private void nodes(SanDesign.Builder b, YNode n) {
        List<YNode> items = f.list(n, "nodes");
        for (int i = 0; i < items.size(); i++) {
            String p = "nodes[" + i + "]";
            YMap m = f.map(items.get(i), p);
            f.keys(m, p, NODE);
            String name = f.text(f.required(m, "name", p), p + ".name");
            NodeRole role = f.convert(f.required(m, "role", p), p + ".role", "storage or quorum", t -> switch (t) {
                case "storage" -> NodeRole.STORAGE;
                case "quorum" -> NodeRole.QUORUM;
                default -> throw new IllegalArgumentException("unknown role");
            });
            Integer id = f.integer(f.required(m, "node_id", p), p + ".node_id");
            if (name == null || role == null || id == null) {
                continue;
            }
            Node.Builder nb = Node.builder(name, role).nodeId(id);
            HostId host = f.convert(f.optional(m, "host_id", p), p + ".host_id", "a host id of 1-8 hex digits (7d1c0a01)",
                    t -> HostId.parse(p + ".host_id", t));
            if (host != null) {
                nb.hostId(host);
            }
            YMap addrs = f.map(f.required(m, "addresses", p), p + ".addresses");
            if (addrs != null) {
                addrs.entries().forEach((net, v) -> {
                    String q = p + ".addresses." + net;
                    f.note(q, v);
                    IpCidr a = address(v, q, subnets.get(net));
                    if (a != null) {
                        nb.address(net, a);
                    }
                });
            }
            List<YNode> links = f.list(f.required(m, "corosync_links", p), p + ".corosync_links");
            List<String> names = new ArrayList<>();
            for (int j = 0; j < links.size(); j++) {
                f.note(p + ".corosync_links[" + j + "]", links.get(j));
                String l = f.text(links.get(j), p + ".corosync_links[" + j + "]");
                if (l != null) {
                    names.add(l);
                }
            }
            nb.corosyncLinks(names.toArray(String[]::new));
            Iqn target = f.convert(f.optional(m, "backend_target_iqn", p), p + ".backend_target_iqn", "an IQN", Iqn::parse);
            if (target != null) {
                nb.backendTargetIqn(target);
            }
            Iqn init = f.convert(f.optional(m, "initiator_iqn", p), p + ".initiator_iqn", "an IQN", Iqn::parse);
            if (init != null) {
                nb.initiatorIqn(init);
            }
            List<YNode> disks = f.list(f.optional(m, "disks", p), p + ".disks");
            for (int j = 0; j < disks.size(); j++) {
                String q = p + ".disks[" + j + "]";
                YMap d = f.map(disks.get(j), q);
                f.keys(d, q, DISK);
                String dev = f.text(f.required(d, "device", q), q + ".device");
                String label = f.text(f.required(d, "partlabel", q), q + ".partlabel");
                if (dev != null && label != null) {
                    nb.disk(new Disk(dev, label));
                }
            }
            b.node(nb.build());
        }
    }

    private void qdevice(SanDesign.Builder b, YNode n) {
        YMap m = f.map(n, "qdevice");
        if (m == null) {
            return;
        }
        f.keys(m, "qdevice", QDEVICE);
        String host = f.text(f.required(m, "host", "qdevice"), "qdevice.host");
        QdeviceAlgorithm alg = f.convert(f.required(m, "algorithm", "qdevice"), "qdevice.algorithm", "ffsplit or lms",
                t -> switch (t) {
                    case "ffsplit" -> QdeviceAlgorithm.FFSPLIT;
                    case "lms" -> QdeviceAlgorithm.LMS;
                    default -> throw new IllegalArgumentException("unknown algorithm");
                });
        if (host != null && alg != null) {
            b.qdevice(new Qdevice(host, alg));
        }
    }

    private void pool(SanDesign.Builder b, YMap top) {
        YMap m = f.map(f.required(top, "pool", ""), "pool");
        f.keys(m, "pool", POOL);
        String name = f.text(f.required(m, "name", "pool"), "pool.name");
        Map<String, String> props = f.stringMap(f.optional(m, "properties", "pool"), "pool.properties");
        Map<String, String> fs = f.stringMap(f.optional(m, "filesystem_properties", "pool"), "pool.filesystem_properties");
        if (name != null) {
            b.pool(new Pool(name, props, fs));
        }
        List<YNode> ds = f.list(f.optional(top, "datasets", ""), "datasets");
        for (int i = 0; i < ds.size(); i++) {
            String p = "datasets[" + i + "]";
            YMap d = f.map(ds.get(i), p);
            f.keys(d, p, DATASET);
            String dn = f.text(f.required(d, "name", p), p + ".name");
            Map<String, String> dp = f.stringMap(f.optional(d, "properties", p), p + ".properties");
            Optional<NfsShare> nfs = Optional.empty();
            YNode nn = f.optional(d, "nfs", p);
            if (nn != null) {
                YMap nm = f.map(nn, p + ".nfs");
                f.keys(nm, p + ".nfs", NFS_SHARE);
                String vlan = f.text(f.required(nm, "vlan", p + ".nfs"), p + ".nfs.vlan");
                List<String> opts = texts(f.optional(nm, "options", p + ".nfs"), p + ".nfs.options");
                nfs = vlan == null ? Optional.empty() : Optional.of(new NfsShare(vlan, opts));
            }
            Optional<SmbShare> smb = Optional.empty();
            YNode sn = f.optional(d, "smb", p);
            if (sn != null) {
                YMap sm = f.map(sn, p + ".smb");
                f.keys(sm, p + ".smb", SMB_SHARE);
                String vlan = f.text(f.required(sm, "vlan", p + ".smb"), p + ".smb.vlan");
                String share = f.text(f.required(sm, "share", p + ".smb"), p + ".smb.share");
                YNode ro = f.optional(sm, "read_only", p + ".smb");
                Boolean readOnly = ro == null ? Boolean.FALSE : f.bool(ro, p + ".smb.read_only");
                List<String> users = texts(f.optional(sm, "valid_users", p + ".smb"), p + ".smb.valid_users");
                smb = vlan == null || share == null || readOnly == null ? Optional.empty()
                        : Optional.of(new SmbShare(vlan, share, readOnly ? SmbShare.Access.READ_ONLY : SmbShare.Access.READ_WRITE, users));
            }
            if (dn != null) {
                b.dataset(new DatasetSpec(dn, dp, nfs, smb));
            }
        }
        List<YNode> zv = f.list(f.optional(top, "zvols", ""), "zvols");
        for (int i = 0; i < zv.size(); i++) {
            String p = "zvols[" + i + "]";
            YMap z = f.map(zv.get(i), p);
            f.keys(z, p, ZVOL);
            String zn = f.text(f.required(z, "name", p), p + ".name");
            Size size = f.convert(f.required(z, "size", p), p + ".size", "a size (100G)", Size::parse);
            YNode vb = f.optional(z, "volblocksize", p);
            Size block = f.convert(vb, p + ".volblocksize", "a size (64K)", Size::parse);
            if (zn != null && size != null && (vb == null || block != null)) {
                b.zvol(new ZvolSpec(zn, size, Optional.ofNullable(block)));
            }
        }
    }

    /** A list of strings (absent = empty); each item that is not text is reported at its index. */
    private List<String> texts(YNode n, String path) {
        List<String> out = new java.util.ArrayList<>();
        if (n == null) {
            return out;
        }
        List<YNode> items = f.list(n, path);
        for (int i = 0; i < items.size(); i++) {
            String t = f.text(items.get(i), path + "[" + i + "]");
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    private void corosync(SanDesign.Builder b, YNode n) {
        YMap m = f.map(n, "corosync");
        if (m == null) {
            return;
        }
        f.keys(m, "corosync", COROSYNC);
        CorosyncTiming d = CorosyncTiming.DEFAULTS;
        Duration token = or(f.duration(f.required(m, "token", "corosync"), "corosync.token"), d.token());
        Duration consensus = f.duration(f.optional(m, "consensus", "corosync"), "corosync.consensus");
        Duration join = or(f.duration(f.optional(m, "join", "corosync"), "corosync.join"), d.join());
        Integer max = f.integer(f.optional(m, "max_messages", "corosync"), "corosync.max_messages");
        Duration coeff = or(f.duration(f.optional(m, "token_coefficient", "corosync"), "corosync.token_coefficient"),
                d.tokenCoefficient());
        b.corosync(new CorosyncTiming(token, Optional.ofNullable(consensus), join, max == null ? d.maxMessages() : max, coeff));
    }

    private void iscsi(SanDesign.Builder b, YNode n) {
        YMap m = f.map(n, "iscsi");
        if (m == null) {
            return;
        }
        f.keys(m, "iscsi", ISCSI);
        IscsiSettings d = IscsiSettings.defaults();
        Iqn client = f.convert(f.optional(m, "client_target_iqn", "iscsi"), "iscsi.client_target_iqn", "an IQN", Iqn::parse);
        Duration repl = or(f.duration(f.optional(m, "replacement_timeout", "iscsi"), "iscsi.replacement_timeout"),
                d.replacementTimeout());
        Duration login = or(f.duration(f.optional(m, "login_timeout", "iscsi"), "iscsi.login_timeout"), d.loginTimeout());
        Duration noopI = or(f.duration(f.optional(m, "noop_out_interval", "iscsi"), "iscsi.noop_out_interval"),
                d.noopOutInterval());
        Duration noopT = or(f.duration(f.optional(m, "noop_out_timeout", "iscsi"), "iscsi.noop_out_timeout"),
                d.noopOutTimeout());
        BackendChap chap = null;
        YMap c = f.map(f.optional(m, "backend_chap", "iscsi"), "iscsi.backend_chap");
        if (c != null) {
            String p = "iscsi.backend_chap";
            f.keys(c, p, BACKEND_CHAP);
            String user = f.text(f.required(c, "user", p), p + ".user");
            DesignSecret pw = secret(f.required(c, "password", p), p + ".password");
            YNode mu = f.optional(c, "mutual_user", p);
            YNode mp = f.optional(c, "mutual_password", p);
            ChapLogin mutual = null;
            if (mu != null || mp != null) {
                String u = f.text(f.required(c, "mutual_user", p), p + ".mutual_user");
                DesignSecret s = secret(f.required(c, "mutual_password", p), p + ".mutual_password");
                mutual = u == null || s == null ? null : new ChapLogin(u, s);
            }
            if (user != null && pw != null) {
                chap = new BackendChap(new ChapLogin(user, pw), Optional.ofNullable(mutual));
            }
        }
        b.iscsi(new IscsiSettings(Optional.ofNullable(client), repl, login, noopI, noopT, Optional.ofNullable(chap)));
    }

    private void fencing(SanDesign.Builder b, YNode n) {
        List<YNode> items = f.list(n, "fencing");
        for (int i = 0; i < items.size(); i++) {
            String p = "fencing[" + i + "]";
            YMap m = f.map(items.get(i), p);
            f.keys(m, p, FENCING);
            String node = f.text(f.required(m, "node", p), p + ".node");
            String agent = f.text(f.required(m, "agent", p), p + ".agent");
            Map<String, String> params = f.stringMap(f.optional(m, "parameters", p), p + ".parameters");
            Map<String, DesignSecret> secrets = new LinkedHashMap<>();
            YMap s = f.map(f.optional(m, "secrets", p), p + ".secrets");
            if (s != null) {
                s.entries().forEach((k, v) -> {
                    f.note(p + ".secrets." + k, v);
                    DesignSecret ds = secret(v, p + ".secrets." + k);
                    if (ds != null) {
                        secrets.put(k, ds);
                    }
                });
            }
            Duration timeout = or(f.duration(f.optional(m, "timeout", p), p + ".timeout"), Fencing.DEFAULT_TIMEOUT);
            if (node != null && agent != null) {
                b.fencing(new Fencing(node, agent, params, secrets, timeout));
            }
        }
    }

    private void placement(SanDesign.Builder b, YNode n) {
        YMap m = f.map(n, "placement");
        if (m == null) {
            return;
        }
        String p = "placement";
        f.keys(m, p, PLACEMENT);
        String node = f.text(f.required(m, "preferred_node", p), p + ".preferred_node");
        Integer score = f.integer(f.optional(m, "preference", p), p + ".preference");
        Integer stick = f.integer(f.optional(m, "stickiness", p), p + ".stickiness");
        Duration start = or(f.duration(f.optional(m, "pool_start_timeout", p), p + ".pool_start_timeout"), Duration.ofSeconds(150));
        Duration stop = or(f.duration(f.optional(m, "pool_stop_timeout", p), p + ".pool_stop_timeout"), Duration.ofSeconds(90));
        if (node != null) {
            b.placement(new Placement(node, score == null ? 100 : score, stick == null ? 200 : stick, start, stop));
        }
        String ordering = f.text(f.optional(m, "service_ordering", p), p + ".service_ordering");
        if (ordering != null) {
            org.sansdk.pacemaker.design.ServiceOrdering o = null;
            for (org.sansdk.pacemaker.design.ServiceOrdering x : org.sansdk.pacemaker.design.ServiceOrdering.values()) {
                if (x.key().equals(ordering)) {
                    o = x;
                }
            }
            if (o == null) {
                YNode at = f.optional(m, "service_ordering", p);
                f.problem(p + ".service_ordering", at.loc(), "expected group or by_dependency, got '" + ordering + "'");
            } else {
                b.serviceOrdering(o);
            }
        }
    }

    private static <T> T or(T v, T d) {
        return v == null ? d : v;
    }
}
