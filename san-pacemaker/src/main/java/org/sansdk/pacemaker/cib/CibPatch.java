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
 * constraints that the desired configuration does not mention are kept, unless {@code prune} is set
 * ({@code cli-ban-}/{@code cli-prefer-} constraints from {@code pcs resource move} are always kept).
 * A changed element is deleted and re-created (appended) within the same atomic patch.
 *
 * <p>Pacemaker applies a v2 patch only when the CIB's admin_epoch, epoch AND num_updates still equal the
 * patch's source version (it answers "Update was older than existing configuration", exit 103, otherwise);
 * {@link #apply} also checks admin_epoch/epoch itself before sending it.
 *
 * <p>Usage: {@code CibPatch p = CibPatch.between(live, desired, false); if (!p.isEmpty()) p.apply(executor);}
 *
 * @param basedOn        the live CIB's version when planned
 * @param rootAttributes the live CIB's root attributes (a v2 patch's root "modify" replaces all of them)
 * @param changes        the changes in order
 */
public record CibPatch(CibVersion basedOn, Map<String, String> rootAttributes, List<CibChange> changes) {
    private static final String CONF = "/cib/configuration";

    /** Copies. Usage: see type. */
    public CibPatch {
        rootAttributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rootAttributes));
        changes = List.copyOf(changes);
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
     * Computes the patch.
     * Usage: {@code CibPatch.between(CibParser.parse("cibadmin -Q", out), desiredConf, false)}.
     *
     * @param prune also delete live resources/constraints the desired configuration does not have
     */
    public static CibPatch between(Cib live, Configuration desired, boolean prune) {
        Configuration l = live.configuration();
        List<CibChange> out = new ArrayList<>();
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
        elements(out, CibChange.Section.RESOURCES, CONF + "/resources", index(l.resources()), index(desired.resources()), prune, "resource");
        elements(out, CibChange.Section.CONSTRAINTS, CONF + "/constraints", indexConstraints(l.constraints()),
                indexConstraints(desired.constraints()), prune, "constraint");
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
        return new CibPatch(live.version(), live.rootAttributes(), out);
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

    private static void elements(List<CibChange> out, CibChange.Section sec, String parent, Map<String, Object[]> live, Map<String, Object[]> want,
                                 boolean prune, String what) {
        for (Map.Entry<String, Object[]> e : live.entrySet()) {
            String id = e.getKey();
            if (id == null) {
                continue;
            }
            Object[] w = want.get(id);
            boolean cli = id.startsWith("cli-ban-") || id.startsWith("cli-prefer-");
            if (w == null && prune && !cli) {
                out.add(new CibChange.Delete(sec, id, path(parent, (String) e.getValue()[1], id), "delete " + what + " " + id));
            }
        }
        for (Map.Entry<String, Object[]> e : want.entrySet()) {
            String id = e.getKey();
            Object[] l = live.get(id);
            Object[] w = e.getValue();
            if (l == null) {
                out.add(new CibChange.Create(sec, id, parent, (String) w[2], "create " + what + " " + id));
            } else if (!l[0].equals(w[0])) {
                out.add(new CibChange.Delete(sec, id, path(parent, (String) l[1], id), "replace " + what + " " + id + " (delete)"));
                out.add(new CibChange.Create(sec, id, parent, (String) w[2], "replace " + what + " " + id + " (create)"));
            }
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
                if (w.value(p.name()).isEmpty()) {
                    merged.add(p);
                }
            }
            merged.addAll(w.pairs());
            NvSet m = new NvSet(l.get().kind(), w.id(), w.idRef(), w.score(), w.rule(), merged);
            if (!sameValues(l.get(), m)) {
                out.add(new CibChange.Delete(sec, w.id(), path(parent, l.get().kind(), w.id()), "update " + what + " set " + w.id() + " (delete)"));
                out.add(new CibChange.Create(sec, w.id(), parent, CibWriter.nvsetXml(m), "update " + what + " set " + w.id() + " (create)"));
            }
        }
    }

    private static boolean sameValues(NvSet a, NvSet b) {
        if (a.pairs().size() != b.pairs().size() || !a.rule().equals(b.rule())) {
            return false;
        }
        for (NvPair p : b.pairs()) {
            if (!a.value(p.name()).equals(Optional.ofNullable(p.value()))) {
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
            }
        }
        return b.append("</diff>\n").toString();
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
     * The secret values the patch carries (nvpairs with a secret name in created elements), as written and XML-escaped.
     * Usage: {@code patch.secrets().isEmpty()}.
     */
    public List<org.sansdk.core.Secret> secrets() {
        List<org.sansdk.core.Secret> out = new ArrayList<>();
        for (CibChange c : changes) {
            if (c instanceof CibChange.Create cr) {
                collectSecrets(org.sansdk.pacemaker.xml.SafeXml.read("patch element", cr.elementXml()), out);
            }
        }
        return out;
    }

    private static void collectSecrets(org.sansdk.pacemaker.xml.XmlElement e, List<org.sansdk.core.Secret> out) {
        if (e.name().equals("nvpair")) {
            String name = e.attr("name").orElse("");
            String value = e.attr("value").orElse("");
            if (NvPair.isSecretName(name) && !value.isEmpty()) {
                out.add(org.sansdk.core.Secret.of(value));
                String escaped = CibWriter.escapeAttribute(value);
                if (!escaped.equals(value)) {
                    out.add(org.sansdk.core.Secret.of(escaped));
                }
            }
        }
        e.children().forEach(ch -> collectSecrets(ch, out));
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
     * The same changes as pcs commands, for operators who prefer pcs (no version pinning: check the epoch first).
     * Usage: {@code patch.pcsCommands(desired, Pcs.live())}.
     */
    public List<Command> pcsCommands(Configuration desired, Pcs pcs) {
        List<Command> out = new ArrayList<>();
        for (CibChange c : changes) {
            switch (c.section()) {
                case PROPERTIES:
                case RSC_DEFAULTS:
                case OP_DEFAULTS:
                    if (c instanceof CibChange.Create) {
                        List<NvSet> src = c.section() == CibChange.Section.PROPERTIES ? desired.crmConfig()
                                : c.section() == CibChange.Section.RSC_DEFAULTS ? desired.rscDefaults() : desired.opDefaults();
                        for (NvSet s : src) {
                            if (c.id().equals(s.id())) {
                                for (NvPair p : s.pairs()) {
                                    out.add(c.section() == CibChange.Section.PROPERTIES ? pcs.propertySet(p.name(), p.value())
                                            : c.section() == CibChange.Section.RSC_DEFAULTS ? pcs.resourceDefaults(p.name(), p.value())
                                            : pcs.opDefaults(p.name(), p.value()));
                                }
                            }
                        }
                    }
                    break;
                case RESOURCES:
                    if (c instanceof CibChange.Delete && !pcs.secretsOnArgv() && replacedWithSecrets(c, desired)) {
                        // the paired Create below becomes one cibadmin --replace (secret on stdin, no delete/stop window)
                        continue;
                    } else if (c instanceof CibChange.Delete) {
                        out.add(pcs.resourceDelete(c.id()));
                    } else if (!pcs.secretsOnArgv() && replacedWithSecrets(c, desired)) {
                        out.add(pcs.cibadminReplace(desired.resources().stream().filter(x -> c.id().equals(x.id())).findFirst().orElseThrow()));
                    } else {
                        Resource r = desired.resources().stream().filter(x -> c.id().equals(x.id())).findFirst().orElseThrow();
                        out.addAll(pcs.commandsFor(new Configuration(List.of(), List.of(), List.of(r), List.of(), List.of(), List.of(),
                                List.of(), List.of(), List.of(), List.of(), List.of())));
                    }
                    break;
                case CONSTRAINTS:
                    if (c instanceof CibChange.Delete) {
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
