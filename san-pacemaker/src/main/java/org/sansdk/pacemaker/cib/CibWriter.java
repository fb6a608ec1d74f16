package org.sansdk.pacemaker.cib;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sansdk.pacemaker.xml.XmlElement;

/**
 * Renders a {@link Cib} (or just its configuration) as CIB XML that {@code crm_verify} and
 * {@code cibadmin --replace} accept. Elements kept verbatim by the parser are written back as read.
 *
 * <p>Usage: {@code String xml = CibWriter.toXml(cib);}
 */
public final class CibWriter {
    private final StringBuilder out = new StringBuilder(4096);

    private CibWriter() {
    }

    /** The whole CIB, status included. Usage: {@code Files.writeString(p, CibWriter.toXml(cib))}. */
    public static String toXml(Cib cib) {
        CibWriter w = new CibWriter();
        w.cib(cib, true);
        return w.out.toString();
    }

    /** The CIB without its status section (what {@code cibadmin --replace -o configuration} needs). Usage: {@code CibWriter.toXmlWithoutStatus(cib)}. */
    public static String toXmlWithoutStatus(Cib cib) {
        CibWriter w = new CibWriter();
        w.cib(cib, false);
        return w.out.toString();
    }

    /** Only the {@code <configuration>} element. Usage: {@code CibWriter.configurationXml(cib.configuration())}. */
    public static String configurationXml(Configuration c) {
        CibWriter w = new CibWriter();
        w.configuration(c, 0);
        return w.out.toString();
    }

    /** One resource element. Usage: {@code CibWriter.resourceXml(primitive)}. */
    public static String resourceXml(Resource r) {
        CibWriter w = new CibWriter();
        w.resource(r, 0);
        return w.out.toString();
    }

    /** One constraint element. Usage: {@code CibWriter.constraintXml(c)}. */
    public static String constraintXml(Constraint c) {
        CibWriter w = new CibWriter();
        w.constraint(c, 0);
        return w.out.toString();
    }

    /** One attribute set element. Usage: {@code CibWriter.nvsetXml(set)}. */
    public static String nvsetXml(NvSet s) {
        CibWriter w = new CibWriter();
        w.nvset(s, 0);
        return w.out.toString();
    }

    /** A {@code <fencing-topology>} element. Usage: {@code CibWriter.fencingTopologyXml(levels)}. */
    public static String fencingTopologyXml(List<FencingLevel> levels) {
        CibWriter w = new CibWriter();
        w.section("fencing-topology", 0, () -> levels.forEach(l -> w.level(l, 1)), levels.isEmpty());
        return w.out.toString();
    }

    /** A generic element as XML (e.g. a child to create in a patch). Usage: {@code CibWriter.elementXml(SafeXml.read("x", xml))}. */
    public static String elementXml(XmlElement e) {
        CibWriter w = new CibWriter();
        w.raw(e, 0);
        return w.out.toString();
    }

    /** Escapes text for an XML attribute value. Usage: {@code CibWriter.escapeAttribute("a'b")}. */
    public static String escapeAttribute(String value) {
        CibWriter w = new CibWriter();
        w.escape(value, true);
        return w.out.toString().replace("'", "&apos;");
    }

    private void cib(Cib cib, boolean withStatus) {
        Map<String, String> attrs = new LinkedHashMap<>(cib.rootAttributes());
        attrs.put("validate-with", cib.validateWith() == null ? "pacemaker-3.9" : cib.validateWith());
        attrs.put("admin_epoch", Long.toString(cib.version().adminEpoch()));
        attrs.put("epoch", Long.toString(cib.version().epoch()));
        attrs.put("num_updates", Long.toString(cib.version().numUpdates()));
        open("cib", attrs, 0, false);
        configuration(cib.configuration(), 1, cib.sections());
        if (withStatus) {
            if (cib.status().isEmpty()) {
                indent(1).append("<status/>\n");
            } else {
                indent(1).append("<status>\n");
                for (NodeState s : cib.status()) {
                    nodeState(s, 2);
                }
                indent(1).append("</status>\n");
            }
        }
        for (XmlElement e : cib.unknown()) {
            raw(e, 1);
        }
        close("cib", 0);
    }

    private void configuration(Configuration c, int d) {
        configuration(c, d, java.util.Set.of());
    }

