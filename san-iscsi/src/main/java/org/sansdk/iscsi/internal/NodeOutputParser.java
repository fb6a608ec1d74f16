package org.sansdk.iscsi.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sansdk.core.Secret;
import org.sansdk.core.spi.OutputParser;
import org.sansdk.iscsi.NodeListParser;
import org.sansdk.iscsi.NodeRecord;
import org.sansdk.iscsi.NodeRecordParser;

/**
 * {@code sanctl parse iscsiadm-node FILE}: {@code iscsiadm -m node} / sendtargets lists, or one record
 * ({@code -o show [-S]}, told apart by {@code # BEGIN RECORD}); passwords as {@code ****}, unset values as "".
 *
 * <pre>{@code Object model = new NodeOutputParser().parse("n.txt", text);}</pre>
 */
public final class NodeOutputParser implements OutputParser {
    /** For ServiceLoader. */
    public NodeOutputParser() {
    }

    /**
     * A record for JSON: settings in order.
     *
     * @param version  the record version
     * @param settings key to value ("" when unset; passwords as {@code ****})
     */
    public record RecordJson(String version, Map<String, String> settings) {
    }

    @Override
    public String kind() {
        return "iscsiadm-node";
    }

    @Override
    public String description() {
        return "iscsiadm -m node / -m discovery lists, or a node record (-o show); passwords masked";
    }

    @Override
    public Object parse(String sourceName, String text) {
        if (text != null && text.stripLeading().startsWith("# BEGIN RECORD")) {
            NodeRecord r = NodeRecordParser.parse(sourceName, text);
            Map<String, String> m = new LinkedHashMap<>();
            for (NodeRecord.Entry e : r.entries()) {
                m.put(e.key(), switch (e.value().kind()) {
                    case TEXT -> e.value().text();
                    case EMPTY -> "";
                    case SECRET, MASKED -> Secret.MASK;
                });
            }
            return new RecordJson(r.version(), m);
        }
        return NodeListParser.parse(sourceName, text);
    }
}
