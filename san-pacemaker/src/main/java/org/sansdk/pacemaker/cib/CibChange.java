package org.sansdk.pacemaker.cib;

/**
 * One change of a {@link CibPatch}: closed family of creations and deletions of whole configuration elements, and
 * in-place modifications of an element that exists in both the live and the desired configuration.
 * Usage: {@code patch.changes().forEach(c -> System.out.println(c.describe()));}
 */
public sealed interface CibChange permits CibChange.Create, CibChange.Delete, CibChange.Modify {
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

    /**
     * Modifies an element that exists live, in place: the element keeps its id and position; only its attributes and
     * the children that differ are touched ({@link #edits()}: v2 patchset {@code modify}/{@code create}/{@code delete}/
     * {@code move} of the element or of a CHILD such as one nvpair or op). {@link #elementXml()} is the whole element
     * as it will be afterwards (live ids kept), for {@code cibadmin --replace --xml-pipe} of that one element by id.
     * Usage: {@code if (change instanceof CibChange.Modify m) m.edits().forEach(e -> System.out.println(e.operation() + " " + e.path()));}
     *
     * @param section     section
     * @param id          element id
     * @param path        XPath of the element
     * @param elementXml  the element after the change (may hold fence agent passwords: never shown by toString)
     * @param edits       the v2 patchset edits, in order
     * @param description what changes, for humans
     */
    record Modify(Section section, String id, String path, String elementXml, java.util.List<Edit> edits, String description) implements CibChange {
        /** Copies. Usage: see type. */
        public Modify {
            edits = java.util.List.copyOf(edits);
        }

        @Override
        public String describe() {
            return description;
        }

        /** Never shows the element XML or edit XML (passwords). Usage: {@code modify.toString()}. */
        @Override
        public String toString() {
            return "Modify[section=" + section + ", id=" + id + ", path=" + path + ", edits=" + edits.size() + ", description=" + description + "]";
        }
    }

    /**
     * One v2 patchset change inside a {@link Modify}: {@code modify} (the element's attributes become {@code attributes};
     * {@code unset} names the removed ones), {@code create} ({@code xml} under {@code path} at {@code position}),
     * {@code delete} (the element at {@code path}) or {@code move} (to {@code position} among its siblings).
     * Usage: {@code new CibChange.Edit("modify", path, -1, Map.of("id", "x-op", "timeout", "30s"), List.of(), null)}.
     *
     * @param operation  modify, create, delete or move
     * @param path       XPath of the element (create: of the parent)
     * @param position   child index for create/move, -1 otherwise
     * @param attributes modify: every attribute after the change
     * @param unset      modify: attributes removed
     * @param xml        create: the new element
     */
    record Edit(String operation, String path, int position, java.util.Map<String, String> attributes, java.util.List<String> unset, String xml) {
        /** Copies. Usage: see type. */
        public Edit {
            attributes = attributes == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
            unset = unset == null ? java.util.List.of() : java.util.List.copyOf(unset);
        }

        /** Never shows attribute values or XML (passwords). Usage: {@code edit.toString()}. */
        @Override
        public String toString() {
            return "Edit[" + operation + " " + path + (position >= 0 ? " @" + position : "") + "]";
        }
    }
}
