// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.provider.ChatProvider;
import dev.rationale.core.provider.CompletionRequest;
import org.jspecify.annotations.Nullable;

/**
 * What one run sends and how its answer is judged.
 *
 * @param provider the backend to stream from
 * @param request the completion request, prompt included
 * @param answerFormat how the final answer is found and compared
 * @param expected the test case's expected answer, or null when it has none
 * @param label how the run is named in a Compare column header, e.g. "cot-3shot · qwen3:8b"
 */
public record RunSpec(ChatProvider provider, CompletionRequest request, AnswerFormat answerFormat,
        @Nullable String expected, String label) {
}
