package org.sansdk.iscsi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Loads the fixtures under src/test/resources/corpus (provenance in the SOURCES.md beside them). */
final class Corpus {
    static final List<String> SESSION_FLAT = List.of("bean-session-no-flash-suffix.txt",
            "insights-iscsiadm-m-session.txt", "orealyz-session-4.txt", "bean-session-none.txt",
            "written-session-ipv6.txt");
    static final List<String> SESSION_TREE = List.of("bean-session-P3-multipath-4-portals.txt",
            "bean-session-P3-open-iscsi-2.0-871.txt", "orealyz-session-P3-6.2.1.9-4-portals.txt",
            "written-session-P1-two-targets-ipv6-same-portal.txt", "written-session-P3-ipv6-lun300-failed.txt");
    static final List<String> NODE_LIST = List.of("orealyz-node-list-12.txt", "real-2.1.8-node-list.txt",
            "bean-discovery-st-3-portals.txt", "orealyz-discoverydb-st.txt", "real-2.1.8-node-P1.txt");
    static final List<String> NODE_RECORD = List.of("real-2.1.8-node-show.txt", "real-2.1.8-node-show-ipv6.txt",
            "real-2.1.8-discoverydb-show.txt");

    private Corpus() {
    }

    static String iscsiadm(String name) {
        return read("corpus/iscsiadm/" + name);
    }

    static String read(String path) {
        try (InputStream in = Corpus.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String path) {
        try (InputStream in = Corpus.class.getClassLoader().getResourceAsStream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
