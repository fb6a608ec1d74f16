package org.sansdk.lio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.sansdk.core.Secret;
import org.sansdk.lio.json.JsonValue;
import org.sansdk.lio.internal.PythonJsonWriter;

/**
 * Writes a {@link LioConfig} exactly as rtslib-fb's {@code save_to_file} does:
 * {@code json.dumps(config, sort_keys=True, indent=2)} plus a newline, ASCII-only escaping. Empty
 * {@code attributes}/{@code parameters} maps and empty CHAP keys are left out, as rtslib's {@code dump()} does.
 * The output contains CHAP passwords in clear (the file format demands it): write it only to a 0600 file
 * ({@link SaveconfigFile}), never to a log.
 *
 * <pre>{@code String json = SaveconfigWriter.write(cfg);}</pre>
 */
public final class SaveconfigWriter {

    private SaveconfigWriter() {
    }

    /** The file content in current rtslib's layout. {@code SaveconfigWriter.write(cfg)} */
    public static String write(LioConfig config) {
        return write(config, SaveconfigFormat.RTSLIB);
    }

    /** The file content in a given layout (use the parsed layout for a byte-exact round trip). {@code SaveconfigWriter.write(cfg, doc.format())} */
    public static String write(LioConfig config, SaveconfigFormat format) {
        String body = PythonJsonWriter.write(toJson(config), format.style());
        return format.trailingNewline() ? body + "\n" : body;
    }

    /** The configuration as a JSON tree (secrets revealed: this is the file's content). {@code SaveconfigWriter.toJson(cfg)} */
    public static JsonValue toJson(LioConfig c) {
        Obj o = new Obj(c.extra());
        o.put("fabric_modules", list(c.fabricModules(), SaveconfigWriter::fabric));
        o.put("storage_objects", list(c.storageObjects(), SaveconfigWriter::storageObject));
        o.put("targets", list(c.targets(), SaveconfigWriter::target));
        return o.build();
    }

    private static JsonValue fabric(FabricModule f) {
        Obj o = new Obj(f.extra());
        o.put("name", str(f.name()));
        f.discoveryEnableAuth().ifPresent(b -> o.put("discovery_enable_auth", new JsonValue.JsonBool(b)));
        chap(o, "discovery_", f.discoveryAuth());
        return o.build();
    }

    private static JsonValue storageObject(StorageObject so) {
        Obj o = new Obj(so.extra());
        o.put("name", str(so.name()));
        o.put("plugin", str(so.plugin()));
        if (!so.attributes().isEmpty()) {
            o.put("attributes", ints(so.attributes()));
        }
        so.aluaTpgs().ifPresent(groups -> o.put("alua_tpgs", list(groups, SaveconfigWriter::alua)));
        if (so instanceof BlockStorageObject b) {
            o.put("dev", str(b.dev()));
            o.opt("wwn", b.wwn().map(SaveconfigWriter::str));
            o.opt("readonly", b.readonly().map(JsonValue.JsonBool::new));
            o.opt("write_back", b.writeBack().map(JsonValue.JsonBool::new));
        } else if (so instanceof FileioStorageObject f) {
            o.put("dev", str(f.dev()));
            o.opt("wwn", f.wwn().map(SaveconfigWriter::str));
            o.opt("size", f.size().map(JsonValue.JsonNumber::of));
            o.opt("write_back", f.writeBack().map(JsonValue.JsonBool::new));
            o.opt("aio", f.aio().map(JsonValue.JsonBool::new));
        } else if (so instanceof RamdiskStorageObject r) {
            o.opt("size", r.size().map(JsonValue.JsonNumber::of));
            o.opt("nullio", r.nullio().map(JsonValue.JsonBool::new));
            o.opt("wwn", r.wwn().map(SaveconfigWriter::str));
        } else if (so instanceof PscsiStorageObject ps) {
            o.put("dev", str(ps.dev()));
        } else if (so instanceof UserStorageObject u) {
            o.put("config", str(u.config()));
            o.opt("size", u.size().map(JsonValue.JsonNumber::of));
            o.opt("wwn", u.wwn().map(SaveconfigWriter::str));
            o.opt("hw_max_sectors", u.hwMaxSectors().map(JsonValue.JsonNumber::of));
            o.opt("control", u.control().map(SaveconfigWriter::str));
        }
        return o.build();
    }

    private static JsonValue alua(AluaGroup g) {
        Obj o = new Obj(g.extra());
        for (Map.Entry<String, Long> e : g.settings().entrySet()) {
            o.put(e.getKey(), JsonValue.JsonNumber.of(e.getValue()));
        }
        o.put("name", str(g.name()));
        o.put("tg_pt_gp_id", JsonValue.JsonNumber.of(g.tgPtGpId()));
        return o.build();
    }

