package org.sansdk.cluster.ops;

import java.util.List;
import java.util.Objects;
import org.sansdk.zfs.DeviceState;

/**
 * What reintegrating a returning storage node did. Usage: {@code cluster.reintegrate("storage-b").legsOnlined()}.
 *
 * @param node        the returning node
 * @param survivor    the node that imports the pool and keeps running everything
 * @param steps       every step in order, with times
 * @param legsOnlined the vdevs brought online ({@code zpool online}), as zpool names them
 * @param legsCleared the vdevs whose errors were cleared ({@code zpool clear}), as zpool names them
 * @param finalLegs   the node's legs' states at the end, in design order
 * @param poolState   the pool's state at the end
 * @param resilver    the scan state at the end
 * @param resilverSeen whether a new scan (the resilver of the onlined or cleared legs) showed after the change; true
 *                    when nothing had to be onlined or cleared
 */
public record ReintegrationReport(String node, String survivor, List<OperationStep> steps, List<String> legsOnlined,
                                  List<String> legsCleared, List<DeviceState> finalLegs, DeviceState poolState, ResilverProgress resilver,
                                  boolean resilverSeen) {
    /** Copies. Usage: built by {@link ClusterOperations#reintegrate(String)}. */
    public ReintegrationReport {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(survivor, "survivor");
        steps = List.copyOf(steps);
        legsOnlined = List.copyOf(legsOnlined);
        legsCleared = List.copyOf(legsCleared);
        finalLegs = List.copyOf(finalLegs);
        Objects.requireNonNull(poolState, "poolState");
        Objects.requireNonNull(resilver, "resilver");
    }

    /**
     * True when the node is back in full: every leg ONLINE, the pool ONLINE, no resilver running, and the resilver of
     * what was onlined or cleared was seen to happen. Usage: {@code if (!r.completed()) alert(r.describe());}
     */
    public boolean completed() {
        return resilverSeen && poolState == DeviceState.ONLINE && finalLegs.stream().allMatch(s -> s == DeviceState.ONLINE)
                && !resilver.resilvering();
    }

    /** One line per step. Usage: {@code System.out.println(r.describe())}. */
    public String describe() {
        StringBuilder b = new StringBuilder("reintegrate " + node + " (pool on " + survivor + ")\n");
        steps.forEach(s -> b.append("  ").append(s.describe()).append('\n'));
        b.append("  pool ").append(poolState).append(", legs ").append(finalLegs).append(completed() ? ": complete" : ": NOT complete");
        return b.toString();
    }
}
