package org.sansdk.iscsi;

import java.util.List;

/**
 * What {@code iscsiadm -m node} or {@code iscsiadm -m discovery -t sendtargets} printed: records, or the
 * typed answer {@code No records found} (exit code 21). An empty capture is refused, never read as "none".
 *
 * <pre>{@code NodeList n = NodeListParser.parse("iscsiadm -m node", text); n.noRecords();}</pre>
 *
 * @param status what the capture said
 * @param nodes  the records in printed order
 */
public record NodeList(Status status, List<NodeEntry> nodes) {
    /** What the capture said. */
    public enum Status {
        /** One line per record. */
        RECORDS,
        /** {@code iscsiadm: No records found}. */
        NO_RECORDS
    }

    /** Copies the list. */
    public NodeList {
        nodes = List.copyOf(nodes);
        if ((status == Status.NO_RECORDS) != nodes.isEmpty()) {
            throw new IllegalArgumentException("status " + status + " with " + nodes.size() + " records");
        }
    }

    /** The typed "no records" answer. */
    public static NodeList none() {
        return new NodeList(Status.NO_RECORDS, List.of());
    }

    /** True when iscsiadm said there are no records. */
    public boolean noRecords() {
        return status == Status.NO_RECORDS;
    }
}
