package org.sansdk.lio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Loads the copied corpus fixtures from the test class path (shared by the tests of every san-lio package). */
public final class Corpus {
    /** Every recorded real saveconfig.json under {@code /corpus/saveconfig/}. */
    public static final List<String> SAVECONFIGS = List.of(
            "opensuse-salt-formulas-fileio-3luns-2acls.json",
            "pengyun-empty.json",
            "pengyun-old-rtslib-chap.json",
            "targetcli-containers-demo-mode.json",
            "targetcli-containers-fileio-no-acls.json",
            "tcm-scripts-fcoe-alua.json",
            "teachlinuxcluster-two-acls.json",
            "workspace02-fileio-aio.json",
            "yast-lio-server-fixture-tpg5-mapped-lun7.json",
            "yast-multi-target-chap.json");

    private Corpus() {
    }

    /** One recorded saveconfig.json by file name. */
    public static String saveconfig(String name) {
        return read("/corpus/saveconfig/" + name);
    }

    static String read(String resource) {
        try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
