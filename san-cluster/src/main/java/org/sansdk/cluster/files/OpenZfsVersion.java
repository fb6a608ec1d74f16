package org.sansdk.cluster.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenZFS series whose kernel module parameter names {@link ZfsModprobeConf} checks against: each holds the
 * names of one tag's Linux module parameters and the module owning each (extracted from the OpenZFS source; see
 * SOURCES.md beside the lists).
 *
 * <pre>{@code OpenZfsVersion.V2_1.moduleOf("zfs_arc_max")   // Optional[zfs]}</pre>
 */
public enum OpenZfsVersion {
    /** OpenZFS 2.1 (list of tag zfs-2.1.11, the Debian 12 version): 2.1 builds several modules (spl, icp, zcommon, zfs …). */
    V2_1("2.1.11"),
    /** OpenZFS 2.2 (list of tag zfs-2.2.11): everything but spl is in the zfs module. */
    V2_2("2.2.11");

    private final String tag;
    private Map<String, String> modules;

    OpenZfsVersion(String tag) {
        this.tag = tag;
    }

    /** The release whose parameter list is used, for example {@code 2.1.11}. */
    public String tag() {
        return tag;
    }

    /** The module owning a parameter, if the name is a parameter of this version. {@code V2_2.moduleOf("spl_hostid")} */
    public java.util.Optional<String> moduleOf(String parameter) {
        return java.util.Optional.ofNullable(parameters().get(parameter));
    }

    /** Every parameter name of this version with its module, sorted by name. {@code V2_1.parameters().size()} */
    public synchronized Map<String, String> parameters() {
        if (modules == null) {
            modules = load();
        }
        return modules;
    }

    private Map<String, String> load() {
        String resource = "openzfs-" + tag + "-module-params.txt";
        try (InputStream in = OpenZfsVersion.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            Map<String, String> m = new TreeMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                // "MODULE NAME" per line; anything else means the shipped list is damaged
                String[] p = line.strip().split("\\s+");
                if (p.length != 2 || m.putIfAbsent(p[1], p[0]) != null) {
                    throw new IllegalStateException(resource + ": expected one 'MODULE NAME' per line, each name once: '" + line + "'");
                }
            }
            return Collections.unmodifiableMap(m);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
