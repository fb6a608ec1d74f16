package org.sansdk.pacemaker.status;

/**
 * A {@code <fence_event>} of fencing history ({@code crm_mon --fence-history}, {@code stonith_admin --history --output-as=xml}).
 * Usage: {@code e.target() + " " + e.status()}.
 *
 * @param target    fenced node
 * @param action    reboot, off, on
 * @param delegate  node that executed it or null
 * @param client    requesting client or null
 * @param origin    requesting node or null
 * @param status    success, failed, pending
 * @param completed completion time text or null
 * @param exitReason exit reason or null
 */
public record FenceEvent(String target, String action, String delegate, String client, String origin, String status,
                         String completed, String exitReason) {
}
