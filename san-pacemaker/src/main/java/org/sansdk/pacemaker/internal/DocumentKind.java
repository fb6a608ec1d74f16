package org.sansdk.pacemaker.internal;

import java.util.Locale;
import org.sansdk.core.ParseException;
import org.sansdk.pacemaker.xml.XmlElement;

/**
 * Names what a Pacemaker tool's output looks like, so a parser given the wrong kind refuses it with "this looks like
 * crm_simulate output" instead of answering (an empty cluster, no events) from a document it does not understand.
 * Usage: {@code DocumentKind.of(root)} → {@code "crm_simulate output (<pacemaker-result request=\"crm_simulate …\">)"}.
 */
public final class DocumentKind {
    /** crm_mon's own output. */
    public static final String CRM_MON = "crm_mon";
    /** crm_simulate's own output. */
    public static final String CRM_SIMULATE = "crm_simulate";
    /** stonith_admin's own output. */
    public static final String STONITH_ADMIN = "stonith_admin";

    private DocumentKind() {
    }

    /**
     * The tool a {@code <pacemaker-result>} came from: the first word of its {@code request} attribute, else its shape
     * (crm_mon: summary/nodes/resources; crm_simulate: cluster_status/actions/transition; stonith_admin: a list of
     * fence events), else null. Usage: {@code DocumentKind.tool(root)}.
     */
    public static String tool(XmlElement root) {
        if (root.name().equals("crm_mon")) {
            return CRM_MON;
        }
        if (!root.name().equals("pacemaker-result")) {
            return null;
        }
        String request = root.get("request");
        if (request != null && !request.isBlank()) {
            String first = request.strip().split("\\s+")[0];
            return first.substring(first.lastIndexOf('/') + 1);
        }
        for (XmlElement c : root.children()) {
            switch (c.name()) {
                case "summary":
                case "nodes":
                case "resources":
                case "node_history":
                    return CRM_MON;
                case "cluster_status":
                case "revised_cluster_status":
                case "transition":
                case "actions":
                case "modifications":
                    return CRM_SIMULATE;
                case "list":
                case "last-fenced":
                case "validate":
                    return STONITH_ADMIN;
                default:
                    break;
            }
        }
        return null;
    }

    /** A short description of an XML document by its root. Usage: {@code DocumentKind.of(root)}. */
    public static String of(XmlElement root) {
        switch (root.name()) {
            case "cib":
                return "a CIB (cibadmin -Q, <cib>)";
            case "crm_mon":
                return "legacy crm_mon --as-xml output (<crm_mon>)";
            case "diff":
                return "a CIB patch (crm_diff / cibadmin --patch, <diff>)";
            case "pacemaker-result": {
                String t = tool(root);
                return t == null ? "a <pacemaker-result> of an unknown tool" : t + " output (<pacemaker-result"
                        + (root.get("request") == null ? "" : " request=\"" + shorten(root.get("request")) + "\"") + ">)";
            }
            default:
                return "an XML document with root <" + root.name() + ">";
        }
    }

    /** A short description of a text that is not XML, by its first non-blank line. Usage: {@code DocumentKind.ofText(text)}. */
    public static String ofText(String text) {
        String first = firstNonBlank(text).strip();
        String l = first.toLowerCase(Locale.ROOT);
        if (first.startsWith("Quorum information")) {
            return "corosync-quorumtool -s text";
        } else if (first.startsWith("Current cluster status:")) {
            return "crm_simulate text output";
        } else if (first.startsWith("Cluster Summary:") || first.startsWith("Stack:") || first.startsWith("Last updated:")) {
            return "crm_mon text output";
        } else if (first.startsWith("Cluster name:")) {
            return "pcs status text";
        } else if (l.startsWith("{") || l.startsWith("[")) {
            return "JSON";
        } else if (first.startsWith("<")) {
            return "XML";
        }
        return "text starting '" + shorten(first) + "'";
    }

    /**
     * Refuses a text that is not XML before an XML parser reads it, naming what it looks like (at its first non-blank
     * line). Usage: {@code DocumentKind.requireXml("crm_mon", text, "crm_mon XML (<pacemaker-result>)")}.
     */
    public static void requireXml(String source, String text, String expected) {
        String first = firstNonBlank(text);
        if (first.isEmpty() || first.strip().startsWith("<")) {
            return;
        }
        int line = lineOf(text, first);
        throw new ParseException(source, line, 1, first, expected + "; this looks like " + ofText(text));
    }

    /** A located refusal of the wrong kind of document. Usage: {@code throw DocumentKind.wrongKind(src, text, root, "crm_mon output")}. */
    public static ParseException wrongKind(String source, String text, XmlElement root, String expected) {
        return SafeXml.error(source, text, root, expected + "; this looks like " + of(root));
    }

    private static String firstNonBlank(String text) {
        for (String l : text.split("\n", -1)) {
            if (!l.isBlank()) {
                return l;
            }
        }
        return "";
    }

    private static int lineOf(String text, String line) {
        String[] ls = text.split("\n", -1);
        for (int i = 0; i < ls.length; i++) {
            if (ls[i].equals(line)) {
                return i + 1;
            }
        }
        return 1;
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
