package org.sansdk.corosync.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sansdk.core.spi.OutputParser;
import org.sansdk.corosync.QuorumToolParser;

/**
 * {@code sanctl parse quorumtool FILE}: {@code corosync-quorumtool -s} (or {@code -l}, told apart by the first
 * line) as JSON.
 *
 * <pre>{@code Object json = new QuorumtoolOutputParser().parse("q.txt", text);}</pre>
 */
public final class QuorumtoolOutputParser implements OutputParser {
    /** For ServiceLoader. */
    public QuorumtoolOutputParser() {
    }

    @Override
    public String kind() {
        return "quorumtool";
    }

    @Override
    public String description() {
        return "corosync-quorumtool -s / -l (quorate, votes, flags, membership with qdevice rows)";
    }

    @Override
    public Object parse(String sourceName, String text) {
        if (text.strip().startsWith("Membership information")) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("members", QuorumToolParser.parseList(sourceName, text));
            return out;
        }
        return QuorumToolParser.parseStatus(sourceName, text);
    }
}
