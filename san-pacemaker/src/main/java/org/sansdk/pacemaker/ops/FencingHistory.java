package org.sansdk.pacemaker.ops;

import java.util.ArrayList;
import java.util.List;
import org.sansdk.core.ParseException;
import org.sansdk.pacemaker.status.FenceEvent;
import org.sansdk.pacemaker.internal.SafeXml;
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
     * <p>Takes stonith_admin's XML only: {@code <pacemaker-result request="stonith_admin …">} (or, without a request,
     * one holding a {@code <list>} of fence events) ending with its {@code <status code=…>} element. crm_mon output
     * (its fence history is {@code ClusterStatus.fences()}), crm_simulate output, a CIB or text is refused naming what
     * it looks like, never read as "no fencing happened".
     *
     * @throws ParseException on malformed XML, another kind of document, a capture without its end, or an event
     *                        without target/action/status
     */
    public static List<FenceEvent> parse(String source, String text) {
        org.sansdk.pacemaker.internal.DocumentKind.requireXml(source, text, "stonith_admin XML (stonith_admin --history '*' --output-as=xml)");
        XmlElement root = SafeXml.read(source, text);
        if (!root.name().equals("pacemaker-result")
                || !org.sansdk.pacemaker.internal.DocumentKind.STONITH_ADMIN.equals(org.sansdk.pacemaker.internal.DocumentKind.tool(root))) {
            throw org.sansdk.pacemaker.internal.DocumentKind.wrongKind(source, text, root,
                    "stonith_admin output (<pacemaker-result request=\"stonith_admin --history …\"> with a <list> of <fence_event>)");
        }
        XmlElement last = root.children().isEmpty() ? null : root.children().get(root.children().size() - 1);
        if (last == null || !last.name().equals("status") || last.get("code") == null) {
            throw SafeXml.error(source, text, last == null ? root : last,
                    "stonith_admin's closing <status code=…> element as the last child (without it the capture is cut short)");
        }
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
