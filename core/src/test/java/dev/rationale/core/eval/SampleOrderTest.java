// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.answer.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleOrderTest {

    private static SampleRecord sample(int n, Verdict status, String answer) {
        return new SampleRecord("t", "v", "x", "c", n, "e", "m", status, "4", answer, answer, null, answer, null,
                null, null, 1, null, null, null, null, null, null);
    }

    @Test
    void recordsInOrderAreTheListItself() {
        List<SampleRecord> records = List.of(sample(0, Verdict.CORRECT, "4"), sample(1, Verdict.WRONG, "5"));

        assertThat(SampleOrder.of(records)).isSameAs(records);
    }

    @Test
    void recordsOutOfOrderAreSortedBySampleKeepingTiesInTheirOrder() {
        SampleRecord two = sample(2, Verdict.CORRECT, "4");
        SampleRecord zero = sample(0, Verdict.WRONG, "5");
        SampleRecord oneA = sample(1, Verdict.FAILED, "a");
        SampleRecord oneB = sample(1, Verdict.CORRECT, "b");

        assertThat(SampleOrder.of(List.of(two, oneA, zero, oneB))).containsExactly(zero, oneA, oneB, two);
    }

    @Test
    void answeredRecordsLeaveFailuresOut() {
        SampleRecord failed = sample(0, Verdict.FAILED, "x");
        SampleRecord none = sample(1, Verdict.NO_ANSWER, "");
        SampleRecord right = sample(2, Verdict.CORRECT, "4");

        assertThat(SampleOrder.answered(List.of(failed, none, right))).containsExactly(none, right);
    }
}
