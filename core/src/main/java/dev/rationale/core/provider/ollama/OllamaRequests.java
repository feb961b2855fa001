// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.ollama;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ReplySchema;
import dev.rationale.core.promptset.ThinkingLevel;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.RenderedPrompt;
import java.util.List;
import java.util.Locale;

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
        putThink(body, request);
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

    /**
     * {@code think} for a chat: false for off; for another level true, or the level's name for GPT-OSS, the one
     * family that takes levels (it reads true as medium). Raw text ({@code /api/generate} with {@code raw}) skips
     * the template that acts on {@code think}, so it gets none; {@link #notices} says so.
     */
    private static void putThink(ObjectNode body, CompletionRequest request) {
        ThinkingLevel level = request.thinking();
        if (level == null) {
            return;
        }
        if (takesLevels(request.model()) && level.on()) {
            body.put("think", level.id());
        } else {
            body.put("think", level.on());
        }
    }

    private static boolean takesLevels(String model) {
        return model.toLowerCase(Locale.ROOT).startsWith("gpt-oss");
    }

    /** What the body cannot carry of the request's thinking level, for the provider to send as notices. */
    static List<String> notices(CompletionRequest request) {
        ThinkingLevel level = request.thinking();
        if (level == null) {
            return List.of();
        }
        if (request.prompt() instanceof RenderedPrompt.Text) {
            return List.of("Ollama takes raw text past the model's template, so thinking \"" + level.id()
                    + "\" cannot be switched there; the model thinks as it does by default");
        }
        if (level.on() && !takesLevels(request.model())) {
            return List.of("Ollama switches thinking only on or off for " + request.model() + ", so \""
                    + level.id() + "\" turns it on");
        }
        return List.of();
    }

    private static ObjectNode finish(CompletionRequest request, ObjectNode body) {
        if (request.logprobs()) {
            body.put("logprobs", true);
            if (request.requestedTopLogprobs() > 0) {
                body.put("top_logprobs", request.requestedTopLogprobs());
            }
        }
        ReplySchema schema = request.replySchema();
        if (schema != null) {
            body.set("format", schema.schema());
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
