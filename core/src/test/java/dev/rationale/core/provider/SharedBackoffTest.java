// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SharedBackoffTest {
    private final AtomicLong now = new AtomicLong();
    // A generator whose nextDouble() is 0: no jitter, so waits are exact.
    private final SharedBackoff backoff = new SharedBackoff(now::get, () -> 0L);

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    @Test
    void failuresTogetherShareOneWaitInsteadOfDoublingEach() {
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waits.add(backoff.failed());
        }

        assertThat(waits).containsOnly(SharedBackoff.INITIAL);
    }

    @Test
    void consecutiveFailuresDoubleTheWaitUpToTheMaximum() {
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Duration wait = backoff.failed();
            waits.add(wait);
            advance(wait);
        }

        assertThat(waits.subList(0, 4)).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200),
                Duration.ofMillis(400), Duration.ofMillis(800));
        assertThat(waits.getLast()).isEqualTo(SharedBackoff.MAX);
    }

    @Test
    void anAnswerResetsTheWait() {
        for (int i = 0; i < 4; i++) {
            advance(backoff.failed());
        }
        assertThat(backoff.current()).isGreaterThan(SharedBackoff.INITIAL);

        backoff.answered();

        assertThat(backoff.current()).isEqualTo(SharedBackoff.INITIAL);
        assertThat(backoff.failed()).isEqualTo(SharedBackoff.INITIAL);
    }

    @Test
    void jitterShortensTheWaitByAtMostAQuarter() {
        SharedBackoff jittered = new SharedBackoff(now::get, () -> -1L);

        Duration wait = jittered.failed();

        assertThat(wait).isLessThan(SharedBackoff.INITIAL)
                .isGreaterThanOrEqualTo(SharedBackoff.INITIAL.multipliedBy(3).dividedBy(4));
    }
}
