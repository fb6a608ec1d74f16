package org.sansdk.lio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sansdk.lio.json.JsonValue;

/**
 * A target portal group ({@code tpgs[]}): tag, enable flag, integer {@code attributes}
 * ({@code authentication}, {@code generate_node_acls}, ...), string {@code parameters} (iSCSI login keys),
 * LUNs, portals, node ACLs and TPG-level CHAP (used with {@code generate_node_acls=1}).
 *
 * <pre>{@code Tpg tpg = Tpg.of(1).withPortals(List.of(Portal.of("10.10.10.1", 3260)));}</pre>
 */
public record Tpg(int tag, boolean enable, Map<String, Long> attributes, Map<String, String> parameters,
                  List<Lun> luns, List<Portal> portals, List<NodeAcl> nodeAcls, Chap chap,
                  Map<String, JsonValue> extra) {

    /** Copies collections, refuses nulls. */
    public Tpg {
        attributes = Maps.copy(attributes);
        parameters = Maps.copy(parameters);
        luns = List.copyOf(luns);
        portals = List.copyOf(portals);
        nodeAcls = List.copyOf(nodeAcls);
        Objects.requireNonNull(chap, "chap");
        extra = Maps.copy(extra);
    }

    /** An enabled, empty TPG. {@code Tpg.of(1)} */
    public static Tpg of(int tag) {
        return new Tpg(tag, true, Map.of(), Map.of(), List.of(), List.of(), List.of(), Chap.NONE, Map.of());
    }

    /** An integer attribute, if set. {@code tpg.attribute("authentication")} */
    public Optional<Long> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    /** True when {@code generate_node_acls=1} (any initiator may log in; "demo mode"). {@code tpg.generatesNodeAcls()} */
    public boolean generatesNodeAcls() {
        return attribute("generate_node_acls").orElse(0L) == 1L;
    }

    /** The LUN with {@code index}, if any. {@code tpg.lun(3)} */
    public Optional<Lun> lun(int index) {
        return luns.stream().filter(l -> l.index() == index).findFirst();
    }

    /** The ACL for initiator {@code nodeWwn}, if any. {@code tpg.acl(iqn)} */
    public Optional<NodeAcl> acl(String nodeWwn) {
        return nodeAcls.stream().filter(a -> a.nodeWwn().equals(nodeWwn)).findFirst();
    }

    /** This TPG with one attribute set. {@code tpg.withAttribute("authentication", 1)} */
    public Tpg withAttribute(String name, long value) {
        return new Tpg(tag, enable, Maps.with(attributes, name, value), parameters, luns, portals, nodeAcls, chap, extra);
    }

    /** This TPG with other LUNs. {@code tpg.withLuns(list)} */
    public Tpg withLuns(List<Lun> newLuns) {
        return new Tpg(tag, enable, attributes, parameters, newLuns, portals, nodeAcls, chap, extra);
    }

    /** This TPG with one LUN appended. {@code tpg.plusLun(Lun.of(0, so.path()))} */
    public Tpg plusLun(Lun lun) {
        List<Lun> list = new ArrayList<>(luns);
        list.add(lun);
        return withLuns(list);
    }

    /** This TPG with other portals. {@code tpg.withPortals(List.of(Portal.of(vip, 3260)))} */
    public Tpg withPortals(List<Portal> newPortals) {
        return new Tpg(tag, enable, attributes, parameters, luns, newPortals, nodeAcls, chap, extra);
    }

    /** This TPG with other node ACLs. {@code tpg.withNodeAcls(list)} */
    public Tpg withNodeAcls(List<NodeAcl> newAcls) {
        return new Tpg(tag, enable, attributes, parameters, luns, portals, newAcls, chap, extra);
    }

    /** This TPG with other TPG-level CHAP. {@code tpg.withChap(Chap.of(u, p))} */
    public Tpg withChap(Chap newChap) {
        return new Tpg(tag, enable, attributes, parameters, luns, portals, nodeAcls, newChap, extra);
    }
}