    /** {@code present}: section names the source document had, written even when empty. */
    private void configuration(Configuration c, int d, java.util.Set<String> present) {
        indent(d).append("<configuration>\n");
        section("crm_config", d + 1, () -> c.crmConfig().forEach(s -> nvset(s, d + 2)), c.crmConfig().isEmpty());
        section("nodes", d + 1, () -> c.nodes().forEach(n -> node(n, d + 2)), c.nodes().isEmpty());
        section("resources", d + 1, () -> c.resources().forEach(r -> resource(r, d + 2)), c.resources().isEmpty());
        section("constraints", d + 1, () -> c.constraints().forEach(x -> constraint(x, d + 2)), c.constraints().isEmpty());
        if (!c.fencingTopology().isEmpty() || present.contains("fencing-topology")) {
            section("fencing-topology", d + 1, () -> c.fencingTopology().forEach(l -> level(l, d + 2)), c.fencingTopology().isEmpty());
        }
        if (!c.rscDefaults().isEmpty() || present.contains("rsc_defaults")) {
            section("rsc_defaults", d + 1, () -> c.rscDefaults().forEach(s -> nvset(s, d + 2)), c.rscDefaults().isEmpty());
        }
        if (!c.opDefaults().isEmpty() || present.contains("op_defaults")) {
            section("op_defaults", d + 1, () -> c.opDefaults().forEach(s -> nvset(s, d + 2)), c.opDefaults().isEmpty());
        }
        if (!c.alerts().isEmpty() || present.contains("alerts")) {
            section("alerts", d + 1, () -> c.alerts().forEach(a -> alert(a, d + 2)), c.alerts().isEmpty());
        }
        if (!c.tags().isEmpty() || present.contains("tags")) {
            section("tags", d + 1, () -> c.tags().forEach(t -> tag(t, d + 2)), c.tags().isEmpty());
        }
        if (!c.acls().isEmpty() || present.contains("acls")) {
            section("acls", d + 1, () -> c.acls().forEach(a -> acl(a, d + 2)), c.acls().isEmpty());
        }
        for (XmlElement e : c.unknown()) {
            raw(e, d + 1);
        }
        indent(d).append("</configuration>\n");
    }

    private void section(String name, int d, Runnable body, boolean empty) {
        if (empty) {
            indent(d).append('<').append(name).append("/>\n");
            return;
        }
        indent(d).append('<').append(name).append(">\n");
        body.run();
        indent(d).append("</").append(name).append(">\n");
    }

    private void nvset(NvSet s, int d) {
        Map<String, String> a = attrs("id", s.id(), "id-ref", s.idRef(), "score", s.score());
        if (s.pairs().isEmpty() && s.rule().isEmpty()) {
            open(s.kind(), a, d, true);
            return;
        }
        open(s.kind(), a, d, false);
        s.rule().ifPresent(r -> rule(r, d + 1));
        for (NvPair p : s.pairs()) {
            if (p.name().startsWith("@id-ref:")) {
                open("nvpair", attrs("id-ref", p.name().substring("@id-ref:".length())), d + 1, true);
            } else {
                open("nvpair", attrs("id", p.id(), "name", p.name(), "value", p.revealed()), d + 1, true);
            }
        }
        close(s.kind(), d);
    }

    private void rule(Rule r, int d) {
        Map<String, String> a = attrs("id", r.id(), "id-ref", r.idRef(), "score", r.score(), "score-attribute", r.scoreAttribute(),
                "boolean-op", r.booleanOp(), "role", r.role());
        if (r.expressions().isEmpty()) {
            open("rule", a, d, true);
            return;
        }
        open("rule", a, d, false);
        for (RuleExpression e : r.expressions()) {
            if (e instanceof AttributeExpression x) {
                open("expression", attrs("id", x.id(), "attribute", x.attribute(), "operation", x.operation(), "value", x.value(),
                        "type", x.type(), "value-source", x.valueSource()), d + 1, true);
            } else if (e instanceof DateExpression x) {
                Map<String, String> da = attrs("id", x.id(), "operation", x.operation(), "start", x.start(), "end", x.end());
                if (x.dateSpec().isEmpty() && x.duration().isEmpty()) {
                    open("date_expression", da, d + 1, true);
                } else {
                    open("date_expression", da, d + 1, false);
                    if (x.dateSpec().isPresent()) {
                        Map<String, String> sa = new LinkedHashMap<>();
                        sa.put("id", x.id() + "-spec");
                        sa.putAll(x.dateSpec().get());
                        open("date_spec", sa, d + 2, true);
                    }
                    if (!x.duration().isEmpty()) {
                        Map<String, String> sa = new LinkedHashMap<>();
                        sa.put("id", x.id() + "-duration");
                        sa.putAll(x.duration());
                        open("duration", sa, d + 2, true);
                    }
                    close("date_expression", d + 1);
                }
            } else if (e instanceof Rule nested) {
                rule(nested, d + 1);
            } else if (e instanceof OtherExpression o) {
                raw(o.element(), d + 1);
            }
        }
        close("rule", d);
    }

