// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.CompletionEvent.ReasoningDelta;
import dev.rationale.core.provider.CompletionEvent.SampleFinished;
import dev.rationale.core.provider.CompletionEvent.TextDelta;
import dev.rationale.core.provider.CompletionEvent.TokensScored;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.Utf8TokenJoiner;
import dev.rationale.core.provider.openai.ChatCompletionChunk.Choice;
import dev.rationale.core.provider.openai.ChatCompletionChunk.Delta;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Maps chat completion chunks to events. Per choice the order is reasoning, answer text, scored tokens, end; the
 * usage chunk becomes {@link UsageReported}. One instance per stream, one thread.
 */
final class ChatChunkMapper implements OpenAiEventStream.ChunkMapper<ChatCompletionChunk.Choice> {

    private final String provider;
    private final int topLogprobs;
    private final Map<Integer, Utf8TokenJoiner> joiners = new HashMap<>();

    ChatChunkMapper(String provider, int topLogprobs) {
        this.provider = provider;
        this.topLogprobs = topLogprobs;
    }

    @Override
    public Class<ChatCompletionChunk> chunkType() {
        return ChatCompletionChunk.class;
    }

    @Override
    public @Nullable ChatCompletionChunk plainChunk(String data) {
        return PlainChatChunk.read(data);
    }

    @Override
    public int indexOf(Choice choice) {
        return choice.index();
    }

    @Override
    public List<CompletionEvent> onEnd() {
        return List.of();
    }

    @Override
    public void onChoice(Choice choice, List<CompletionEvent> events) {
        int sample = choice.index();
        Delta delta = choice.delta();
        if (delta != null) {
            String reasoning = firstNonEmpty(delta.reasoningContent(), delta.reasoning());
            if (reasoning != null) {
                events.add(new ReasoningDelta(sample, reasoning));
            }
            if (delta.content() != null && !delta.content().isEmpty()) {
                events.add(new TextDelta(sample, delta.content()));
            }
        }
        if (choice.logprobs() != null && choice.logprobs().content() != null) {
            Utf8TokenJoiner joiner = joiners.computeIfAbsent(sample, i -> new Utf8TokenJoiner());
            List<ScoredToken> tokens = TokenLogprobs.read(choice.logprobs().content(), joiner, topLogprobs, provider);
            if (!tokens.isEmpty()) {
                events.add(new TokensScored(sample, tokens));
            }
        }
        if (choice.finishReason() != null) {
            events.add(new SampleFinished(sample, finishReason(choice.finishReason(), choice.stopReason())));
        }
    }

    static FinishReason finishReason(String reason, @Nullable JsonNode stopReason) {
        return switch (reason) {
            // vLLM names the matched stop string; an end-of-sequence token leaves it null (or a token id).
            case "stop" -> stopReason != null && stopReason.isTextual() ? FinishReason.STOP_SEQUENCE
                    : FinishReason.STOP;
            case "length" -> FinishReason.LENGTH;
            case "content_filter" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }

    private static @Nullable String firstNonEmpty(@Nullable String first, @Nullable String second) {
        if (first != null && !first.isEmpty()) {
            return first;
        }
        return second != null && !second.isEmpty() ? second : null;
    }
}
