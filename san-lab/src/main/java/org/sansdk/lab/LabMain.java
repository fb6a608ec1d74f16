package org.sansdk.lab;

import java.io.IOException;
import java.io.InputStream;

/**
 * {@code scripts/lab up}: starts the standard lab, prints one {@code READY <id> <node>=<netns> …} line and holds it
 * until standard input closes or the JVM is told to stop (SIGTERM, Ctrl-C), then tears it down.
 *
 * <pre>{@code java -cp … org.sansdk.lab.LabMain < /dev/null  # holds until killed}</pre>
 */
public final class LabMain {
    private LabMain() {
    }

    /**
     * Starts and holds the standard lab. Usage: {@code LabMain.main(new String[0])}.
     *
     * @param args none
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        Lab lab = Lab.start(LabDesign.standard());
        StringBuilder b = new StringBuilder("READY ").append(lab.id());
        lab.nodes().forEach(n -> b.append(' ').append(n.name()).append('=').append(n.netns()));
        System.out.println(b);
        System.out.flush();
        if (args.length > 0 && args[0].equals("--until-stdin-closes")) {
            InputStream in = System.in;
            while (in.read() >= 0) {
                // held until EOF
            }
            lab.close();
            return;
        }
        // held until the JVM is stopped; the shutdown hook Lab.start registered tears the lab down
        Thread.currentThread().join();
    }
}
