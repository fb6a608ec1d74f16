package org.sansdk.corosync;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Loads the copied corpus fixtures from the test class path. */
final class Corpus {
    static final List<String> CONFS = List.of(
            "cfs-corosync-conf-pcs-knet.conf",
            "corosync-augeas-test.conf",
            "corosync-conf.example.conf",
            "insights-corosync-conf-tripleo-udpu.conf",
            "pcs-corosync-2node.conf",
            "pcs-corosync-3nodes-qdevice-heuristics.conf",
            "pcs-corosync-some-node-names.conf",
            "teachlinuxcluster-node1.conf");

    private Corpus() {
    }

    static String read(String name) {
        String resource = "/corpus/corosync/" + name;
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
