package org.sansdk.corosync;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A corosync.conf as a tree of {@link ConfItem}s in file order, comments and blank lines included, with typed
 * views of what corosync reads from it (totem options, nodes, links, quorum). Parsed files render back byte
 * for byte ({@link CorosyncConfWriter}); built configs render in corosync's own layout.
 *
 * <pre>{@code CorosyncConf c = CorosyncConfParser.parse("corosync.conf", text); c.nodes().size();}</pre>
 *
 * @param items               the top-level items in order
 * @param endsWithNewline     whether the last line ends with a newline (kept for the round trip)
 */
public record CorosyncConf(List<ConfItem> items, boolean endsWithNewline) {

    /** Copies the items. */
    public CorosyncConf {
        items = List.copyOf(items);
    }

    /** A config built in code (rendered with a final newline). */
    public static CorosyncConf of(List<ConfItem> items) {
        return new CorosyncConf(items, true);
    }

    /** Every top-level section called {@code name}, in order (corosync merges repeated sections). */
    public List<ConfItem.Section> sections(String name) {
        return items.stream().filter(ConfItem.Section.class::isInstance).map(ConfItem.Section.class::cast)
                .filter(s -> s.name().equals(name)).toList();
    }

    /**
     * The value corosync ends up with for a dotted path such as {@code totem.token} or
     * {@code quorum.device.net.host}: repeated sections merge and the last entry wins, as in corosync's parser.
     */
    public Optional<String> value(String path) {
        return entry(path).map(ConfItem.Entry::value);
    }

    /** The entry that gives {@link #value(String)} its value, with its line. */
    public Optional<ConfItem.Entry> entry(String path) {
        String[] parts = path.split("\\.");
        List<ConfItem.Section> level = sections(parts[0]);
        for (int i = 1; i < parts.length - 1; i++) {
            List<ConfItem.Section> next = new ArrayList<>();
            for (ConfItem.Section s : level) {
                next.addAll(s.sections(parts[i]));
            }
            level = next;
        }
        ConfItem.Entry last = null;
        for (ConfItem.Section s : level) {
            Optional<ConfItem.Entry> e = s.entry(parts[parts.length - 1]);
            if (e.isPresent()) {
                last = e.get();
            }
        }
        return Optional.ofNullable(last);
    }

    /** {@code totem.transport}, {@code knet} when absent (corosync 3's default). */
    public String transport() {
        return value("totem.transport").orElse("knet");
    }

    /** The nodes of every {@code nodelist} section, in file order. */
    public List<Node> nodes() {
        List<Node> out = new ArrayList<>();
        for (ConfItem.Section nl : sections("nodelist")) {
            for (ConfItem.Section n : nl.sections("node")) {
                out.add(Node.of(n));
            }
        }
        return List.copyOf(out);
    }

    /** The {@code totem.interface} sections, in file order (corosync keys them by {@code linknumber}). */
    public List<ConfItem.Section> interfaces() {
        List<ConfItem.Section> out = new ArrayList<>();
        for (ConfItem.Section t : sections("totem")) {
            out.addAll(t.sections("interface"));
        }
        return List.copyOf(out);
    }

    /** True when a {@code quorum { device { … } }} section is present (corosync-qdevice). */
    public boolean hasQdevice() {
        return sections("quorum").stream().anyMatch(q -> !q.sections("device").isEmpty());
    }

    /**
     * The totem timing corosync derives from this file (token, token_coefficient, consensus and node count).
     *
     * <pre>{@code Duration detect = conf.timing().failureDetection();}</pre>
     */
    public TotemTiming timing() {
        return TotemTiming.of(this);
    }

    /**
     * One {@code nodelist.node} section.
     *
     * <pre>{@code node.addresses().get(1) // ring1_addr}</pre>
     *
     * @param name        {@code name:} or null
     * @param nodeId      {@code nodeid:} as written, or null
     * @param addresses   {@code ringN_addr} by link number N, in link order
     * @param quorumVotes {@code quorum_votes:} as written, or null (corosync counts 1)
     * @param line        1-based line of the <code>node {</code> line (0 when built in code)
     * @param section     the section itself
     */
    public record Node(String name, String nodeId, SortedMap<Integer, String> addresses, String quorumVotes,
                       int line, ConfItem.Section section) {
        /** Copies the addresses. */
        public Node {
            addresses = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(addresses));
            Objects.requireNonNull(section, "section");
        }

        static Node of(ConfItem.Section s) {
            SortedMap<Integer, String> addrs = new TreeMap<>();
            for (ConfItem.Entry e : s.entries()) {
                java.util.regex.Matcher m = RING.matcher(e.key());
                if (m.matches()) {
                    addrs.put(Integer.parseInt(m.group(1)), e.value());
                }
            }
            return new Node(s.value("name").orElse(null), s.value("nodeid").orElse(null), addrs,
                    s.value("quorum_votes").orElse(null), s.line(), s);
        }

        /** The votes this node gives: {@code quorum_votes} when it is a number, else 1. */
        public int votes() {
            try {
                return quorumVotes == null ? 1 : Integer.parseInt(quorumVotes.trim());
            } catch (NumberFormatException e) {
                return 1;
            }
        }

        /** The node id when it is a number. */
        public OptionalInt nodeIdNumber() {
            try {
                return nodeId == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseUnsignedInt(nodeId.trim()));
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        }

        private static final java.util.regex.Pattern RING = java.util.regex.Pattern.compile("ring(\\d{1,3})_addr");
    }
}
