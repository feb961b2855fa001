// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.Grade;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.eval.CompletionKey;
import dev.rationale.core.eval.EvalTarget;
import dev.rationale.core.eval.SampleRecord;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.ScoredToken;
import org.junit.jupiter.api.Test;

/** A completion that already ended, converted and shown in Output without a provider. */
class FinishedCompletionTest {
    private final OutputViewModel output = new OutputViewModel(Runnable::run, Runnable::run);

    @Test
    void aStoredCompletionIsShownWithItsTokensAlternativesGradeRequestAndOrigin() {
        FinishedCompletion finished = FinishedCompletion.of(FinishedCompletions.stored(5, 1, "8", Verdict.WRONG),
                FinishedCompletions.origin(1, 3), AnswerFormat.DEFAULT);

        output.show(finished);

        assertThat(output.getState()).isEqualTo(RunState.COMPLETED);
        assertThat(output.getText()).isEqualTo("3 + 4 = 8. The answer is 8.");
        assertThat(output.getReasoning()).isEqualTo("Three and four.");
        assertThat(output.getTokens()).hasSize(9);
        assertThat(output.getTokens().get(4).top()).extracting(t -> t.text()).containsExactly(" 8", " 8");
        assertThat(output.getGrade()).isEqualTo(new Grade(Verdict.WRONG, "8", null));
        assertThat(output.getExpected()).isEqualTo("7");
        assertThat(output.getSource().getOrigin()).isEqualTo("Run 20260105-100000-3fa2 · 8-shot chain of thought · "
                + "mock-text/mock · case c01 · sample 2 of 3");
        assertThat(output.getSource().getRequest())
                .startsWith("mock · temperature 0.7 · seed 7 · logprobs with top 2\n\n")
                .endsWith("Q: 3 + 4?\nA:");
        assertThat(output.statisticsProperty().get()).isEqualTo("first token 40 ms · total 0.50 s · "
                + "12 prompt tokens · 9 generated · 18.0 tokens/s · finish: stop");
        assertThat(output.getAnswerFormat()).isEqualTo(AnswerFormat.DEFAULT);
        // No backend is attached to a completion read back: nothing to branch from.
        assertThat(output.getBranches().canBranch()).isFalse();
        assertThat(output.getSpec()).isNull();
    }

    @Test
    void aResultsFileLineIsShownWithItsTextAndGradeButNoTokens() {
        SampleRecord line = new SampleRecord("arithmetic", "cot-8", "mock", "c01", 0, "mock-text", "mock",
                Verdict.CORRECT, "7", "7", "7", 0.8, "The answer is 7.", "", FinishReason.STOP, null, 1, 250.0,
                null, 10, 5, null, null);
        FinishedCompletion.Origin origin = new FinishedCompletion.Origin(null, "8-shot", "mock-text/mock", "c01", 0,
                1);

        output.show(FinishedCompletion.of(line, origin, AnswerFormat.DEFAULT));

        assertThat(output.getText()).isEqualTo("The answer is 7.");
        assertThat(output.getTokens()).isEmpty();
        assertThat(output.getGrade().verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(output.getSource().getRequest()).isEmpty();
        assertThat(output.getSource().getOrigin()).startsWith("Results file (not in the history").endsWith("case c01");
        assertThat(output.statisticsProperty().get()).isEqualTo("total 0.25 s · 10 prompt tokens · 5 generated · "
                + "20.0 tokens/s · finish: stop");
    }

    @Test
    void aFailedCompletionShowsItsReasonAndNoVerdict() {
        Endpoint endpoint = new Endpoint("mock-text", ProviderKind.OPENAI_TEXT, "http://localhost:1/v1", null, null);
        SampleRecord failed = SampleRecord.failure(new CompletionKey("arithmetic", "cot-8", "mock", "c01", 0),
                EvalTarget.of(endpoint, "mock"), "7", "SERVER_ERROR", "mock-text answered 500");

        output.show(FinishedCompletion.of(failed, FinishedCompletions.origin(0, 1), AnswerFormat.DEFAULT));

        assertThat(output.getState()).isEqualTo(RunState.FAILED);
        assertThat(output.failureProperty().get()).isEqualTo("mock-text answered 500");
        assertThat(output.getGrade()).isNull();
    }

    @Test
    void aRunStartedLaterClearsTheOriginAndTheOldTokens() {
        output.show(FinishedCompletion.of(FinishedCompletions.stored(5, 0, "7", Verdict.CORRECT),
                FinishedCompletions.origin(0, 1), AnswerFormat.DEFAULT));

        output.showFailure("Choose a model to run on in the run bar.");

        assertThat(output.getSource().getOrigin()).isEmpty();
        assertThat(output.getSource().getRequest()).isEmpty();
        assertThat(output.getFinished()).isNull();
        assertThat(output.getTokens()).extracting(ScoredToken::text).isEmpty();
    }
}
