package org.sansdk.pacemaker.cib;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sansdk.core.Command;
import org.sansdk.core.CommandResult;
import org.sansdk.core.Executor;
import org.sansdk.core.SanException;
import org.sansdk.pacemaker.ops.Pcs;

/**
 * The difference between a live CIB and a desired configuration, as a Pacemaker v2 patchset
 * ({@code cibadmin --patch}) pinned to the live CIB's version, or as pcs commands.
 *
 * <p>Scope: top-level resources and constraints by id, attribute sets of crm_config / rsc_defaults / op_defaults
 * by set id, and the fencing topology. Nodes are not touched (corosync owns membership). Live resources and
 * constraints that the desired configuration does not mention are kept, unless {@link PatchOption#PRUNE} is given
 * ({@code cli-ban-}/{@code cli-prefer-} constraints from {@code pcs resource move} are always kept).
 *
 * <p>Comparison is semantic ({@link SemanticMerge}): operations as a set keyed by (name, interval, role) with their
 * attributes, nvpairs by name, the live element's generated ids kept, order inside attribute sets and operations
 * ignored, group member order kept (start order); interval-0 operations pcs adds from agent metadata and the
 * operator's {@code target-role}/{@code is-managed} meta are kept. A configuration built by {@code pcs} from the
 * same design therefore plans to nothing. An element that exists live and changed is MODIFIED IN PLACE
 * ({@link CibChange.Modify}: only the changed attributes, nvpairs, ops or members), never deleted and re-created;
 * a resource is deleted only when {@link PatchOption#PRUNE} is given and the desired configuration lacks it (or its element kind
 * changes), and each such deletion is listed in {@link #deletedResources()} and {@link #findings()} so a caller can
 * refuse the plan. Deleting the storage pool resource (a ZFS agent, or a group/clone holding one) is refused unless
 * explicitly allowed ({@link PatchOption#ALLOW_POOL_DELETION}).
 *
 * <p>Pacemaker applies a v2 patch only when the CIB's admin_epoch, epoch AND num_updates still equal the
 * patch's source version (it answers "Update was older than existing configuration", exit 103, otherwise);
 * {@link #apply} also checks admin_epoch/epoch itself before sending it.
 *
 * <p>Usage: {@code CibPatch p = CibPatch.between(live, desired); if (!p.isEmpty()) p.apply(executor, Map.of());}
 *
 * @param basedOn        the live CIB's version when planned
 * @param rootAttributes the live CIB's root attributes (a v2 patch's root "modify" replaces all of them)
 * @param changes          the changes in order
 * @param deletedResources ids of resources the patch deletes (stops), nested ones included; empty for a safe plan
 * @param findings         what a careful operator must read before applying: deletions, re-creations, group reorders,
 *                         inserts, deleted or slower monitors (typed {@link CibFinding}s)
 * @param unmonitoredResources ids of resources that have a recurring monitor live and none after the patch (their
 *                         failures would go unseen): a caller refuses the plan like a deletion
 * @param secrets          the {@link org.sansdk.core.Secret} values of the desired configuration (typed
 *                         {@link NvValue.SecretValue}s) with their XML-escaped forms: registered on every command that
 *                         carries the patch's XML, so display and error text show {@code ****}
 */
