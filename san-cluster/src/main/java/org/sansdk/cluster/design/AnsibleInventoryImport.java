package org.sansdk.cluster.design;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.sansdk.cluster.design.YamlTree.Kind;
import org.sansdk.cluster.design.YamlTree.Loc;
import org.sansdk.cluster.design.YamlTree.YList;
import org.sansdk.cluster.design.YamlTree.YMap;
import org.sansdk.cluster.design.YamlTree.YNode;
import org.sansdk.cluster.design.YamlTree.YScalar;
import org.sansdk.core.IpCidr;
import org.sansdk.core.Iqn;
import org.sansdk.core.ParseException;

/**
 * Reads an existing Ansible inventory of this design (the layout of the ha-san-ansible playbook: {@code inventory.yml}
 * with groups {@code storage_nodes} and {@code quorum_node}, {@code group_vars/}, {@code host_vars/}) into a
 * {@link SanDesign}. Variables follow Ansible's precedence (host vars over child-group vars over parent-group vars
 * over {@code all}); cluster-wide values are read in the first storage node's context. Plain {@code {{ var }}}
 * references are resolved; a filter, an expression, an unknown variable or a reference cycle is a
 * {@link DesignParseException} naming the file and line; nothing else is ever evaluated. A {@code !vault} value
 * becomes a {@link SecretRef} named by its variable path and is never read; a password written in clear is not
 * copied either: it becomes a {@link SecretRef} too and is reported. Everything the model has no place for is
 * listed in {@link #ignored()} with its file and line, never dropped silently.
 *
 * <pre>{@code AnsibleInventoryImport imp = AnsibleInventoryImport.read(Path.of("ha-san-ansible"));
 * SanDesign d = imp.design(); imp.ignored().forEach(System.out::println);}</pre>
 */
