// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.openai;

import dev.rationale.core.provider.CompletionRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of the legacy {@code POST /completions}, streamed. {@code logprobs} is an int here (alternatives per
 * token, at most 5), not a flag; {@code echo} returns the prompt's own tokens, scored, ahead of the completion.
 */
record TextCompletionRequest(
        String model,
        String prompt,
        @Nullable Integer maxTokens,
        @Nullable Double temperature,
        @Nullable Double topP,
        @Nullable Integer topK,
        @Nullable Double minP,
        @Nullable Long seed,
        @Nullable List<String> stop,
        @Nullable Integer n,
        @Nullable Integer logprobs,
        @Nullable Boolean echo,
        boolean stream,
        ChatCompletionRequest.StreamOptions streamOptions) {

    static TextCompletionRequest of(CompletionRequest request, String prompt) {
        // Prompt scores come back in the same arrays as the completion's, so they need logprobs on too.
        Integer logprobs = request.logprobs() || request.promptLogprobs() ? request.requestedTopLogprobs() : null;
        return new TextCompletionRequest(request.model(), prompt, request.maxTokens(), request.temperature(),
                request.topP(), request.topK(), request.minP(), request.seed(),
                request.stop().isEmpty() ? null : request.stop(),
                request.samples() > 1 ? request.samples() : null,
                logprobs, request.promptLogprobs() ? Boolean.TRUE : null,
                true, new ChatCompletionRequest.StreamOptions(true));
    }
}
