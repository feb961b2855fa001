// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.llamacpp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ReplySchema;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.render.RenderedPrompt;

/**
 * Builds the body of {@code POST /completion} from a {@link CompletionRequest} that has already passed
 * {@link dev.rationale.core.provider.RequestCheck} against {@link LlamaCppProtocol#CAPABILITIES}. Settings left null
 * are left out, so the server's own defaults (its command line) apply. Pure and thread-safe.
 */
final class LlamaCppRequests {

    /**
     * Our cap on alternatives per token. The server sets none ({@code n_probs} is bounded only by the vocabulary),
     * but every alternative costs its text and bytes in every token's event, and past about a hundred the
     * probabilities are too small to tell apart on screen; 100 is five times what the hosted APIs allow.
     */
    static final int MAX_TOP_LOGPROBS = 100;

    static final String PATH = "/completion";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private LlamaCppRequests() {
    }

    /**
     * @throws ProviderException UNSUPPORTED for a chat prompt, which the capability check should have stopped
     */
    static ObjectNode completion(CompletionRequest request) {
        if (!(request.prompt() instanceof RenderedPrompt.Text text)) {
            throw new ProviderException(ProviderException.Kind.UNSUPPORTED,
                    "llama.cpp /completion takes raw text prompts only");
        }
        ObjectNode body = JSON.objectNode();
        body.put("prompt", text.prompt());
        // Without it the server answers once, at the end, as a single JSON object.
        body.put("stream", true);
        putSampling(request, body);
        putLogprobs(request, body);
        ReplySchema schema = request.replySchema();
        if (schema != null) {
            // The server turns the schema into a grammar that holds every token to it.
            body.set("json_schema", schema.schema());
        }
        return body;
    }

    private static void putSampling(CompletionRequest request, ObjectNode body) {
        if (request.maxTokens() != null) {
            body.put("n_predict", request.maxTokens());
        }
        if (request.temperature() != null) {
            body.put("temperature", request.temperature());
        }
        if (request.topP() != null) {
            body.put("top_p", request.topP());
        }
        if (request.topK() != null) {
            body.put("top_k", request.topK());
        }
        if (request.minP() != null) {
            body.put("min_p", request.minP());
        }
        if (request.seed() != null) {
            body.put("seed", request.seed());
        }
        if (!request.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop");
            request.stop().forEach(stop::add);
        }
    }

    private static void putLogprobs(CompletionRequest request, ObjectNode body) {
        if (request.logprobs()) {
            // n_probs 0 turns probabilities off altogether, so the chosen token's own logprob needs at least 1;
            // the stream mapper then trims the alternatives back to what was asked for.
            body.put("n_probs", Math.max(1, request.requestedTopLogprobs()));
        }
        // Pre-sampling: softmax of the raw logits, whatever the temperature, as Ollama and the hosted APIs report
        // them. Post-sampling values would be 0 for every token the samplers cut and 1 under greedy decoding.
        body.put("post_sampling_probs", false);
    }
}
