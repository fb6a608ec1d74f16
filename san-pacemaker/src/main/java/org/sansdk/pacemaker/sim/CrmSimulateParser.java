package org.sansdk.pacemaker.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sansdk.core.ParseException;
import org.sansdk.pacemaker.status.ClusterStatus;
import org.sansdk.pacemaker.status.CrmMonParser;
import org.sansdk.pacemaker.xml.SafeXml;
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
     * @throws ParseException on malformed XML or a root other than {@code pacemaker-result}
     */
    public static Simulation parse(String source, String text) {
        XmlElement root = SafeXml.read(source, text);
        if (!root.name().equals("pacemaker-result")) {
            throw SafeXml.error(source, text, root, "root element <pacemaker-result> (found <" + root.name() + ">)");
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
