// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.eval.EvalPlan;
import dev.rationale.core.eval.EvalTarget;
import dev.rationale.core.eval.OfflineEvaluation;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.promptset.ModelTarget;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.render.PromptIntake;
import java.util.List;

/**
 * The evaluation a batch file stands for: a task's variants on one model over the task's own cases, each variant
 * with its own number of samples. The export writes its requests and the import grades its answers, so both see
 * the same completions under the same custom ids.
 */
final class OpenAiBatchPlan {
    /** How the history names where an imported batch ran: no URL, no key. */
    static final Endpoint ENDPOINT = new Endpoint("openai-batch", ProviderKind.OPENAI, null, null, null);

    private OpenAiBatchPlan() {
    }

    /**
     * @param model the model name the requests carry; the set's target for that model, if any, adds its settings
     * @throws IllegalArgumentException when the task has no variants or cases
     */
    static OfflineEvaluation of(PromptSet set, Task task, List<Variant> variants, String model) {
        GenerationSettings targetSettings = set.targets().stream()
                .filter(t -> model.equals(t.model()) && t.settings() != null).map(ModelTarget::settings)
                .findFirst().orElse(GenerationSettings.NONE);
        EvalTarget target = new EvalTarget(model, ENDPOINT, model, targetSettings);
        return new OfflineEvaluation(new EvalPlan(set, task, variants, List.of(target), task.cases(), null));
    }

    /** How a batch takes prompts: OpenAI's chat endpoint, messages only, no prefilled reply. */
    static PromptIntake intake(String model) {
        return PromptIntake.chatOnly("OpenAI Batch", model, false);
    }

    /** The set's name as ids hash it: its name, or empty when it has none. */
    static String setName(PromptSet set) {
        return set.name() == null ? "" : set.name();
    }
}
