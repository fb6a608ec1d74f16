package org.sansdk.pacemaker.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sansdk.core.ParseException;
import org.sansdk.pacemaker.internal.SafeXml;
import org.sansdk.pacemaker.xml.XmlElement;

/**
 * Parses {@code crm_mon --output-as=xml} ({@code <pacemaker-result>}, Pacemaker 2.0+) and the legacy
 * {@code crm_mon --as-xml} ({@code <crm_mon version="...">}) output into a {@link ClusterStatus}.
 *
 * <p>Usage: {@code ClusterStatus s = CrmMonParser.parse("crm_mon", xml);}
 */
public final class CrmMonParser {
    private final String source;
    private final String text;

    private CrmMonParser(String source, String text) {
        this.source = source;
        this.text = text;
    }

    /**
     * Parses crm_mon XML text.
     * Usage: {@code CrmMonParser.parse("crm_mon -1 --output-as=xml", stdout)}.
     *
     * <p>The document kind is checked first: a {@code <pacemaker-result>} must come from crm_mon (its {@code request},
     * else its shape: summary/nodes/resources, not crm_simulate's cluster_status/transition or stonith_admin's event
     * list) and end with crm_mon's {@code <status code=…>} element (a capture without it is cut short); the legacy
     * {@code <crm_mon>} must have its {@code <summary>} and {@code <nodes>}. Anything else is refused naming what it
     * looks like, never read as an empty cluster.
     *
     * @throws ParseException on malformed XML, a DOCTYPE, another tool's output, a CIB, or a capture without its end
     */
    public static ClusterStatus parse(String source, String text) {
        org.sansdk.pacemaker.internal.DocumentKind.requireXml(source, text, "crm_mon XML (crm_mon --output-as=xml)");
        XmlElement root = SafeXml.read(source, text);
        String tool = org.sansdk.pacemaker.internal.DocumentKind.tool(root);
        if (!org.sansdk.pacemaker.internal.DocumentKind.CRM_MON.equals(tool)) {
            throw org.sansdk.pacemaker.internal.DocumentKind.wrongKind(source, text, root,
                    "crm_mon output (<pacemaker-result request=\"crm_mon …\"> with summary/nodes/resources, or legacy <crm_mon>)");
        }
        if (root.name().equals("pacemaker-result")) {
            XmlElement last = root.children().isEmpty() ? null : root.children().get(root.children().size() - 1);
            if (last == null || !last.name().equals("status")) {
                throw SafeXml.error(source, text, last == null ? root : last,
                        "crm_mon's closing <status code=…> element as the last child of <pacemaker-result> (without it the capture is cut short)");
            }
            if (last.get("code") == null) {
                throw SafeXml.error(source, text, last, "attribute 'code' on <status>");
            }
        } else {
            for (String need : java.util.List.of("summary", "nodes")) {
                if (root.child(need).isEmpty()) {
                    throw SafeXml.error(source, text, root, "<" + need + "> inside legacy <crm_mon> (without it the capture is incomplete)");
                }
            }
        }
        return new CrmMonParser(source, text).status(root, root.name().equals("crm_mon") ? root.get("version") : root.get("api-version"));
    }

    /**
     * Maps an element with crm_mon's children (summary/nodes/resources/...), as also found inside crm_simulate's
     * {@code cluster_status}/{@code revised_cluster_status}. Usage: {@code CrmMonParser.fromElement("sim", text, el)}.
     */
    public static ClusterStatus fromElement(String source, String text, XmlElement el) {
        return new CrmMonParser(source, text).status(el, null);
    }

    ClusterStatus status(XmlElement root, String version) {
        Optional<Summary> summary = Optional.empty();
        List<MonNode> nodes = new ArrayList<>();
        List<MonResource> resources = new ArrayList<>();
        Map<String, Map<String, String>> attrs = new LinkedHashMap<>();
        List<OperationHistory> history = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        List<FenceEvent> fences = new ArrayList<>();
        Map<String, String> tickets = new LinkedHashMap<>();
        List<Map<String, String>> bans = new ArrayList<>();
        int code = -1;
        String message = null;
        List<String> errors = new ArrayList<>();
        List<XmlElement> unknown = new ArrayList<>();
        for (XmlElement c : root.children()) {
            switch (c.name()) {
                case "summary":
                    summary = Optional.of(summary(c));
                    break;
                case "nodes":
                    for (XmlElement n : c.children("node")) {
                        nodes.add(node(n));
                    }
                    break;
                case "resources":
                    for (XmlElement r : c.children()) {
                        resources.add(resource(r));
                    }
                    break;
                case "node_attributes":
                    for (XmlElement n : c.children("node")) {
                        Map<String, String> m = new LinkedHashMap<>();
                        for (XmlElement a : n.children("attribute")) {
                            m.put(req(a, "name"), a.get("value"));
                        }
                        attrs.put(req(n, "name"), m);
                    }
                    break;
                case "node_history":
                    for (XmlElement n : c.children("node")) {
                        String node = req(n, "name");
                        for (XmlElement rh : n.children("resource_history")) {
                            String rsc = req(rh, "id");
                            for (XmlElement oh : rh.children("operation_history")) {
                                history.add(new OperationHistory(node, rsc, (int) num(oh, "call"), oh.get("task"),
                                        (int) num(oh, "rc"), oh.get("rc_text"), ms(oh.get("interval")), ms(oh.get("exec-time"))));
                            }
                        }
                    }
                    break;
                case "failures":
                    for (XmlElement f : c.children("failure")) {
                        failures.add(new Failure(f.get("op_key"), f.get("node"), f.get("exitstatus"), f.get("exitreason"),
                                (int) num(f, "exitcode"), f.get("task"), f.get("status"),
                                f.get("call") == null ? -1 : (int) num(f, "call"),
                                f.get("interval") == null ? -1 : msStrict(f, "interval"), f.get("last-rc-change")));
                    }
                    break;
                case "fence_history":
                    for (XmlElement f : c.children("fence_event")) {
                        fences.add(fence(f));
                    }
                    break;
                case "tickets":
                    for (XmlElement t : c.children("ticket")) {
                        tickets.put(req(t, "id"), t.get("status"));
                    }
                    break;
                case "bans":
                    for (XmlElement b : c.children("ban")) {
                        bans.add(b.attributes());
                    }
                    break;
                case "status":
                    code = (int) num(c, "code");
                    message = c.get("message");
                    for (XmlElement es : c.children("errors")) {
                        for (XmlElement e : es.children("error")) {
                            errors.add(e.text() == null ? "" : e.text().strip());
                        }
                    }
                    break;
                default:
                    unknown.add(c);
            }
        }
        return new ClusterStatus(version, summary, nodes, resources, attrs, history, failures, fences, tickets, bans, code, message, unknown,
                errors);
    }

