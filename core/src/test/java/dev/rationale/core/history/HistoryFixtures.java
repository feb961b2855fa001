// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import dev.rationale.core.answer.Verdict;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.promptset.ThinkingLevel;
import dev.rationale.core.provider.Timings;
import dev.rationale.core.provider.TokenAlternative;
import dev.rationale.core.provider.Usage;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.RenderedPrompt;
import java.time.Instant;
import java.util.List;

/** Runs and completions for history tests. */
final class HistoryFixtures {
    static final Instant START = Instant.parse("2026-01-05T10:00:00Z");
    static final RunTarget OLLAMA = new RunTarget("local-ollama", ProviderKind.OLLAMA, "llama3.2:1b");
    static final RunTarget OPENAI = new RunTarget("openai", ProviderKind.OPENAI, "gpt-4o-mini");
    static final GenerationSettings SETTINGS = new GenerationSettings(0.7, 0.95, 256, List.of("\n\nQ:"), 42L, 5);

    private HistoryFixtures() {
    }

    static Run evaluation(String id, Instant startedAt, String setName, String task, List<String> variants,
            List<RunTarget> targets, int planned) {
        return Run.started(id, RunKind.EVALUATION, startedAt, "sets/" + setName.toLowerCase() + ".rationale.json",
                setName, task, variants, targets, SETTINGS, planned);
    }

    static Run arithmetic(String id) {
        return evaluation(id, START, "Arithmetic", "gsm", List.of("zero-shot", "cot"), List.of(OLLAMA, OPENAI), 8);
    }

    static CompletionRequest chatRequest(String question) {
        RenderedPrompt prompt = new RenderedPrompt.Chat(List.of(ChatMessage.system("Answer with a number."),
                ChatMessage.user(question)));
        return CompletionRequest.of("llama3.2:1b", prompt).withSampling(0.7, 0.95, null, null, 42L)
                .withMaxTokens(256).withStop(List.of("\n\nQ:")).withLogprobs(2).withThinking(ThinkingLevel.MEDIUM);
    }

    /** A small completion with two scored tokens, usage and timings, thinking tokens and time among them. */
    static CompletionRecord completion(RunCompletionKey key, Verdict grade, Instant at) {
        List<ScoredToken> tokens = List.of(
                new ScoredToken("4", List.of(52), -0.01, List.of(new TokenAlternative("4", -0.01),
                        new TokenAlternative("5", -4.6))),
                new ScoredToken(".", List.of(46), -0.2, List.of(new TokenAlternative(".", -0.2),
                        new TokenAlternative("!", null))));
        String failure = grade == Verdict.FAILED ? "server error 500" : null;
        String extracted = grade == Verdict.NO_ANSWER || grade == Verdict.FAILED ? null : "4";
        return new CompletionRecord(key, chatRequest("What is 2 + 2? (" + key.caseId() + ")"), "4.",
                "2 and 2 make 4.", tokens, extracted, "4", grade, failure, FinishReason.STOP,
                new Usage(21, 14, 12), new Timings(35.5, 120.25, 80.5), at);
    }

    static RunCompletionKey key(String runId, String variant, RunTarget target, String caseId, int sample) {
        return new RunCompletionKey(runId, variant, target, caseId, sample);
    }
}
