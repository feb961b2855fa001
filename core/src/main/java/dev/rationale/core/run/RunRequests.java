// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.run;

import dev.rationale.core.promptset.ChatLayout;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.promptset.ThinkingLevel;
import dev.rationale.core.render.PromptDraft;
import dev.rationale.core.render.PromptIntake;
import dev.rationale.core.render.PromptShaper;
import dev.rationale.core.render.RenderedPrompt;
import org.jspecify.annotations.Nullable;

/**
 * Builds completion requests from generation settings, layered the way a prompt set means them: the set's
 * defaults, then the variant's own settings, then what the user sets for this run. Pure and thread-safe.
 */
public final class RunRequests {

    private RunRequests() {
    }

    /** The settings for a run of {@code variant}: set defaults, overridden by the variant's, then by {@code run}. */
    public static GenerationSettings effective(PromptSet set, @Nullable Variant variant,
            @Nullable GenerationSettings run) {
        GenerationSettings settings = set.effectiveDefaults();
        if (variant != null) {
            settings = settings.overriddenBy(variant.settings());
        }
        return settings.overriddenBy(run);
    }

    /**
     * The prompt of {@code draft} as {@code model} on {@code provider} gets it, laid out by {@link PromptShaper} with
     * the variant's chat layout unless {@code layout} overrides it, and a chat template applied here with its
     * thinking switch set for {@code thinking} (null leaves the template's default). Blocks while the provider is
     * asked about the model (a server call, or loading a GGUF file): call it off the UI thread.
     *
     * @throws dev.rationale.core.render.RenderException when the prompt cannot reach the model
     * @throws dev.rationale.core.provider.ProviderException when the provider cannot be asked
     */
    public static RenderedPrompt shaped(CompletionProvider provider, String model, PromptDraft draft,
            @Nullable ChatLayout layout, @Nullable ThinkingLevel thinking) {
        return PromptShaper.shape(draft, intake(provider, model, thinking), layout, null);
    }

    /** How {@code provider} takes prompts for {@code model}, with a template's thinking switch set for a level. */
    public static PromptIntake intake(CompletionProvider provider, String model, @Nullable ThinkingLevel thinking) {
        return provider.intake(model).withThinking(thinking == null ? null : thinking.on());
    }

    /**
     * A request for {@code prompt} with {@code settings}; token probabilities are asked for when
     * {@code topLogprobs} is set (0 asks for each token's own probability without alternatives).
     */
    public static CompletionRequest of(String model, RenderedPrompt prompt, GenerationSettings settings) {
        CompletionRequest request = CompletionRequest.of(model, prompt)
                .withMaxTokens(settings.maxTokens())
                .withSampling(settings.temperature(), settings.topP(), null, null, settings.seed())
                .withStop(settings.stop())
                .withThinking(settings.thinking());
        Integer top = settings.topLogprobs();
        return top == null ? request : request.withLogprobs(top);
    }
}
