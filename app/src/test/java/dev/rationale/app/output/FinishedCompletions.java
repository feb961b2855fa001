// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import dev.rationale.core.answer.Verdict;
import dev.rationale.core.history.CompletionRecord;
import dev.rationale.core.history.RunCompletionKey;
import dev.rationale.core.history.RunTarget;
import dev.rationale.core.history.StoredCompletion;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.Timings;
import dev.rationale.core.provider.TokenAlternative;
import dev.rationale.core.provider.Usage;
import dev.rationale.core.render.RenderedPrompt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Stored completions of a case of the arithmetic task, as the history gives them back, for tests. */
public final class FinishedCompletions {
    public static final String RUN = "20260105-100000-3fa2";
    public static final RunTarget TARGET = new RunTarget("mock-text", ProviderKind.OPENAI_TEXT, "mock");

    private FinishedCompletions() {
    }

    /**
     * Sample {@code sample} of case c01 answering {@code answer} ("3 + 4 = N." then "The answer is N."), one scored
     * token per word with the other number as the runner-up of the first.
     */
    public static StoredCompletion stored(long id, int sample, String answer, Verdict grade) {
        return new StoredCompletion(id, record("c01", sample, answer, grade));
    }

    /** Like {@link #stored}, for case {@code caseId}, as a run records it. */
    public static CompletionRecord record(String caseId, int sample, String answer, Verdict grade) {
        List<String> words = List.of("3", " +", " 4", " =", " " + answer, ".", " The answer is", " " + answer, ".");
        List<ScoredToken> tokens = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            List<TokenAlternative> top = i == 4 ? List.of(new TokenAlternative(words.get(i), -0.2),
                    new TokenAlternative(" 8", -1.8)) : List.of(new TokenAlternative(words.get(i), -0.05));
            tokens.add(new ScoredToken(words.get(i), List.of(), i == 4 ? -0.2 : -0.05, top));
        }
        CompletionRequest request = CompletionRequest.of("mock", new RenderedPrompt.Text("Q: 3 + 4?\nA:"))
                .withSampling(0.7, null, null, null, 7L).withLogprobs(2);
        RunCompletionKey key = new RunCompletionKey(RUN, "cot-8", TARGET, caseId, sample);
        return new CompletionRecord(key, request, String.join("", words), "Three and four.", tokens, answer, "7",
                grade, null, FinishReason.STOP, new Usage(12, 9, null), new Timings(40.0, 500.0),
                Instant.parse("2026-01-05T10:00:00Z"));
    }

    /** Where {@link #stored} came from, as one of {@code samples}. */
    public static FinishedCompletion.Origin origin(int sample, int samples) {
        return new FinishedCompletion.Origin(RUN, "8-shot chain of thought", TARGET.label(), "c01",
                sample, samples);
    }
}
