package org.sansdk.pacemaker.cib;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sansdk.pacemaker.xml.XmlElement;

/**
 * The v2 patchset edits that turn one element into another with the same name and id, touching only what differs:
 * children are matched by element name and id (name alone for id-less children such as {@code operations});
 * changed attributes become a {@code modify} of that element, missing children a {@code delete}, new ones a
 * {@code create} at their position, and a changed order {@code move}s (Pacemaker applies creates and moves sorted by
 * position after the deletes and modifies). Usage: {@code XmlTreeDiff.diff(live, desired, path, edits)}.
 */
final class XmlTreeDiff {
    private XmlTreeDiff() {
    }

    /** Appends the edits; false when the children cannot be matched (duplicate keys): the caller replaces the element. */
    static boolean diff(XmlElement a, XmlElement b, String path, List<CibChange.Edit> out) {
        if (!a.text().strip().equals(b.text().strip())) {
            return false;
        }
        if (!a.attributes().equals(b.attributes())) {
            List<String> unset = new ArrayList<>();
            for (String k : a.attributes().keySet()) {
                if (!b.attributes().containsKey(k)) {
                    unset.add(k);
                }
            }
            out.add(new CibChange.Edit("modify", path, -1, b.attributes(), unset, null));
        }
        Map<String, XmlElement> ak = keyed(a.children());
        Map<String, XmlElement> bk = keyed(b.children());
        if (ak == null || bk == null) {
            return false;
        }
        for (Map.Entry<String, XmlElement> e : ak.entrySet()) {
            if (!bk.containsKey(e.getKey())) {
                out.add(new CibChange.Edit("delete", childPath(path, e.getValue()), -1, null, null, null));
            }
        }
        List<CibChange.Edit> later = new ArrayList<>();
        for (Map.Entry<String, XmlElement> e : bk.entrySet()) {
            XmlElement old = ak.get(e.getKey());
            if (old != null && !old.equals(e.getValue())) {
                if (!diff(old, e.getValue(), childPath(path, old), out)) {
                    return false;
                }
            }
        }
        List<String> aOrder = new ArrayList<>(ak.keySet());
        aOrder.retainAll(bk.keySet());
        List<String> bOrder = new ArrayList<>(bk.keySet());
        bOrder.retainAll(ak.keySet());
        boolean reordered = !aOrder.equals(bOrder);
        int pos = 0;
        for (Map.Entry<String, XmlElement> e : bk.entrySet()) {
            if (!ak.containsKey(e.getKey())) {
                later.add(new CibChange.Edit("create", path, pos, null, null, CibWriter.elementXml(e.getValue())));
            } else if (reordered) {
                later.add(new CibChange.Edit("move", childPath(path, e.getValue()), pos, null, null, null));
            }
            pos++;
        }
        out.addAll(later);
        return true;
    }

    private static Map<String, XmlElement> keyed(List<XmlElement> children) {
        Map<String, XmlElement> m = new LinkedHashMap<>();
        for (XmlElement c : children) {
            if (m.put(key(c), c) != null) {
                return null;
            }
        }
        return m;
    }

    private static String key(XmlElement e) {
        return e.name() + e.attr("id").map(i -> "#" + i).orElse("");
    }

    static String childPath(String parent, XmlElement e) {
        return parent + "/" + e.name() + e.attr("id").map(i -> "[@id='" + i.replace("'", "") + "']").orElse("");
    }

    /** A short human summary: "modify op[@id='x'], create nvpair ...". */
    static String summary(List<CibChange.Edit> edits, String elementPath) {
        List<String> parts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CibChange.Edit e : edits) {
            String rel = e.path().startsWith(elementPath) ? e.path().substring(elementPath.length()) : e.path();
            rel = rel.isEmpty() ? "attributes" : rel.substring(rel.lastIndexOf('/') + 1);
            String s = e.operation() + " " + rel;
            if (e.operation().equals("create")) {
                XmlElement x = org.sansdk.pacemaker.internal.SafeXml.read("edit", e.xml());
                s = "create " + x.name() + x.attr("id").map(i -> "[@id='" + i + "']").orElse("");
            }
            if (seen.add(s)) {
                parts.add(s);
            }
        }
        return String.join(", ", parts);
    }
}