public final class AnsibleInventoryImport {
    private static final Pattern REF = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\}\\}");
    private static final String STORAGE_GROUP = "storage_nodes";
    private static final String QUORUM_GROUP = "quorum_node";

    private final SanDesign design;
    private final List<Ignored> ignored;

    private AnsibleInventoryImport(SanDesign design, List<Ignored> ignored) {
        this.design = design;
        this.ignored = List.copyOf(ignored);
    }

    /**
     * Reads the inventory directory ({@code inventory.yml} or {@code inventory.yaml} or {@code hosts.yml}, with
     * {@code group_vars/} and {@code host_vars/} beside it).
     * Usage: {@code AnsibleInventoryImport.read(Path.of("ha-san-ansible")).design()}.
     *
     * @throws DesignParseException malformed YAML, a duplicate key, a reference that is not a plain variable, an
     *                              unknown variable or a cycle (file, line, column, variable path)
     * @throws DesignException      values of the wrong type, and every inconsistency of the resulting design, located
     * @throws UncheckedIOException when a file cannot be read
     */
    public static AnsibleInventoryImport read(Path directory) {
        Reader r = new Reader(directory);
        SanDesign d = r.run();
        return new AnsibleInventoryImport(d, r.ignoredList());
    }

    /** The design the inventory describes (secrets as references). Usage: {@code imp.design()}. */
    public SanDesign design() {
        return design;
    }

    /** What the import could not map, in file order. Usage: {@code imp.ignored().forEach(System.out::println)}. */
    public List<Ignored> ignored() {
        return ignored;
    }

    /**
     * One inventory value the design does not take, and why.
     * Usage: {@code ignored.file() + ":" + ignored.line()}.
     *
     * @param file   the file, relative to the inventory directory
     * @param line   1-based line
     * @param key    the variable path ({@code client_vlans[0].description})
     * @param reason why it was not mapped
     */
    public record Ignored(String file, int line, String key, String reason) {
        /** Refuses nulls. Usage: see type. */
        public Ignored {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(reason, "reason");
        }

        /** {@code file:line: key: reason}. Usage: {@code i.toString()}. */
        @Override
        public String toString() {
            return file + ":" + line + ": " + key + ": " + reason;
        }
    }

    /** A variable definition. */
    private record Var(String name, YNode value, String file, Loc keyLoc) {
    }

    /** A value inside a variable: node, its file, its variable path. */
    private record Val(YNode node, String file, String path) {
        Val get(String key) {
            if (node instanceof YMap m && m.entries().containsKey(key)) {
                YNode n = m.entries().get(key);
                if (n instanceof YScalar s && s.kind() == Kind.NULL) {
                    return null;
                }
                return new Val(n, file, path + "." + key);
            }
            return null;
        }
    }

    private static final class Group {
        final String name;
        final Set<String> parents = new LinkedHashSet<>();
        final List<String> hosts = new ArrayList<>();
        YMap vars;
        int depth = Integer.MAX_VALUE;

        Group(String name) {
            this.name = name;
        }
    }

    private static final class Reader {
        private final Path dir;
        private final Map<String, String> texts = new HashMap<>();
        private final Map<String, YMap> roots = new LinkedHashMap<>();
        private final Map<String, Group> groups = new LinkedHashMap<>();
        private final Map<String, YMap> inventoryHostVars = new LinkedHashMap<>();
        private final Map<String, List<Var>> groupFileVars = new HashMap<>();
        private final Map<String, List<Var>> hostFileVars = new HashMap<>();
        private final Map<YNode, Boolean> used = new IdentityHashMap<>();
        private final Map<YNode, String> overriddenBy = new IdentityHashMap<>();
        private final List<Ignored> notes = new ArrayList<>();
        private final List<DesignException.Problem> problems = new ArrayList<>();
        private final Map<String, DesignException.Problem> designLocs = new HashMap<>();
        private String inventoryFile;

        Reader(Path dir) {
            this.dir = dir;
        }

        SanDesign run() {
            inventory();
            for (String g : groups.keySet()) {
                groupFileVars.put(g, varFiles("group_vars", g));
            }
            Set<String> hosts = new LinkedHashSet<>();
            groups.values().forEach(g -> hosts.addAll(g.hosts));
            for (String h : hosts) {
                hostFileVars.put(h, varFiles("host_vars", h));
            }
            List<String> storage = groups.containsKey(STORAGE_GROUP) ? hostsOf(STORAGE_GROUP) : List.of();
            List<String> quorum = groups.containsKey(QUORUM_GROUP) ? hostsOf(QUORUM_GROUP) : List.of();
            if (storage.isEmpty()) {
                throw new DesignException(List.of(new DesignException.Problem("nodes", "no host in group '" + STORAGE_GROUP
                        + "'", inventoryFile, 1, 1)));
            }
            Map<String, Map<String, Var>> ctx = new LinkedHashMap<>();
            for (String h : hosts) {
                ctx.put(h, varsOf(h));
            }
            SanDesign.Builder b = SanDesign.builder();
            new Mapper(this, ctx, storage, quorum, b).map();
            if (!problems.isEmpty()) {
                throw new DesignException(problems);
            }
            try {
                return b.build();
            } catch (DesignException e) {
                List<DesignException.Problem> located = new ArrayList<>();
                for (DesignException.Problem p : e.problems()) {
                    DesignException.Problem at = locate(p.path());
                    located.add(at == null ? p.at(inventoryFile, 0, 0) : p.at(at.source(), at.line(), at.column()));
                }
                throw new DesignException(located);
            }
        }

        private DesignException.Problem locate(String path) {
            String p = path;
            while (!p.isEmpty()) {
                DesignException.Problem l = designLocs.get(p);
                if (l != null) {
                    return l;
                }
                int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
                p = cut < 0 ? "" : p.substring(0, cut);
            }
            return null;
        }

        void designAt(String designPath, Val v) {
            if (v != null) {
                designLocs.putIfAbsent(designPath, new DesignException.Problem(designPath, "", v.file(), v.node().loc().line(),
                        v.node().loc().column()));
            }
        }

        private List<String> hostsOf(String group) {
            Set<String> out = new LinkedHashSet<>();
            Deque<String> todo = new ArrayDeque<>(List.of(group));
            while (!todo.isEmpty()) {
                Group g = groups.get(todo.pop());
                out.addAll(g.hosts);
                groups.values().stream().filter(c -> c.parents.contains(g.name)).forEach(c -> todo.add(c.name));
            }
            return List.copyOf(out);
        }

        private YMap load(String file) {
            Path p = dir.resolve(file);
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(p);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + p, e);
            }
            String text = ParseException.decodeUtf8(file, bytes);
            texts.put(file, text);
            if (text.strip().isEmpty() || text.strip().equals("---")) {
                return null;
            }
            YNode n = YamlTree.read(file, text);
            if (!(n instanceof YMap m)) {
                throw new DesignParseException(file, n.loc().line(), n.loc().column(), ParseException.lineOf(text, n.loc().line()),
                        "a mapping of variable names to values", "", null);
            }
            roots.put(file, m);
            return m;
        }

        private void inventory() {
            for (String name : List.of("inventory.yml", "inventory.yaml", "hosts.yml", "hosts.yaml")) {
                if (Files.isRegularFile(dir.resolve(name))) {
                    inventoryFile = name;
                    break;
                }
            }
            if (inventoryFile == null) {
                throw new UncheckedIOException(new IOException("no inventory.yml, inventory.yaml, hosts.yml or hosts.yaml in " + dir));
            }
            YMap root = load(inventoryFile);
            YNode all = root == null ? null : root.entries().get("all");
            if (!(all instanceof YMap)) {
                Loc l = root == null ? new Loc(1, 1) : root.loc();
                throw new DesignParseException(inventoryFile, l.line(), l.column(), ParseException.lineOf(texts.get(inventoryFile),
                        l.line()), "a YAML inventory whose top-level key is 'all'", "", null);
            }
            used.put(root, true);
            group("all", (YMap) all, null, 0);
        }

        private void group(String name, YMap m, String parent, int depth) {
            Group g = groups.computeIfAbsent(name, Group::new);
            g.depth = Math.min(g.depth, depth);
            if (parent != null) {
                g.parents.add(parent);
            }
            used.put(m, true);
            m.entries().forEach((k, v) -> {
                switch (k) {
                    case "hosts" -> {
                        used.put(v, true);
                        if (v instanceof YMap hm) {
                            hm.entries().forEach((h, hv) -> {
                                g.hosts.add(h);
                                used.put(hv, true);
                                if (hv instanceof YMap vars) {
                                    inventoryHostVars.put(h, vars);
                                }
                            });
                        }
                    }
                    case "children" -> {
                        used.put(v, true);
                        if (v instanceof YMap cm) {
                            cm.entries().forEach((c, cv) -> group(c, cv instanceof YMap cmm ? cmm
                                    : new YMap(cv.loc(), Map.of(), Map.of()), name, depth + 1));
                        }
                    }
                    case "vars" -> {
                        used.put(v, true);
                        if (v instanceof YMap vm) {
                            g.vars = vm;
                        }
                    }
                    default -> notes.add(new Ignored(inventoryFile, m.keyLocs().get(k).line(), "all…" + name + "." + k,
                            "not an inventory keyword (hosts, children, vars)"));
                }
            });
        }

        /** group_vars/NAME.yml|.yaml or every *.yml/*.yaml in group_vars/NAME/, in name order. */
        private List<Var> varFiles(String kind, String name) {
            List<String> files = new ArrayList<>();
            for (String ext : List.of(".yml", ".yaml", "")) {
                if (Files.isRegularFile(dir.resolve(kind).resolve(name + ext))) {
                    files.add(kind + "/" + name + ext);
                }
            }
            Path sub = dir.resolve(kind).resolve(name);
            if (Files.isDirectory(sub)) {
                try (Stream<Path> s = Files.list(sub)) {
                    s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".yml") || f.endsWith(".yaml")).sorted()
                            .forEach(f -> files.add(kind + "/" + name + "/" + f));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            List<Var> out = new ArrayList<>();
            for (String f : files) {
                YMap m = load(f);
                if (m != null) {
                    used.put(m, true);
                    m.entries().forEach((k, v) -> out.add(new Var(k, v, f, m.keyLocs().get(k))));
                }
            }
            return out;
        }

        private List<Var> inventoryVars(YMap m) {
            List<Var> out = new ArrayList<>();
            if (m != null) {
                m.entries().forEach((k, v) -> out.add(new Var(k, v, inventoryFile, m.keyLocs().get(k))));
            }
            return out;
        }

        /** Ansible's precedence for one host, lowest first. */
        private Map<String, Var> varsOf(String host) {
            List<Group> gs = new ArrayList<>();
            for (Group g : groups.values()) {
                if (g.name.equals("all") || hostsOf(g.name).contains(host)) {
                    gs.add(g);
                }
            }
            gs.sort(Comparator.comparingInt((Group g) -> g.depth).thenComparing(g -> g.name));
            List<Var> order = new ArrayList<>();
            gs.forEach(g -> order.addAll(inventoryVars(g.vars)));
            gs.forEach(g -> order.addAll(groupFileVars.getOrDefault(g.name, List.of())));
            order.addAll(inventoryVars(inventoryHostVars.get(host)));
            order.addAll(hostFileVars.getOrDefault(host, List.of()));
            Map<String, Var> out = new LinkedHashMap<>();
            for (Var v : order) {
                Var old = out.put(v.name(), v);
                if (old != null) {
                    overriddenBy.put(old.value(), v.file() + ":" + v.keyLoc().line());
                }
            }
            return out;
        }

        // ---- resolution ----

        String text(Map<String, Var> ctx, Val v) {
            if (v == null) {
                return null;
            }
            used.put(v.node(), true);
            if (!(v.node() instanceof YScalar s)) {
                problem(v, "expected a single value, found " + YamlFields.describe(v.node()));
                return null;
            }
            if (isVault(s)) {
                problem(v, "a vault-encrypted value where a plain value is expected");
                return null;
            }
            Deque<String> stack = new ArrayDeque<>();
            if (v.path().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                stack.push(v.path());
            }
            return resolve(ctx, s.text(), v, stack);
        }

        private String resolve(Map<String, Var> ctx, String text, Val at, Deque<String> stack) {
            if (!text.contains("{{") && !text.contains("{%") && !text.contains("{#")) {
                return text;
            }
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (i < text.length()) {
                int open = indexOfAny(text, i);
                if (open < 0) {
                    out.append(text, i, text.length());
                    break;
                }
                out.append(text, i, open);
                Matcher m = REF.matcher(text).region(open, text.length());
                if (!text.startsWith("{{", open) || !m.lookingAt()) {
                    throw templateError(at, "a plain {{ variable }} reference; filters, expressions, tests and statements are "
                            + "not evaluated: '" + snippet(text, open) + "'");
                }
                String name = m.group(1);
                if (stack.contains(name)) {
                    List<String> cycle = new ArrayList<>(stack);
                    java.util.Collections.reverse(cycle);
                    cycle.add(name);
                    throw templateError(at, "references without a cycle; found " + String.join(" -> ", cycle));
                }
                Var var = ctx.get(name);
                if (var == null) {
                    throw templateError(at, "a defined variable; '" + name + "' is not defined for this host");
                }
                used.put(var.value(), true);
                Val vv = new Val(var.value(), var.file(), name);
                if (!(var.value() instanceof YScalar s) || s.kind() == Kind.NULL) {
                    throw templateError(at, "a variable holding one value; '" + name + "' (" + var.file() + ":"
                            + var.keyLoc().line() + ") holds " + YamlFields.describe(var.value()));
                }
                if (isVault(s)) {
                    throw templateError(at, "no reference to a vault-encrypted variable ('" + name + "'): it is never decrypted");
                }
                stack.push(name);
                out.append(resolve(ctx, s.text(), vv, stack));
                stack.pop();
                i = m.end();
            }
            return out.toString();
        }

        private static int indexOfAny(String t, int from) {
            int best = -1;
            for (String s : List.of("{{", "{%", "{#")) {
                int k = t.indexOf(s, from);
                if (k >= 0 && (best < 0 || k < best)) {
                    best = k;
                }
            }
            return best;
        }

        private static String snippet(String t, int from) {
            int end = t.indexOf("}}", from);
            return end < 0 ? t.substring(from) : t.substring(from, end + 2);
        }

        private DesignParseException templateError(Val at, String expected) {
            Loc l = at.node().loc();
            return new DesignParseException(at.file(), l.line(), l.column(), ParseException.lineOf(texts.getOrDefault(at.file(), ""),
                    l.line()), expected, at.path(), null);
        }

        static boolean isVault(YScalar s) {
            return s.tag().equals("vault") || s.tag().equals("!vault");
        }

        void problem(Val v, String message) {
            problems.add(new DesignException.Problem(v.path(), message, v.file(), v.node().loc().line(), v.node().loc().column()));
        }

        void use(Val v) {
            if (v != null) {
                used.put(v.node(), true);
            }
        }

        void note(Val v, String reason) {
            notes.add(new Ignored(v.file(), v.node().loc().line(), v.path(), reason));
        }

        /** Every value nobody read, at the highest level; plus the notes made while mapping. */
        List<Ignored> ignoredList() {
            List<Ignored> out = new ArrayList<>(notes);
            for (Map.Entry<String, YMap> f : roots.entrySet()) {
                if (f.getKey().equals(inventoryFile)) {
                    for (Map.Entry<String, YMap> h : inventoryHostVars.entrySet()) {
                        unread(f.getKey(), h.getValue(), h.getKey(), out);
                    }
                    for (Group g : groups.values()) {
                        if (g.vars != null) {
                            unread(f.getKey(), g.vars, g.name + ".vars", out);
                        }
                    }
                    continue;
                }
                unread(f.getKey(), f.getValue(), "", out);
            }
            out.sort(Comparator.comparing(Ignored::file).thenComparingInt(Ignored::line).thenComparing(Ignored::key));
            return out;
        }

        private void unread(String file, YNode n, String path, List<Ignored> out) {
            if (n instanceof YMap m) {
                m.entries().forEach((k, v) -> {
                    String p = path.isEmpty() ? k : path + "." + k;
                    if (!used.containsKey(v)) {
                        String by = overriddenBy.get(v);
                        out.add(new Ignored(file, m.keyLocs().get(k).line(), p, by != null && !path.contains(".")
                                ? "overridden by " + by : "not part of the design model"));
                    } else {
                        unread(file, v, p, out);
                    }
                });
            } else if (n instanceof YList l) {
                for (int i = 0; i < l.items().size(); i++) {
                    YNode v = l.items().get(i);
                    String p = path + "[" + i + "]";
                    if (!used.containsKey(v)) {
                        out.add(new Ignored(file, v.loc().line(), p, "not part of the design model"));
                    } else {
                        unread(file, v, p, out);
                    }
                }
            }
        }
    }

    /** Maps the resolved variables onto the design. */
    private static final class Mapper {
        private final Reader r;
        private final Map<String, Map<String, Var>> ctx;
        private final List<String> storage;
        private final List<String> quorum;
        private final SanDesign.Builder b;
        private final Map<String, Var> cluster;
        private final Map<String, IpCidr> subnets = new HashMap<>();
        private final Map<String, java.util.Set<ClientService>> vlanServices = new LinkedHashMap<>();
        private boolean fallbackNoted;

        Mapper(Reader r, Map<String, Map<String, Var>> ctx, List<String> storage, List<String> quorum, SanDesign.Builder b) {
            this.r = r;
            this.ctx = ctx;
            this.storage = storage;
            this.quorum = quorum;
            this.b = b;
            this.cluster = ctx.get(storage.get(0));
        }

        private Val var(Map<String, Var> c, String name) {
            Var v = c.get(name);
            if (v == null || (v.value() instanceof YScalar s && s.kind() == Kind.NULL)) {
                return null;
            }
            r.use(new Val(v.value(), v.file(), name));
            return new Val(v.value(), v.file(), name);
        }

        private String text(Map<String, Var> c, Val v) {
            return r.text(c, v);
        }

        private Integer integer(Map<String, Var> c, Val v) {
            String t = text(c, v);
            if (t == null) {
                return null;
            }
            try {
                return Integer.valueOf(t.strip());
            } catch (NumberFormatException e) {
                r.problem(v, "expected an integer, found '" + t + "'");
                return null;
            }
        }

        private Boolean bool(Map<String, Var> c, Val v) {
            String t = text(c, v);
            if (t == null) {
                return null;
            }
            return switch (t.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "yes", "on" -> true;
                case "false", "no", "off" -> false;
                default -> {
                    r.problem(v, "expected true or false, found '" + t + "'");
                    yield null;
                }
            };
        }

        private <T> T convert(Map<String, Var> c, Val v, String expected, java.util.function.Function<String, T> f) {
            String t = text(c, v);
            if (t == null) {
                return null;
            }
            try {
                return f.apply(t.strip());
            } catch (RuntimeException e) {
                r.problem(v, "expected " + expected + ", found '" + t + "': " + e.getMessage());
                return null;
            }
        }

        private List<Val> items(Val v) {
            if (v == null) {
                return List.of();
            }
            r.use(v);
            if (!(v.node() instanceof YList l)) {
                r.problem(v, "expected a list, found " + YamlFields.describe(v.node()));
                return List.of();
            }
            List<Val> out = new ArrayList<>();
            for (int i = 0; i < l.items().size(); i++) {
                out.add(new Val(l.items().get(i), v.file(), v.path() + "[" + i + "]"));
            }
            return out;
        }

        private Map<String, Val> entries(Val v) {
            Map<String, Val> out = new LinkedHashMap<>();
            if (v == null) {
                return out;
            }
            r.use(v);
            if (!(v.node() instanceof YMap m)) {
                r.problem(v, "expected a mapping, found " + YamlFields.describe(v.node()));
                return out;
            }
            m.entries().forEach((k, n) -> out.put(k, new Val(n, v.file(), v.path() + "." + k)));
            return out;
        }

        private Val field(Val v, String key) {
            Val f = v == null ? null : v.get(key);
            r.use(f);
            return f;
        }

        /** A secret: vault → reference, never read; clear text → reference too, reported. */
        private DesignSecret secret(Val v) {
            if (v == null) {
                return null;
            }
            r.use(v);
            if (v.node() instanceof YScalar s && Reader.isVault(s)) {
                return new SecretRef(v.path());
            }
            if (v.node() instanceof YScalar) {
                r.note(v, "password written in clear in the inventory: not imported; supply secret '" + v.path()
                        + "' through a SecretSource (and vault it)");
                return new SecretRef(v.path());
            }
            r.problem(v, "expected a password (a !vault value), found " + YamlFields.describe(v.node()));
            return null;
        }

        void map() {
            Val name = var(cluster, "cluster_name");
            b.clusterName(text(cluster, name));
            r.designAt("cluster_name", name);
            networks();
            clientVlans();
            nodes();
            pool();
            corosync();
            iscsi();
            fencing();
            placement();
            Val tun = var(cluster, "zfs_modprobe_options");
            entries(tun).forEach((k, v) -> {
                String t = text(cluster, v);
                if (t != null) {
                    b.zfsTunable(k, t);
                    r.designAt("zfs_tunables." + k, v);
                }
            });
            Val tcp = var(cluster, "tcp_tunables");
            entries(tcp).forEach((k, v) -> {
                String t = text(cluster, v);
                if (t != null) {
                    b.sysctl(k, t);
                    r.designAt("sysctl." + k, v);
                }
            });
        }

        private void networks() {
            Val vlans = var(cluster, "vlans");
            int i = 0;
            for (Map.Entry<String, Val> e : entries(vlans).entrySet()) {
                Val v = e.getValue();
                r.use(v);
                Integer id = integer(cluster, field(v, "id"));
                IpCidr subnet = convert(cluster, field(v, "subnet"), "a subnet", IpCidr::parse);
                Integer mtu = integer(cluster, field(v, "mtu"));
                if (id == null || subnet == null || mtu == null) {
                    r.problem(v, "a VLAN needs id, subnet and mtu");
                    continue;
                }
                subnets.put(e.getKey(), subnet);
                b.network(new Network(e.getKey(), id, subnet, mtu));
                r.designAt("networks[" + i++ + "]", v);
            }
        }

        private void clientVlans() {
            Val list = var(cluster, "client_vlans");
            List<Val> vlans = items(list);
            long iscsiVlans = vlans.stream().filter(v -> {
                Val s = v.get("services");
                return s != null && s.node() instanceof YList l && l.items().stream()
                        .anyMatch(x -> x instanceof YScalar sc && sc.text().equals("iscsi"));
            }).count();
            for (int i = 0; i < vlans.size(); i++) {
                Val v = vlans.get(i);
                r.use(v);
                String p = "client_vlans[" + i + "]";
                r.designAt(p, v);
                String name = text(cluster, field(v, "name"));
                Integer id = integer(cluster, field(v, "id"));
                IpCidr subnet = convert(cluster, field(v, "subnet"), "a subnet", IpCidr::parse);
                if (name == null || id == null || subnet == null) {
                    r.problem(v, "a client VLAN needs name, id and subnet");
                    continue;
                }
                subnets.put(name, subnet);
                ClientVlanSpec.Builder cb = ClientVlanSpec.builder(name, id).subnet(subnet);
                Integer mtu = integer(cluster, field(v, "mtu"));
                if (mtu != null) {
                    cb.mtu(mtu);
                }
                Val vipV = field(v, "vip");
                Integer prefix = integer(cluster, field(v, "vip_cidr"));
                IpCidr vipAddr = vipV == null ? null
                        : convert(cluster, vipV, "an address", t -> new IpCidr(t, prefix == null ? subnet.prefix() : prefix));
                if (vipAddr == null) {
                    if (vipV == null) {
                        r.problem(v, "a client VLAN needs its vip");
                    }
                    continue;
                }
                cb.vip(vipAddr);
                r.designAt(p + ".vip", vipV);
                boolean iscsi = false;
                for (Val s : items(field(v, "services"))) {
                    ClientService svc = convert(cluster, s, "nfs, smb, iscsi or ssh", ClientService::parse);
                    if (svc != null) {
                        cb.services(svc);
                        vlanServices.computeIfAbsent(name, k -> java.util.EnumSet.noneOf(ClientService.class)).add(svc);
                        iscsi |= svc == ClientService.ISCSI;
                    }
                }
                Boolean open = bool(cluster, field(v, "generate_node_acls"));
                Val chapUser = field(v, "iscsi_chap_user");
                Val chapPw = field(v, "iscsi_chap_password");
                Val acls = field(v, "iscsi_acls");
                if (Boolean.TRUE.equals(open)) {
                    ChapLogin chap = null;
                    if (chapUser != null || chapPw != null) {
                        String u = text(cluster, chapUser);
                        DesignSecret s = secret(chapPw);
                        if (u == null || s == null) {
                            r.problem(v, "per-TPG CHAP needs both iscsi_chap_user and iscsi_chap_password");
                        } else {
                            chap = new ChapLogin(u, s);
                        }
                    }
                    cb.access(new IscsiAccess.GenerateNodeAcls(Optional.ofNullable(chap)));
                    if (acls != null) {
                        r.note(acls, "not used: generate_node_acls admits any initiator");
                    }
                } else if (iscsi) {
                    if (chapUser != null || chapPw != null) {
                        r.note(chapUser != null ? chapUser : chapPw, "per-TPG CHAP is only used with generate_node_acls: true");
                    }
                    Val src = acls;
                    if (src == null && iscsiVlans == 1) {
                        src = var(cluster, "iscsi_client_acls");
                    } else {
                        Val fallback = var(cluster, "iscsi_client_acls");
                        if (fallback != null && !fallbackNoted) {
                            fallbackNoted = true;
                            r.note(fallback, "not used: the fallback for a single iSCSI VLAN without iscsi_acls");
                        }
                    }
                    List<AclEntry> entries = new ArrayList<>();
                    for (Val a : items(src)) {
                        AclEntry e = acl(a);
                        if (e != null) {
                            entries.add(e);
                        }
                    }
                    cb.access(new IscsiAccess.Acls(entries));
                }
                Val ds = field(v, "iscsi_dataset");
                if (iscsi) {
                    String d = ds != null ? text(cluster, ds) : iscsiVlans == 1 ? fallbackDataset() : null;
                    if (d != null) {
                        cb.dataset(d);
                    }
                }
                b.clientVlan(cb.build());
            }
        }

        private String fallbackDataset() {
            Val v = var(cluster, "iscsi_client_zvol_dataset");
            return v == null ? "iscsi" : text(cluster, v);
        }

        private AclEntry acl(Val a) {
            r.use(a);
            if (a.node() instanceof YScalar) {
                Iqn iqn = convert(cluster, a, "an initiator IQN", Iqn::parse);
                return iqn == null ? null : AclEntry.of(iqn);
            }
            Iqn iqn = convert(cluster, field(a, "iqn"), "an initiator IQN", Iqn::parse);
            Val u = field(a, "chap_user");
            Val pw = field(a, "chap_password");
            if (iqn == null) {
                return null;
            }
            if (u == null && pw == null) {
                return AclEntry.of(iqn);
            }
            String user = text(cluster, u);
            DesignSecret s = secret(pw);
            if (user == null || s == null) {
                r.problem(a, "per-initiator CHAP needs both chap_user and chap_password");
                return null;
            }
            return AclEntry.of(iqn, new ChapLogin(user, s));
        }

        private void nodes() {
            Map<String, Integer> ids = new HashMap<>();
            Val cn = var(cluster, "corosync_nodes");
            for (Val n : items(cn)) {
                r.use(n);
                String name = text(cluster, field(n, "name"));
                Integer id = integer(cluster, field(n, "nodeid"));
                if (name != null && id != null) {
                    ids.put(name, id);
                }
            }
            List<String> all = new ArrayList<>(storage);
            all.addAll(quorum);
            for (int i = 0; i < all.size(); i++) {
                String host = all.get(i);
                String p = "nodes[" + i + "]";
                Map<String, Var> c = ctx.get(host);
                boolean isStorage = storage.contains(host);
                Node.Builder nb = Node.builder(host, isStorage ? NodeRole.STORAGE : NodeRole.QUORUM);
                Integer id = ids.get(host);
                if (id == null) {
                    Loc l = cn == null ? new Loc(0, 0) : cn.node().loc();
                    r.problems.add(new DesignException.Problem("corosync_nodes", "no nodeid for host '" + host + "'",
                            cn == null ? r.inventoryFile : cn.file(), l.line(), l.column()));
                } else {
                    nb.nodeId(id);
                }
                List<String> links = new ArrayList<>();
                Val mgmt = var(c, "mgmt_ip");
                Val stor = var(c, "storage_ip");
                address(nb, c, p, "management", mgmt);
                if (mgmt != null) {
                    links.add("management");
                    r.designAt(p + ".corosync_links", mgmt);
                }
                address(nb, c, p, "storage", stor);
                if (stor != null) {
                    links.add("storage");
                }
                Val ah = var(c, "ansible_host");
                String ansibleHost = text(c, ah);
                String m = text(c, mgmt);
                if (ansibleHost != null && m != null && !ansibleHost.equals(m)) {
                    r.note(ah, "ansible_host " + ansibleHost + " differs from mgmt_ip " + m + ": the design uses mgmt_ip");
                }
                for (Map.Entry<String, Val> e : entries(var(c, "client_ips")).entrySet()) {
                    address(nb, c, p, e.getKey(), e.getValue());
                }
                nb.corosyncLinks(links.toArray(String[]::new));
                if (isStorage) {
                    Val t = var(c, "iscsi_target_iqn");
                    Iqn target = convert(c, t, "an IQN", Iqn::parse);
                    if (target != null) {
                        nb.backendTargetIqn(target);
                        r.designAt(p + ".backend_target_iqn", t);
                    }
                    Val in = var(c, "iscsi_initiator_name");
                    Iqn init = convert(c, in, "an IQN", Iqn::parse);
                    if (init != null) {
                        nb.initiatorIqn(init);
                        r.designAt(p + ".initiator_iqn", in);
                    }
                    List<Val> disks = items(var(c, "local_data_disks"));
                    for (int j = 0; j < disks.size(); j++) {
                        Val d = disks.get(j);
                        r.use(d);
                        String dev = text(c, field(d, "device"));
                        String label = text(c, field(d, "label"));
                        if (dev != null && label != null) {
                            nb.disk(new Disk(dev, label));
                            r.designAt(p + ".disks[" + j + "]", d);
                        } else {
                            r.problem(d, "a disk needs device and label");
                        }
                    }
                    if (!disks.isEmpty()) {
                        r.designAt(p + ".disks", var(c, "local_data_disks"));
                    }
                }
                b.node(nb.build());
                r.designAt(p, mgmt);
            }
            for (String host : storage) {
                peerCheck(host);
            }
        }

        /** iscsi_peer_ip / iscsi_peer_iqn are derived in the design: checked against the peer, not taken. */
        private void peerCheck(String host) {
            Map<String, Var> c = ctx.get(host);
            String peer = storage.stream().filter(h -> !h.equals(host)).findFirst().orElse(null);
            if (peer == null) {
                return;
            }
            Map<String, Var> pc = ctx.get(peer);
            Val ip = var(c, "iscsi_peer_ip");
            if (ip != null) {
                String want = text(pc, var(pc, "storage_ip"));
                String got = text(c, ip);
                if (got != null && want != null && !got.equals(want)) {
                    r.note(ip, "differs from " + peer + "'s storage_ip " + want + ": the design uses the peer's storage address");
                }
            }
            Val iqn = var(c, "iscsi_peer_iqn");
            if (iqn != null) {
                String want = text(pc, var(pc, "iscsi_target_iqn"));
                String got = text(c, iqn);
                if (got != null && want != null && !got.equals(want)) {
                    r.note(iqn, "differs from " + peer + "'s iscsi_target_iqn " + want + ": the design uses the peer's target");
                }
            }
        }

        private void address(Node.Builder nb, Map<String, Var> c, String p, String net, Val v) {
            if (v == null) {
                return;
            }
            IpCidr subnet = subnets.get(net);
            IpCidr a = convert(c, v, "an address", t -> t.contains("/") || subnet == null ? IpCidr.parse(t)
                    : new IpCidr(t, subnet.prefix()));
            if (a != null) {
                nb.address(net, a);
                r.designAt(p + ".addresses." + net, v);
            }
        }

        private void pool() {
            Val name = var(cluster, "zfs_pool_name");
            String pool = text(cluster, name);
            Map<String, String> props = new LinkedHashMap<>();
            Val ashift = var(cluster, "zfs_pool_ashift");
            if (ashift != null) {
                props.put("ashift", text(cluster, ashift));
            }
            entries(var(cluster, "zfs_pool_options")).forEach((k, v) -> props.put(k, text(cluster, v)));
            Map<String, String> fs = new LinkedHashMap<>();
            entries(var(cluster, "zfs_dataset_options")).forEach((k, v) -> fs.put(k, text(cluster, v)));
            props.values().removeIf(Objects::isNull);
            fs.values().removeIf(Objects::isNull);
            if (pool == null) {
                r.problems.add(new DesignException.Problem("zfs_pool_name", "the pool name (zfs_pool_name) is not set",
                        r.inventoryFile, 0, 0));
                return;
            }
            b.pool(new Pool(pool, props, fs));
            r.designAt("pool", name);
            Map<String, DatasetSpec> datasets = new LinkedHashMap<>();
            List<Val> ds = items(var(cluster, "zfs_datasets"));
            for (int i = 0; i < ds.size(); i++) {
                Val d = ds.get(i);
                r.use(d);
                Val nv = field(d, "name");
                String full = text(cluster, nv);
                if (full == null) {
                    continue;
                }
                if (!full.startsWith(pool + "/")) {
                    r.problem(nv, "a dataset of pool " + pool + " (" + pool + "/NAME), found '" + full + "'");
                    continue;
                }
                Map<String, String> dp = new LinkedHashMap<>();
                entries(field(d, "properties")).forEach((k, v) -> dp.put(k, text(cluster, v)));
                dp.values().removeIf(Objects::isNull);
                datasets.put(full.substring(pool.length() + 1), new DatasetSpec(full.substring(pool.length() + 1), dp));
                r.designAt("datasets[" + (datasets.size() - 1) + "]", d);
            }
            nfsExports(pool, datasets);
            smbShares(pool, datasets);
            datasets.values().forEach(b::dataset);
        }

        /** nfs_exports: each path must be a dataset of the pool, its clients a client VLAN's subnet offering nfs. */
        private void nfsExports(String pool, Map<String, DatasetSpec> datasets) {
            List<Val> exports = items(var(cluster, "nfs_exports"));
            for (Val e : exports) {
                r.use(e);
                String path = text(cluster, field(e, "path"));
                String clients = text(cluster, field(e, "clients"));
                String options = text(cluster, field(e, "options"));
                if (path == null || clients == null) {
                    r.problem(e, "an NFS export needs path and clients");
                    continue;
                }
                DatasetSpec ds = datasets.get(path.startsWith("/" + pool + "/") ? path.substring(pool.length() + 2) : "");
                if (ds == null) {
                    r.problem(field(e, "path"), "an export of a dataset listed in zfs_datasets (/" + pool + "/NAME), found '" + path + "'");
                    continue;
                }
                String vlan = vlanBySubnet(clients, ClientService.NFS);
                if (vlan == null) {
                    r.problem(field(e, "clients"), "the subnet of a client VLAN offering nfs, found '" + clients + "'");
                    continue;
                }
                List<String> opts = options == null ? List.of() : java.util.Arrays.stream(options.split(","))
                        .map(String::strip).filter(o -> !o.isEmpty()).toList();
                datasets.put(ds.name(), ds.exportedBy(new NfsShare(vlan, opts)));
            }
        }

        /** smb_shares: each path a dataset of the pool, shared on the (only) client VLAN offering smb. */
        private void smbShares(String pool, Map<String, DatasetSpec> datasets) {
            List<String> smbVlans = vlanServices.entrySet().stream().filter(v -> v.getValue().contains(ClientService.SMB))
                    .map(Map.Entry::getKey).toList();
            for (Val sh : items(var(cluster, "smb_shares"))) {
                r.use(sh);
                String name = text(cluster, field(sh, "name"));
                String path = text(cluster, field(sh, "path"));
                if (name == null || path == null) {
                    r.problem(sh, "an SMB share needs name and path");
                    continue;
                }
                DatasetSpec ds = datasets.get(path.startsWith("/" + pool + "/") ? path.substring(pool.length() + 2) : "");
                if (ds == null) {
                    r.problem(field(sh, "path"), "a share of a dataset listed in zfs_datasets (/" + pool + "/NAME), found '" + path + "'");
                    continue;
                }
                if (smbVlans.size() != 1) {
                    r.problem(sh, "SMB shares need exactly one client VLAN offering smb, found " + smbVlans);
                    continue;
                }
                Boolean readOnly = bool(cluster, field(sh, "read_only"));
                String users = text(cluster, field(sh, "valid_users"));
                List<String> valid = users == null ? List.of() : java.util.Arrays.stream(users.split("[,\\s]+"))
                        .filter(u -> !u.isEmpty()).toList();
                datasets.put(ds.name(), ds.sharedBy(new SmbShare(smbVlans.get(0), name,
                        Boolean.TRUE.equals(readOnly) ? SmbShare.Access.READ_ONLY : SmbShare.Access.READ_WRITE, valid)));
            }
        }

        private String vlanBySubnet(String clients, ClientService service) {
            IpCidr want;
            try {
                want = IpCidr.parse(clients);
            } catch (RuntimeException e) {
                return null;
            }
            for (Map.Entry<String, IpCidr> v : subnets.entrySet()) {
                if (v.getValue().equals(want) && vlanServices.getOrDefault(v.getKey(), java.util.Set.of()).contains(service)) {
                    return v.getKey();
                }
            }
            return null;
        }

        private void corosync() {
            CorosyncTiming d = CorosyncTiming.DEFAULTS;
            Duration token = ms(var(cluster, "corosync_token"), d.token());
            Val cv = var(cluster, "corosync_consensus");
            Duration consensus = cv == null ? null : ms(cv, null);
            Duration join = ms(var(cluster, "corosync_join"), d.join());
            Integer max = integer(cluster, var(cluster, "corosync_max_messages"));
            b.corosync(new CorosyncTiming(token, Optional.ofNullable(consensus), join, max == null ? d.maxMessages() : max,
                    ms(var(cluster, "corosync_token_coefficient"), d.tokenCoefficient())));
            r.designAt("corosync.token", var(cluster, "corosync_token"));
            r.designAt("corosync.consensus", cv);
            Val transport = var(cluster, "corosync_transport");
            String t = text(cluster, transport);
            if (t != null && !t.equals("knet")) {
                r.note(transport, "transport '" + t + "': the design renders knet");
            }
            Val cipher = var(cluster, "corosync_crypto_cipher");
            Val hash = var(cluster, "corosync_crypto_hash");
            String c = text(cluster, cipher);
            String h = text(cluster, hash);
            if (c != null && !c.equals("aes256")) {
                r.note(cipher, "crypto_cipher '" + c + "': the design renders aes256");
            }
            if (h != null && !h.equals("sha256")) {
                r.note(hash, "crypto_hash '" + h + "': the design renders sha256");
            }
        }

        private Duration ms(Val v, Duration dflt) {
            Integer n = integer(cluster, v);
            return n == null ? dflt : Duration.ofMillis(n);
        }

        private Duration seconds(Val v, Duration dflt) {
            Integer n = integer(cluster, v);
            return n == null ? dflt : Duration.ofSeconds(n);
        }

        private void iscsi() {
            IscsiSettings d = IscsiSettings.defaults();
            Val cv = var(cluster, "iscsi_client_iqn");
            Iqn client = convert(cluster, cv, "an IQN", Iqn::parse);
            r.designAt("iscsi.client_target_iqn", cv);
            Val rt = var(cluster, "iscsi_replacement_timeout");
            r.designAt("iscsi.replacement_timeout", rt);
            Duration repl = seconds(rt, d.replacementTimeout());
            Duration login = seconds(var(cluster, "iscsi_login_timeout"), d.loginTimeout());
            Duration ni = seconds(var(cluster, "iscsi_noop_out_interval"), d.noopOutInterval());
            Duration nt = seconds(var(cluster, "iscsi_noop_out_timeout"), d.noopOutTimeout());
            BackendChap chap = null;
            Val enabled = var(cluster, "iscsi_chap_enabled");
            Boolean on = enabled == null ? null : bool(cluster, enabled);
            Val user = var(cluster, "iscsi_chap_user");
            Val pw = var(cluster, "iscsi_chap_password");
            if (Boolean.TRUE.equals(on) || (on == null && user != null)) {
                String u = text(cluster, user);
                DesignSecret s = secret(pw);
                if (u == null || s == null) {
                    r.problem(enabled != null ? enabled : user, "backend CHAP needs iscsi_chap_user and iscsi_chap_password");
                } else {
                    ChapLogin mutual = null;
                    Val me = var(cluster, "iscsi_mutual_chap_enabled");
                    Boolean mon = me == null ? null : bool(cluster, me);
                    Val mu = var(cluster, "iscsi_mutual_chap_user");
                    Val mp = var(cluster, "iscsi_mutual_chap_password");
                    if (Boolean.TRUE.equals(mon) || (mon == null && mu != null)) {
                        String mus = text(cluster, mu);
                        DesignSecret ms = secret(mp);
                        if (mus == null || ms == null) {
                            r.problem(me != null ? me : mu, "mutual CHAP needs iscsi_mutual_chap_user and iscsi_mutual_chap_password");
                        } else {
                            mutual = new ChapLogin(mus, ms);
                        }
                    }
                    chap = new BackendChap(new ChapLogin(u, s), Optional.ofNullable(mutual));
                    r.designAt("iscsi.backend_chap", user);
                }
            }
            b.iscsi(new IscsiSettings(Optional.ofNullable(client), repl, login, ni, nt, Optional.ofNullable(chap)));
        }

        private void fencing() {
            Val sn = var(cluster, "stonith_nodes");
            int i = 0;
            for (Map.Entry<String, Val> e : entries(sn).entrySet()) {
                Val v = e.getValue();
                r.use(v);
                String method = text(cluster, field(v, "method"));
                if (!"ipmi".equals(method)) {
                    entries(v).values().forEach(r::use);
                    r.note(v, "fencing method '" + method + "' has no agent in fence-agents the design can name; not "
                            + "imported: give this node's fencing device explicitly");
                    continue;
                }
                String ip = text(cluster, field(v, "ip"));
                String user = text(cluster, field(v, "user"));
                DesignSecret pw = secret(field(v, "password"));
                if (ip == null || user == null || pw == null) {
                    r.problem(v, "IPMI fencing needs ip, user and password");
                    continue;
                }
                Map<String, String> params = new LinkedHashMap<>();
                params.put("ip", ip);
                params.put("username", user);
                params.put("lanplus", "1");
                b.fencing(new Fencing(e.getKey(), "fence_ipmilan", params, Map.of("password", pw), Fencing.DEFAULT_TIMEOUT));
                r.designAt("fencing[" + i++ + "]", v);
            }
        }

        private void placement() {
            Val pref = var(cluster, "pacemaker_preferred_node");
            Val stick = var(cluster, "pacemaker_resource_stickiness");
            String node = pref == null ? storage.get(0) : text(cluster, pref);
            Integer s = integer(cluster, stick);
            if (node != null) {
                b.placement(new Placement(node, 100, s == null ? 200 : s, Duration.ofSeconds(150), Duration.ofSeconds(90)));
                r.designAt("placement.preferred_node", pref);
                r.designAt("placement.stickiness", stick);
            }
        }
    }
}