    private void node(Node n, int d) {
        Map<String, String> a = attrs("id", n.id(), "uname", n.uname(), "type", n.type());
        if (n.attributes().isEmpty() && n.utilization().isEmpty()) {
            open("node", a, d, true);
            return;
        }
        open("node", a, d, false);
        n.attributes().forEach(s -> nvset(s, d + 1));
        n.utilization().forEach(s -> nvset(s, d + 1));
        close("node", d);
    }

    private void resource(Resource r, int d) {
        if (r instanceof Primitive p) {
            primitive("primitive", p, d);
        } else if (r instanceof Template t) {
            primitive("template", t.body(), d);
        } else if (r instanceof Group g) {
            Map<String, String> ga = attrs("id", g.id());
            ga.putAll(g.other());
            open("group", ga, d, false);
            g.metaAttributes().forEach(s -> nvset(s, d + 1));
            g.unknown().forEach(e -> raw(e, d + 1));
            g.members().forEach(m -> primitive("primitive", m, d + 1));
            close("group", d);
        } else if (r instanceof Clone c) {
            String el = c.legacyMaster() ? "master" : "clone";
            Map<String, String> ca = attrs("id", c.id());
            ca.putAll(c.other());
            open(el, ca, d, false);
            c.metaAttributes().forEach(s -> nvset(s, d + 1));
            c.unknown().forEach(e -> raw(e, d + 1));
            resource(c.child(), d + 1);
            close(el, d);
        } else if (r instanceof Bundle b) {
            raw(b.element(), d);
        } else if (r instanceof UnknownResource u) {
            raw(u.element(), d);
        }
    }

    private void primitive(String el, Primitive p, int d) {
        Map<String, String> a = attrs("id", p.id());
        if (p.agent() != null) {
            a.put("class", p.agent().standard());
            if (p.agent().provider() != null) {
                a.put("provider", p.agent().provider());
            }
            a.put("type", p.agent().type());
        }
        if (p.template() != null) {
            a.put("template", p.template());
        }
        if (p.description() != null) {
            a.put("description", p.description());
        }
        boolean empty = p.instanceAttributes().isEmpty() && p.metaAttributes().isEmpty() && p.utilization().isEmpty()
                && p.operations().isEmpty() && p.unknown().isEmpty() && p.operationsAttributes().isEmpty();
        open(el, a, d, empty);
        if (empty) {
            return;
        }
        p.instanceAttributes().forEach(s -> nvset(s, d + 1));
        p.metaAttributes().forEach(s -> nvset(s, d + 1));
        p.utilization().forEach(s -> nvset(s, d + 1));
        if (p.operations().isEmpty() && !p.operationsAttributes().isEmpty()) {
            open("operations", new LinkedHashMap<>(p.operationsAttributes()), d + 1, true);
        }
        if (!p.operations().isEmpty()) {
            open("operations", new LinkedHashMap<>(p.operationsAttributes()), d + 1, false);
            for (Operation o : p.operations()) {
                Map<String, String> oa = attrs("id", o.id(), "name", o.name(), "interval", o.interval(), "timeout", o.timeout(),
                        "role", o.role(), "on-fail", o.onFail());
                oa.putAll(o.other());
                if (o.attributeSets().isEmpty()) {
                    open("op", oa, d + 2, true);
                } else {
                    open("op", oa, d + 2, false);
                    o.attributeSets().forEach(s -> nvset(s, d + 3));
                    close("op", d + 2);
                }
            }
            close("operations", d + 1);
        }
        p.unknown().forEach(e -> raw(e, d + 1));
        close(el, d);
    }

