// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.eval.EvalTally;
import dev.rationale.core.provider.MemberHealth;
import dev.rationale.core.provider.PoolHealth;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTextTest {
    private static final EvalTally.Counts COUNTS = new EvalTally.Counts(120, 40, 31, 2, 0, Duration.ofSeconds(80));

    private static PoolHealth lab() {
        return new PoolHealth() {
            @Override
            public String name() {
                return "lab";
            }

            @Override
            public int capacity() {
                return 16;
            }

            @Override
            public List<MemberHealth> members() {
                return List.of(
                        new MemberHealth("gpu1", MemberHealth.State.SERVING, 6, 8, 6, 30, 0, 2, 12, null, null),
                        new MemberHealth("gpu2", MemberHealth.State.OUT, 8, 8, 0, 10, 4, 0, 0, "refused",
                                Duration.ofMillis(1600)));
            }
        };
    }

    @Test
    void whileItRunsEachPoolGetsALineWithItsMembersLoadRateAndFailures() {
        assertThat(ProgressText.of(COUNTS, true, List.of(lab()))).isEqualTo(
                "40 of 120 completions · 31 correct · 2 failed · about 1:20 left\n"
                        + "lab: gpu1 6/6 (of 8) 12/s, 2 429s · gpu2 out 1.6s, 4 failed");
    }

    @Test
    void onceItEndedThePoolsAreNotShown() {
        assertThat(ProgressText.of(COUNTS, false, List.of(lab())))
                .isEqualTo("40 of 120 completions · 31 correct · 2 failed");
    }
}
