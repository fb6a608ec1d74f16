package org.sansdk.pacemaker.sim;

/**
 * One line of crm_simulate's {@code <actions>} summary: a resource action (start, stop, move, recover, restart,
 * promote...) or a node action (Fence (reboot), Shutdown).
 * Usage: {@code a.isFencing() && a.node().equals("storage-a")}.
 *
 * @param element  rsc_action or node_action
 * @param action   action (for node actions: the task, e.g. "Fence (reboot)")
 * @param resource resource or null
 * @param node     node or null
 * @param source   move/recover source node or null
 * @param dest     move/recover destination node or null
 * @param reason   reason or null
 * @param blocked  true when the scheduler could not do it
 */
public record PlannedAction(String element, String action, String resource, String node, String source, String dest,
                            String reason, boolean blocked) {
    /** True for a fencing node action. Usage: {@code a.isFencing()}. */
    public boolean isFencing() {
        return element.equals("node_action") && action != null && action.startsWith("Fence");
    }
}
