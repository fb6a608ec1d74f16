package org.sansdk.corosync;

/**
 * One row of corosync-quorumtool's membership table.
 *
 * <pre>{@code status.members().stream().filter(QuorumMember::local).findFirst()}</pre>
 *
 * @param nodeId  node id (0 for the qdevice row)
 * @param votes   votes
 * @param qdevice qdevice flags column ({@code A,V,NMW}), empty when the table has no such column or the cell is empty
 * @param name    node name, or the address corosync printed when the node has no name; {@code Qdevice} for node 0
 * @param local   marked {@code (local)}
 */
public record QuorumMember(long nodeId, int votes, String qdevice, String name, boolean local) {
    /** True for the qdevice row (node id 0). */
    public boolean qdeviceRow() {
        return nodeId == 0;
    }
}