    /** Maps one fence_event element. Usage: internal and {@code FencingHistoryParser}. */
    static FenceEvent fence(XmlElement f) {
        return new FenceEvent(f.get("target"), f.get("action"), f.get("delegate"), f.get("client"), f.get("origin"),
                f.get("status"), f.get("completed"), f.get("exit-reason"));
    }

    private Summary summary(XmlElement s) {
        XmlElement dc = s.child("current_dc").orElse(XmlElement.of("current_dc", Map.of()));
        Map<String, String> opts = s.child("cluster_options").map(XmlElement::attributes).orElse(Map.of());
        XmlElement rc = s.child("resources_configured").orElse(XmlElement.of("x", Map.of()));
        return new Summary(s.child("stack").map(e -> e.get("type")).orElse(null), dc.get("name"), bool(dc.get("present")),
                bool(dc.get("with_quorum")), s.child("last_update").map(e -> e.get("time")).orElse(null),
                s.child("last_change").map(e -> e.get("time")).orElse(null),
                (int) (long) s.child("nodes_configured").map(e -> num(e, "number")).orElse(0L), (int) num(rc, "number"),
                (int) num(rc, "disabled"), (int) num(rc, "blocked"), opts);
    }

    private MonNode node(XmlElement n) {
        return new MonNode(req(n, "name"), n.get("id"), bool(n.get("online")), bool(n.get("standby")), bool(n.get("standby_onfail")),
                bool(n.get("maintenance")), bool(n.get("pending")), bool(n.get("unclean")), bool(n.get("shutdown")),
                bool(n.get("expected_up")), bool(n.get("is_dc")), (int) num(n, "resources_running"), n.get("type"));
    }

    private MonResource resource(XmlElement r) {
        MonResource.Kind kind;
        switch (r.name()) {
            case "resource":
                kind = MonResource.Kind.PRIMITIVE;
                break;
            case "group":
                kind = MonResource.Kind.GROUP;
                break;
            case "clone":
                kind = MonResource.Kind.CLONE;
                break;
            case "bundle":
                kind = MonResource.Kind.BUNDLE;
                break;
            case "replica":
                kind = MonResource.Kind.REPLICA;
                break;
            default:
                throw SafeXml.error(source, text, r, "<resource>, <group>, <clone>, <bundle> or <replica> (found <" + r.name() + ">)");
        }
        List<String> nodes = new ArrayList<>();
        List<MonResource> children = new ArrayList<>();
        for (XmlElement c : r.children()) {
            if (c.name().equals("node")) {
                nodes.add(req(c, "name"));
            } else {
                children.add(resource(c));
            }
        }
        return new MonResource(kind, req(r, "id"), r.attributes(), nodes, children);
    }

    private String req(XmlElement e, String attr) {
        String v = e.get(attr);
        if (v == null) {
            throw SafeXml.error(source, text, e, "attribute '" + attr + "' on <" + e.name() + ">");
        }
        return v;
    }

    private long num(XmlElement e, String attr) {
        String v = e.get(attr);
        if (v == null || v.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException ex) {
            throw SafeXml.error(source, text, e, "an integer in attribute '" + attr + "' (found '" + v + "')");
        }
    }

    private long msStrict(XmlElement e, String attr) {
        long v = ms(e.get(attr));
        if (v < 0) {
            throw SafeXml.error(source, text, e, "milliseconds in attribute '" + attr + "' (found '" + e.get(attr) + "')");
        }
        return v;
    }

    private static long ms(String v) {
        if (v == null) {
            return 0;
        }
        String t = v.endsWith("ms") ? v.substring(0, v.length() - 2) : v;
        try {
            return Long.parseLong(t.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean bool(String v) {
        return "true".equals(v) || "1".equals(v);
    }
}
