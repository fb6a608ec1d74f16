package org.sansdk.iscsi;

/**
 * One line of {@code iscsiadm -m session} (level 0): {@code tcp: [18] 10.3.1.1:3260,1 iqn… (non-flash)}.
 *
 * <pre>{@code int sid = Iscsiadm.on(executor).sessions().sessions().get(0).sid();}</pre>
 *
 * @param transport the transport name ({@code tcp}, {@code iser}, …)
 * @param sid       the session id (sysfs {@code session<sid>})
 * @param portal    the persistent portal
 * @param target    the target name as printed (not normalised)
 * @param nodeType  the suffix
 * @param line      the 1-based line of the capture
 */
public record SessionEntry(String transport, int sid, Portal portal, String target, NodeType nodeType, int line) {
}
