package org.sansdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretTest {
    @Test
    void toString_neverShowsValue() {
        Secret s = Secret.of("chap-secret-123");
        assertThat(s.toString()).isEqualTo("****");
        assertThat(String.valueOf(s)).doesNotContain("chap");
        assertThat(new java.util.ArrayList<>(java.util.List.of(s)).toString()).isEqualTo("[****]");
    }

    @Test
    void equals_comparesValues_hashDoesNotDependOnValue() {
        assertThat(Secret.of("a")).isEqualTo(Secret.of("a")).isNotEqualTo(Secret.of("b"));
        assertThat(Secret.of("a").hashCode()).isEqualTo(Secret.of("zzzz").hashCode());
    }

    @Test
    void reveal_andDestroy() {
        Secret s = Secret.of("ü-pass");
        assertThat(s.reveal()).isEqualTo("ü-pass");
        assertThat(s.length()).isEqualTo(7);
        s.destroy();
        assertThat(s.reveal()).doesNotContain("pass");
    }
}
