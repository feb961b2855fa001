// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.history.RunTarget;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.CompletionRequest;
import org.jspecify.annotations.Nullable;

/**
 * What one run sends, how its answer is judged, and what it runs, as the history keeps it.
 *
 * @param provider the backend to stream from
 * @param request the completion request, prompt included
 * @param answerFormat how the final answer is found and compared
 * @param expected the test case's expected answer, or null when it has none
 * @param label how the run is named in a Compare column header, e.g. "cot-3shot · qwen3:8b"
 * @param subject the prompt set, task, variant, case and target the run is of
 */
public record RunSpec(CompletionProvider provider, CompletionRequest request, AnswerFormat answerFormat,
        @Nullable String expected, String label, Subject subject) {

    /**
     * What a run is of, named as the history names an evaluation's completions, so History lists and filters both
     * alike.
     *
     * @param setName the prompt set's name, when it has one
     * @param task the task's id
     * @param variant the variant's id
     * @param caseId the case's id, else {@code #} and its position from 1
     * @param target the endpoint, by name only, and the model
     * @param settings the generation settings in effect: the set's, the variant's, then the run bar's
     */
    public record Subject(@Nullable String setName, String task, String variant, String caseId, RunTarget target,
            GenerationSettings settings) {
    }
}
