// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.ollama;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.RenderedPrompt;

/**
 * Builds Ollama request bodies from a {@link CompletionRequest} that has already passed
 * {@link dev.rationale.core.provider.RequestCheck} against {@link OllamaProtocol#CAPABILITIES}. Settings left null are
 * left out, so Ollama's (and the model file's) defaults apply. Pure and thread-safe.
 */
final class OllamaRequests {

    static final String CHAT_PATH = "/api/chat";
    static final String GENERATE_PATH = "/api/generate";

    /** Where to send a request and what to send. */
    record Post(String path, ObjectNode body) {
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OllamaRequests() {
    }

    /** The endpoint and body for the request's prompt shape. */
    static Post post(CompletionRequest request) {
        return switch (request.prompt()) {
            case RenderedPrompt.Chat chat -> new Post(CHAT_PATH, chat(request, chat));
            case RenderedPrompt.Text text -> new Post(GENERATE_PATH, generate(request, text));
        };
    }

    /** Body for {@code POST /api/chat}. */
    static ObjectNode chat(CompletionRequest request, RenderedPrompt.Chat prompt) {
        ObjectNode body = start(request);
        ArrayNode messages = body.putArray("messages");
        for (ChatMessage message : prompt.messages()) {
            messages.addObject().put("role", message.role().wireName()).put("content", message.content());
        }
        return finish(request, body);
    }

    /**
     * Body for {@code POST /api/generate}. {@code raw} skips the model's template, because our prompt is already
     * rendered; it also skips Ollama's thinking parser in current builds, so a reasoning model's
     * {@code <think>} tags may stay in the answer text for the caller to split.
     */
    static ObjectNode generate(CompletionRequest request, RenderedPrompt.Text prompt) {
        ObjectNode body = start(request);
        body.put("prompt", prompt.prompt());
        body.put("raw", true);
        return finish(request, body);
    }

    private static ObjectNode start(CompletionRequest request) {
        ObjectNode body = JSON.objectNode();
        body.put("model", request.model());
        // Streaming is Ollama's default, but a proxy or future default must not turn it into one JSON reply.
        body.put("stream", true);
        return body;
    }

    private static ObjectNode finish(CompletionRequest request, ObjectNode body) {
        Boolean think = request.think();
        if (think != null) {
            body.put("think", think);
        }
        if (request.logprobs()) {
            body.put("logprobs", true);
            if (request.requestedTopLogprobs() > 0) {
                body.put("top_logprobs", request.requestedTopLogprobs());
            }
        }
        ObjectNode options = options(request);
        if (!options.isEmpty()) {
            body.set("options", options);
        }
        return body;
    }

    private static ObjectNode options(CompletionRequest request) {
        ObjectNode options = JSON.objectNode();
        if (request.temperature() != null) {
            options.put("temperature", request.temperature());
        }
        if (request.topP() != null) {
            options.put("top_p", request.topP());
        }
        if (request.topK() != null) {
            options.put("top_k", request.topK());
        }
        if (request.minP() != null) {
            options.put("min_p", request.minP());
        }
        if (request.seed() != null) {
            options.put("seed", request.seed());
        }
        if (request.maxTokens() != null) {
            options.put("num_predict", request.maxTokens());
        }
        if (!request.stop().isEmpty()) {
            ArrayNode stop = options.putArray("stop");
            request.stop().forEach(stop::add);
        }
        return options;
    }
}
