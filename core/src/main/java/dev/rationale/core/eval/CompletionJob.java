// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.render.PromptIntake;
import dev.rationale.core.render.PromptRenderer;
import dev.rationale.core.render.PromptShaper;
import dev.rationale.core.render.RenderedPrompt;
import dev.rationale.core.run.RunRequests;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One request of an evaluation: a case of a variant on a target, for one sample or, where the backend returns
 * several completions per request, for all the samples still missing.
 *
 * @param samples the sample indexes this request answers, in the order the backend numbers its completions
 * @param settings the effective generation settings
 * @param seedSamples whether each sample gets its own seed (several requests for one case's samples)
 */
record CompletionJob(Variant variant, EvalTarget target, String caseId, TestCase testCase, List<Integer> samples,
        GenerationSettings settings, boolean seedSamples) {

    CompletionJob {
        samples = List.copyOf(samples);
    }

    CompletionKey key(String task, int sample) {
        return new CompletionKey(task, String.valueOf(variant.id()), target.id(), caseId, sample);
    }

    /**
     * The request as sent, with the prompt rendered for the job's case and shaped for the backend and model.
     *
     * @param intake how the backend takes prompts for the target's model
     * @param logprobs whether the backend gives token log-probabilities
     * @throws dev.rationale.core.RationaleException when the prompt does not render or cannot reach the model
     */
    CompletionRequest request(Task task, PromptIntake intake, boolean logprobs) {
        Boolean thinking = settings.thinking() == null ? null : settings.thinking().on();
        RenderedPrompt prompt = PromptShaper.shape(PromptRenderer.draft(task, variant, testCase),
                intake.withThinking(thinking), null, null);
        CompletionRequest request = RunRequests.of(target.model(), prompt, settings);
        // The chosen tokens' log-probabilities cost little and give the answer's probability, the confidence of a
        // single-sample case and the history's heat maps; asked for wherever the backend gives them.
        if (!request.logprobs() && logprobs) {
            request = request.withLogprobs(0);
        }
        if (samples.size() > 1) {
            request = request.withSamples(samples.size());
        }
        return request.withSampling(request.temperature(), request.topP(), request.topK(), request.minP(), seed());
    }

    /**
     * The seed for this request. Separate requests for one case's samples need distinct seeds, or a backend that
     * honours seeds would return the same chain n times: the set's seed (0 if none) plus the sample index.
     */
    @Nullable Long seed() {
        if (!seedSamples) {
            return settings.seed();
        }
        long base = settings.seed() == null ? 0L : settings.seed();
        return base + samples.getFirst();
    }
}
