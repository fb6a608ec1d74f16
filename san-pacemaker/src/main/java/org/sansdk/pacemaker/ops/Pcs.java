package org.sansdk.pacemaker.ops;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sansdk.core.Command;
import org.sansdk.core.SanException;
import org.sansdk.core.Secret;
import org.sansdk.pacemaker.cib.AttributeExpression;
import org.sansdk.pacemaker.cib.Clone;
import org.sansdk.pacemaker.cib.ColocationConstraint;
import org.sansdk.pacemaker.cib.Configuration;
import org.sansdk.pacemaker.cib.Constraint;
import org.sansdk.pacemaker.cib.Group;
import org.sansdk.pacemaker.cib.LocationConstraint;
import org.sansdk.pacemaker.cib.NvPair;
import org.sansdk.pacemaker.cib.NvSet;
import org.sansdk.pacemaker.cib.Operation;
import org.sansdk.pacemaker.cib.OrderConstraint;
import org.sansdk.pacemaker.cib.Primitive;
import org.sansdk.pacemaker.cib.Resource;
import org.sansdk.pacemaker.cib.Rule;

/**
 * {@code pcs} (0.10/0.11) command lines as {@link Command} argv lists, against the live cluster or a CIB file
 * ({@code pcs -f FILE}).
 *
 * <p>Secrets never go on argv by default (the command line of a running process is readable by every local user
 * in {@code ps} / {@code /proc/PID/cmdline}): a primitive with a secret parameter (an {@link NvPair} whose value is
 * a {@link org.sansdk.pacemaker.cib.NvValue.SecretValue}, e.g. a fence agent's {@code password} or SNMP
 * {@code community}; the type decides, not the name) is not created with {@code pcs stonith create … password=…}
 * but rendered as primitive XML and piped on stdin to {@code cibadmin --create --scope resources --xml-pipe}
 * ({@link #cibadminCreate}; {@link #cibadminReplace} to update one), with the secret values registered on the
 * command so they are redacted from its display and from any error output. Only a {@link #withSecretsOnArgv()}
 * instance puts them on the pcs command line.
 *
 * <p>Usage: {@code Pcs.file(Path.of("cib.xml")).nodeStandby("storage-a")} → {@code pcs -f cib.xml node standby storage-a}
 */
public final class Pcs {
    private final Optional<Path> cibFile;
    private final boolean secretsOnArgv;

    private Pcs(Optional<Path> cibFile, boolean secretsOnArgv) {
        this.cibFile = cibFile;
        this.secretsOnArgv = secretsOnArgv;
    }

    /** Commands against the running cluster. Usage: {@code Pcs.live()}. */
    public static Pcs live() {
        return new Pcs(Optional.empty(), false);
    }

    /** Commands against a CIB file ({@code pcs -f}). Usage: {@code Pcs.file(Path.of("/tmp/cib.xml"))}. */
    public static Pcs file(Path cib) {
        return new Pcs(Optional.of(cib), false);
    }

    /**
     * EXPLICIT OPT-IN, NOT FOR PRODUCTION CREDENTIALS: the same factory, but primitives with secret parameters are
     * created with {@code pcs resource/stonith create … password=VALUE}, i.e. the secret is on the pcs command line.
     * While pcs runs (seconds), any local user can read it with {@code ps -ef} or {@code /proc/PID/cmdline}, and
     * audit/process accounting may record it. The value is still redacted from {@link Command#toString()}. Use it only
     * where pcs's own parameter validation against the agent metadata matters more than that exposure (throwaway
     * test credentials); the default factory pipes such primitives to {@code cibadmin} on stdin instead.
     * Usage: {@code Pcs.live().withSecretsOnArgv().create(fenceDevice)}.
     */
    public Pcs withSecretsOnArgv() {
        return new Pcs(cibFile, true);
    }

    /** True when this factory puts secret parameters on argv ({@link #withSecretsOnArgv()}). Usage: {@code pcs.secretsOnArgv()}. */
    public boolean secretsOnArgv() {
        return secretsOnArgv;
    }

