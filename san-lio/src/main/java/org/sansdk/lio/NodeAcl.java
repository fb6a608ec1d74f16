package org.sansdk.lio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sansdk.lio.json.JsonValue;

/**
 * A node ACL ({@code node_acls[]}): one initiator allowed into the TPG, its integer attributes, its mapped
 * LUNs, its CHAP settings and the optional ACL group {@code tag}.
 *
 * <pre>{@code NodeAcl acl = NodeAcl.of("iqn.2025-01.lab.home:initiator-b").withChap(Chap.of("u", Secret.of("p")));}</pre>
 */
public record NodeAcl(String nodeWwn, Map<String, Long> attributes, List<MappedLun> mappedLuns, Chap chap,
                      Optional<String> tag, Map<String, JsonValue> extra) {

    /** Copies collections, refuses nulls. */
    public NodeAcl {
        Objects.requireNonNull(nodeWwn, "nodeWwn");
        attributes = Maps.copy(attributes);
        mappedLuns = List.copyOf(mappedLuns);
        Objects.requireNonNull(chap, "chap");
        Objects.requireNonNull(tag, "tag");
        extra = Maps.copy(extra);
    }

    /** An ACL without mapped LUNs or CHAP. {@code NodeAcl.of(iqn)} */
    public static NodeAcl of(String nodeWwn) {
        return new NodeAcl(nodeWwn, Map.of(), List.of(), Chap.NONE, Optional.empty(), Map.of());
    }

    /** This ACL with other CHAP settings. {@code acl.withChap(chap)} */
    public NodeAcl withChap(Chap newChap) {
        return new NodeAcl(nodeWwn, attributes, mappedLuns, newChap, tag, extra);
    }

    /** This ACL with other mapped LUNs. {@code acl.withMappedLuns(list)} */
    public NodeAcl withMappedLuns(List<MappedLun> newMappedLuns) {
        return new NodeAcl(nodeWwn, attributes, newMappedLuns, chap, tag, extra);
    }

    /** This ACL with one more mapped LUN appended. {@code acl.plusMappedLun(MappedLun.of(1, 1))} */
    public NodeAcl plusMappedLun(MappedLun mappedLun) {
        List<MappedLun> list = new ArrayList<>(mappedLuns);
        list.add(mappedLun);
        return withMappedLuns(list);
    }

    /** The mapping that points at TPG LUN {@code tpgLun}, if any. {@code acl.mappingFor(3)} */
    public Optional<MappedLun> mappingFor(int tpgLun) {
        return mappedLuns.stream().filter(m -> m.tpgLun() == tpgLun).findFirst();
    }
}
