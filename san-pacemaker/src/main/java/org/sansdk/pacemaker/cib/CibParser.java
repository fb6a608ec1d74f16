package org.sansdk.pacemaker.cib;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sansdk.core.ParseException;
import org.sansdk.pacemaker.internal.SafeXml;
import org.sansdk.pacemaker.xml.XmlElement;

/**
 * Parses CIB XML ({@code cibadmin -Q}, {@code pcs cluster cib}, scheduler inputs; schemas pacemaker-1.2 to 3.10)
 * into a {@link Cib}. Elements without a typed record are kept as {@link XmlElement}s. DOCTYPEs are refused.
 *
 * <p>Usage: {@code Cib cib = CibParser.parse("cibadmin -Q", xmlText);}
 */
public final class CibParser {

    private static final Set<String> OP_KNOWN = Set.of("id", "name", "interval", "timeout", "role", "on-fail");
    private static final Set<String> LRM_OP_KNOWN = Set.of("id", "operation", "call-id", "rc-code", "op-status",
            "interval", "last-rc-change", "exec-time", "on_node", "exit-reason", "transition-key");

    private final String source;
    private final String text;
    private final List<org.sansdk.core.ParseWarning> warnings = new ArrayList<>();

    private CibParser(String source, String text) {
        this.source = source;
        this.text = text;
    }

    /**
     * Parses CIB XML text.
     * Usage: {@code CibParser.parse("cib.xml", Files.readString(path))}.
     *
     * @throws ParseException for malformed XML, a DOCTYPE, a root other than {@code cib}, or broken required values
     */
    public static Cib parse(String source, String text) {
        org.sansdk.pacemaker.internal.DocumentKind.requireXml(source, text, "CIB XML (<cib>)");
        XmlElement root = SafeXml.read(source, text);
        return new CibParser(source, text).cib(root);
    }

    /** Maps an already read {@code <cib>} tree. Usage: {@code CibParser.fromTree("x", text, root)}. */
    public static Cib fromTree(String source, String text, XmlElement root) {
        return new CibParser(source, text).cib(root);
    }

    private ParseException err(XmlElement at, String expected) {
        return SafeXml.error(source, text, at, expected);
    }

    private String required(XmlElement e, String attr) {
        String v = e.get(attr);
        if (v == null) {
            throw err(e, "attribute '" + attr + "' on <" + e.name() + ">");
        }
        return v;
    }

