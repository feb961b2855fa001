// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import dev.rationale.core.promptset.ThinkingLevel;
import dev.rationale.core.render.RenderedPrompt;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds a request against a backend's capabilities before it is sent. What cannot work at all (a chat prompt to
 * a raw-text endpoint, several samples where only one comes back, prompt scoring) fails with a clear message;
 * what can run with less (no token probabilities, fewer alternatives, no seed) runs, and says so in a notice the
 * provider sends as the stream's first event.
 */
public final class RequestCheck {

    /** The request as it will be sent, and what was changed on the way. */
    public record Checked(CompletionRequest request, List<String> notices) {
        public Checked {
            notices = List.copyOf(notices);
        }
    }

    private RequestCheck() {
    }

    /**
     * @param backend how messages name the backend, e.g. {@code "Anthropic"}
     * @throws ProviderException of kind UNSUPPORTED when the request cannot be served
     */
    public static Checked check(CompletionRequest request, Capabilities can, String backend) {
        if (request.prompt() instanceof RenderedPrompt.Chat && !can.chat()) {
            throw unsupported(backend + " takes raw text prompts only");
        }
        if (request.prompt() instanceof RenderedPrompt.Text && !can.rawText()) {
            throw unsupported(backend + " takes chat messages only");
        }
        if (request.samples() > 1 && !can.multipleSamples()) {
            throw unsupported(backend + " returns one completion per request; ask for 1 sample and repeat it");
        }
        if (request.promptLogprobs() && !can.promptLogprobs()) {
            throw unsupported(backend + " cannot score the prompt's tokens");
        }
        List<String> notices = new ArrayList<>();
        CompletionRequest adjusted = request;
        if (request.logprobs() && !can.logprobs()) {
            notices.add(backend + " gives no token probabilities; the answer is shown without them");
            adjusted = withoutLogprobs(adjusted);
        } else if (request.logprobs() && request.requestedTopLogprobs() > can.maxTopLogprobs()) {
            notices.add(backend + " returns at most " + can.maxTopLogprobs() + " alternatives per token, not "
                    + request.requestedTopLogprobs());
            adjusted = adjusted.withLogprobs(can.maxTopLogprobs());
        }
        if (request.seed() != null && !can.seed()) {
            notices.add(backend + " takes no seed; samples are not reproducible");
            adjusted = adjusted.withSampling(adjusted.temperature(), adjusted.topP(), adjusted.topK(),
                    adjusted.minP(), null);
        }
        ThinkingLevel thinking = request.thinking();
        if (thinking != null && !can.thinkingControl()) {
            notices.add(backend + " has no thinking control, so thinking \"" + thinking.id()
                    + "\" was not sent; the model thinks as it does by default");
            adjusted = adjusted.withThinking(null);
        }
        if (request.replySchema() != null && !can.structuredOutput()) {
            notices.add(backend + " cannot hold a reply to a JSON schema; the prompt alone asks for its shape");
            adjusted = adjusted.withReplySchema(null);
        }
        return new Checked(adjusted, notices);
    }

    private static CompletionRequest withoutLogprobs(CompletionRequest r) {
        return new CompletionRequest(r.model(), r.prompt(), r.maxTokens(), r.temperature(), r.topP(), r.topK(),
                r.minP(), r.seed(), r.stop(), null, false, r.samples(), r.promptLogprobs(), r.thinking(),
                r.replySchema());
    }

    private static ProviderException unsupported(String message) {
        return new ProviderException(ProviderException.Kind.UNSUPPORTED, message);
    }
}
