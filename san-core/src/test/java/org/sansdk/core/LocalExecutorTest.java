package org.sansdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalExecutorTest extends ExecutorContract {

    @Override
    Executor executor(List<Scenario> scenarios) {
        return new LocalExecutor(Duration.ofSeconds(30));
    }

    @Test
    void run_largeStdoutAndStderrAtOnce_doesNotDeadlock() {
        // 8 MB on each stream, interleaved, far above any pipe buffer
        Command c = Command.of("sh", "-c",
                "head -c 8388608 /dev/zero | tr '\\0' 'o' & head -c 8388608 /dev/zero | tr '\\0' 'e' >&2; wait");
        CommandResult r = new LocalExecutor(Duration.ofSeconds(60)).run(c);
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).hasSize(8 * 1024 * 1024);
        assertThat(r.stderr()).hasSize(8 * 1024 * 1024);
        assertThat(r.stdout().chars().allMatch(ch -> ch == 'o')).isTrue();
    }

    @Test
    void run_largeStdin_isFullyDelivered() {
        byte[] big = new byte[4 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');
        CommandResult r = new LocalExecutor().run(Command.builder("wc").arg("-c").stdin(big).build());
        assertThat(r.stdout().strip()).isEqualTo(Integer.toString(big.length));
    }

    @Test
    void run_pastTimeout_killsAndThrows() {
        Command c = Command.builder("sleep").arg("30").timeout(Duration.ofMillis(300)).build();
        long start = System.nanoTime();
        assertThatThrownBy(() -> new LocalExecutor().run(c))
                .isInstanceOf(CommandTimeoutException.class)
                .hasMessageContaining("timed out after 300 ms")
                .hasMessageContaining("sleep 30");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void run_missingProgram_throwsSanExceptionNamingIt() {
        assertThatThrownBy(() -> new LocalExecutor().run(Command.of("san-no-such-program-xyz", "a")))
                .isInstanceOf(SanException.class)
                .hasMessageContaining("san-no-such-program-xyz");
    }

    @Test
    void run_recordsDuration() {
        CommandResult r = new LocalExecutor().run(Command.of("sleep", "0.2"));
        assertThat(r.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }
}