    private void constraint(Constraint c, int d) {
        if (c instanceof LocationConstraint l) {
            Map<String, String> a = attrs("id", l.id(), "rsc", l.rsc(), "rsc-pattern", l.rscPattern(), "node", l.node(),
                    "score", l.score(), "role", l.role(), "resource-discovery", l.resourceDiscovery());
            a.putAll(l.other());
            boolean empty = l.rules().isEmpty() && l.sets().isEmpty();
            open("rsc_location", a, d, empty);
            if (!empty) {
                l.sets().forEach(s -> set(s, d + 1));
                l.rules().forEach(r -> rule(r, d + 1));
                close("rsc_location", d);
            }
        } else if (c instanceof ColocationConstraint x) {
            Map<String, String> a = attrs("id", x.id(), "rsc", x.rsc(), "with-rsc", x.withRsc(), "score", x.score(),
                    "rsc-role", x.rscRole(), "with-rsc-role", x.withRscRole(), "node-attribute", x.nodeAttribute());
            a.putAll(x.other());
            withSets("rsc_colocation", a, x.sets(), d);
        } else if (c instanceof OrderConstraint x) {
            Map<String, String> a = attrs("id", x.id(), "first", x.first(), "then", x.then(), "first-action", x.firstAction(),
                    "then-action", x.thenAction(), "kind", x.kind(), "score", x.score(), "symmetrical", x.symmetrical());
            a.putAll(x.other());
            withSets("rsc_order", a, x.sets(), d);
        } else if (c instanceof TicketConstraint x) {
            Map<String, String> a = attrs("id", x.id(), "ticket", x.ticket(), "rsc", x.rsc(), "rsc-role", x.rscRole(),
                    "loss-policy", x.lossPolicy());
            a.putAll(x.other());
            withSets("rsc_ticket", a, x.sets(), d);
        } else if (c instanceof UnknownConstraint u) {
            raw(u.element(), d);
        }
    }

    private void withSets(String el, Map<String, String> a, List<ResourceSet> sets, int d) {
        open(el, a, d, sets.isEmpty());
        if (!sets.isEmpty()) {
            sets.forEach(s -> set(s, d + 1));
            close(el, d);
        }
    }

    private void set(ResourceSet s, int d) {
        Map<String, String> a = attrs("id", s.id(), "id-ref", s.idRef(), "sequential", s.sequential(), "require-all", s.requireAll(),
                "role", s.role(), "action", s.action());
        a.putAll(s.other());
        open("resource_set", a, d, s.resources().isEmpty());
        if (!s.resources().isEmpty()) {
            for (String r : s.resources()) {
                open("resource_ref", attrs("id", r), d + 1, true);
            }
            close("resource_set", d);
        }
    }

    private void level(FencingLevel l, int d) {
        open("fencing-level", attrs("id", l.id(), "index", Integer.toString(l.index()), "target", l.target(),
                "target-pattern", l.targetPattern(), "target-attribute", l.targetAttribute(), "target-value", l.targetValue(),
                "devices", String.join(",", l.devices())), d, true);
    }

    private void alert(Alert a, int d) {
        Map<String, String> at = attrs("id", a.id(), "path", a.path(), "description", a.description());
        boolean empty = a.attributeSets().isEmpty() && a.recipients().isEmpty();
        open("alert", at, d, empty);
        if (!empty) {
            a.attributeSets().forEach(s -> nvset(s, d + 1));
            for (Alert.Recipient r : a.recipients()) {
                Map<String, String> ra = attrs("id", r.id(), "value", r.value(), "description", r.description());
                open("recipient", ra, d + 1, r.attributeSets().isEmpty());
                if (!r.attributeSets().isEmpty()) {
                    r.attributeSets().forEach(x -> nvset(x, d + 2));
                    close("recipient", d + 1);
                }
            }
            close("alert", d);
        }
    }

    private void tag(Tag t, int d) {
        open("tag", attrs("id", t.id()), d, false);
        for (String r : t.references()) {
            open("obj_ref", attrs("id", r), d + 1, true);
        }
        close("tag", d);
    }

    private void acl(AclEntry a, int d) {
        boolean empty = a.roles().isEmpty() && a.permissions().isEmpty();
        open(a.kind(), attrs("id", a.id()), d, empty);
        if (!empty) {
            for (String r : a.roles()) {
                open("role", attrs("id", r), d + 1, true);
            }
            for (AclEntry.Permission p : a.permissions()) {
                open("acl_permission", attrs("id", p.id(), "kind", p.kind(), "xpath", p.xpath(), "reference", p.reference(),
                        "attribute", p.attribute()), d + 1, true);
            }
            close(a.kind(), d);
        }
    }

