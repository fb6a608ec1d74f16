package org.sansdk.corosync;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.sansdk.core.ValidationException;
import org.sansdk.corosync.internal.KnownKeys;

/**
 * Checks a corosync.conf against every {@link CorosyncRule}: what pcs validates for knet and totem, and what
 * neither pcs nor {@code corosync -t} catches (consensus against the effective token, token floor, expected
 * votes, two_node, typos, a node named {@code quorum}, inline comments).
 *
 * <pre>{@code List<Finding> f = CorosyncValidator.validate(conf); f.forEach(System.out::println);}</pre>
 */
public final class CorosyncValidator {

    /** The lowest token (ms) this SAN design accepts. */
    public static final long MIN_TOKEN_MS = 3000;

    private CorosyncValidator() {
    }

    /**
     * Every finding, in file order of the checks (syntax-level first, then cluster-level).
     *
     * <pre>{@code boolean ok = CorosyncValidator.validate(conf).stream().noneMatch(f -> f.severity() == Severity.ERROR);}</pre>
     */
    public static List<Finding> validate(CorosyncConf conf) {
        List<Finding> out = new ArrayList<>();
        walk(conf.items(), "", "", out);
        topLevelDuplicates(conf, out);
        transportAndLinks(conf, out);
        nodes(conf, out);
        crypto(conf, out);
        timing(conf, out);
        quorum(conf, out);
        return List.copyOf(out);
    }

    /**
     * Throws when any finding is an {@link Severity#ERROR}.
     *
     * <pre>{@code CorosyncValidator.requireValid(conf);}</pre>
     *
     * @throws ValidationException with every error as a violation
     */
    public static void requireValid(CorosyncConf conf) {
        ValidationException.throwIfAny(validate(conf).stream().filter(f -> f.severity() == Severity.ERROR)
                .map(Finding::toViolation).toList());
    }

    private static void add(List<Finding> out, CorosyncRule r, String path, int line, String msg) {
        out.add(new Finding(r, path, line, msg));
    }

    // ---- generic walk: unknown keys/sections, duplicates, inline comments, numbers ----
    private static void walk(List<ConfItem> items, String path, String shown, List<Finding> out) {
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Integer> sectionIndex = new HashMap<>();
        for (ConfItem item : items) {
            if (item instanceof ConfItem.Entry e) {
                String full = shown.isEmpty() ? e.key() : shown + "." + e.key();
                if (path.isEmpty() || !KnownKeys.known(path, e.key())) {
                    String hint = path.isEmpty() ? null : KnownKeys.suggest(path, e.key());
                    add(out, CorosyncRule.UNKNOWN_KEY, full, e.line(), "corosync does not know '" + e.key() + "'"
                            + (path.isEmpty() ? " outside any section" : " in " + path)
                            + (hint != null ? "; did you mean '" + hint + "'?" : ""));
                }
                Integer first = seen.putIfAbsent(e.key(), e.line());
                if (first != null) {
                    add(out, CorosyncRule.DUPLICATE_KEY, full, e.line(), "'" + e.key() + "' set again (first at line "
                            + first + "); corosync uses this last value");
                }
                if (e.value().matches(".*\\s#.*") || e.value().startsWith("#")) {
                    add(out, CorosyncRule.INLINE_COMMENT, full, e.line(), "value '" + e.value()
                            + "' holds a '#': corosync keeps it as part of the value");
                }
                String numericPath = path.isEmpty() ? e.key() : path + "." + e.key();
                if (KnownKeys.NUMERIC.contains(numericPath) && !e.value().matches("[0-9]{1,10}")) {
                    add(out, CorosyncRule.NOT_A_NUMBER, full, e.line(), "'" + e.value() + "' is not an unsigned integer");
                }
            } else if (item instanceof ConfItem.Section s) {
                String sp = path.isEmpty() ? s.name() : path + "." + s.name();
                int idx = sectionIndex.merge(s.name(), 1, Integer::sum) - 1;
                String ss = (shown.isEmpty() ? s.name() : shown + "." + s.name())
                        + (isListSection(sp) ? "[" + idx + "]" : "");
                if (path.isEmpty() ? !KnownKeys.TOP.contains(s.name()) : !KnownKeys.known(path, s.name())
                        && !path.startsWith("resources") && !path.startsWith("service")) {
                    String hint = path.isEmpty() ? null : KnownKeys.suggest(path, s.name());
                    add(out, path.isEmpty() ? CorosyncRule.UNKNOWN_SECTION : CorosyncRule.UNKNOWN_KEY, ss, s.line(),
                            "corosync does not know section '" + s.name() + "'" + (hint != null ? "; did you mean '" + hint + "'?" : ""));
                }
                if (!KnownKeys.KEYS.containsKey(sp) && !path.isEmpty()) {
                    continue; // contents of unknown or free-form sections are not checked key by key
                }
                if (KnownKeys.KEYS.containsKey(sp) || sp.equals("totem") || sp.equals("quorum")) {
                    walk(s.items(), sp, ss, out);
                }
            }
        }
    }

