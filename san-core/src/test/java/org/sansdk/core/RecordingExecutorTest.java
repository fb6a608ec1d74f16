package org.sansdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingExecutorTest extends ExecutorContract {

    @Override
    Executor executor(List<Scenario> scenarios) {
        return new RecordingExecutor(c -> scenarios.stream().filter(s -> s.command().equals(c))
                .map(Scenario::expected).findFirst().orElse(CommandResult.ok("")));
    }

    @Test
    void dryRun_recordsCommandsInOrder_andRunsNothing() {
        RecordingExecutor dry = new RecordingExecutor();
        dry.run(Command.of("zpool", "export", "san-pool"));
        dry.run(Command.builder("targetcli").secretArg("password=", Secret.of("pw1234")).build());
        assertThat(dry.commands()).extracting(Command::program).containsExactly("zpool", "targetcli");
        assertThat(dry.script()).isEqualTo("zpool export san-pool\ntargetcli 'password=****'\n");
    }
}
