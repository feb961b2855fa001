// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.anthropic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.promptset.ThinkingLevel;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.ChatRole;
import dev.rationale.core.render.RenderedPrompt;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the body of {@code POST /v1/messages} from a {@link CompletionRequest} that has already passed
 * {@link dev.rationale.core.provider.RequestCheck} against
 * {@link AnthropicProtocol#CAPABILITIES}. Pure and thread-safe.
 *
 * <p>Where the API is stricter than our requests:
 * <ul>
 *   <li>System messages go to the top-level {@code system}, wherever they stood in the prompt.</li>
 *   <li>The API wants user and assistant turns to alternate, so consecutive messages of one role become one turn
 *       whose content is a list of text blocks, one per message; nothing is added between them, so the text
 *       stays exactly as rendered.</li>
 *   <li>{@code max_tokens} is required; without one the request gets {@link #DEFAULT_MAX_TOKENS}.</li>
 *   <li>A thinking level other than off enables extended thinking with the level's budget
 *       ({@link #thinkingBudget(ThinkingLevel)}), raises {@code max_tokens} above the budget when it is not, and
 *       leaves out temperature and top-k, which the API refuses alongside thinking; off sends
 *       {@code {"type":"disabled"}}. {@link #notices(CompletionRequest)} says what changed.</li>
 * </ul>
 */
final class AnthropicRequests {

    static final String MESSAGES_PATH = "/v1/messages";

    /** The {@code anthropic-version} header value this mapping is written against. */
    static final String API_VERSION = "2023-06-01";

    /**
     * Used when the request sets no limit. Every current Claude model can write this many tokens (the smallest
     * output limit, Claude 3 Haiku's, is 4096), and it leaves room for a chain of thought that 1024 would cut.
     */
    static final int DEFAULT_MAX_TOKENS = 4096;

    /** The smallest thinking budget the API accepts. */
    static final int MIN_THINKING_BUDGET = 1024;

    /** The API accepts top_p only in this range while thinking. */
    private static final double MIN_THINKING_TOP_P = 0.95;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AnthropicRequests() {
    }

    /**
     * The body for the request.
     *
     * @throws ProviderException UNSUPPORTED for a raw text prompt
     */
    static ObjectNode body(CompletionRequest request) {
        if (!(request.prompt() instanceof RenderedPrompt.Chat chat)) {
            throw new ProviderException(ProviderException.Kind.UNSUPPORTED,
                    "Anthropic takes chat messages only");
        }
        ObjectNode body = JSON.objectNode();
        body.put("model", request.model());
        body.put("max_tokens", maxTokens(request));
        putSystem(body, chat.messages());
        putMessages(body, chat.messages());
        putSampling(body, request);
        ThinkingLevel level = request.thinking();
        if (level == ThinkingLevel.OFF) {
            body.putObject("thinking").put("type", "disabled");
        } else if (level != null) {
            body.putObject("thinking").put("type", "enabled").put("budget_tokens", thinkingBudget(level));
        }
        body.put("stream", true);
        return body;
    }

    /**
     * What the body leaves out or changes from the request, for the provider to send as notices. Empty when the
     * request goes through as asked.
     */
    static List<String> notices(CompletionRequest request) {
        List<String> notices = new ArrayList<>();
        if (request.minP() != null) {
            notices.add("Anthropic takes no min_p; it was left out");
        }
        ThinkingLevel level = request.thinking();
        if (level != null && level.on()) {
            if (request.temperature() != null || request.topK() != null) {
                notices.add("Anthropic takes no temperature or top_k while thinking; they were left out");
            }
            Double topP = request.topP();
            if (topP != null && topP < MIN_THINKING_TOP_P) {
                notices.add("Anthropic takes top_p of 0.95 to 1 while thinking; " + topP + " was raised to 0.95");
            }
            int asked = requestedMaxTokens(request);
            if (maxTokens(request) != asked) {
                notices.add("Thinking \"" + level.id() + "\" has a budget of " + thinkingBudget(level)
                        + " tokens, which must stay below max_tokens; max_tokens was raised from " + asked + " to "
                        + maxTokens(request) + " so the answer keeps its room");
            }
        }
        return notices;
    }

    /**
     * The {@code budget_tokens} of a level: low is the API's minimum of 1024, medium 4096, high 16384. Thinking
     * tokens count toward {@code max_tokens}, so {@link #maxTokens} keeps the budget below it.
     */
    static int thinkingBudget(ThinkingLevel level) {
        return switch (level) {
            case OFF, LOW -> MIN_THINKING_BUDGET;
            case MEDIUM -> 4 * MIN_THINKING_BUDGET;
            case HIGH -> 16 * MIN_THINKING_BUDGET;
        };
    }

    /**
     * The {@code max_tokens} sent. While thinking the budget must stay below it; when the asked limit is not above
     * the budget, the budget is added on top, so the answer keeps the room that was asked for.
     */
    static int maxTokens(CompletionRequest request) {
        int asked = requestedMaxTokens(request);
        ThinkingLevel level = request.thinking();
        if (!thinking(request) || level == null) {
            return asked;
        }
        int budget = thinkingBudget(level);
        return budget < asked ? asked : budget + asked;
    }

    private static int requestedMaxTokens(CompletionRequest request) {
        Integer asked = request.maxTokens();
        return asked == null ? DEFAULT_MAX_TOKENS : asked;
    }

    private static boolean thinking(CompletionRequest request) {
        ThinkingLevel level = request.thinking();
        return level != null && level.on();
    }

    private static void putSystem(ObjectNode body, List<ChatMessage> messages) {
        List<String> system = messages.stream().filter(m -> m.role() == ChatRole.SYSTEM)
                .map(ChatMessage::content).toList();
        if (system.size() == 1) {
            body.put("system", system.getFirst());
        } else if (system.size() > 1) {
            ArrayNode blocks = body.putArray("system");
            system.forEach(text -> blocks.addObject().put("type", "text").put("text", text));
        }
    }

    private static void putMessages(ObjectNode body, List<ChatMessage> messages) {
        ArrayNode turns = body.putArray("messages");
        List<ChatMessage> run = new ArrayList<>();
        for (ChatMessage message : messages) {
            if (message.role() == ChatRole.SYSTEM) {
                continue;
            }
            if (!run.isEmpty() && run.getFirst().role() != message.role()) {
                addTurn(turns, run);
                run.clear();
            }
            run.add(message);
        }
        if (!run.isEmpty()) {
            addTurn(turns, run);
        }
    }

    private static void addTurn(ArrayNode turns, List<ChatMessage> run) {
        ObjectNode turn = turns.addObject().put("role", run.getFirst().role().wireName());
        if (run.size() == 1) {
            turn.put("content", run.getFirst().content());
            return;
        }
        ArrayNode blocks = turn.putArray("content");
        run.forEach(m -> blocks.addObject().put("type", "text").put("text", m.content()));
    }

    private static void putSampling(ObjectNode body, CompletionRequest request) {
        boolean thinking = thinking(request);
        if (request.temperature() != null && !thinking) {
            body.put("temperature", request.temperature());
        }
        Double topP = request.topP();
        if (topP != null) {
            body.put("top_p", thinking ? Math.max(MIN_THINKING_TOP_P, topP) : topP);
        }
        if (request.topK() != null && !thinking) {
            body.put("top_k", request.topK());
        }
        if (!request.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop_sequences");
            request.stop().forEach(stop::add);
        }
    }
}
