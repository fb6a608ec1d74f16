package org.sansdk.cluster.bundle;

import java.nio.file.Files;
import java.nio.file.Path;
import org.sansdk.cluster.map.ReferenceDesign;

/**
 * A whole-process timing of one render of the reference design (secrets supplied), written to a fresh directory:
 * {@code /usr/bin/time java -XX:TieredStopAtLevel=1 -cp … org.sansdk.cluster.bundle.RenderTiming OUT}.
 */
public final class RenderTiming {
    private RenderTiming() {
    }

    /** Renders and writes the bundle to {@code args[0]} (a temporary directory when absent). */
    public static void main(String[] args) throws Exception {
        Path out = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("san-bundle");
        Bundle b = BundleRenderer.create().render(ReferenceDesign.resolved());
        b.writeTo(out);
        System.out.println(b + " -> " + out);
    }
}
