package org.sansdk.pacemaker.ops;

import java.util.ArrayList;
import java.util.List;
import org.sansdk.core.ParseException;
import org.sansdk.pacemaker.status.FenceEvent;
import org.sansdk.pacemaker.xml.SafeXml;
import org.sansdk.pacemaker.xml.XmlElement;

/**
 * Fencing history from {@code stonith_admin --history '*' --output-as=xml} ({@code <list name="event">}) or from
 * crm_mon's {@code <fence_history>}: every {@code fence_event} in document order.
 * Usage: {@code List<FenceEvent> h = FencingHistory.parse("stonith_admin", stdout);}
 */
public final class FencingHistory {
    private FencingHistory() {
    }

    /**
     * Parses the events.
     * Usage: {@code FencingHistory.parse("stonith_admin --history", xml)}.
     *
     * @throws ParseException on malformed XML or an event without target/action/status
     */
    public static List<FenceEvent> parse(String source, String text) {
        XmlElement root = SafeXml.read(source, text);
        List<FenceEvent> out = new ArrayList<>();
        collect(source, text, root, out);
        return out;
    }

    private static void collect(String source, String text, XmlElement e, List<FenceEvent> out) {
        for (XmlElement c : e.children()) {
            if (c.name().equals("fence_event")) {
                for (String a : List.of("target", "action", "status")) {
                    if (c.get(a) == null) {
                        throw SafeXml.error(source, text, c, "attribute '" + a + "' on <fence_event>");
                    }
                }
                out.add(new FenceEvent(c.get("target"), c.get("action"), c.get("delegate"), c.get("client"), c.get("origin"),
                        c.get("status"), c.get("completed"), c.get("exit-reason")));
            } else {
                collect(source, text, c, out);
            }
        }
    }
}
