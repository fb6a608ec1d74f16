package org.sansdk.corosync.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sansdk.core.spi.OutputParser;
import org.sansdk.corosync.ConfItem;
import org.sansdk.corosync.CorosyncConf;
import org.sansdk.corosync.CorosyncConfParser;
import org.sansdk.corosync.CorosyncValidator;
import org.sansdk.corosync.Finding;
import org.sansdk.corosync.TotemTiming;

/**
 * {@code sanctl parse corosync-conf FILE}: the file's sections and entries in order (comments kept), the
 * nodes, the timing corosync derives, and the rule findings. The key itself never appears in a corosync.conf
 * (only {@code keyfile}); a {@code totem.key} entry is masked.
 *
 * <pre>{@code Object json = new CorosyncConfOutputParser().parse("corosync.conf", text);}</pre>
 */
public final class CorosyncConfOutputParser implements OutputParser {
    /** For ServiceLoader. */
    public CorosyncConfOutputParser() {
    }

    @Override
    public String kind() {
        return "corosync-conf";
    }

    @Override
    public String description() {
        return "corosync.conf (sections in order, nodes, effective token/consensus, rule findings)";
    }

    @Override
    public Object parse(String sourceName, String text) {
        CorosyncConf conf = CorosyncConfParser.parse(sourceName, text);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items(conf.items(), ""));
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (CorosyncConf.Node n : conf.nodes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", n.name());
            m.put("nodeid", n.nodeId());
            Map<String, String> addrs = new LinkedHashMap<>();
            n.addresses().forEach((k, v) -> addrs.put("ring" + k + "_addr", v));
            m.put("addresses", addrs);
            m.put("votes", n.votes());
            m.put("line", n.line());
            nodes.add(m);
        }
        out.put("transport", conf.transport());
        out.put("nodes", nodes);
        TotemTiming t = conf.timing();
        Map<String, Object> timing = new LinkedHashMap<>();
        timing.put("token_ms", t.token().toMillis());
        timing.put("token_coefficient_ms", t.tokenCoefficient().toMillis());
        timing.put("effective_token_ms", t.effectiveToken().toMillis());
        timing.put("consensus_ms", t.consensus().toMillis());
        timing.put("consensus_derived", !t.consensusConfigured());
        timing.put("failure_detection_ms", t.failureDetection().toMillis());
        out.put("timing", timing);
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding f : CorosyncValidator.validate(conf)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", f.ruleId());
            m.put("severity", f.severity().name().toLowerCase(java.util.Locale.ROOT));
            m.put("path", f.path());
            m.put("line", f.line());
            m.put("message", f.message());
            m.put("fix", f.rule().fix());
            findings.add(m);
        }
        out.put("findings", findings);
        return out;
    }

    private static List<Map<String, Object>> items(List<ConfItem> items, String path) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ConfItem i : items) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (i instanceof ConfItem.Comment c) {
                m.put("comment", c.text());
            } else if (i instanceof ConfItem.Entry e) {
                String full = path.isEmpty() ? e.key() : path + "." + e.key();
                m.put("key", e.key());
                m.put("value", full.equals("totem.key") ? org.sansdk.core.Secret.MASK : e.value());
            } else if (i instanceof ConfItem.Section s) {
                m.put("section", s.name());
                m.put("items", items(s.items(), path.isEmpty() ? s.name() : path + "." + s.name()));
            } else {
                continue;
            }
            m.put("line", i.line());
            out.add(m);
        }
        return out;
    }
}
