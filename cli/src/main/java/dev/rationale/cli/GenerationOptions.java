// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.promptset.ChatLayout;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.promptset.PromptShape;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.render.PromptShaper;
import dev.rationale.core.render.RenderedPrompt;
import dev.rationale.core.run.RunRequests;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * {@code --model --max-tokens --temperature --top-p --top-k --min-p --seed --top-logprobs}: the model and how it
 * generates, each over the prompt set's and variant's setting; {@code rationale run} and {@code resample} take them.
 */
final class GenerationOptions {

    @Option(names = "--model", paramLabel = "MODEL",
            description = "The model (for embedded: the GGUF file). Default: the endpoint's.")
    @Nullable String model;

    @Option(names = "--max-tokens", paramLabel = "N", description = "Most tokens to generate.")
    @Nullable Integer maxTokens;

    @Option(names = "--temperature", paramLabel = "T", description = "0 is greedy.")
    @Nullable Double temperature;

    @Option(names = "--top-p", paramLabel = "P", description = "Nucleus sampling.")
    @Nullable Double topP;

    @Option(names = "--top-k", paramLabel = "K", description = "Sample among the K most likely tokens.")
    @Nullable Integer topK;

    @Option(names = "--min-p", paramLabel = "P", description = "Drop tokens below P times the top probability.")
    @Nullable Double minP;

    @Option(names = "--seed", paramLabel = "S", description = "Sampling seed, where the backend takes one.")
    @Nullable Long seed;

    @Option(names = "--top-logprobs", paramLabel = "K",
            description = "Return each token's log-probability and K alternatives.")
    @Nullable Integer topLogprobs;

    /** {@code own} (a prompt set's defaults and variant's) with each option given over its setting. */
    GenerationSettings over(GenerationSettings own) {
        return own.overriddenBy(new GenerationSettings(temperature, topP, maxTokens, List.of(), seed, topLogprobs));
    }

    /**
     * The prepared prompt shaped for {@code provider} and its model (with the layout and shape asked, and the
     * thinking level the settings carry, since a chat template may switch it), as a request with these options over
     * the prompt's own settings and {@code thinking} over theirs.
     */
    CompletionRequest shapedRequest(CompletionProvider provider, String modelName, PromptOptions.Prepared prepared,
            ThinkingOption thinking, @Nullable ChatLayout layout, @Nullable PromptShape forced) {
        GenerationSettings settings = thinking.applyTo(over(prepared.settings()));
        RenderedPrompt shaped = PromptShaper.shape(prepared.draft(),
                RunRequests.intake(provider, modelName, settings.thinking()), layout, forced);
        return request(modelName, shaped, settings);
    }

    /** The request for {@code prompt} with {@code settings}, and {@code --top-k} and {@code --min-p} if given. */
    CompletionRequest request(String modelName, RenderedPrompt prompt, GenerationSettings settings) {
        CompletionRequest request = RunRequests.of(modelName, prompt, settings);
        return request.withSampling(request.temperature(), request.topP(), topK, minP, request.seed());
    }
}
