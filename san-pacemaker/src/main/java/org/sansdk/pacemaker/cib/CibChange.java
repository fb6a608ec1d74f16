package org.sansdk.pacemaker.cib;

/**
 * One change of a {@link CibPatch}: closed family of creations and deletions of configuration elements
 * (a replacement is a deletion followed by a creation).
 * Usage: {@code patch.changes().forEach(c -> System.out.println(c.describe()));}
 */
public sealed interface CibChange permits CibChange.Create, CibChange.Delete {
    /** The configuration section touched. Usage: {@code change.section()}. */
    Section section();

    /** The id of the element (resource, constraint, attribute set). Usage: {@code change.id()}. */
    String id();

    /** One line for humans. Usage: {@code change.describe()}. */
    String describe();

    /** Sections a patch touches. Usage: {@code CibChange.Section.RESOURCES}. */
    enum Section {
        /** crm_config attribute sets. */
        PROPERTIES,
        /** top-level resources. */
        RESOURCES,
        /** constraints. */
        CONSTRAINTS,
        /** rsc_defaults sets. */
        RSC_DEFAULTS,
        /** op_defaults sets. */
        OP_DEFAULTS,
        /** the fencing topology. */
        FENCING_TOPOLOGY
    }

    /**
     * Creates an element under a parent path.
     * Usage: {@code new CibChange.Create(Section.RESOURCES, "zfs-pool", "/cib/configuration/resources", xml, "create resource zfs-pool")}.
     *
     * @param section     section
     * @param id          element id
     * @param parentPath  XPath of the parent
     * @param elementXml  the element
     * @param description what it is
     */
    record Create(Section section, String id, String parentPath, String elementXml, String description) implements CibChange {
        @Override
        public String describe() {
            return description;
        }

        /** Never shows the element XML (it may hold fence agent passwords). Usage: {@code create.toString()}. */
        @Override
        public String toString() {
            return "Create[section=" + section + ", id=" + id + ", parentPath=" + parentPath + ", elementXml=[" + elementXml.length()
                    + " chars], description=" + description + "]";
        }
    }

    /**
     * Deletes the element at a path.
     * Usage: {@code new CibChange.Delete(Section.RESOURCES, "x", "/cib/configuration/resources/primitive[@id='x']", "delete resource x")}.
     *
     * @param section     section
     * @param id          element id
     * @param path        XPath of the element
     * @param description what it is
     */
    record Delete(Section section, String id, String path, String description) implements CibChange {
        @Override
        public String describe() {
            return description;
        }
    }
}
