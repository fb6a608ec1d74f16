package org.sansdk.cluster.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every proof REPORT.md names is a test method that exists (so the table cannot drift from the tests). */
class ProofTableTest {

    @Test
    void everyNamedProofIsATestMethod() throws ClassNotFoundException {
        assertThat(Proof.ALL).isNotEmpty();
        for (Proof p : Proof.ALL) {
            String[] parts = p.test().split("#");
            assertThat(parts).as(p.test()).hasSize(2);
            Class<?> c = Class.forName((parts[0].contains(".") ? "org.sansdk.cluster." : "org.sansdk.cluster.bundle.") + parts[0]);
            Method m = Arrays.stream(c.getDeclaredMethods()).filter(x -> x.getName().equals(parts[1])).findFirst()
                    .orElseThrow(() -> new AssertionError("no method " + p.test()));
            assertThat(m.isAnnotationPresent(Test.class)).as(p.test() + " is a @Test").isTrue();
        }
    }
}
