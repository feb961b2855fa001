// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.analysis.ResampleTally;
import dev.rationale.core.provider.ProviderException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** What a resample reported to its listener: the tallies in arrival order, the progress and how it ended. */
final class RecordedResample implements Resampler.Listener {
    final List<ResampleTally> tallies = new ArrayList<>();
    final CountDownLatch ended = new CountDownLatch(1);
    volatile int progress;
    volatile @Nullable ProviderException failure;

    /** Resamples {@code samples} continuations from each point and waits (up to a minute) for the end. */
    static RecordedResample run(Resampler resampler, List<ResamplePoint> points, int samples)
            throws InterruptedException {
        RecordedResample outcome = new RecordedResample();
        resampler.start(points, samples, outcome);
        assertThat(outcome.ended.await(60, TimeUnit.SECONDS)).isTrue();
        return outcome;
    }

    @Override
    public void progress(int done, int total) {
        progress = done;
    }

    @Override
    public void tallied(int index, ResamplePoint point, ResampleTally tally) {
        tallies.add(tally);
    }

    @Override
    public void ended(@Nullable ProviderException error, boolean cancelled, List<String> notices) {
        failure = error;
        ended.countDown();
    }
}
