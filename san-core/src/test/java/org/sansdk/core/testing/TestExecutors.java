package org.sansdk.core.testing;

import java.time.Duration;
import org.sansdk.core.Executor;
import org.sansdk.core.LocalExecutor;

/**
 * Executors for tests.
 *
 * <pre>{@code Executor local = TestExecutors.local();}</pre>
 */
public final class TestExecutors {
    private TestExecutors() {
    }

    /** A {@link LocalExecutor} with a 60 second default timeout. */
    public static Executor local() {
        return new LocalExecutor(Duration.ofSeconds(60));
    }
}
