package org.sansdk.zfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sansdk.core.CommandResult;
import org.sansdk.core.ReplayExecutor;
import org.sansdk.core.SanException;

/** Replays the real zfs-fuse resilver captured in corpus/zfs-fuse (see its README). */
class ScanTrackerTest {
    private static final List<String> STATUS = List.of("zpool", "status", "-v", "tr");

    private static ReplayExecutor replay(int... polls) {
        ReplayExecutor.Builder b = ReplayExecutor.builder();
        for (int p : polls) {
            b.on(STATUS, Corpus.read("zfs-fuse", "resilver-replacing-poll-" + p + ".txt"));
        }
        return b.build();
    }

    @Test
    void run_realResilverSequence_reportsProgressThenFinish() {
        List<Double> progress = new ArrayList<>();
        List<ScanStatus> finished = new ArrayList<>();
        ScanStatus end = ScanTracker.builder(replay(1, 2, 3, 4, 5), "tr").sleeper(d -> { }).awaitStart(3).build()
                .run(new ScanTracker.Listener() {
                    @Override
                    public void onProgress(ScanStatus s) {
                        progress.add(s.percentDone().orElseThrow());
                    }

                    @Override
                    public void onFinished(ScanStatus s) {
                        finished.add(s);
                    }
                });
        assertThat(progress).containsExactly(34.46, 60.08);
        assertThat(finished).containsExactly(end);
        assertThat(end.function()).isEqualTo(ScanStatus.ScanFunction.RESILVER);
        assertThat(end.state()).isEqualTo(ScanStatus.ScanState.FINISHED);
        assertThat(end.endedAt()).contains("Wed Nov 25 07:07:22 2026");
        assertThat(end.errors()).hasValue(0);
    }

    @Test
    void run_withoutAwaitStart_stopsAtTheFirstIdleReading() {
        ScanStatus end = ScanTracker.builder(replay(1, 2), "tr").sleeper(d -> { }).build().run(s -> { });
        assertThat(end.state()).isEqualTo(ScanStatus.ScanState.NONE_REQUESTED);
    }

    @Test
    void run_stillRunningAfterMaxPolls_reportsErrorAndThrows() {
        List<SanException> errors = new ArrayList<>();
        assertThatThrownBy(() -> ScanTracker.builder(replay(2), "tr").sleeper(d -> { }).maxPolls(3).build()
                .run(new ScanTracker.Listener() {
                    @Override
                    public void onProgress(ScanStatus s) {
                    }

                    @Override
                    public void onError(SanException e) {
                        errors.add(e);
                    }
                })).isInstanceOf(SanException.class).hasMessageContaining("still running after 3 polls");
        assertThat(errors).hasSize(1);
    }

    @Test
    void run_poolMissingOrCommandFailing_isAnError() {
        ReplayExecutor none = ReplayExecutor.builder().on(STATUS, "no pools available\n").build();
        assertThatThrownBy(() -> ScanTracker.builder(none, "tr").build().run(s -> { }))
                .isInstanceOf(SanException.class).hasMessageContaining("pool 'tr' is not in the output");
        ReplayExecutor failing = ReplayExecutor.builder()
                .on(STATUS, new CommandResult(1, "", "cannot open 'tr': no such pool\n", java.time.Duration.ZERO))
                .build();
        assertThatThrownBy(() -> ScanTracker.builder(failing, "tr").build().run(s -> { }))
                .isInstanceOf(SanException.class);
    }
}
