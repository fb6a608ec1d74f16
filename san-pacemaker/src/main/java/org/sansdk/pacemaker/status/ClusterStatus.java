package org.sansdk.pacemaker.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sansdk.pacemaker.xml.XmlElement;

/**
 * What {@code crm_mon -1 --output-as=xml} reports (new {@code pacemaker-result} and legacy {@code crm_mon} formats).
 * Usage: {@code ClusterStatus s = CrmMonParser.parse("crm_mon", xml); s.runningOn("zfs-pool")}.
 *
 * @param apiVersion     api-version (legacy format: its version attribute)
 * @param summary        summary (null fields when absent)
 * @param nodes          nodes
 * @param resources      top-level resources
 * @param nodeAttributes node name → attribute name → value
 * @param history        operation history entries
 * @param failures       failed actions
 * @param fenceHistory   fencing events
 * @param tickets        ticket id → status (granted/revoked)
 * @param bans           ban constraint ids with resource/node as attribute maps
 * @param resultCode     status code (0 OK; -1 when absent)
 * @param resultMessage  status message or null
 * @param unknown        other top-level elements kept verbatim
 * @param errors         the {@code <status><errors><error>} texts (crm_mon 2.1 reports "Could not connect to the CIB: …"
 *                       there even with status code 0, and then lists no nodes)
 */
public record ClusterStatus(String apiVersion, Optional<Summary> summary, List<MonNode> nodes, List<MonResource> resources,
                            Map<String, Map<String, String>> nodeAttributes, List<OperationHistory> history,
                            List<Failure> failures, List<FenceEvent> fenceHistory, Map<String, String> tickets,
                            List<Map<String, String>> bans, int resultCode, String resultMessage, List<XmlElement> unknown,
                            List<String> errors) {
    /** Copies. Usage: see type. */
    public ClusterStatus {
        errors = List.copyOf(errors);
        nodes = List.copyOf(nodes);
        resources = List.copyOf(resources);
        nodeAttributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(nodeAttributes));
        history = List.copyOf(history);
        failures = List.copyOf(failures);
        fenceHistory = List.copyOf(fenceHistory);
        tickets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tickets));
        bans = List.copyOf(bans);
        unknown = List.copyOf(unknown);
    }

    /** Without reported errors. Usage: as the canonical constructor minus {@code errors}. */
    public ClusterStatus(String apiVersion, Optional<Summary> summary, List<MonNode> nodes, List<MonResource> resources,
                         Map<String, Map<String, String>> nodeAttributes, List<OperationHistory> history, List<Failure> failures,
                         List<FenceEvent> fenceHistory, Map<String, String> tickets, List<Map<String, String>> bans, int resultCode,
                         String resultMessage, List<XmlElement> unknown) {
        this(apiVersion, summary, nodes, resources, nodeAttributes, history, failures, fenceHistory, tickets, bans, resultCode,
                resultMessage, unknown, List.of());
    }

    /** True when crm_mon reported an error or a non-zero status code. Usage: {@code if (s.hasErrors()) ...}. */
    public boolean hasErrors() {
        return !errors.isEmpty() || resultCode > 0;
    }

    /** A node by name. Usage: {@code s.node("quorum")}. */
    public Optional<MonNode> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** All primitive instances, nested ones included. Usage: {@code s.primitives()}. */
    public List<MonResource> primitives() {
        List<MonResource> out = new ArrayList<>();
        for (MonResource r : resources) {
            for (MonResource f : r.flatten()) {
                if (f.kind() == MonResource.Kind.PRIMITIVE) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** Nodes where a primitive (any instance) is active. Usage: {@code s.runningOn("zfs-pool")}. */
    public List<String> runningOn(String resourceId) {
        List<String> out = new ArrayList<>();
        for (MonResource p : primitives()) {
            if (p.id().equals(resourceId) && p.active()) {
                out.addAll(p.nodes());
            }
        }
        return out;
    }

    /** Primitive id → nodes it is active on (inactive primitives map to an empty list). Usage: {@code s.placements()}. */
    public Map<String, List<String>> placements() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (MonResource p : primitives()) {
            List<String> l = out.computeIfAbsent(p.id(), k -> new ArrayList<>());
            if (p.active()) {
                l.addAll(p.nodes());
            }
        }
        return out;
    }
}
