package org.sansdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayExecutorTest extends ExecutorContract {

    @Override
    Executor executor(List<Scenario> scenarios) {
        ReplayExecutor.Builder b = ReplayExecutor.builder();
        scenarios.forEach(s -> b.on(s.command().argv(), s.expected()));
        return b.build();
    }

    @Test
    void run_sameArgvRecordedTwice_answersInOrderThenRepeatsTheLast() {
        List<String> argv = List.of("zpool", "status", "san-pool");
        ReplayExecutor e = ReplayExecutor.builder().on(argv, "first").on(argv, "second").build();
        assertThat(e.run(Command.of(argv)).stdout()).isEqualTo("first");
        assertThat(e.run(Command.of(argv)).stdout()).isEqualTo("second");
        assertThat(e.run(Command.of(argv)).stdout()).isEqualTo("second");
        assertThat(e.commandsSeen()).hasSize(3);
    }

    @Test
    void run_unrecordedCommand_namesTheNearestRecordedOne() {
        ReplayExecutor e = ReplayExecutor.builder()
                .on(List.of("zpool", "status", "-P", "san-pool"), "x")
                .on(List.of("targetcli", "ls"), "y")
                .build();
        assertThatThrownBy(() -> e.run(Command.of("zpool", "status", "-P", "san-poo1")))
                .isInstanceOf(SanException.class)
                .hasMessageContaining("no recorded answer for: zpool status -P san-poo1")
                .hasMessageContaining("nearest recorded: zpool status -P san-pool");
    }
}