    /**
     * The secret parameter values of a resource and everything nested in it (instance, meta and utilization pairs
     * whose value is a {@link org.sansdk.pacemaker.cib.NvValue.SecretValue}). Usage: {@code Pcs.secretsOf(fencePrimitive)}.
     */
    public static List<Secret> secretsOf(Resource r) {
        List<Secret> out = new ArrayList<>();
        for (Resource x : r.flatten()) {
            List<NvSet> sets = new ArrayList<>(x.metaAttributes());
            if (x instanceof Primitive p) {
                sets.addAll(p.instanceAttributes());
                sets.addAll(p.utilization());
            }
            secretsOf(sets, out);
        }
        return out;
    }

    /** The secret values of attribute sets (see {@link #secretsOf(Resource)}). Usage: {@code Pcs.secretsOf(conf.crmConfig(), out)}. */
    public static void secretsOf(List<NvSet> sets, List<Secret> out) {
        for (NvSet s : sets) {
            for (NvPair nv : s.pairs()) {
                if (nv.content() instanceof org.sansdk.pacemaker.cib.NvValue.SecretValue sv && !sv.secret().isEmpty()) {
                    out.add(sv.secret());
                }
            }
        }
    }

    /**
     * Each secret and, when XML escaping changes it, its escaped form (what the XML on stdin and cibadmin's echo of a
     * refused element carry), for registering on a command. Usage: {@code Pcs.withEscapedForms(secrets)}.
     */
    public static List<Secret> withEscapedForms(List<Secret> secrets) {
        List<Secret> out = new ArrayList<>();
        for (Secret s : secrets) {
            out.add(s);
            String v = s.reveal();
            // escapeAttribute writes ' as &apos;; the CIB writer keeps it raw inside "…": register both forms
            String escaped = org.sansdk.pacemaker.cib.CibWriter.escapeAttribute(v);
            for (String form : new java.util.LinkedHashSet<>(List.of(escaped, escaped.replace("&apos;", "'")))) {
                if (!form.equals(v)) {
                    out.add(Secret.of(form));
                }
            }
        }
        return out;
    }

    /**
     * {@code cibadmin --create --scope resources --xml-pipe} with the resource's XML as secret stdin (on a CIB file
     * through {@code CIB_file}); exit 108 when the id already exists. Secret values are registered on the command
     * (redacted from its display and errors; cibadmin echoes a refused element on stdout).
     * Usage: {@code executor.runChecked(Pcs.live().cibadminCreate(fenceDevice))}.
     */
    public Command cibadminCreate(Resource r) {
        return cibadmin("--create", r);
    }

    /**
     * {@code cibadmin --replace --scope resources --xml-pipe}: replaces the resource with the same id (exit 105 when
     * there is none), e.g. a fencing device whose password changed; secret stdin as in {@link #cibadminCreate}.
     * Usage: {@code executor.runChecked(Pcs.live().cibadminReplace(fenceDeviceWithNewPassword))}.
     */
    public Command cibadminReplace(Resource r) {
        return cibadmin("--replace", r);
    }

