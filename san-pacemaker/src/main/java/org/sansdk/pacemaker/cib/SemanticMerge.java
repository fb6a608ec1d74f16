package org.sansdk.pacemaker.cib;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a live element becomes when the desired one is applied to it, compared the way Pacemaker reads it:
 * operations as a set keyed by (name, interval in ms, role) with their attributes, nvpairs by name, generated ids of
 * the live element kept (pcs and crm generate them), durations compared by value ({@code 20s} = {@code 20000ms}).
 * Group member order is kept from the desired group (it is the start order).
 *
 * <p>Kept from live although the desired element does not name them: operations with interval 0 (start, stop,
 * promote, ... — pcs adds them from the agent metadata with the agent's default timeouts) and the meta attributes
 * {@code target-role} and {@code is-managed} (set by {@code pcs resource disable/unmanage}: operator state, like
 * {@code cli-ban-} constraints). Recurring operations and parameters the desired element lacks are removed.
 * Usage: {@code SemanticMerge.resource(live, desired)}.
 */
final class SemanticMerge {
    /** Meta attributes that are operator state rather than configuration. */
    static final Set<String> OPERATOR_META = Set.of("target-role", "is-managed");

    private SemanticMerge() {
    }

    /** The live resource with the desired one applied; the desired one when the kinds differ. */
    static Resource resource(Resource live, Resource want) {
        if (live instanceof Primitive l && want instanceof Primitive w) {
            return primitive(l, w);
        } else if (live instanceof Group l && want instanceof Group w) {
            List<Primitive> members = new ArrayList<>();
            for (Primitive m : w.members()) {
                Optional<Primitive> lm = l.members().stream().filter(x -> x.id().equals(m.id())).findFirst();
                members.add(lm.isPresent() ? primitive(lm.get(), m) : m);
            }
            return new Group(l.id(), sets(l.metaAttributes(), w.metaAttributes(), OPERATOR_META), members, w.other(), w.unknown());
        } else if (live instanceof Clone l && want instanceof Clone w) {
            Resource child = l.child().id().equals(w.child().id()) && l.child().getClass() == w.child().getClass()
                    ? resource(l.child(), w.child()) : w.child();
            return new Clone(l.id(), w.legacyMaster(), sets(l.metaAttributes(), w.metaAttributes(), OPERATOR_META), child, w.other(), w.unknown());
        }
        return want;
    }

    static Primitive primitive(Primitive l, Primitive w) {
        Map<String, String> opsAttrs = w.operationsAttributes().isEmpty() ? l.operationsAttributes() : w.operationsAttributes();
        return new Primitive(l.id(), w.agent(), w.template(), w.description(), sets(l.instanceAttributes(), w.instanceAttributes(), Set.of()),
                sets(l.metaAttributes(), w.metaAttributes(), OPERATOR_META), sets(l.utilization(), w.utilization(), Set.of()),
                operations(l.operations(), w.operations()), w.unknown(), opsAttrs);
    }

    /** Key of an operation: name, interval in ms, role (Master = Promoted, Slave = Unpromoted). */
    static String key(Operation o) {
        String role = o.role() == null ? "" : o.role().equals("Master") ? "Promoted" : o.role().equals("Slave") ? "Unpromoted" : o.role();
        return o.name() + "/" + millis(o.interval() == null ? "0" : o.interval()) + "/" + role;
    }

    private static String millis(String d) {
        try {
            return Long.toString(Durations.toMillis(d));
        } catch (RuntimeException e) {
            return d;
        }
    }

    private static boolean sameDuration(String a, String b) {
        return a == null || b == null ? Objects.equals(a, b) : millis(a).equals(millis(b));
    }

    static List<Operation> operations(List<Operation> live, List<Operation> want) {
        Map<String, Operation> w = new LinkedHashMap<>();
        for (Operation o : want) {
            w.put(key(o), o);
        }
        List<Operation> out = new ArrayList<>();
        for (Operation lo : live) {
            Operation wo = w.remove(key(lo));
            if (wo != null) {
                out.add(new Operation(lo.id(), lo.name(), lo.interval(), sameDuration(lo.timeout(), wo.timeout()) ? lo.timeout() : wo.timeout(),
                        lo.role(), wo.onFail(), wo.other(), sameSets(lo.attributeSets(), wo.attributeSets()) ? lo.attributeSets() : wo.attributeSets()));
            } else if ("0".equals(millis(lo.interval() == null ? "0" : lo.interval()))) {
                out.add(lo);
            }
        }
        out.addAll(w.values());
        return out;
    }

    private static boolean sameSets(List<NvSet> a, List<NvSet> b) {
        return strip(a).equals(strip(b));
    }

    private static List<Object> strip(List<NvSet> sets) {
        List<Object> out = new ArrayList<>();
        for (NvSet s : sets) {
            Map<String, String> m = new java.util.TreeMap<>();
            s.pairs().forEach(p -> m.put(p.name(), p.content() == null ? "null" : p.content().reveal()));
            out.add(List.of(s.kind(), String.valueOf(s.idRef()), String.valueOf(s.score()), s.rule().map(Object::toString).orElse(""), m));
        }
        return out;
    }

    /**
     * Attribute sets merged by nvpair name when each side has at most one plain set of the kind (the pcs case); live
     * set and pair ids kept. Otherwise (rules, id-refs, several sets) the desired sets, unless equal apart from ids.
     */
    static List<NvSet> sets(List<NvSet> live, List<NvSet> want, Set<String> keepLive) {
        boolean plain = live.size() <= 1 && want.size() <= 1 && live.stream().allMatch(SemanticMerge::plain) && want.stream().allMatch(SemanticMerge::plain);
        if (!plain) {
            return sameSets(live, want) ? live : want;
        }
        NvSet ls = live.isEmpty() ? null : live.get(0);
        NvSet ws = want.isEmpty() ? null : want.get(0);
        if (ls == null) {
            return want;
        }
        List<NvPair> pairs = new ArrayList<>();
        for (NvPair p : ls.pairs()) {
            Optional<NvPair> wp = ws == null ? Optional.empty() : pair(ws, p.name());
            if (wp.isPresent()) {
                pairs.add(new NvPair(p.id(), p.name(), wp.get().content()));
            } else if (keepLive.contains(p.name())) {
                pairs.add(p);
            }
        }
        if (ws != null) {
            for (NvPair p : ws.pairs()) {
                if (pair(ls, p.name()).isEmpty()) {
                    pairs.add(p);
                }
            }
        }
        if (pairs.isEmpty() && ws == null) {
            return List.of();
        }
        return List.of(new NvSet(ls.kind(), ls.id(), null, null, Optional.empty(), pairs));
    }

    private static boolean plain(NvSet s) {
        return s.rule().isEmpty() && s.idRef() == null && s.score() == null && s.id() != null;
    }

    private static Optional<NvPair> pair(NvSet s, String name) {
        return s.pairs().stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