    private void nodeState(NodeState s, int d) {
        Map<String, String> a = attrs("id", s.id(), "uname", s.uname(), "in_ccm", s.inCcm(), "crmd", s.crmd(), "join", s.join(),
                "expected", s.expected());
        a.putAll(s.other());
        open("node_state", a, d, false);
        if (!s.transientAttributes().isEmpty()) {
            open("transient_attributes", attrs("id", s.id()), d + 1, false);
            open("instance_attributes", attrs("id", "status-" + s.id()), d + 2, false);
            for (Map.Entry<String, String> e : s.transientAttributes().entrySet()) {
                open("nvpair", attrs("id", "status-" + s.id() + "-" + e.getKey(), "name", e.getKey(), "value", e.getValue()), d + 3, true);
            }
            close("instance_attributes", d + 2);
            close("transient_attributes", d + 1);
        }
        open("lrm", attrs("id", s.id()), d + 1, false);
        indent(d + 2).append("<lrm_resources>\n");
        for (LrmResource r : s.lrmResources()) {
            Map<String, String> ra = attrs("id", r.id());
            if (r.agent() != null) {
                ra.put("type", r.agent().type());
                ra.put("class", r.agent().standard());
                if (r.agent().provider() != null) {
                    ra.put("provider", r.agent().provider());
                }
            }
            open("lrm_resource", ra, d + 3, r.ops().isEmpty());
            if (!r.ops().isEmpty()) {
                for (LrmOp o : r.ops()) {
                    Map<String, String> oa = attrs("id", o.id(), "operation", o.operation(), "transition-key", o.transitionKey(),
                            "on_node", o.onNode(), "exit-reason", o.exitReason());
                    oa.put("call-id", Integer.toString(o.callId()));
                    oa.put("rc-code", Integer.toString(o.rcCode()));
                    oa.put("op-status", Integer.toString(o.opStatus()));
                    oa.put("interval", Long.toString(o.intervalMs()));
                    oa.put("last-rc-change", Long.toString(o.lastRcChange()));
                    oa.put("exec-time", Long.toString(o.execTimeMs()));
                    oa.putAll(o.other());
                    open("lrm_rsc_op", oa, d + 4, true);
                }
                close("lrm_resource", d + 3);
            }
        }
        indent(d + 2).append("</lrm_resources>\n");
        close("lrm", d + 1);
        close("node_state", d);
    }

    private void raw(XmlElement e, int d) {
        boolean empty = e.children().isEmpty() && e.text().isEmpty();
        open(e.name(), e.attributes(), d, empty);
        if (empty) {
            return;
        }
        if (e.children().isEmpty()) {
            out.setLength(out.length() - 1);
            escape(e.text(), false);
            out.append("</").append(e.name()).append(">\n");
            return;
        }
        if (!e.text().isEmpty()) {
            indent(d + 1);
            escape(e.text(), false);
            out.append('\n');
        }
        e.children().forEach(c -> raw(c, d + 1));
        close(e.name(), d);
    }

    private static Map<String, String> attrs(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put(kv[i], kv[i + 1]);
            }
        }
        return m;
    }

    private StringBuilder indent(int d) {
        for (int i = 0; i < d; i++) {
            out.append("  ");
        }
        return out;
    }

    private void open(String name, Map<String, String> attrs, int d, boolean selfClose) {
        indent(d).append('<').append(name);
        for (Map.Entry<String, String> a : attrs.entrySet()) {
            out.append(' ').append(a.getKey()).append("=\"");
            escape(a.getValue(), true);
            out.append('"');
        }
        out.append(selfClose ? "/>\n" : ">\n");
    }

    private void close(String name, int d) {
        indent(d).append("</").append(name).append(">\n");
    }

    private void escape(String s, boolean attr) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '&':
                    out.append("&amp;");
                    break;
                case '"':
                    out.append(attr ? "&quot;" : "\"");
                    break;
                case '\n':
                    out.append(attr ? "&#10;" : "\n");
                    break;
                case '\t':
                    out.append(attr ? "&#9;" : "\t");
                    break;
                case '\r':
                    out.append("&#13;");
                    break;
                default:
                    out.append(c);
            }
        }
    }
}
