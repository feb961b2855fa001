// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.provider.MemberHealth;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PoolSummaryTest {

    private static MemberHealth out(Duration backIn) {
        return new MemberHealth("gpu2", MemberHealth.State.OUT, 8, 8, 0, 3, 5, 0, 0, "refused", backIn);
    }

    @Test
    void aMemberOutSaysHowLongUntilItIsProbedOrThatTheNextRequestProbesIt() {
        assertThat(PoolSummary.compact(out(Duration.ofMillis(1600)))).isEqualTo("gpu2 out 1.6s, 5 failed");
        assertThat(PoolSummary.compact(out(Duration.ZERO))).isEqualTo("gpu2 out, 5 failed");
        assertThat(PoolSummary.detail(out(Duration.ZERO))).startsWith(
                "out after failing, probed with the next request; 3 answered, 5 failed");
    }

    @Test
    void aServingMemberShowsItsLoadItsLoweredLimitAndItsRate() {
        MemberHealth lowered = new MemberHealth("gpu1", MemberHealth.State.SERVING, 6, 8, 5, 120, 0, 2, 31.4, null,
                null);

        assertThat(PoolSummary.compact(lowered)).isEqualTo("gpu1 5/6 (of 8) 31/s, 2 429s");
        assertThat(PoolSummary.compact(new MemberHealth("box", MemberHealth.State.SERVING, 2, 2, 2, 4, 0, 0, 0.4,
                null, null))).isEqualTo("box 2/2 0.4/s");
        assertThat(PoolSummary.detail(lowered)).isEqualTo("serving, 5 of 6 in flight, 31.4 answers/s; 120 answered,"
                + " 0 failed, 2 answered 429 (limit lowered from 8 to 6)");
    }
}