    private static boolean isListSection(String path) {
        return path.equals("nodelist.node") || path.equals("totem.interface") || path.equals("logging.logger_subsys")
                || path.equals("totem.interface.member");
    }

    private static void topLevelDuplicates(CorosyncConf conf, List<Finding> out) {
        for (String name : List.of("totem", "nodelist", "quorum", "logging")) {
            List<ConfItem.Section> s = conf.sections(name);
            for (int i = 1; i < s.size(); i++) {
                add(out, CorosyncRule.DUPLICATE_SECTION, name, s.get(i).line(), "second '" + name
                        + "' section (first at line " + s.get(0).line() + ")");
            }
        }
    }

    // ---- transport, links ----
    private static void transportAndLinks(CorosyncConf conf, List<Finding> out) {
        String transport = conf.transport();
        Optional<ConfItem.Entry> te = conf.entry("totem.transport");
        if (!Set.of("knet", "udp", "udpu").contains(transport)) {
            add(out, CorosyncRule.TRANSPORT, "totem.transport", te.map(ConfItem.Entry::line).orElse(0),
                    "'" + transport + "' is not knet, udp or udpu");
        }
        entryValue(conf, "totem.ip_version").ifPresent(e -> {
            if (!Set.of("ipv4", "ipv6", "ipv4-6", "ipv6-4").contains(e.value())) {
                add(out, CorosyncRule.IP_VERSION, "totem.ip_version", e.line(), "'" + e.value() + "' is not ipv4, ipv6, ipv4-6 or ipv6-4");
            }
        });
        entryValue(conf, "totem.link_mode").ifPresent(e -> {
            if (!Set.of("active", "passive", "rr").contains(e.value())) {
                add(out, CorosyncRule.LINK_MODE, "totem.link_mode", e.line(), "'" + e.value() + "' is not active, passive or rr");
            }
        });
        boolean knet = transport.equals("knet");
        Map<Long, Integer> linkNumbers = new HashMap<>();
        List<ConfItem.Section> ifaces = conf.interfaces();
        for (int i = 0; i < ifaces.size(); i++) {
            ConfItem.Section s = ifaces.get(i);
            String p = "totem.interface[" + i + "]";
            Optional<ConfItem.Entry> ln = s.entry("linknumber").or(() -> s.entry("ringnumber"));
            long n = ln.map(e -> number(e.value()).orElse(-1)).orElse(0L);
            int line = ln.map(ConfItem.Entry::line).orElse(s.line());
            if (n < 0 || n > 7) {
                add(out, CorosyncRule.LINK_NUMBER, p + ".linknumber", line, "link number '" + ln.map(ConfItem.Entry::value).orElse("")
                        + "' is not 0..7");
            } else if (linkNumbers.putIfAbsent(n, line) != null) {
                add(out, CorosyncRule.LINK_NUMBER, p + ".linknumber", line, "link " + n + " configured again (first at line "
                        + linkNumbers.get(n) + "); corosync keeps the last interface section");
            }
            s.entry("knet_link_priority").ifPresent(e -> {
                OptionalLong v = number(e.value());
                if (v.isEmpty() || v.getAsLong() > 255) {
                    add(out, CorosyncRule.LINK_PRIORITY, p + ".knet_link_priority", e.line(), "'" + e.value() + "' is not 0..255");
                }
            });
            Optional<ConfItem.Entry> pi = s.entry("knet_ping_interval");
            Optional<ConfItem.Entry> pt = s.entry("knet_ping_timeout");
            for (Optional<ConfItem.Entry> o : List.of(pi, pt)) {
                o.ifPresent(e -> {
                    if (number(e.value()).isEmpty()) {
                        add(out, CorosyncRule.PING_OPTIONS, p + "." + e.key(), e.line(), "'" + e.value() + "' is not a non-negative number");
                    }
                });
            }
            if (pi.isPresent() != pt.isPresent()) {
                ConfItem.Entry e = pi.orElseGet(pt::get);
                add(out, CorosyncRule.PING_OPTIONS, p + "." + e.key(), e.line(), e.key() + " is set without "
                        + (pi.isPresent() ? "knet_ping_timeout" : "knet_ping_interval"));
            }
        }
        List<CorosyncConf.Node> nodes = conf.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            CorosyncConf.Node n = nodes.get(i);
            String p = "nodelist.node[" + i + "]";
            int count = n.addresses().size();
            if (knet ? (count < 1 || count > 8) : count != 1) {
                add(out, CorosyncRule.LINK_COUNT, p, n.line(), "node '" + label(n) + "' has " + count + " address(es); "
                        + transport + (knet ? " takes 1 to 8" : " takes exactly 1"));
            }
            for (int link : n.addresses().keySet()) {
                if (link > 7) {
                    add(out, CorosyncRule.LINK_NUMBER, p + ".ring" + link + "_addr", n.section().entry("ring" + link + "_addr")
                            .map(ConfItem.Entry::line).orElse(n.line()), "ring" + link + "_addr: link numbers are 0..7");
                }
            }
        }
        // every node has the same links
        if (nodes.size() > 1) {
            Map<Set<Integer>, List<String>> byLinks = new LinkedHashMap<>();
            for (CorosyncConf.Node n : nodes) {
                byLinks.computeIfAbsent(new TreeSet<>(n.addresses().keySet()), k -> new ArrayList<>()).add(label(n));
            }
            if (byLinks.size() > 1) {
                CorosyncConf.Node odd = null;
                int most = nodes.stream().mapToInt(n -> n.addresses().size()).max().orElse(0);
                for (CorosyncConf.Node n : nodes) {
                    if (n.addresses().size() < most || odd == null && !n.addresses().keySet().equals(nodes.get(0).addresses().keySet())) {
                        odd = n;
                        break;
                    }
                }
                StringBuilder sb = new StringBuilder("nodes differ in their links:");
                byLinks.forEach((links, names) -> sb.append(' ').append(names).append(" ring").append(links));
                add(out, CorosyncRule.LINK_COUNT_MISMATCH, "nodelist", odd == null ? 0 : odd.line(), sb.toString());
            }
        }
        // address family per link
        Map<Integer, Map<String, List<String>>> families = new HashMap<>();
        for (CorosyncConf.Node n : nodes) {
            n.addresses().forEach((link, addr) -> {
                String fam = addr.matches("[0-9.]+") ? "IPv4" : addr.contains(":") ? "IPv6" : null;
                if (fam != null) {
                    families.computeIfAbsent(link, k -> new LinkedHashMap<>()).computeIfAbsent(fam, k -> new ArrayList<>()).add(addr);
                }
            });
        }
        families.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(en -> {
            if (en.getValue().size() > 1) {
                add(out, CorosyncRule.ADDRESS_IP_VERSION, "nodelist", 0, "link " + en.getKey() + " mixes " + en.getValue());
            }
        });
    }

    // ---- nodes ----
    private static void nodes(CorosyncConf conf, List<Finding> out) {
        List<CorosyncConf.Node> nodes = conf.nodes();
        if (nodes.isEmpty()) {
            add(out, CorosyncRule.NODES_MISSING, "nodelist", conf.sections("nodelist").stream().findFirst().map(ConfItem::line).orElse(0),
                    "no nodelist.node section");
            return;
        }
        Map<String, Integer> names = new HashMap<>();
        Map<String, String> addrs = new HashMap<>();
        Map<Long, String> ids = new HashMap<>();
        boolean knet = conf.transport().equals("knet");
        for (int i = 0; i < nodes.size(); i++) {
            CorosyncConf.Node n = nodes.get(i);
            String p = "nodelist.node[" + i + "]";
            if (n.name() == null || n.name().isBlank()) {
                add(out, CorosyncRule.NODE_NAME, p + ".name", n.line(), "node " + label(n) + " has no name");
            } else {
                Integer first = names.putIfAbsent(n.name(), n.line());
                if (first != null) {
                    add(out, CorosyncRule.NODE_NAME, p + ".name", n.line(), "name '" + n.name() + "' also used by the node at line " + first);
                }
                if (n.name().equalsIgnoreCase("quorum")) {
                    add(out, CorosyncRule.NODE_NAMED_QUORUM, p + ".name", n.section().entry("name").map(ConfItem.Entry::line).orElse(n.line()),
                            "node named 'quorum'");
                }
            }
            for (Map.Entry<Integer, String> a : n.addresses().entrySet()) {
                int line = n.section().entry("ring" + a.getKey() + "_addr").map(ConfItem.Entry::line).orElse(n.line());
                if (a.getValue().isBlank()) {
                    add(out, CorosyncRule.NODE_ADDRESS, p + ".ring" + a.getKey() + "_addr", line, "empty address");
                    continue;
                }
                String key = canonicalAddress(a.getValue());
                String prev = addrs.putIfAbsent(key, label(n));
                if (prev != null) {
                    add(out, CorosyncRule.NODE_ADDRESS, p + ".ring" + a.getKey() + "_addr", line, "address " + a.getValue()
                            + " also used by node " + prev);
                }
            }
            if (n.nodeId() == null) {
                if (knet) {
                    add(out, CorosyncRule.NODE_ID, p, n.line(), "node " + label(n) + " has no nodeid (knet needs one)");
                }
            } else {
                int line = n.section().entry("nodeid").map(ConfItem.Entry::line).orElse(n.line());
                OptionalLong id = number(n.nodeId());
                if (id.isPresent() && id.getAsLong() == 0) {
                    add(out, CorosyncRule.NODE_ID, p + ".nodeid", line, "nodeid 0 is reserved");
                } else if (id.isPresent()) {
                    String prev = ids.putIfAbsent(id.getAsLong(), label(n));
                    if (prev != null) {
                        add(out, CorosyncRule.NODE_ID, p + ".nodeid", line, "nodeid " + id.getAsLong() + " also used by node " + prev);
                    }
                }
            }
        }
    }

    // ---- crypto ----
    private static void crypto(CorosyncConf conf, List<Finding> out) {
        Optional<ConfItem.Entry> c = conf.entry("totem.crypto_cipher");
        Optional<ConfItem.Entry> h = conf.entry("totem.crypto_hash");
        Optional<ConfItem.Entry> m = conf.entry("totem.crypto_model");
        c.ifPresent(e -> {
            if (!Set.of("none", "aes256", "aes192", "aes128").contains(e.value())) {
                add(out, CorosyncRule.CRYPTO, "totem.crypto_cipher", e.line(), "'" + e.value() + "' is not none, aes256, aes192 or aes128");
            }
        });
        h.ifPresent(e -> {
            if (!Set.of("none", "md5", "sha1", "sha256", "sha384", "sha512").contains(e.value())) {
                add(out, CorosyncRule.CRYPTO, "totem.crypto_hash", e.line(), "'" + e.value() + "' is not a hash corosync knows");
            }
        });
        m.ifPresent(e -> {
            if (!Set.of("nss", "openssl").contains(e.value())) {
                add(out, CorosyncRule.CRYPTO, "totem.crypto_model", e.line(), "'" + e.value() + "' is not nss or openssl");
            }
        });
        String cipher = c.map(ConfItem.Entry::value).orElse("none");
        String hash = h.map(ConfItem.Entry::value).orElse("none");
        if (!cipher.equals("none") && hash.equals("none")) {
            add(out, CorosyncRule.CRYPTO, "totem.crypto_cipher", c.get().line(), "crypto_cipher " + cipher + " without a crypto_hash");
        }
    }

    // ---- timing ----
    private static void timing(CorosyncConf conf, List<Finding> out) {
        TotemTiming t = conf.timing();
        Optional<ConfItem.Entry> tok = conf.entry("totem.token");
        if (t.token().toMillis() < MIN_TOKEN_MS) {
            add(out, CorosyncRule.TOKEN_TOO_LOW, "totem.token", tok.map(ConfItem.Entry::line).orElse(0),
                    "token " + t.token().toMillis() + " ms is below " + MIN_TOKEN_MS + " ms");
        }
        Optional<ConfItem.Entry> cons = conf.entry("totem.consensus");
        if (cons.isPresent() && number(cons.get().value()).isPresent()
                && t.consensus().compareTo(t.minimumConsensus()) < 0) {
            add(out, CorosyncRule.CONSENSUS_TOO_LOW, "totem.consensus", cons.get().line(), "consensus "
                    + t.consensus().toMillis() + " ms is below 1.2 x effective token " + t.effectiveToken().toMillis()
                    + " ms (token " + t.token().toMillis() + " + (" + t.nodes() + " - 2) x " + t.tokenCoefficient().toMillis()
                    + ") = " + t.minimumConsensus().toMillis() + " ms");
        }
    }

    // ---- quorum ----
    private static void quorum(CorosyncConf conf, List<Finding> out) {
        List<CorosyncConf.Node> nodes = conf.nodes();
        boolean qdevice = conf.hasQdevice();
        for (String k : List.of("two_node", "wait_for_all", "last_man_standing", "auto_tie_breaker")) {
            entryValue(conf, "quorum." + k).ifPresent(e -> {
                if (!e.value().equals("0") && !e.value().equals("1")) {
                    add(out, CorosyncRule.QUORUM_BOOLEAN, "quorum." + k, e.line(), "'" + e.value() + "' is not 0 or 1");
                }
            });
        }
        entryValue(conf, "quorum.last_man_standing_window").ifPresent(e -> {
            if (!conf.value("quorum.last_man_standing").orElse("0").equals("1")) {
                add(out, CorosyncRule.QUORUM_BOOLEAN, "quorum.last_man_standing_window", e.line(),
                        "last_man_standing_window without last_man_standing: 1");
            }
        });
        if (qdevice) {
            List<String> bad = new ArrayList<>();
            int line = 0;
            for (String k : List.of("auto_tie_breaker", "last_man_standing", "two_node")) {
                Optional<ConfItem.Entry> e = conf.entry("quorum." + k);
                if (e.isPresent() && e.get().value().equals("1")) {
                    bad.add(k);
                    line = line == 0 ? e.get().line() : line;
                }
            }
            if (!bad.isEmpty()) {
                add(out, CorosyncRule.QDEVICE_INCOMPATIBLE, "quorum", line, String.join(", ", bad) + " set together with quorum.device");
            }
            String model = conf.value("quorum.device.model").orElse("");
            int dl = conf.sections("quorum").stream().flatMap(q -> q.sections("device").stream()).findFirst().map(ConfItem::line).orElse(0);
            if (!model.equals("net")) {
                add(out, CorosyncRule.QDEVICE, "quorum.device.model", dl, "model '" + model + "' (expected net)");
            } else {
                if (conf.value("quorum.device.net.host").isEmpty()) {
                    add(out, CorosyncRule.QDEVICE, "quorum.device.net.host", dl, "no qnetd host");
                }
                String alg = conf.value("quorum.device.net.algorithm").orElse("");
                if (!alg.equals("ffsplit") && !alg.equals("lms")) {
                    add(out, CorosyncRule.QDEVICE, "quorum.device.net.algorithm", conf.entry("quorum.device.net.algorithm")
                            .map(ConfItem.Entry::line).orElse(dl), "algorithm '" + alg + "' (expected ffsplit or lms)");
                } else if (alg.equals("ffsplit") && nodes.size() % 2 != 0) {
                    add(out, CorosyncRule.QDEVICE, "quorum.device.net.algorithm", conf.entry("quorum.device.net.algorithm")
                            .map(ConfItem.Entry::line).orElse(dl), "ffsplit with an odd node count (" + nodes.size() + "); use lms or an even count");
                }
            }
        }
        Optional<ConfItem.Entry> two = conf.entry("quorum.two_node");
        if (two.isPresent() && two.get().value().equals("1") && nodes.size() != 2) {
            add(out, CorosyncRule.TWO_NODE, "quorum.two_node", two.get().line(), "two_node: 1 with " + nodes.size() + " nodes");
        }
        Optional<ConfItem.Entry> ev = conf.entry("quorum.expected_votes");
        if (ev.isPresent() && number(ev.get().value()).isPresent() && !nodes.isEmpty()) {
            int votes = nodes.stream().mapToInt(CorosyncConf.Node::votes).sum();
            if (qdevice) {
                votes += (int) number(conf.value("quorum.device.votes").orElse("")).orElse(qdeviceDefaultVotes(conf, nodes));
            }
            long expected = number(ev.get().value()).getAsLong();
            if (expected != votes) {
                add(out, CorosyncRule.EXPECTED_VOTES, "quorum.expected_votes", ev.get().line(), "expected_votes "
                        + expected + " but the nodelist" + (qdevice ? " and qdevice give " : " gives ") + votes);
            }
        }
    }

    private static long qdeviceDefaultVotes(CorosyncConf conf, List<CorosyncConf.Node> nodes) {
        // corosync-qdevice: ffsplit defaults to 1 vote, lms to nodes - 1
        return conf.value("quorum.device.net.algorithm").orElse("").equals("lms") ? Math.max(1, nodes.size() - 1) : 1;
    }

    private static Optional<ConfItem.Entry> entryValue(CorosyncConf conf, String path) {
        return conf.entry(path);
    }

    private static String label(CorosyncConf.Node n) {
        if (n.name() != null && !n.name().isBlank()) {
            return n.name();
        }
        return n.addresses().isEmpty() ? "at line " + n.line() : n.addresses().values().iterator().next();
    }

    private static String canonicalAddress(String addr) {
        if (addr.contains(":") && addr.matches("[0-9a-fA-F:.]+")) {
            try {
                return InetAddress.getByName(addr).getHostAddress();
            } catch (java.net.UnknownHostException e) {
                return addr;
            }
        }
        return addr.toLowerCase(java.util.Locale.ROOT);
    }

    static OptionalLong number(String v) {
        if (v == null || !v.matches("[0-9]{1,18}")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(v));
    }

}
