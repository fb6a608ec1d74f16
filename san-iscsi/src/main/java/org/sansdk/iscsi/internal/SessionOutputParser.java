package org.sansdk.iscsi.internal;

import org.sansdk.core.spi.OutputParser;
import org.sansdk.iscsi.SessionListParser;
import org.sansdk.iscsi.SessionTreeParser;

/**
 * {@code sanctl parse iscsiadm-session FILE}: {@code iscsiadm -m session} at any print level (level 0 lines or
 * the -P 1..3 tree, told apart by the first line). CHAP passwords are never in the JSON.
 *
 * <pre>{@code Object model = new SessionOutputParser().parse("s.txt", text);}</pre>
 */
public final class SessionOutputParser implements OutputParser {
    /** For ServiceLoader. */
    public SessionOutputParser() {
    }

    @Override
    public String kind() {
        return "iscsiadm-session";
    }

    @Override
    public String description() {
        return "iscsiadm -m session [-P 1|2|3] (open-iscsi sessions, portals, states, attached disks)";
    }

    @Override
    public Object parse(String sourceName, String text) {
        String first = text == null ? "" : text.stripLeading();
        if (first.startsWith("Target: ") || first.startsWith("iSCSI Transport Class version")) {
            return SessionTreeParser.parse(sourceName, text);
        }
        return SessionListParser.parse(sourceName, text);
    }
}
