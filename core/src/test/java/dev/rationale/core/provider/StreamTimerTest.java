// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StreamTimerTest {
    private final AtomicLong now = new AtomicLong();
    private final StreamTimer timer = StreamTimer.start(now::get);

    private void at(long millis) {
        now.set(millis * 1_000_000L);
    }

    @Test
    void thinkingLastsFromTheFirstReasoningToTheFirstAnswerText() {
        at(100);
        timer.markText(true);
        at(900);
        timer.markText(true);
        at(1300);
        timer.markText(false);
        at(2000);

        assertThat(timer.timings()).isEqualTo(new Timings(100.0, 2000.0, 1200.0));
    }

    @Test
    void thinkingThatNeverReachedAnAnswerLastsUntilNow() {
        at(50);
        timer.markText(true);
        at(450);

        assertThat(timer.timings().thinkingMillis()).isEqualTo(400.0);
    }

    @Test
    void answerTextAloneHasNoThinkingTime() {
        at(10);
        timer.markText();
        at(30);

        assertThat(timer.timings()).isEqualTo(new Timings(10.0, 30.0, null));
    }
}
