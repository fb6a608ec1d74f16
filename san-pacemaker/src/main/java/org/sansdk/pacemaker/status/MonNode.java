package org.sansdk.pacemaker.status;

/**
 * A node as {@code crm_mon --output-as=xml} reports it.
 * Usage: {@code status.node("storage-a").map(MonNode::online)}.
 *
 * @param name             node name
 * @param id               node id
 * @param online           online
 * @param standby          standby
 * @param standbyOnFail    standby because of a failure
 * @param maintenance      maintenance
 * @param pending          pending
 * @param unclean          unclean (needs fencing)
 * @param shutdown         shutting down
 * @param expectedUp       expected up
 * @param dc               is the DC
 * @param resourcesRunning number of resources running
 * @param type             member, remote, ping
 */
public record MonNode(String name, String id, boolean online, boolean standby, boolean standbyOnFail, boolean maintenance,
                      boolean pending, boolean unclean, boolean shutdown, boolean expectedUp, boolean dc,
                      int resourcesRunning, String type) {
}
