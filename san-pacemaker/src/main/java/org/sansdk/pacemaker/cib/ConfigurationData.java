package org.sansdk.pacemaker.cib;

import java.util.List;
import org.sansdk.pacemaker.xml.XmlElement;

/** The value behind {@link Configuration} (its JSON form and equality: the parts, in this order). */
record ConfigurationData(List<NvSet> crmConfig, List<Node> nodes, List<Resource> resources, List<Constraint> constraints, List<FencingLevel> fencingTopology, List<NvSet> rscDefaults, List<NvSet> opDefaults, List<Tag> tags, List<Alert> alerts, List<AclEntry> acls, List<XmlElement> unknown) implements Configuration {
    ConfigurationData {
        crmConfig = List.copyOf(crmConfig);
        nodes = List.copyOf(nodes);
        resources = List.copyOf(resources);
        constraints = List.copyOf(constraints);
        fencingTopology = List.copyOf(fencingTopology);
        rscDefaults = List.copyOf(rscDefaults);
        opDefaults = List.copyOf(opDefaults);
        tags = List.copyOf(tags);
        alerts = List.copyOf(alerts);
        acls = List.copyOf(acls);
        unknown = List.copyOf(unknown);
    }

    /** {@code Configuration[crmConfig=…, nodes=…, …]}, as when Configuration was a record. */
    @Override
    public String toString() {
        return "Configuration[crmConfig=" + crmConfig + ", nodes=" + nodes + ", resources=" + resources + ", constraints=" + constraints + ", fencingTopology=" + fencingTopology + ", rscDefaults=" + rscDefaults + ", opDefaults=" + opDefaults + ", tags=" + tags + ", alerts=" + alerts + ", acls=" + acls + ", unknown=" + unknown + "]";
    }
}
