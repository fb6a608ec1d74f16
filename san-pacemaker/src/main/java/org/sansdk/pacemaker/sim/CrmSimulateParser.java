package org.sansdk.pacemaker.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sansdk.core.ParseException;
import org.sansdk.pacemaker.status.ClusterStatus;
import org.sansdk.pacemaker.status.CrmMonParser;
import org.sansdk.pacemaker.internal.SafeXml;
import org.sansdk.pacemaker.xml.XmlElement;

/**
 * Parses {@code crm_simulate --output-as=xml} (Pacemaker 2.1).
 * Usage: {@code Simulation s = CrmSimulateParser.parse("crm_simulate", stdout);}
 */
public final class CrmSimulateParser {
    private CrmSimulateParser() {
    }

    /**
     * Parses the XML.
     * Usage: {@code CrmSimulateParser.parse("sim.xml", text)}.
     *
     * <p>Takes crm_simulate's XML only ({@code --output-as=xml}); its text form ("Current cluster status:"), crm_mon
     * output, a CIB or any other document is refused naming what it looks like. The document must end with
     * crm_simulate's {@code <status code=…>} element (without it the capture is cut short).
     *
     * @throws ParseException on malformed XML, another kind of document, or a capture without its end
     */
    public static Simulation parse(String source, String text) {
        org.sansdk.pacemaker.internal.DocumentKind.requireXml(source, text, "crm_simulate XML (crm_simulate --output-as=xml)");
        XmlElement root = SafeXml.read(source, text);
        if (!root.name().equals("pacemaker-result")
                || !org.sansdk.pacemaker.internal.DocumentKind.CRM_SIMULATE.equals(org.sansdk.pacemaker.internal.DocumentKind.tool(root))) {
            throw org.sansdk.pacemaker.internal.DocumentKind.wrongKind(source, text, root,
                    "crm_simulate output (<pacemaker-result request=\"crm_simulate …\"> with cluster_status/actions/transition)");
        }
        XmlElement last = root.children().isEmpty() ? null : root.children().get(root.children().size() - 1);
        if (last == null || !last.name().equals("status") || last.get("code") == null) {
            throw SafeXml.error(source, text, last == null ? root : last,
                    "crm_simulate's closing <status code=…> element as the last child (without it the capture is cut short)");
        }
        Optional<ClusterStatus> before = Optional.empty();
        Optional<ClusterStatus> after = Optional.empty();
        List<Map<String, String>> mods = new ArrayList<>();
        List<PlannedAction> actions = new ArrayList<>();
        List<TransitionStep> steps = new ArrayList<>();
        int code = -1;
        for (XmlElement c : root.children()) {
            switch (c.name()) {
                case "cluster_status":
                    before = Optional.of(CrmMonParser.fromElement(source, text, c));
                    break;
                case "revised_cluster_status":
                    after = Optional.of(CrmMonParser.fromElement(source, text, c));
                    break;
                case "modifications":
                    for (XmlElement m : c.children()) {
                        Map<String, String> a = new LinkedHashMap<>(m.attributes());
                        a.put("element", m.name());
                        mods.add(a);
                    }
                    break;
                case "actions":
                    for (XmlElement a : c.children()) {
                        String action = a.name().equals("node_action") ? a.get("task") : a.get("action");
                        if (action == null) {
                            throw SafeXml.error(source, text, a, "attribute 'action' or 'task' on <" + a.name() + ">");
                        }
                        actions.add(new PlannedAction(a.name(), action, a.get("resource"), a.get("node"), a.get("source"),
                                a.get("dest"), a.get("reason"), "true".equals(a.get("blocked"))));
                    }
                    break;
                case "transition":
                    for (XmlElement t : c.children()) {
                        steps.add(step(source, text, t));
                    }
                    break;
                case "status":
                    try {
                        code = Integer.parseInt(c.attr("code").orElse("-1"));
                    } catch (NumberFormatException e) {
                        throw SafeXml.error(source, text, c, "an integer status code");
                    }
                    break;
                default:
                    break;
            }
        }
        return new Simulation(before, mods, actions, steps, after, code);
    }

    private static TransitionStep step(String source, String text, XmlElement t) {
        switch (t.name()) {
            case "rsc_action": {
                long interval = 0;
                String iv = t.get("interval");
                if (iv != null) {
                    try {
                        interval = Long.parseLong(iv);
                    } catch (NumberFormatException e) {
                        throw SafeXml.error(source, text, t, "an integer interval");
                    }
                }
                return new TransitionStep(TransitionStep.Kind.RESOURCE, t.get("resource"), t.get("op"), t.get("node"), interval);
            }
            case "pseudo_action": {
                // task is "<rsc>_<op>_<interval>" (e.g. zfs-pool_stop_0, san-services_running_0)
                String task = t.get("task");
                if (task == null) {
                    throw SafeXml.error(source, text, t, "attribute 'task' on <pseudo_action>");
                }
                String rsc = task;
                String op = task;
                long interval = 0;
                int last = task.lastIndexOf('_');
                int prev = last > 0 ? task.lastIndexOf('_', last - 1) : -1;
                if (prev > 0) {
                    rsc = task.substring(0, prev);
                    op = task.substring(prev + 1, last);
                    try {
                        interval = Long.parseLong(task.substring(last + 1));
                    } catch (NumberFormatException e) {
                        interval = 0;
                    }
                }
                return new TransitionStep(TransitionStep.Kind.PSEUDO, rsc, op, t.get("node"), interval);
            }
            case "fencing_action":
                return new TransitionStep(TransitionStep.Kind.FENCING, null, t.get("op"), t.get("target"), 0);
            case "cluster_action":
                return new TransitionStep(TransitionStep.Kind.CLUSTER, null, t.get("task"), t.get("node"), 0);
            default:
                return new TransitionStep(TransitionStep.Kind.OTHER, null, t.name(), t.get("node"), 0);
        }
    }
}