    private static JsonValue target(Target t) {
        Obj o = new Obj(t.extra());
        if (!t.attributes().isEmpty()) {
            o.put("attributes", ints(t.attributes()));
        }
        if (!t.parameters().isEmpty()) {
            o.put("parameters", strings(t.parameters()));
        }
        o.put("wwn", str(t.wwn()));
        o.put("fabric", str(t.fabric()));
        o.put("tpgs", list(t.tpgs(), SaveconfigWriter::tpg));
        return o.build();
    }

    private static JsonValue tpg(Tpg t) {
        Obj o = new Obj(t.extra());
        if (!t.attributes().isEmpty()) {
            o.put("attributes", ints(t.attributes()));
        }
        if (!t.parameters().isEmpty()) {
            o.put("parameters", strings(t.parameters()));
        }
        o.put("tag", JsonValue.JsonNumber.of(t.tag()));
        o.put("enable", new JsonValue.JsonBool(t.enable()));
        o.put("luns", list(t.luns(), SaveconfigWriter::lun));
        o.put("portals", list(t.portals(), SaveconfigWriter::portal));
        o.put("node_acls", list(t.nodeAcls(), SaveconfigWriter::acl));
        chap(o, "chap_", t.chap());
        return o.build();
    }

    private static JsonValue lun(Lun l) {
        Obj o = new Obj(l.extra());
        o.put("storage_object", str(l.storageObject()));
        o.put("index", JsonValue.JsonNumber.of(l.index()));
        o.opt("alias", l.alias().map(SaveconfigWriter::str));
        o.opt("alua_tg_pt_gp_name", l.aluaTgPtGpName().map(SaveconfigWriter::str));
        return o.build();
    }

    private static JsonValue portal(Portal p) {
        Obj o = new Obj(p.extra());
        o.put("port", JsonValue.JsonNumber.of(p.port()));
        o.put("ip_address", str(p.ipAddress()));
        o.opt("iser", p.iser().map(JsonValue.JsonBool::new));
        o.opt("offload", p.offload().map(JsonValue.JsonBool::new));
        return o.build();
    }

    private static JsonValue acl(NodeAcl a) {
        Obj o = new Obj(a.extra());
        if (!a.attributes().isEmpty()) {
            o.put("attributes", ints(a.attributes()));
        }
        o.put("node_wwn", str(a.nodeWwn()));
        o.put("mapped_luns", list(a.mappedLuns(), SaveconfigWriter::mappedLun));
        o.opt("tag", a.tag().map(SaveconfigWriter::str));
        chap(o, "chap_", a.chap());
        return o.build();
    }

    private static JsonValue mappedLun(MappedLun m) {
        Obj o = new Obj(m.extra());
        o.put("write_protect", new JsonValue.JsonBool(m.writeProtect()));
        o.put("index", JsonValue.JsonNumber.of(m.index()));
        o.put("tpg_lun", JsonValue.JsonNumber.of(m.tpgLun()));
        o.opt("alias", m.alias().map(SaveconfigWriter::str));
        return o.build();
    }

    /** rtslib writes each CHAP key only when its value is non-empty. */
    private static void chap(Obj o, String prefix, Chap chap) {
        chap.userid().filter(s -> !s.isEmpty()).ifPresent(v -> o.put(prefix + "userid", str(v)));
        chap.password().filter(s -> !s.isEmpty()).ifPresent(v -> o.put(prefix + "password", secret(v)));
        chap.mutualUserid().filter(s -> !s.isEmpty()).ifPresent(v -> o.put(prefix + "mutual_userid", str(v)));
        chap.mutualPassword().filter(s -> !s.isEmpty())
                .ifPresent(v -> o.put(prefix + "mutual_password", secret(v)));
    }

    private static JsonValue secret(Secret s) {
        return new JsonValue.JsonString(s.reveal());
    }

    private static JsonValue str(String s) {
        return new JsonValue.JsonString(s);
    }

    private static JsonValue ints(Map<String, Long> m) {
        Map<String, JsonValue> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, JsonValue.JsonNumber.of(v)));
        return new JsonValue.JsonObject(out);
    }

    private static JsonValue strings(Map<String, String> m) {
        Map<String, JsonValue> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, str(v)));
        return new JsonValue.JsonObject(out);
    }

    private static <T> JsonValue list(List<T> items, Function<T, JsonValue> f) {
        List<JsonValue> out = new ArrayList<>(items.size());
        for (T t : items) {
            out.add(f.apply(t));
        }
        return new JsonValue.JsonArray(out);
    }

    /** Object under construction: typed members win over extra members of the same key. */
    private static final class Obj {
        private final Map<String, JsonValue> m;

        Obj(Map<String, JsonValue> extra) {
            m = new LinkedHashMap<>(extra);
        }

        void put(String k, JsonValue v) {
            m.put(k, v);
        }

        void opt(String k, Optional<JsonValue> v) {
            v.ifPresent(x -> m.put(k, x));
        }

        JsonValue build() {
            return new JsonValue.JsonObject(m);
        }
    }
}
