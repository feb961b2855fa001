// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.run;

import dev.rationale.app.output.RunSpec;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.ProviderCache;
import dev.rationale.core.eval.EvalPlan;
import dev.rationale.core.history.RunTarget;
import dev.rationale.core.promptset.ChatLayout;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.render.PromptRenderer;
import dev.rationale.core.render.RenderedPrompt;
import dev.rationale.core.run.RunRequests;
import org.jspecify.annotations.Nullable;

/**
 * Turns "this variant of this task on this case, on this endpoint and model" into a {@link RunSpec}: the prompt
 * laid out for that backend and model, the layered generation settings, the provider and the answer format.
 * Thread-safe. Blocks: creating a provider may load a library, and laying the prompt out may ask the backend about
 * the model, so call it off the FX thread.
 */
public final class RunPlanner {

    private final ProviderCache providers;

    public RunPlanner(ProviderCache providers) {
        this.providers = providers;
    }

    /** The providers runs are planned on, shared with evaluations. */
    public ProviderCache providers() {
        return providers;
    }

    /**
     * @param overrides the run's own settings over the set's and the variant's (null fields keep theirs)
     * @param layout the chat layout over the variant's; null keeps the variant's
     * @throws dev.rationale.core.render.RenderException when the templates do not render or the prompt cannot
     *     reach the model
     * @throws dev.rationale.core.provider.ProviderException when the endpoint cannot be served
     */
    public RunSpec plan(PromptSet set, Task task, Variant variant, TestCase testCase, Endpoint endpoint,
            String model, GenerationSettings overrides, @Nullable ChatLayout layout) {
        CompletionProvider provider = providers.get(endpoint);
        GenerationSettings settings = RunRequests.effective(set, variant, overrides);
        RenderedPrompt prompt = RunRequests.shaped(provider, model, PromptRenderer.draft(task, variant, testCase),
                layout, settings.thinking());
        String label = variant.effectiveLabel() + " · " + shortModel(model);
        RunSpec.Subject subject = new RunSpec.Subject(set.name(), String.valueOf(task.id()),
                String.valueOf(variant.id()), caseId(task, testCase), RunTarget.of(endpoint, model), settings);
        return new RunSpec(provider, RunRequests.of(model, prompt, settings), task.effectiveAnswer(),
                testCase.expected(), label, subject);
    }

    /**
     * {@code spec} asking for {@code variant}'s samples in its one request, where the backend returns several
     * (Output shows them as answer clusters); elsewhere unchanged, one sample, as Compare's "Repeat first as
     * samples" draws them as separate runs. A Compare column is one sample and does not ask for more.
     */
    public static RunSpec sampled(RunSpec spec, Variant variant) {
        Integer samples = variant.samples();
        if (samples == null || samples < 2 || !spec.provider().capabilities().multipleSamples()) {
            return spec;
        }
        return new RunSpec(spec.provider(), spec.request().withSamples(samples), spec.answerFormat(),
                spec.expected(), spec.label(), spec.subject());
    }

    // Named as an evaluation names it; inputs typed in Compose for a case without an id are not one of the task's.
    private static String caseId(Task task, TestCase testCase) {
        int index = task.cases().indexOf(testCase);
        if (index >= 0) {
            return EvalPlan.caseId(task.cases(), index);
        }
        return testCase.id() != null && !testCase.id().isBlank() ? testCase.id() : "typed inputs";
    }

    /** A model name short enough for a column header: a GGUF path becomes its file name. */
    public static String shortModel(String model) {
        int slash = Math.max(model.lastIndexOf('/'), model.lastIndexOf('\\'));
        return slash >= 0 ? model.substring(slash + 1) : model;
    }
}