public record CibPatch(CibVersion basedOn, Map<String, String> rootAttributes, List<CibChange> changes, List<String> deletedResources,
                       List<CibFinding> findings, List<String> unmonitoredResources,
                       @com.fasterxml.jackson.annotation.JsonIgnore List<org.sansdk.core.Secret> secrets) {
    private static final String CONF = "/cib/configuration";

    /** Copies. Usage: see type. */
    public CibPatch {
        rootAttributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rootAttributes));
        changes = List.copyOf(changes);
        deletedResources = List.copyOf(deletedResources);
        findings = List.copyOf(findings);
        unmonitoredResources = List.copyOf(unmonitoredResources);
        secrets = List.copyOf(secrets);
    }

    /** A patch without deletions, findings or secrets. Usage: {@code new CibPatch(version, root, changes)}. */
    public CibPatch(CibVersion basedOn, Map<String, String> rootAttributes, List<CibChange> changes) {
        this(basedOn, rootAttributes, changes, List.of(), List.of(), List.of(), List.of());
    }

    /** True when a resource that is monitored live loses every recurring monitor. Usage: {@code if (p.leavesUnmonitored()) refuse();}. */
    public boolean leavesUnmonitored() {
        return !unmonitoredResources.isEmpty();
    }

    /** The typed secrets of a configuration (resources, attribute sets), each with its XML-escaped form. */
    static List<org.sansdk.core.Secret> secretsOf(Configuration c) {
        List<org.sansdk.core.Secret> out = new ArrayList<>();
        for (Resource r : c.resources()) {
            out.addAll(Pcs.secretsOf(r));
        }
        Pcs.secretsOf(c.crmConfig(), out);
        Pcs.secretsOf(c.rscDefaults(), out);
        Pcs.secretsOf(c.opDefaults(), out);
        return Pcs.withEscapedForms(out);
    }

    /** True when applying stops a resource for good (it deletes one). Usage: {@code if (p.deletesResources()) refuse();}. */
    public boolean deletesResources() {
        return !deletedResources.isEmpty();
    }

    /** True when live already matches. Usage: {@code patch.isEmpty()}. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /**
     * The version the patch declares as its target (the CIB manager may bump the epoch once more when it applies a
     * configuration change). Usage: {@code patch.target()}.
     */
    public CibVersion target() {
        return new CibVersion(basedOn.adminEpoch(), basedOn.epoch() + 1, 0);
    }

    /**
     * Computes the patch: live elements the desired configuration lacks are kept unless {@link PatchOption#PRUNE};
     * deleting or re-creating the pool resource is refused unless {@link PatchOption#ALLOW_POOL_DELETION} (it exports
     * the pool and stops every service).
     * Usage: {@code CibPatch.between(CibParser.parse("cibadmin -Q", out), desiredConf)} /
     * {@code CibPatch.between(live, desired, PatchOption.PRUNE)}.
     *
     * @throws SanException when the plan would delete the pool resource and that is not allowed, or either
     *                      configuration uses an id twice
     */
    public static CibPatch between(Cib live, Configuration desired, PatchOption... options) {
        java.util.Set<PatchOption> opts = java.util.EnumSet.noneOf(PatchOption.class);
        for (PatchOption o : options) {
            opts.add(java.util.Objects.requireNonNull(o, "option"));
        }
        boolean prune = opts.contains(PatchOption.PRUNE);
        boolean allowPoolDeletion = opts.contains(PatchOption.ALLOW_POOL_DELETION);
        Configuration l = live.configuration();
        for (Configuration c : List.of(l, desired)) {
            if (!c.duplicateIds().isEmpty()) {
                throw new SanException("refusing to plan: the " + (c == l ? "live" : "desired") + " configuration uses ids more than once "
                        + c.duplicateIds() + " (Pacemaker refuses it; a plan by id would pick one of them)");
            }
        }
        List<CibChange> out = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        List<CibFinding> findings = new ArrayList<>();
        List<String> unmonitored = new ArrayList<>();
        sets(out, CibChange.Section.PROPERTIES, CONF + "/crm_config", l.crmConfig(), desired.crmConfig(), "cluster properties");
        for (String section : List.of("rsc_defaults", "op_defaults")) {
            List<NvSet> want = section.equals("rsc_defaults") ? desired.rscDefaults() : desired.opDefaults();
            if (!live.sections().contains(section) && !want.isEmpty()) {
                // the section element itself is missing: create it with its sets in one change
                StringBuilder x = new StringBuilder("<").append(section).append(">\n");
                want.forEach(s -> x.append(CibWriter.nvsetXml(s).indent(2)));
                x.append("</").append(section).append(">\n");
                out.add(new CibChange.Create(section.equals("rsc_defaults") ? CibChange.Section.RSC_DEFAULTS : CibChange.Section.OP_DEFAULTS,
                        want.get(0).id(), CONF, x.toString(), "create " + section.replace('_', ' ') + " section with set " + want.get(0).id()));
            }
        }
        elements(out, deleted, findings, CibChange.Section.RESOURCES, CONF + "/resources", index(l.resources()), index(desired.resources()),
                prune, allowPoolDeletion, "resource");
        monitors(l, desired, deleted, findings, unmonitored);
        elements(out, deleted, findings, CibChange.Section.CONSTRAINTS, CONF + "/constraints", indexConstraints(l.constraints()),
                indexConstraints(desired.constraints()), prune, allowPoolDeletion, "constraint");
        if (live.sections().contains("rsc_defaults")) {
            sets(out, CibChange.Section.RSC_DEFAULTS, CONF + "/rsc_defaults", l.rscDefaults(), desired.rscDefaults(), "resource defaults");
        }
        if (live.sections().contains("op_defaults")) {
            sets(out, CibChange.Section.OP_DEFAULTS, CONF + "/op_defaults", l.opDefaults(), desired.opDefaults(), "operation defaults");
        }
        if (!desired.fencingTopology().isEmpty() && !desired.fencingTopology().equals(l.fencingTopology())) {
            if (live.sections().contains("fencing-topology")) {
                out.add(new CibChange.Delete(CibChange.Section.FENCING_TOPOLOGY, "fencing-topology", CONF + "/fencing-topology", "delete fencing topology"));
            }
            out.add(new CibChange.Create(CibChange.Section.FENCING_TOPOLOGY, "fencing-topology", CONF,
                    CibWriter.fencingTopologyXml(desired.fencingTopology()), "create fencing topology"));
        }
        return new CibPatch(live.version(), live.rootAttributes(), out, deleted, findings, unmonitored, secretsOf(desired));
    }

    /**
     * How often a resource is watched decides how fast its failure is seen: every recurring monitor (per role) a
     * primitive has live that the patched configuration deletes or makes slower is a finding; a primitive left with
     * no recurring monitor at all is listed in {@code unmonitored}. Deleted resources are reported as deletions.
     */
    private static void monitors(Configuration live, Configuration desired, List<String> deleted, List<CibFinding> findings,
                                 List<String> unmonitored) {
        Map<String, Primitive> after = new LinkedHashMap<>();
        for (Resource r : desired.resources()) {
            Optional<Resource> lr = live.resources().stream().filter(x -> x.id().equals(r.id())).findFirst();
            Resource merged = lr.isPresent() && sameKind(lr.get(), r) ? SemanticMerge.resource(lr.get(), r) : r;
            for (Resource x : merged.flatten()) {
                if (x instanceof Primitive p) {
                    after.putIfAbsent(p.id(), p);
                }
            }
        }
        for (Resource r : live.resources()) {
            for (Resource x : r.flatten()) {
                if (!(x instanceof Primitive p) || deleted.contains(p.id())) {
                    continue;
                }
                Primitive q = after.get(p.id());
                if (q == null) {
                    continue; // kept as is (not in the desired configuration, no prune)
                }
                Map<String, Long> before = fastestMonitors(p);
                Map<String, Long> now = fastestMonitors(q);
                for (Map.Entry<String, Long> e : before.entrySet()) {
                    Long n = now.get(e.getKey());
                    String role = e.getKey().isEmpty() ? "" : " (role " + e.getKey() + ")";
                    if (n == null) {
                        findings.add(new CibFinding(CibFinding.Kind.DELETES_MONITOR, p.id(), role + " every " + human(e.getValue())
                                + ": its failures are no longer seen" + (now.isEmpty() ? " (no monitor left)" : "")));
                    } else if (n > e.getValue()) {
                        findings.add(new CibFinding(CibFinding.Kind.SLOWS_MONITOR, p.id(), role + " from every " + human(e.getValue())
                                + " to every " + human(n) + ": its failures are seen later"));
                    }
                }
                if (!before.isEmpty() && now.isEmpty()) {
                    unmonitored.add(p.id());
                }
            }
        }
    }

    private static boolean sameKind(Resource a, Resource b) {
        return a.getClass().equals(b.getClass());
    }

    /** The shortest recurring monitor interval per role ("" = any role), in ms. */
    private static Map<String, Long> fastestMonitors(Primitive p) {
        Map<String, Long> m = new java.util.TreeMap<>();
        for (Operation o : p.operations()) {
            long ms = Durations.toMillis(o.interval());
            if (!"monitor".equals(o.name()) || ms <= 0) {
                continue;
            }
            String role = o.role() == null ? "" : o.role().equals("Master") ? "Promoted" : o.role().equals("Slave") ? "Unpromoted" : o.role();
            m.merge(role, ms, Math::min);
        }
        return m;
    }

    private static String human(long ms) {
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    private static Map<String, Object[]> index(List<Resource> rs) {
        Map<String, Object[]> m = new LinkedHashMap<>();
        for (Resource r : rs) {
            m.put(r.id(), new Object[] {r, elementName(r), CibWriter.resourceXml(r)});
        }
        return m;
    }

    private static Map<String, Object[]> indexConstraints(List<Constraint> cs) {
        Map<String, Object[]> m = new LinkedHashMap<>();
        for (Constraint c : cs) {
            m.put(c.id(), new Object[] {c, elementName(c), CibWriter.constraintXml(c)});
        }
        return m;
    }

    /** True for the storage pool resource (a ZFS agent primitive, or a group/clone holding one). */
    static boolean isPool(Resource r) {
        for (Resource x : r.flatten()) {
            if (x instanceof Primitive p && p.agent() != null && p.agent().type() != null && p.agent().type().equalsIgnoreCase("ZFS")) {
                return true;
            }
        }
        return false;
    }

    private static void elements(List<CibChange> out, List<String> deleted, List<CibFinding> findings, CibChange.Section sec, String parent,
                                 Map<String, Object[]> live, Map<String, Object[]> want, boolean prune, boolean allowPoolDeletion, String what) {
        for (Map.Entry<String, Object[]> e : live.entrySet()) {
            String id = e.getKey();
            if (id == null) {
                continue;
            }
            Object[] w = want.get(id);
            boolean cli = id.startsWith("cli-ban-") || id.startsWith("cli-prefer-");
            if (w == null && prune && !cli) {
                if (e.getValue()[0] instanceof Resource r) {
                    refusePool(r, allowPoolDeletion);
                    r.flatten().forEach(x -> deleted.add(x.id()));
                    findings.add(new CibFinding(CibFinding.Kind.DELETES_RESOURCE, id, ": it is not in the desired configuration; "
                            + "Pacemaker stops it and constraints that reference it no longer apply"));
                }
                out.add(new CibChange.Delete(sec, id, path(parent, (String) e.getValue()[1], id), "delete " + what + " " + id));
            }
        }
        for (Map.Entry<String, Object[]> e : want.entrySet()) {
            String id = e.getKey();
            Object[] l = live.get(id);
            Object[] w = e.getValue();
            if (l == null) {
                out.add(new CibChange.Create(sec, id, parent, (String) w[2], "create " + what + " " + id));
                continue;
            }
            String mergedXml = (String) w[2];
            if (l[0] instanceof Resource lr && w[0] instanceof Resource wr) {
                Resource m = SemanticMerge.resource(lr, wr);
                mergedXml = CibWriter.resourceXml(m);
                for (Resource x : lr.flatten()) {
                    if (m.flatten().stream().noneMatch(y -> y.id().equals(x.id()))) {
                        refusePool(x, allowPoolDeletion);
                        deleted.add(x.id());
                        findings.add(new CibFinding(CibFinding.Kind.DELETES_RESOURCE, x.id(), " (removed from " + id + "): Pacemaker stops it"));
                    }
                }
                if (lr instanceof Group lg && m instanceof Group mg) {
                    List<String> before = lg.members().stream().map(Primitive::id).filter(x -> mg.members().stream().anyMatch(y -> y.id().equals(x))).toList();
                    List<String> after = mg.members().stream().map(Primitive::id).filter(before::contains).toList();
                    if (!before.equals(after)) {
                        findings.add(new CibFinding(CibFinding.Kind.REORDERS_GROUP, id, " " + before + " -> " + after + ": the start order changes"));
                    }
                    List<String> ids = mg.members().stream().map(Primitive::id).toList();
                    for (int i = 0; i < ids.size(); i++) {
                        String nid = ids.get(i);
                        boolean isNew = lg.members().stream().noneMatch(y -> y.id().equals(nid));
                        List<String> afterIt = ids.subList(i + 1, ids.size()).stream().filter(before::contains).toList();
                        if (isNew && !afterIt.isEmpty()) {
                            findings.add(new CibFinding(CibFinding.Kind.INSERTS, nid, " into group " + id + " before " + afterIt
                                    + ": Pacemaker restarts the members after it (group order)"));
                        }
                    }
                }
            }
            if (((String) l[2]).equals(mergedXml)) {
                continue;
            }
            String elPath = path(parent, (String) l[1], id);
            org.sansdk.pacemaker.xml.XmlElement a = org.sansdk.pacemaker.internal.SafeXml.read("live " + id, (String) l[2]);
            org.sansdk.pacemaker.xml.XmlElement b = org.sansdk.pacemaker.internal.SafeXml.read("desired " + id, mergedXml);
            List<CibChange.Edit> edits = new ArrayList<>();
            if (a.name().equals(b.name()) && XmlTreeDiff.diff(a, b, elPath, edits)) {
                out.add(new CibChange.Modify(sec, id, elPath, mergedXml, edits, "modify " + what + " " + id + " in place ("
                        + XmlTreeDiff.summary(edits, elPath) + ")"));
            } else {
                if (l[0] instanceof Resource lr) {
                    refusePool(lr, allowPoolDeletion);
                    findings.add(new CibFinding(CibFinding.Kind.RE_CREATES_RESOURCE, id,
                            " (its element kind or structure changes): Pacemaker stops it and starts it again"));
                    lr.flatten().forEach(x -> deleted.add(x.id()));
                }
                out.add(new CibChange.Delete(sec, id, elPath, "replace " + what + " " + id + " (delete)"));
                out.add(new CibChange.Create(sec, id, parent, mergedXml, "replace " + what + " " + id + " (create)"));
            }
        }
    }

    private static void refusePool(Resource r, boolean allowPoolDeletion) {
        if (!allowPoolDeletion && isPool(r)) {
            throw new SanException("refusing to plan the deletion of " + r.id() + ", which holds the storage pool (deleting it stops it: "
                    + "the pool is exported and every service stops); use CibPatch.between(live, desired, …, PatchOption.ALLOW_POOL_DELETION) only if that is intended");
        }
    }

    private static void sets(List<CibChange> out, CibChange.Section sec, String parent, List<NvSet> live, List<NvSet> want, String what) {
        for (NvSet w : want) {
            Optional<NvSet> l = live.stream().filter(s -> s.id() != null && s.id().equals(w.id())).findFirst();
            if (l.isEmpty()) {
                out.add(new CibChange.Create(sec, w.id(), parent, CibWriter.nvsetXml(w), "create " + what + " set " + w.id()));
                continue;
            }
            // merge: live pairs the desired set does not name are kept (dc-version, cluster-name, ...)
            List<NvPair> merged = new ArrayList<>();
            for (NvPair p : l.get().pairs()) {
                Optional<NvPair> wp = w.pairs().stream().filter(x -> x.name().equals(p.name())).findFirst();
                merged.add(wp.isPresent() ? new NvPair(p.id(), p.name(), wp.get().content()) : p);
            }
            for (NvPair p : w.pairs()) {
                if (l.get().pairs().stream().noneMatch(x -> x.name().equals(p.name()))) {
                    merged.add(p);
                }
            }
            NvSet m = new NvSet(l.get().kind(), w.id(), w.idRef(), w.score(), w.rule(), merged);
            if (!sameValues(l.get(), m)) {
                String elPath = path(parent, l.get().kind(), w.id());
                String xml = CibWriter.nvsetXml(m);
                List<CibChange.Edit> edits = new ArrayList<>();
                org.sansdk.pacemaker.xml.XmlElement a = org.sansdk.pacemaker.internal.SafeXml.read("live " + w.id(), CibWriter.nvsetXml(l.get()));
                org.sansdk.pacemaker.xml.XmlElement b = org.sansdk.pacemaker.internal.SafeXml.read("desired " + w.id(), xml);
                if (XmlTreeDiff.diff(a, b, elPath, edits)) {
                    out.add(new CibChange.Modify(sec, w.id(), elPath, xml, edits, "update " + what + " set " + w.id() + " in place ("
                            + XmlTreeDiff.summary(edits, elPath) + ")"));
                } else {
                    out.add(new CibChange.Delete(sec, w.id(), elPath, "update " + what + " set " + w.id() + " (delete)"));
                    out.add(new CibChange.Create(sec, w.id(), parent, xml, "update " + what + " set " + w.id() + " (create)"));
                }
            }
        }
    }

    private static boolean sameValues(NvSet a, NvSet b) {
        if (a.pairs().size() != b.pairs().size() || !a.rule().equals(b.rule())) {
            return false;
        }
        for (NvPair p : b.pairs()) {
            Optional<NvPair> q = a.pair(p.name());
            if (q.isEmpty() || !java.util.Objects.equals(q.get().content() == null ? null : q.get().content().reveal(),
                    p.content() == null ? null : p.content().reveal())) {
                return false;
            }
        }
        return true;
    }

    private static String path(String parent, String element, String id) {
        return parent + "/" + element + "[@id='" + id.replace("'", "") + "']";
    }

    private static String elementName(Resource r) {
        if (r instanceof Primitive) {
            return "primitive";
        } else if (r instanceof Group) {
            return "group";
        } else if (r instanceof Clone c) {
            return c.legacyMaster() ? "master" : "clone";
        } else if (r instanceof Bundle) {
            return "bundle";
        } else if (r instanceof Template) {
            return "template";
        }
        return ((UnknownResource) r).element().name();
    }

    private static String elementName(Constraint c) {
        if (c instanceof LocationConstraint) {
            return "rsc_location";
        } else if (c instanceof ColocationConstraint) {
            return "rsc_colocation";
        } else if (c instanceof OrderConstraint) {
            return "rsc_order";
        } else if (c instanceof TicketConstraint) {
            return "rsc_ticket";
        }
        return ((UnknownConstraint) c).element().name();
    }

    /** The v2 patchset XML for {@code cibadmin --patch}. Usage: {@code Files.writeString(p, patch.toXml())}. */
    public String toXml() {
        CibVersion t = target();
        StringBuilder b = new StringBuilder();
        b.append("<diff format=\"2\">\n  <version>\n");
        b.append("    <source admin_epoch=\"").append(basedOn.adminEpoch()).append("\" epoch=\"").append(basedOn.epoch())
                .append("\" num_updates=\"").append(basedOn.numUpdates()).append("\"/>\n");
        b.append("    <target admin_epoch=\"").append(t.adminEpoch()).append("\" epoch=\"").append(t.epoch())
                .append("\" num_updates=\"0\"/>\n  </version>\n");
        b.append("  <change operation=\"modify\" path=\"/cib\">\n    <change-list>\n");
        b.append("      <change-attr name=\"epoch\" operation=\"set\" value=\"").append(t.epoch()).append("\"/>\n");
        b.append("      <change-attr name=\"num_updates\" operation=\"set\" value=\"0\"/>\n");
        // Pacemaker replaces ALL root attributes by the change-result's: carry validate-with, have-quorum, dc-uuid...
        Map<String, String> root = new LinkedHashMap<>(rootAttributes);
        root.put("admin_epoch", Long.toString(t.adminEpoch()));
        root.put("epoch", Long.toString(t.epoch()));
        root.put("num_updates", "0");
        b.append("    </change-list>\n    <change-result>\n      <cib");
        for (Map.Entry<String, String> e : root.entrySet()) {
            b.append(' ').append(e.getKey()).append("=\"").append(CibWriter.escapeAttribute(e.getValue())).append('"');
        }
        b.append("/>\n    </change-result>\n  </change>\n");
        for (CibChange c : changes) {
            if (c instanceof CibChange.Delete d) {
                b.append("  <change operation=\"delete\" path=\"").append(CibWriter.escapeAttribute(d.path())).append("\"/>\n");
            } else if (c instanceof CibChange.Create cr) {
                b.append("  <change operation=\"create\" path=\"").append(CibWriter.escapeAttribute(cr.parentPath())).append("\">\n");
                b.append(cr.elementXml().indent(4));
                b.append("  </change>\n");
            } else if (c instanceof CibChange.Modify m) {
                for (CibChange.Edit e : m.edits()) {
                    edit(b, e);
                }
            }
        }
        return b.append("</diff>\n").toString();
    }

    private static void edit(StringBuilder b, CibChange.Edit e) {
        String path = CibWriter.escapeAttribute(e.path());
        switch (e.operation()) {
            case "delete":
                b.append("  <change operation=\"delete\" path=\"").append(path).append("\"/>\n");
                break;
            case "move":
                b.append("  <change operation=\"move\" path=\"").append(path).append("\" position=\"").append(e.position()).append("\"/>\n");
                break;
            case "create":
                b.append("  <change operation=\"create\" path=\"").append(path).append("\" position=\"").append(e.position()).append("\">\n");
                b.append(e.xml().indent(4));
                b.append("  </change>\n");
                break;
            default:
                String name = e.path().substring(e.path().lastIndexOf('/') + 1).replaceAll("\\[.*$", "");
                b.append("  <change operation=\"modify\" path=\"").append(path).append("\">\n    <change-list>\n");
                e.attributes().forEach((k, v) -> b.append("      <change-attr name=\"").append(CibWriter.escapeAttribute(k))
                        .append("\" operation=\"set\" value=\"").append(CibWriter.escapeAttribute(v)).append("\"/>\n"));
                e.unset().forEach(k -> b.append("      <change-attr name=\"").append(CibWriter.escapeAttribute(k)).append("\" operation=\"unset\"/>\n"));
                b.append("    </change-list>\n    <change-result>\n      <").append(name);
                e.attributes().forEach((k, v) -> b.append(' ').append(k).append("=\"").append(CibWriter.escapeAttribute(v)).append('"'));
                b.append("/>\n    </change-result>\n  </change>\n");
        }
    }

    /**
     * {@code cibadmin --patch --xml-pipe} with the patch as secret stdin (it may carry fence agent passwords: they
     * never go on argv), the secret values registered on the command so they are redacted from its display and errors.
     * Usage: {@code executor.run(patch.command())}.
     */
    public Command command() {
        Command.Builder b = Command.builder("cibadmin").arg("--patch").arg("--xml-pipe").secretStdin(toXml().getBytes(StandardCharsets.UTF_8));
        secrets().forEach(b::secret);
        return b.build();
    }


    /**
     * Applies the patch: reads the CIB version ({@code cibadmin -Q}), refuses when admin_epoch/epoch moved since
     * planning, then sends the version-pinned patch. A {@code CIB_file} environment on the commands targets a file.
     * Usage: {@code patch.apply(executor, Map.of())} (or {@code Map.of("CIB_file", path)} for an offline CIB).
     *
     * @throws CibChangedException when the CIB changed (before sending, or Pacemaker refused the patch with exit 103)
     */
    public void apply(Executor executor, Map<String, String> env) {
        Command.Builder q = Command.builder("cibadmin").arg("-Q");
        env.forEach(q::env);
        CommandResult r = executor.runChecked(q.build());
        CibVersion now = CibParser.parse("cibadmin -Q", r.stdout()).version();
        if (!now.sameConfiguration(basedOn)) {
            throw new CibChangedException(basedOn, now);
        }
        Command.Builder p = command().toBuilder();
        env.forEach(p::env);
        CommandResult res = executor.run(p.build());
        if (res.exitCode() == 103) {
            throw new CibChangedException(basedOn, null);
        }
        if (res.exitCode() != 0) {
            throw new SanException("cibadmin --patch failed (exit " + res.exitCode() + "): " + p.build().redact(res.stderr().strip()));
        }
    }

    /**
     * The same changes as commands for operators who prefer pcs (no version pinning: check the epoch first). An
     * in-place {@link CibChange.Modify} of a resource or constraint becomes {@code cibadmin --replace --scope
     * resources|constraints --xml-pipe} of that one element by id (the element as it will be, live ids kept, on
     * secret stdin): it is replaced where it is, so nothing is stopped for the change itself and no constraint is
     * dropped; never {@code pcs resource delete} + {@code create}. Deletions ({@link #deletedResources()}) are
     * {@code pcs resource delete}. Usage: {@code patch.pcsCommands(desired, Pcs.live())}.
     */
    public List<Command> pcsCommands(Configuration desired, Pcs pcs) {
        List<Command> out = new ArrayList<>();
        for (CibChange c : changes) {
            switch (c.section()) {
                case PROPERTIES:
                case RSC_DEFAULTS:
                case OP_DEFAULTS:
                    if (c instanceof CibChange.Create || c instanceof CibChange.Modify) {
                        List<NvSet> src = c.section() == CibChange.Section.PROPERTIES ? desired.crmConfig()
                                : c.section() == CibChange.Section.RSC_DEFAULTS ? desired.rscDefaults() : desired.opDefaults();
                        for (NvSet s : src) {
                            if (c.id().equals(s.id())) {
                                Configuration only = Configuration.builder().crmConfig(c.section() == CibChange.Section.PROPERTIES ? List.of(s) : List.of()).rscDefaults(c.section() == CibChange.Section.RSC_DEFAULTS ? List.of(s) : List.of()).opDefaults(c.section() == CibChange.Section.OP_DEFAULTS ? List.of(s) : List.of()).build();
                                out.addAll(pcs.commandsFor(only));
                            }
                        }
                    }
                    break;
                case RESOURCES:
                    if (c instanceof CibChange.Modify m) {
                        out.add(pcs.cibadminReplace("resources", m.elementXml(), secrets));
                    } else if (c instanceof CibChange.Delete && !pcs.secretsOnArgv() && replacedWithSecrets(c, desired)) {
                        // the paired Create below becomes one cibadmin --replace (secret on stdin, no delete/stop window)
                        continue;
                    } else if (c instanceof CibChange.Delete) {
                        out.add(pcs.resourceDelete(c.id()));
                    } else if (!pcs.secretsOnArgv() && replacedWithSecrets(c, desired)) {
                        out.add(pcs.cibadminReplace(desired.resources().stream().filter(x -> c.id().equals(x.id())).findFirst().orElseThrow()));
                    } else {
                        Resource r = desired.resources().stream().filter(x -> c.id().equals(x.id())).findFirst().orElseThrow();
                        out.addAll(pcs.commandsFor(Configuration.builder().resources(List.of(r)).build()));
                    }
                    break;
                case CONSTRAINTS:
                    if (c instanceof CibChange.Modify m) {
                        out.add(pcs.cibadminReplace("constraints", m.elementXml(), secrets));
                    } else if (c instanceof CibChange.Delete) {
                        out.add(pcs.constraintDelete(c.id()));
                    } else {
                        out.add(pcs.constraint(desired.constraints().stream().filter(x -> c.id().equals(x.id())).findFirst().orElseThrow()));
                    }
                    break;
                default:
                    throw new SanException("fencing topology changes have no pcs form here; apply the CIB patch");
            }
        }
        return out;
    }

    /** True when the change is half of a delete+create replacement of a resource that carries secrets. */
    private boolean replacedWithSecrets(CibChange c, Configuration desired) {
        boolean replaced = changes.stream().anyMatch(x -> x instanceof CibChange.Delete && x.section() == CibChange.Section.RESOURCES
                && x.id().equals(c.id())) && changes.stream().anyMatch(x -> x instanceof CibChange.Create
                && x.section() == CibChange.Section.RESOURCES && x.id().equals(c.id()));
        return replaced && desired.resources().stream().anyMatch(r -> r.id().equals(c.id()) && !Pcs.secretsOf(r).isEmpty());
    }
}
