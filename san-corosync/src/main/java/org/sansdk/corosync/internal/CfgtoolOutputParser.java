package org.sansdk.corosync.internal;

import org.sansdk.core.spi.OutputParser;
import org.sansdk.corosync.CfgToolParser;

/**
 * {@code sanctl parse cfgtool FILE}: {@code corosync-cfgtool -s} or {@code -n} (told apart by the second
 * line: {@code LINK ID}/{@code RING ID} for -s, {@code nodeid:} or nothing for -n) as JSON.
 *
 * <pre>{@code Object json = new CfgtoolOutputParser().parse("cfgtool.txt", text);}</pre>
 */
public final class CfgtoolOutputParser implements OutputParser {
    /** For ServiceLoader. */
    public CfgtoolOutputParser() {
    }

    @Override
    public String kind() {
        return "cfgtool";
    }

    @Override
    public String description() {
        return "corosync-cfgtool -s / -n (knet links per node, corosync 2 rings, reachable nodes)";
    }

    @Override
    public Object parse(String sourceName, String text) {
        String[] lines = text.strip().split("\n");
        boolean nodes = lines.length == 1 && lines[0].contains(", transport ") || lines.length > 1 && lines[1].startsWith("nodeid:");
        return nodes ? CfgToolParser.parseNodes(sourceName, text) : CfgToolParser.parseStatus(sourceName, text);
    }
}