    private long num(XmlElement e, String attr, long dflt) {
        String v = e.get(attr);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException ex) {
            throw err(e, "an integer in attribute '" + attr + "' (found '" + v + "')");
        }
    }

    private static long lenientNum(String v, long dflt) {
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException ex) {
            return dflt;
        }
    }

    private Cib cib(XmlElement root) {
        if (!root.name().equals("cib")) {
            throw org.sansdk.pacemaker.internal.DocumentKind.wrongKind(source, text, root, "root element <cib>");
        }
        root.child("configuration").ifPresent(c -> uniqueIds(c, new LinkedHashMap<>()));
        CibVersion v = new CibVersion(num(root, "admin_epoch", 0), num(root, "epoch", 0), num(root, "num_updates", 0));
        Configuration conf = null;
        List<NodeState> status = List.of();
        List<XmlElement> unknown = new ArrayList<>();
        for (XmlElement c : root.children()) {
            switch (c.name()) {
                case "configuration":
                    conf = configuration(c);
                    break;
                case "status":
                    status = status(c);
                    break;
                default:
                    unknown.add(c);
            }
        }
        if (conf == null) {
            throw err(root, "a <configuration> section inside <cib>");
        }
        java.util.Set<String> sections = new java.util.LinkedHashSet<>();
        root.child("configuration").ifPresent(c -> c.children().forEach(x -> sections.add(x.name())));
        return new Cib(v, root.get("validate-with"), root.attributes(), conf, status, unknown, sections, warnings);
    }

    /** Elements whose {@code id} attribute refers to another element rather than naming this one. */
    private static final Set<String> ID_REFERENCES = Set.of("obj_ref", "resource_ref", "role_ref", "role");

    /**
     * Ids are unique CIB-wide (Pacemaker's schema types them xsd:ID; crm_verify refuses "ID x redefined"): each element
     * whose id is already used is reported as a located warning naming the first; both elements stay in the model
     * (nothing is merged or overwritten). Node ids are corosync ids (a remote node shares its resource's id) and are
     * not checked.
     */
    private void uniqueIds(XmlElement e, Map<String, XmlElement> seen) {
        if (e.name().equals("nodes")) {
            return;
        }
        String id = e.get("id");
        if (id != null && !ID_REFERENCES.contains(e.name())) {
            XmlElement first = seen.putIfAbsent(id, e);
            if (first != null) {
                warn(e, "duplicate id '" + id + "' on <" + e.name() + ">: already used by <" + first.name() + "> on line " + first.line()
                        + " (ids are unique CIB-wide; Pacemaker refuses this CIB; both are kept here, nothing is overwritten)");
            }
        }
        for (XmlElement c : e.children()) {
            uniqueIds(c, seen);
        }
    }

    private void warn(XmlElement at, String message) {
        warnings.add(new org.sansdk.core.ParseWarning(source, Math.max(1, at.line()), 1, message));
    }

    private Configuration configuration(XmlElement conf) {
        List<NvSet> crmConfig = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        List<Resource> resources = new ArrayList<>();
        List<Constraint> constraints = new ArrayList<>();
        List<FencingLevel> levels = new ArrayList<>();
        List<NvSet> rscDefaults = new ArrayList<>();
        List<NvSet> opDefaults = new ArrayList<>();
        List<Tag> tags = new ArrayList<>();
        List<Alert> alerts = new ArrayList<>();
        List<AclEntry> acls = new ArrayList<>();
        List<XmlElement> unknown = new ArrayList<>();
        for (XmlElement sec : conf.children()) {
            switch (sec.name()) {
                case "crm_config":
                    for (XmlElement s : sec.children()) {
                        crmConfig.add(nvset(s));
                    }
                    break;
                case "nodes":
                    for (XmlElement n : sec.children()) {
                        nodes.add(node(n));
                    }
                    break;
                case "resources":
                    for (XmlElement r : sec.children()) {
                        resources.add(resource(r));
                    }
                    break;
                case "constraints":
                    for (XmlElement c : sec.children()) {
                        constraints.add(constraint(c));
                    }
                    break;
                case "fencing-topology":
                    for (XmlElement l : sec.children("fencing-level")) {
                        levels.add(level(l));
                    }
                    break;
                case "rsc_defaults":
                    for (XmlElement s : sec.children()) {
                        rscDefaults.add(nvset(s));
                    }
                    break;
                case "op_defaults":
                    for (XmlElement s : sec.children()) {
                        opDefaults.add(nvset(s));
                    }
                    break;
                case "tags":
                    for (XmlElement t : sec.children("tag")) {
                        List<String> refs = new ArrayList<>();
                        for (XmlElement o : t.children("obj_ref")) {
                            refs.add(required(o, "id"));
                        }
                        tags.add(new Tag(required(t, "id"), refs));
                    }
                    break;
                case "alerts":
                    for (XmlElement a : sec.children("alert")) {
                        alerts.add(alert(a));
                    }
                    break;
                case "acls":
                    for (XmlElement a : sec.children()) {
                        acls.add(acl(a));
                    }
                    break;
                default:
                    unknown.add(sec);
            }
        }
        return Configuration.builder().crmConfig(crmConfig).nodes(nodes).resources(resources).constraints(constraints).fencingTopology(levels).rscDefaults(rscDefaults).opDefaults(opDefaults).tags(tags).alerts(alerts).acls(acls).unknown(unknown).build();
    }

    NvSet nvset(XmlElement s) {
        List<NvPair> pairs = new ArrayList<>();
        Optional<Rule> rule = Optional.empty();
        for (XmlElement c : s.children()) {
            if (c.name().equals("nvpair")) {
                String name = c.get("name");
                if (name == null) {
                    // an nvpair may be an id-ref; keep it under its reference
                    name = "@id-ref:" + required(c, "id-ref");
                }
                pairs.add(new NvPair(c.get("id"), name, c.get("value")));
            } else if (c.name().equals("rule")) {
                rule = Optional.of(rule(c));
            }
        }
        return new NvSet(s.name(), s.get("id"), s.get("id-ref"), s.get("score"), rule, pairs);
    }

    private Rule rule(XmlElement r) {
        List<RuleExpression> exprs = new ArrayList<>();
        for (XmlElement c : r.children()) {
            switch (c.name()) {
                case "expression":
                    exprs.add(new AttributeExpression(c.get("id"), c.get("attribute"), c.get("operation"),
                            c.get("value"), c.get("type"), c.get("value-source")));
                    break;
                case "date_expression": {
                    Optional<Map<String, String>> spec = c.child("date_spec").map(d -> withoutId(d.attributes()));
                    Map<String, String> duration = c.child("duration").map(d -> withoutId(d.attributes())).orElse(Map.of());
                    exprs.add(new DateExpression(c.get("id"), c.get("operation"), c.get("start"), c.get("end"), spec, duration));
                    break;
                }
                case "rule":
                    exprs.add(rule(c));
                    break;
                default:
                    exprs.add(new OtherExpression(c));
            }
        }
        return new Rule(r.get("id"), r.get("id-ref"), r.get("score"), r.get("score-attribute"), r.get("boolean-op"),
                r.get("role"), exprs);
    }

    private static Map<String, String> withoutId(Map<String, String> attrs) {
        Map<String, String> m = new LinkedHashMap<>(attrs);
        m.remove("id");
        return m;
    }

    private Node node(XmlElement n) {
        List<NvSet> attrs = new ArrayList<>();
        List<NvSet> util = new ArrayList<>();
        for (XmlElement c : n.children()) {
            if (c.name().equals("instance_attributes")) {
                attrs.add(nvset(c));
            } else if (c.name().equals("utilization")) {
                util.add(nvset(c));
            }
        }
        return new Node(required(n, "id"), n.get("uname"), n.get("type"), attrs, util);
    }

    private Resource resource(XmlElement r) {
        switch (r.name()) {
            case "primitive":
                return primitive(r);
            case "template":
                return new Template(required(r, "id"), primitive(r));
            case "group": {
                List<Primitive> members = new ArrayList<>();
                List<NvSet> meta = new ArrayList<>();
                List<XmlElement> unknown = new ArrayList<>();
                for (XmlElement c : r.children()) {
                    if (c.name().equals("primitive")) {
                        members.add(primitive(c));
                    } else if (c.name().equals("meta_attributes")) {
                        meta.add(nvset(c));
                    } else {
                        warn(c, "unknown element <" + c.name() + "> in group " + r.get("id") + " (a group holds <primitive> members and "
                                + "<meta_attributes>): kept verbatim, not a member");
                        unknown.add(c);
                    }
                }
                return new Group(required(r, "id"), meta, members, withoutId(r.attributes()), unknown);
            }
            case "clone":
            case "master": {
                List<NvSet> meta = new ArrayList<>();
                List<XmlElement> unknown = new ArrayList<>();
                Resource child = null;
                for (XmlElement c : r.children()) {
                    if (c.name().equals("meta_attributes")) {
                        meta.add(nvset(c));
                    } else if (child == null && (c.name().equals("primitive") || c.name().equals("group"))) {
                        child = resource(c);
                    } else {
                        unknown.add(c);
                    }
                }
                if (child == null) {
                    throw err(r, "a <primitive> or <group> inside <" + r.name() + " id=\"" + r.get("id") + "\">");
                }
                return new Clone(required(r, "id"), r.name().equals("master"), meta, child, withoutId(r.attributes()), unknown);
            }
            case "bundle": {
                String runtime = null;
                String image = null;
                String replicas = null;
                List<NvSet> meta = new ArrayList<>();
                Optional<Primitive> prim = Optional.empty();
                for (XmlElement c : r.children()) {
                    if (c.name().equals("docker") || c.name().equals("podman") || c.name().equals("rkt")) {
                        runtime = c.name();
                        image = c.get("image");
                        replicas = c.get("replicas");
                    } else if (c.name().equals("meta_attributes")) {
                        meta.add(nvset(c));
                    } else if (c.name().equals("primitive")) {
                        prim = Optional.of(primitive(c));
                    }
                }
                return new Bundle(required(r, "id"), runtime, image, replicas, meta, prim, r);
            }
            default:
                warn(r, "unknown element <" + r.name() + "> where a resource belongs (primitive, group, clone, master, bundle, "
                        + "template): kept verbatim, not understood");
                return new UnknownResource(r);
        }
    }

    Primitive primitive(XmlElement p) {
        String id = required(p, "id");
        ResourceAgent agent = null;
        String cls = p.get("class");
        if (cls != null) {
            String type = p.get("type");
            if (type == null) {
                throw err(p, "attribute 'type' on <" + p.name() + " id=\"" + id + "\">");
            }
            agent = new ResourceAgent(cls, p.get("provider"), type);
        } else if (p.get("template") == null) {
            throw err(p, "attribute 'class' or 'template' on <" + p.name() + " id=\"" + id + "\">");
        }
        List<NvSet> ia = new ArrayList<>();
        List<NvSet> ma = new ArrayList<>();
        List<NvSet> ut = new ArrayList<>();
        List<Operation> ops = new ArrayList<>();
        List<XmlElement> unknown = new ArrayList<>();
        Map<String, String> opsAttrs = new LinkedHashMap<>();
        for (XmlElement c : p.children()) {
            switch (c.name()) {
                case "instance_attributes":
                    ia.add(nvset(c));
                    break;
                case "meta_attributes":
                    ma.add(nvset(c));
                    break;
                case "utilization":
                    ut.add(nvset(c));
                    break;
                case "operations":
                    if (c.attributes().isEmpty() && c.children().isEmpty()) {
                        unknown.add(c); // an empty <operations/>: kept as written
                        break;
                    }
                    opsAttrs.putAll(c.attributes());
                    for (XmlElement o : c.children()) {
                        if (o.name().equals("op")) {
                            ops.add(op(o));
                        } else {
                            unknown.add(o);
                        }
                    }
                    break;
                default:
                    unknown.add(c);
            }
        }
        return new Primitive(id, agent, p.get("template"), p.get("description"), ia, ma, ut, ops, unknown, opsAttrs);
    }

    private Operation op(XmlElement o) {
        Map<String, String> other = new LinkedHashMap<>();
        for (Map.Entry<String, String> a : o.attributes().entrySet()) {
            if (!OP_KNOWN.contains(a.getKey())) {
                other.put(a.getKey(), a.getValue());
            }
        }
        List<NvSet> sets = new ArrayList<>();
        for (XmlElement c : o.children()) {
            if (c.name().equals("meta_attributes") || c.name().equals("instance_attributes")) {
                sets.add(nvset(c));
            }
        }
        String name = o.get("name");
        if (name == null) {
            throw err(o, "attribute 'name' on <op>");
        }
        for (String a : List.of("interval", "timeout")) {
            String v = o.get(a);
            if (v != null && !v.isBlank() && Durations.toMillis(v) < 0) {
                throw err(o, "a duration in attribute '" + a + "' of <op> (e.g. 10s, 2min, 500ms, PT1M; found '" + v + "')");
            }
        }
        return new Operation(o.get("id"), name, o.get("interval"), o.get("timeout"), o.get("role"), o.get("on-fail"), other, sets);
    }

    private Constraint constraint(XmlElement c) {
        List<ResourceSet> sets = new ArrayList<>();
        for (XmlElement s : c.children("resource_set")) {
            List<String> refs = new ArrayList<>();
            for (XmlElement r : s.children("resource_ref")) {
                refs.add(required(r, "id"));
            }
            Map<String, String> other = new LinkedHashMap<>(s.attributes());
            for (String k : List.of("id", "id-ref", "sequential", "require-all", "role", "action")) {
                other.remove(k);
            }
            sets.add(new ResourceSet(s.get("id"), s.get("id-ref"), refs, s.get("sequential"), s.get("require-all"),
                    s.get("role"), s.get("action"), other));
        }
        String id = c.get("id");
        switch (c.name()) {
            case "rsc_location": {
                List<Rule> rules = new ArrayList<>();
                for (XmlElement r : c.children("rule")) {
                    rules.add(rule(r));
                }
                return new LocationConstraint(required(c, "id"), c.get("rsc"), c.get("rsc-pattern"), c.get("node"),
                        c.get("score"), c.get("role"), c.get("resource-discovery"), rules, sets,
                        other(c, "id", "rsc", "rsc-pattern", "node", "score", "role", "resource-discovery"));
            }
            case "rsc_colocation":
                return new ColocationConstraint(required(c, "id"), c.get("rsc"), c.get("with-rsc"), c.get("score"),
                        c.get("rsc-role"), c.get("with-rsc-role"), c.get("node-attribute"), sets,
                        other(c, "id", "rsc", "with-rsc", "score", "rsc-role", "with-rsc-role", "node-attribute"));
            case "rsc_order":
                return new OrderConstraint(required(c, "id"), c.get("first"), c.get("then"), c.get("first-action"),
                        c.get("then-action"), c.get("kind"), c.get("score"), c.get("symmetrical"), sets,
                        other(c, "id", "first", "then", "first-action", "then-action", "kind", "score", "symmetrical"));
            case "rsc_ticket":
                return new TicketConstraint(required(c, "id"), required(c, "ticket"), c.get("rsc"), c.get("rsc-role"),
                        c.get("loss-policy"), sets, other(c, "id", "ticket", "rsc", "rsc-role", "loss-policy"));
            default:
                return new UnknownConstraint(c);
        }
    }

    private static Map<String, String> other(XmlElement e, String... typed) {
        Map<String, String> m = new LinkedHashMap<>(e.attributes());
        for (String t : typed) {
            m.remove(t);
        }
        return m;
    }

    private FencingLevel level(XmlElement l) {
        String devices = required(l, "devices");
        long index = num(l, "index", -1);
        if (index < 1 || index > 9) {
            throw err(l, "fencing-level index 1..9");
        }
        return new FencingLevel(required(l, "id"), (int) index, l.get("target"), l.get("target-pattern"),
                l.get("target-attribute"), l.get("target-value"), List.of(devices.split(",")));
    }

    private Alert alert(XmlElement a) {
        List<NvSet> sets = new ArrayList<>();
        List<Alert.Recipient> rec = new ArrayList<>();
        for (XmlElement c : a.children()) {
            if (c.name().equals("recipient")) {
                List<NvSet> rs = new ArrayList<>();
                for (XmlElement x : c.children()) {
                    if (x.name().endsWith("_attributes")) {
                        rs.add(nvset(x));
                    }
                }
                rec.add(new Alert.Recipient(c.get("id"), c.get("value"), c.get("description"), rs));
            } else if (c.name().endsWith("_attributes")) {
                sets.add(nvset(c));
            }
        }
        return new Alert(required(a, "id"), a.get("path"), a.get("description"), sets, rec);
    }

    private AclEntry acl(XmlElement a) {
        List<String> roles = new ArrayList<>();
        List<AclEntry.Permission> perms = new ArrayList<>();
        for (XmlElement c : a.children()) {
            switch (c.name()) {
                case "role":
                    roles.add(c.get("id"));
                    break;
                case "acl_permission":
                    perms.add(new AclEntry.Permission(c.get("id"), c.get("kind"), c.get("xpath"), c.get("reference"), c.get("attribute")));
                    break;
                case "read":
                case "write":
                case "deny":
                    perms.add(new AclEntry.Permission(c.get("id"), c.name(), c.get("xpath"), c.get("ref"), c.get("attribute")));
                    break;
                case "role_ref":
                    roles.add(c.get("id"));
                    break;
                default:
                    break;
            }
        }
        return new AclEntry(a.name(), a.get("id"), roles, perms);
    }

    private List<NodeState> status(XmlElement st) {
        List<NodeState> out = new ArrayList<>();
        for (XmlElement ns : st.children("node_state")) {
            Map<String, String> trans = new LinkedHashMap<>();
            List<LrmResource> lrm = new ArrayList<>();
            for (XmlElement c : ns.children()) {
                if (c.name().equals("transient_attributes")) {
                    for (XmlElement set : c.children()) {
                        for (XmlElement nv : set.children("nvpair")) {
                            if (nv.get("name") != null) {
                                trans.put(nv.get("name"), nv.get("value"));
                            }
                        }
                    }
                } else if (c.name().equals("lrm")) {
                    for (XmlElement rs : c.children("lrm_resources")) {
                        for (XmlElement r : rs.children("lrm_resource")) {
                            lrm.add(lrmResource(r));
                        }
                    }
                }
            }
            Map<String, String> other = new LinkedHashMap<>(ns.attributes());
            for (String k : List.of("id", "uname", "in_ccm", "crmd", "join", "expected")) {
                other.remove(k);
            }
            out.add(new NodeState(required(ns, "id"), ns.get("uname"), ns.get("in_ccm"), ns.get("crmd"), ns.get("join"),
                    ns.get("expected"), trans, lrm, other));
        }
        return out;
    }

    private LrmResource lrmResource(XmlElement r) {
        List<LrmOp> ops = new ArrayList<>(r.children().size());
        for (XmlElement o : r.children()) {
            if (!o.name().equals("lrm_rsc_op")) {
                continue;
            }
            Map<String, String> other = ((org.sansdk.pacemaker.internal.Attributes) o.attributes()).without(LRM_OP_KNOWN);
            ops.add(new LrmOp(required(o, "id"), o.get("operation"), (int) lenientNum(o.get("call-id"), -1),
                    (int) lenientNum(o.get("rc-code"), -1), (int) lenientNum(o.get("op-status"), -1),
                    lenientNum(o.get("interval"), 0), lenientNum(o.get("last-rc-change"), 0),
                    lenientNum(o.get("exec-time"), 0), o.get("on_node"), o.get("exit-reason"),
                    o.get("transition-key"), other));
        }
        String cls = r.get("class");
        ResourceAgent agent = cls == null || r.get("type") == null ? null : new ResourceAgent(cls, r.get("provider"), r.get("type"));
        return new LrmResource(required(r, "id"), agent, ops);
    }
}
