// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.answer.AnswerGrader;
import dev.rationale.core.answer.CompareRule;
import dev.rationale.core.answer.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Self-consistency votes: majorities, ties, failures and missing samples. */
class MajorityVoteTest {
    private static final CompletionKey.CaseKey KEY = new CompletionKey.CaseKey("vote", "m", "c1");
    private final MajorityVote vote = new MajorityVote(AnswerGrader.of(EvalFixtures.format()), CompareRule.NUMERIC);

    @Test
    void theMajorityAnswerDecidesAndItsShareIsTheConfidence() {
        CaseResult result = vote.decide(KEY, samples("10", "11", "10.0", "$10", "12"), 5);

        assertThat(result.outcome()).isEqualTo(CaseOutcome.CORRECT);
        assertThat(result.answer()).isEqualTo("10");
        assertThat(result.voteShare()).isEqualTo(0.6);
        assertThat(result.confidence()).isEqualTo(0.6);
    }

    @Test
    void aTieGoesToTheLowestNumberedSampleWhateverTheOrderTheyFinishedIn() {
        List<SampleRecord> records = new ArrayList<>(samples("11", "10", "10", "11"));
        java.util.Collections.reverse(records);

        CaseResult result = vote.decide(KEY, records, 4);

        assertThat(result.answer()).isEqualTo("11");
        assertThat(result.outcome()).isEqualTo(CaseOutcome.WRONG);
        assertThat(result.voteShare()).isEqualTo(0.5);
    }

    @Test
    void whenEverySampleFailedTheCaseFailsWithTheFirstReason() {
        CaseResult result = vote.decide(KEY, List.of(failed(1, "second"), failed(0, "first")), 2);

        assertThat(result.outcome()).isEqualTo(CaseOutcome.FAILED);
        assertThat(result.reason()).isEqualTo("first");
        assertThat(result.failedSamples()).isEqualTo(2);
    }

    @Test
    void failedSamplesDoNotVoteAndMissingAnswersLowerTheShare() {
        List<SampleRecord> records = new ArrayList<>(samples("10", null, "10", "7"));
        records.add(failed(4, "cut"));

        CaseResult result = vote.decide(KEY, records, 5);

        assertThat(result.outcome()).isEqualTo(CaseOutcome.CORRECT);
        assertThat(result.voteShare()).isEqualTo(0.5);
        assertThat(result.samples()).isEqualTo(5);
        assertThat(result.failedSamples()).isEqualTo(1);
    }

    @Test
    void noAnswerAtAllIsWrongAndMissingSamplesArePending() {
        assertThat(vote.decide(KEY, samples(null, null), 2).outcome()).isEqualTo(CaseOutcome.WRONG);
        assertThat(vote.decide(KEY, samples("10"), 3).outcome()).isEqualTo(CaseOutcome.PENDING);
    }

    @Test
    void withOneSampleTheConfidenceIsTheAnswersTokenProbability() {
        SampleRecord scored = answer(0, "10", 0.8);

        assertThat(vote.decide(KEY, List.of(scored), 1).confidence()).isEqualTo(0.8);
    }

    private static List<SampleRecord> samples(@Nullable String... answers) {
        List<SampleRecord> records = new ArrayList<>();
        for (int i = 0; i < answers.length; i++) {
            records.add(answer(i, answers[i], null));
        }
        return records;
    }

    private static SampleRecord answer(int sample, @Nullable String answer, @Nullable Double probability) {
        return new SampleRecord("sums", "vote", "m", "c1", sample, "e", "m",
                answer == null ? Verdict.NO_ANSWER : Verdict.CORRECT, "10", answer, answer, probability,
                "text", null, null, null, 1, 10.0, null, null, null, null, null);
    }

    private static SampleRecord failed(int sample, String reason) {
        return new SampleRecord("sums", "vote", "m", "c1", sample, "e", "m", Verdict.FAILED, "10", null, null,
                null, null, null, null, null, 1, null, null, null, null, "SERVER_ERROR", reason);
    }
}
