// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.gemini;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ReplySchema;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.promptset.ThinkingLevel;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.ChatRole;
import dev.rationale.core.render.RenderedPrompt;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the path and body of a streamed {@code generateContent} call from a {@link CompletionRequest} that has
 * already passed {@link dev.rationale.core.provider.RequestCheck} against {@link GeminiProtocol#CAPABILITIES}. Settings
 * left null are left out, so the model's defaults apply. Pure and thread-safe.
 *
 * <p>System messages become {@code systemInstruction}, wherever they stood. The other messages become
 * {@code contents} with roles {@code user} and {@code model}; consecutive messages of one role share one turn,
 * a part per message, since older models refuse turns that do not alternate. With {@code think} true the model
 * is asked to include its thought summaries; false sends nothing, because a zero thinking budget is refused by
 * models that always think, and without {@code includeThoughts} no thoughts are shown anyway.
 */
final class GeminiRequests {

    static final int MAX_TOP_LOGPROBS = 20;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private GeminiRequests() {
    }

    /**
     * The streaming path for a model, relative to the versioned base URL. A model given in the API's own
     * {@code models/…} form is accepted as well.
     */
    static String streamPath(String model) {
        String name = model.startsWith("models/") ? model.substring("models/".length()) : model;
        return "/models/" + pathSegment(name) + ":streamGenerateContent?alt=sse";
    }

    /** The path that creates a batch of requests to a model, as {@link #streamPath} names the model. */
    static String batchPath(String model) {
        String name = model.startsWith("models/") ? model.substring("models/".length()) : model;
        return "/models/" + pathSegment(name) + ":batchGenerateContent";
    }

    /**
     * The body for the request.
     *
     * @throws ProviderException UNSUPPORTED for a raw text prompt
     */
    static ObjectNode body(CompletionRequest request) {
        if (!(request.prompt() instanceof RenderedPrompt.Chat chat)) {
            throw new ProviderException(ProviderException.Kind.UNSUPPORTED,
                    "Gemini takes chat messages only");
        }
        ObjectNode body = JSON.objectNode();
        putSystem(body, chat.messages());
        putContents(body, chat.messages());
        ObjectNode config = generationConfig(request);
        if (!config.isEmpty()) {
            body.set("generationConfig", config);
        }
        return body;
    }

    /** What the body leaves out or changes from the request, for the provider to send as notices. */
    static List<String> notices(CompletionRequest request) {
        List<String> notices = new ArrayList<>();
        if (request.minP() != null) {
            notices.add("Gemini takes no min_p; it was left out");
        }
        Long seed = request.seed();
        if (seed != null && seed.intValue() != seed) {
            notices.add("Gemini takes a 32-bit seed; " + seed + " was sent as " + seed.intValue());
        }
        return notices;
    }

    private static void putSystem(ObjectNode body, List<ChatMessage> messages) {
        List<ChatMessage> system = messages.stream().filter(m -> m.role() == ChatRole.SYSTEM).toList();
        if (!system.isEmpty()) {
            addParts(body.putObject("systemInstruction").putArray("parts"), system);
        }
    }

    private static void putContents(ObjectNode body, List<ChatMessage> messages) {
        ArrayNode contents = body.putArray("contents");
        List<ChatMessage> run = new ArrayList<>();
        for (ChatMessage message : messages) {
            if (message.role() == ChatRole.SYSTEM) {
                continue;
            }
            if (!run.isEmpty() && run.getFirst().role() != message.role()) {
                addTurn(contents, run);
                run.clear();
            }
            run.add(message);
        }
        if (!run.isEmpty()) {
            addTurn(contents, run);
        }
    }

    private static void addTurn(ArrayNode contents, List<ChatMessage> run) {
        ObjectNode turn = contents.addObject();
        turn.put("role", run.getFirst().role() == ChatRole.ASSISTANT ? "model" : "user");
        addParts(turn.putArray("parts"), run);
    }

    private static void addParts(ArrayNode parts, List<ChatMessage> messages) {
        messages.forEach(m -> parts.addObject().put("text", m.content()));
    }

    private static ObjectNode generationConfig(CompletionRequest request) {
        ObjectNode config = JSON.objectNode();
        if (request.temperature() != null) {
            config.put("temperature", request.temperature());
        }
        if (request.topP() != null) {
            config.put("topP", request.topP());
        }
        if (request.topK() != null) {
            config.put("topK", request.topK());
        }
        if (request.maxTokens() != null) {
            config.put("maxOutputTokens", request.maxTokens());
        }
        if (!request.stop().isEmpty()) {
            ArrayNode stop = config.putArray("stopSequences");
            request.stop().forEach(stop::add);
        }
        Long seed = request.seed();
        if (seed != null) {
            // The field is an int32: keep the low 32 bits, so one long seed always maps to the same sent seed.
            config.put("seed", seed.intValue());
        }
        if (request.samples() > 1) {
            config.put("candidateCount", request.samples());
        }
        putLogprobs(config, request);
        ReplySchema schema = request.replySchema();
        if (schema != null) {
            config.put("responseMimeType", "application/json");
            config.set("responseSchema", GeminiSchemas.of(schema.schema()));
        }
        ThinkingLevel level = request.thinking();
        if (level != null) {
            ObjectNode thinking = config.putObject("thinkingConfig").put("thinkingBudget", thinkingBudget(level));
            if (level.on()) {
                thinking.put("includeThoughts", true);
            }
        }
        return config;
    }

    /**
     * The {@code thinkingBudget} of a level: off is 0, low 1024, medium 8192, high 24576 (the most 2.5 Flash
     * takes; Pro takes up to 32768 and cannot be turned off, so off there gets the API's 400 naming the range).
     */
    static int thinkingBudget(ThinkingLevel level) {
        return switch (level) {
            case OFF -> 0;
            case LOW -> 1024;
            case MEDIUM -> 8192;
            case HIGH -> 24576;
        };
    }

    private static void putLogprobs(ObjectNode config, CompletionRequest request) {
        if (!request.logprobs()) {
            return;
        }
        config.put("responseLogprobs", true);
        int top = Math.min(request.requestedTopLogprobs(), MAX_TOP_LOGPROBS);
        if (top > 0) {
            config.put("logprobs", top);
        }
    }

    // Model names are plain ASCII today; encoding keeps a mistyped name from changing the path or the query.
    private static String pathSegment(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 0x80 || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
