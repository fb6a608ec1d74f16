package org.sansdk.corosync;

/**
 * What {@code corosync -t -c FILE} said about a file: its exit code (0 valid, 8 parse/config error; corosync
 * also needs one node address to be local and the key to exist) and its first error message.
 *
 * <pre>{@code ConfigCheck c = Corosync.on(executor).test(Path.of("/etc/corosync/corosync.conf")); c.ok();}</pre>
 *
 * @param exitCode corosync's exit code
 * @param message  the first error line (timestamps and prefixes removed), empty when none
 */
public record ConfigCheck(int exitCode, String message) {
    /** True when corosync accepted the file. */
    public boolean ok() {
        return exitCode == 0;
    }
}