    /**
     * {@code cibadmin --replace --scope SCOPE --xml-pipe} of one element given as XML (replaced in place by id, e.g. a
     * resource or constraint an in-place {@code CibPatch} change produced), on secret stdin; the caller names the
     * secrets the XML carries (XML text has no types: {@code CibPatch.secrets()} for a patch's elements) so they are
     * registered on the command (redacted from its display and errors).
     * Usage: {@code executor.runChecked(pcs.cibadminReplace("constraints", xml, patch.secrets()))}.
     */
    public Command cibadminReplace(String scope, String elementXml, List<Secret> secrets) {
        Command.Builder b = Command.builder("cibadmin").arg("--replace").arg("--scope").arg(scope).arg("--xml-pipe")
                .secretStdin(elementXml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        withEscapedForms(secrets).forEach(b::secret);
        cibFile.ifPresent(p -> b.env("CIB_file", p.toString()));
        return b.build();
    }

    private Command cibadmin(String op, Resource r) {
        Command.Builder b = Command.builder("cibadmin").arg(op).arg("--scope").arg("resources").arg("--xml-pipe")
                .secretStdin(org.sansdk.pacemaker.cib.CibWriter.resourceXml(r).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        withEscapedForms(secretsOf(r)).forEach(b::secret);
        cibFile.ifPresent(p -> b.env("CIB_file", p.toString()));
        return b.build();
    }

    private Command.Builder pcs(String... args) {
        Command.Builder b = Command.builder("pcs");
        cibFile.ifPresent(p -> b.arg("-f").arg(p.toString()));
        b.args(args);
        return b;
    }

    /** NAME=VALUE for a pcs argument: a secret only on a {@link #withSecretsOnArgv()} factory, refused otherwise. */
    private void pair(Command.Builder b, NvPair nv, String where) {
        if (nv.content() instanceof org.sansdk.pacemaker.cib.NvValue.SecretValue sv) {
            if (!secretsOnArgv) {
                throw new SanException(where + ": " + nv.name() + " holds a secret and pcs would put it on argv; push a CIB patch "
                        + "(cibadmin, secret stdin) instead");
            }
            b.secretArg(nv.name() + "=", sv.secret());
        } else {
            b.arg(nv.name() + "=" + nullToEmpty(nv.value()));
        }
    }

    private Command pairCommand(NvPair nv, String where, String... words) {
        Command.Builder b = pcs(words);
        pair(b, nv, where);
        return b.build();
    }

    /** {@code pcs property set NAME=VALUE}. Usage: {@code pcs.propertySet("stonith-enabled", "true")}. */
    public Command propertySet(String name, String value) {
        return pcs("property", "set", name + "=" + value).build();
    }

    /** {@code pcs resource defaults update NAME=VALUE}. Usage: {@code pcs.resourceDefaults("resource-stickiness", "200")}. */
    public Command resourceDefaults(String name, String value) {
        return pcs("resource", "defaults", "update", name + "=" + value).build();
    }

    /** {@code pcs resource op defaults update NAME=VALUE}. Usage: {@code pcs.opDefaults("timeout", "60s")}. */
    public Command opDefaults(String name, String value) {
        return pcs("resource", "op", "defaults", "update", name + "=" + value).build();
    }

    /**
     * {@code pcs resource create} or {@code pcs stonith create} for a primitive, optionally into a group;
     * {@code --force} for {@code systemd:} agents (no metadata offline) or when asked. A primitive with a secret
     * parameter is returned as {@link #cibadminCreate} (secret on stdin) unless this is a {@link #withSecretsOnArgv()}
     * factory; such a primitive cannot go into a group that way (fencing devices are never grouped).
     * Usage: {@code pcs.create(primitive)} / {@code pcs.create(primitive, CreateOption.FORCE)}.
     *
     * @throws SanException for a template-based primitive
     */
    public Command create(Primitive p, CreateOption... options) {
        return create(p, Optional.empty(), options);
    }

    /**
     * {@code pcs resource create … --group GROUP}: as {@link #create(Primitive, CreateOption...)}, into a group
     * (created when missing, the primitive appended).
     * Usage: {@code pcs.create(vip, "san-services")}.
     *
     * @throws SanException for a template-based primitive, or a secret-bearing one on the default path (cibadmin
     *                      --create cannot add it to a group)
     */
    public Command create(Primitive p, String group, CreateOption... options) {
        return create(p, Optional.of(java.util.Objects.requireNonNull(group, "group")), options);
    }

    /** Options of {@link #create(Primitive, CreateOption...)}. Usage: {@code pcs.create(p, Pcs.CreateOption.FORCE)}. */
    public enum CreateOption {
        /** {@code --force}: create even when pcs cannot validate the agent (it is added for systemd:/service: agents anyway). */
        FORCE
    }

    private Command create(Primitive p, Optional<String> group, CreateOption... options) {
        boolean force = java.util.Arrays.asList(options).contains(CreateOption.FORCE);
        if (!secretsOnArgv && !secretsOf(p).isEmpty()) {
            if (group.isPresent()) {
                throw new SanException("primitive " + p.id() + " has secret parameters and a group: cibadmin --create cannot add it to group "
                        + group.get() + " without replacing the group; push a CIB patch instead");
            }
            return cibadminCreate(p);
        }
        if (p.agent() == null) {
            throw new SanException("primitive " + p.id() + " uses a template; pcs cannot create it: push a CIB patch instead");
        }
        if (!p.unknown().isEmpty() || !p.operationsAttributes().isEmpty() || !p.utilization().isEmpty()) {
            throw new SanException("primitive " + p.id() + " has elements pcs create does not express (utilization, operations id/id-ref "
                    + "or unknown children); push a CIB patch instead");
        }
        Command.Builder b = p.isFencingDevice() ? pcs("stonith", "create", p.id(), p.agent().type())
                : pcs("resource", "create", p.id(), p.agent().toString());
        for (NvSet s : p.instanceAttributes()) {
            requireSimple(p.id(), s);
            for (NvPair nv : s.pairs()) {
                pair(b, nv, "primitive " + p.id());
            }
        }
        for (Operation o : p.operations()) {
            b.arg("op").arg(o.name());
            if (o.interval() != null) {
                b.arg("interval=" + o.interval());
            }
            if (o.timeout() != null) {
                b.arg("timeout=" + o.timeout());
            }
            if (o.role() != null) {
                b.arg("role=" + o.role());
            }
            if (o.onFail() != null) {
                b.arg("on-fail=" + o.onFail());
            }
            o.other().forEach((k, v) -> b.arg(k + "=" + v));
        }
        List<NvPair> meta = new ArrayList<>();
        for (NvSet s : p.metaAttributes()) {
            requireSimple(p.id(), s);
            meta.addAll(s.pairs());
        }
        if (!meta.isEmpty()) {
            b.arg("meta");
            meta.forEach(nv -> pair(b, nv, "primitive " + p.id()));
        }
        group.ifPresent(g -> b.arg("--group").arg(g));
        if (force || p.agent().standard().equals("systemd") || p.agent().standard().equals("service")) {
            b.arg("--force");
        }
        return b.build();
    }

    private static void requireSimple(String id, NvSet s) {
        if (s.rule().isPresent() || s.idRef() != null) {
            throw new SanException("resource " + id + " has a rule or id-ref attribute set (" + s.id() + "); pcs create cannot express it: push a CIB patch instead");
        }
    }

    private static String nullToEmpty(String v) {
        return v == null ? "" : v;
    }

    /**
     * {@code pcs constraint ...} for a location (node score or one-expression rule), colocation or order constraint.
     * Usage: {@code pcs.constraint(OrderConstraint.mandatory("zfs-pool", "san-services"))}.
     *
     * @throws SanException for constraints pcs's short forms cannot express (sets, multi-expression rules, tickets)
     */
    public Command constraint(Constraint c) {
        if (c instanceof LocationConstraint x && !x.other().isEmpty() || c instanceof ColocationConstraint y && !y.other().isEmpty()
                || c instanceof OrderConstraint z && !z.other().isEmpty()) {
            throw new SanException("constraint " + c.id() + " has attributes pcs's short form drops; push a CIB patch instead");
        }
        if (c instanceof LocationConstraint l && l.sets().isEmpty() && l.rsc() != null) {
            if (l.node() != null && l.rules().isEmpty()) {
                String score = l.score() == null ? "INFINITY" : l.score();
                if (score.startsWith("-")) {
                    String abs = score.substring(1);
                    return pcs("constraint", "location", l.rsc(), "avoids", l.node() + "=" + abs).build();
                }
                return pcs("constraint", "location", l.rsc(), "prefers", l.node() + "=" + score).build();
            }
            if (l.rules().size() == 1) {
                Rule r = l.rules().get(0);
                if (r.expressions().size() == 1 && r.expressions().get(0) instanceof AttributeExpression e && e.value() != null) {
                    return pcs("constraint", "location", l.rsc(), "rule", "score=" + r.score(), e.attribute(), e.operation(), e.value()).build();
                }
            }
        }
        if (c instanceof ColocationConstraint col && col.sets().isEmpty() && col.rsc() != null) {
            return pcs("constraint", "colocation", "add", col.rsc(), "with", col.withRsc(), col.score() == null ? "INFINITY" : col.score()).build();
        }
        if (c instanceof OrderConstraint o && o.sets().isEmpty() && o.first() != null) {
            Command.Builder b = pcs("constraint", "order", o.firstAction() == null ? "start" : o.firstAction(), o.first(), "then",
                    o.thenAction() == null ? "start" : o.thenAction(), o.then());
            if (o.kind() != null && !o.kind().equals("Mandatory")) {
                b.arg("kind=" + o.kind());
            }
            if (o.symmetrical() != null) {
                b.arg("symmetrical=" + o.symmetrical());
            }
            return b.build();
        }
        throw new SanException("constraint " + c.id() + " has no pcs short form here; push a CIB patch instead");
    }

    /**
     * The pcs commands that build a configuration from an empty CIB: properties, resources (groups via --group,
     * clones via {@code resource clone/promotable}), constraints, defaults. Nodes are not created by pcs.
     * Usage: {@code Pcs.file(p).commandsFor(conf).forEach(executor::runChecked)}.
     */
    public List<Command> commandsFor(Configuration conf) {
        List<Command> out = new ArrayList<>();
        for (NvSet s : conf.crmConfig()) {
            for (NvPair nv : s.pairs()) {
                out.add(pairCommand(nv, "cluster property", "property", "set"));
            }
        }
        for (Resource r : conf.resources()) {
            resourceCommands(r, out);
        }
        for (Constraint c : conf.constraints()) {
            out.add(constraint(c));
        }
        for (NvSet s : conf.rscDefaults()) {
            for (NvPair nv : s.pairs()) {
                out.add(pairCommand(nv, "resource defaults", "resource", "defaults", "update"));
            }
        }
        for (NvSet s : conf.opDefaults()) {
            for (NvPair nv : s.pairs()) {
                out.add(pairCommand(nv, "operation defaults", "resource", "op", "defaults", "update"));
            }
        }
        return out;
    }

    private void resourceCommands(Resource r, List<Command> out) {
        if (r instanceof Primitive p) {
            out.add(create(p));
        } else if (r instanceof Group g) {
            if (!g.other().isEmpty() || !g.unknown().isEmpty()) {
                throw new SanException("group " + g.id() + " has attributes or elements pcs does not create; push a CIB patch instead");
            }
            for (Primitive m : g.members()) {
                out.add(create(m, g.id()));
            }
            for (NvSet s : g.metaAttributes()) {
                for (NvPair nv : s.pairs()) {
                    out.add(pairCommand(nv, "group " + g.id(), "resource", "meta", g.id()));
                }
            }
        } else if (r instanceof Clone c) {
            if (!c.other().isEmpty() || !c.unknown().isEmpty()) {
                throw new SanException("clone " + c.id() + " has attributes or elements pcs does not create; push a CIB patch instead");
            }
            resourceCommands(c.child(), out);
            Command.Builder b = pcs("resource", c.isPromotable() ? "promotable" : "clone", c.child().id(), c.id());
            for (NvSet s : c.metaAttributes()) {
                for (NvPair nv : s.pairs()) {
                    if (!nv.name().equals("promotable")) {
                        pair(b, nv, "clone " + c.id());
                    }
                }
            }
            out.add(b.build());
        } else {
            throw new SanException("resource " + r.id() + " (" + r.getClass().getSimpleName() + ") has no pcs form here; push a CIB patch instead");
        }
    }

    /** {@code pcs resource delete ID --force} (no wait for the stop). Usage: {@code pcs.resourceDelete("vip-old")}. */
    public Command resourceDelete(String id) {
        return pcs("resource", "delete", id, "--force").build();
    }

    /** {@code pcs constraint delete ID}. Usage: {@code pcs.constraintDelete("location-zfs-pool-storage-a-100")}. */
    public Command constraintDelete(String id) {
        return pcs("constraint", "delete", id).build();
    }

    /** {@code pcs node standby NODE}. Usage: {@code pcs.nodeStandby("storage-a")}. */
    public Command nodeStandby(String node) {
        return pcs("node", "standby", node).build();
    }

    /** {@code pcs node unstandby NODE}. Usage: {@code pcs.nodeUnstandby("storage-a")}. */
    public Command nodeUnstandby(String node) {
        return pcs("node", "unstandby", node).build();
    }

    /** {@code pcs resource move RSC NODE}. Usage: {@code pcs.resourceMove("zfs-pool", "storage-b")}. */
    public Command resourceMove(String rsc, String node) {
        return pcs("resource", "move", rsc, node).build();
    }

    /** {@code pcs resource move RSC} (away from its current node). Usage: {@code pcs.resourceMove("zfs-pool")}. */
    public Command resourceMove(String rsc) {
        return pcs("resource", "move", rsc).build();
    }

    /** {@code pcs resource clear RSC NODE}. Usage: {@code pcs.resourceClear("zfs-pool", "storage-b")}. */
    public Command resourceClear(String rsc, String node) {
        return pcs("resource", "clear", rsc, node).build();
    }

    /** {@code pcs resource clear RSC}. Usage: {@code pcs.resourceClear("zfs-pool")}. */
    public Command resourceClear(String rsc) {
        return pcs("resource", "clear", rsc).build();
    }

    /** {@code pcs resource cleanup RSC node=NODE}. Usage: {@code pcs.resourceCleanup("zfs-pool", "storage-a")}. */
    public Command resourceCleanup(String rsc, String node) {
        return pcs("resource", "cleanup", rsc, "node=" + node).build();
    }

    /** {@code pcs resource cleanup RSC}. Usage: {@code pcs.resourceCleanup("zfs-pool")}. */
    public Command resourceCleanup(String rsc) {
        return pcs("resource", "cleanup", rsc).build();
    }

    /** {@code pcs resource cleanup} (every resource). Usage: {@code pcs.resourceCleanup()}. */
    public Command resourceCleanup() {
        return pcs("resource", "cleanup").build();
    }

    /** {@code pcs resource cleanup node=NODE} (every resource on one node). Usage: {@code pcs.resourceCleanupOnNode("storage-a")}. */
    public Command resourceCleanupOnNode(String node) {
        return pcs("resource", "cleanup", "node=" + node).build();
    }

    /** {@code pcs resource enable RSC}. Usage: {@code pcs.resourceEnable("san-services")}. */
    public Command resourceEnable(String rsc) {
        return pcs("resource", "enable", rsc).build();
    }

    /** {@code pcs resource disable RSC}. Usage: {@code pcs.resourceDisable("san-services")}. */
    public Command resourceDisable(String rsc) {
        return pcs("resource", "disable", rsc).build();
    }

    /**
     * {@code crm_resource --wait --timeout=N} (what {@code pcs resource wait} runs): exit 0 once the cluster has settled.
     * Usage: {@code Pcs.waitForSettle(Duration.ofMinutes(2))}.
     */
    public static Command waitForSettle(Duration timeout) {
        return Command.builder("crm_resource").arg("--wait").arg("--timeout=" + timeout.toSeconds() + "s")
                .timeout(timeout.plusSeconds(30)).build();
    }

    /** {@code stonith_admin --history '*' --output-as=xml}: fencing history of every node. Usage: {@code Pcs.fencingHistory()}. */
    public static Command fencingHistory() {
        return Command.of("stonith_admin", "--history", "*", "--output-as=xml");
    }

    /**
     * {@code stonith_admin --reboot NODE}: fence a node (exit 0 once the fencer confirms it).
     * Usage: {@code Pcs.fenceReboot("storage-a")}.
     */
    public static Command fenceReboot(String node) {
        return Command.of("stonith_admin", "--reboot", node);
    }

    /**
     * {@code pcs host auth NODE… -u USER}, the password on secret stdin (pcs reads it from stdin when that is not a
     * terminal), never on argv; exit 1 with "Error: NODE: Username and/or password is incorrect" when refused.
     * Usage: {@code Pcs.hostAuth(List.of("storage-a", "storage-b"), "hacluster", password)}.
     */
    public static Command hostAuth(List<String> nodes, String user, Secret password) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("pcs host auth needs at least one node");
        }
        return Command.builder("pcs").arg("host").arg("auth").args(nodes).arg("-u").arg(user)
                .secretStdin((password.reveal() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)).secret(password).build();
    }

    /** {@code crm_mon -1 --output-as=xml} (with {@code CIB_file} for a file). Usage: {@code pcs.crmMon()}. */
    public Command crmMon() {
        Command.Builder b = Command.builder("crm_mon").arg("-1").arg("--output-as=xml");
        cibFile.ifPresent(p -> b.env("CIB_file", p.toString()));
        return b.build();
    }

    /** {@code cibadmin -Q} (with {@code CIB_file} for a file). Usage: {@code pcs.cibQuery()}. */
    public Command cibQuery() {
        Command.Builder b = Command.builder("cibadmin").arg("-Q");
        cibFile.ifPresent(p -> b.env("CIB_file", p.toString()));
        return b.build();
    }
}
