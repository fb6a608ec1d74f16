package org.sansdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EditDistanceTest {
    @Test
    void knownDistances() {
        assertThat(EditDistance.of("kitten", "sitting")).isEqualTo(3);   // the textbook pair
        assertThat(EditDistance.of("vlna", "vlan")).isEqualTo(2);        // a transposition is two edits here
        assertThat(EditDistance.of("", "abc")).isEqualTo(3);
        assertThat(EditDistance.of("abc", "")).isEqualTo(3);
        assertThat(EditDistance.of("zfs_arc_max", "zfs_arc_max")).isZero();
        assertThat(EditDistance.of("zfs_arc_mx", "zfs_arc_max")).isEqualTo(1);
        assertThat(EditDistance.of("flaw", "lawn")).isEqualTo(EditDistance.of("lawn", "flaw")).isEqualTo(2);
    }
}
