// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.CompareRule;
import dev.rationale.core.answer.ExtractRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResampleTallyTest {
    private static final AnswerFormat NUMBER = new AnswerFormat(ExtractRule.LAST_NUMBER, null, null, null,
            CompareRule.NUMERIC);

    @Test
    void eachContinuationIsReadAfterTheTextBeforeThePointAndComparedByTheCompareRule() {
        ResampleTally tally = ResampleTally.of(NUMBER, "6 x 7 = 42, so 42.", "6 x 7 = ",
                List.of("42, so 42.0.", "41, so 41.", "lots.", "42."));

        assertThat(tally.original()).isEqualTo("42");
        assertThat(tally.answers()).containsExactly("42.0", "41", "7", "42");
        assertThat(tally.kept()).isEqualTo(2);
        assertThat(tally.keptShare()).isEqualTo(0.5);
        assertThat(tally.flips()).isTrue();
        AnswerAgreement.Vote first = tally.distribution().votes().getFirst();
        assertThat(first.count()).isEqualTo(2);
        assertThat(tally.isOriginal(first)).isTrue();
        assertThat(tally.isOriginal(tally.distribution().votes().get(1))).isFalse();
    }

    @Test
    void withoutAnOriginalAnswerAContinuationWithoutOneKeepsIt() {
        ResampleTally tally = ResampleTally.of(NUMBER, "no idea", "", List.of("still none", "maybe 3"));

        assertThat(tally.original()).isNull();
        assertThat(tally.kept()).isEqualTo(1);
        assertThat(tally.distribution().missing()).isEqualTo(1);
    }

    @Test
    void theDecidingStepIsTheOneAfterWhichTheKeptShareRisesMost() {
        List<ResampleTally> steps = List.of(share(1, 4), share(1, 4), share(4, 4));

        // 0.25 -> 0.25 -> 1.0 -> (1.0 once written): step 2 is followed by the largest rise.
        assertThat(ResampleTally.decidingStep(steps, 0.25)).isEqualTo(1);
        assertThat(ResampleTally.decidingStep(List.of(share(4, 4), share(4, 4)), 0.25)).isEqualTo(-1);
        // After the last step the share is 1: a last step still unsure decides it.
        assertThat(ResampleTally.decidingStep(List.of(share(4, 4), share(0, 4)), 0.25)).isEqualTo(1);
    }

    private static ResampleTally share(int kept, int of) {
        List<String> continuations = new java.util.ArrayList<>();
        for (int i = 0; i < of; i++) {
            continuations.add(i < kept ? "5" : "6");
        }
        return ResampleTally.of(NUMBER, "5", "", continuations);
    }
}
