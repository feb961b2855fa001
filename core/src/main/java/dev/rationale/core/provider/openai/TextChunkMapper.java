// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.openai;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.CompletionEvent.PromptScored;
import dev.rationale.core.provider.CompletionEvent.ReasoningDelta;
import dev.rationale.core.provider.CompletionEvent.SampleFinished;
import dev.rationale.core.provider.CompletionEvent.TextDelta;
import dev.rationale.core.provider.CompletionEvent.TokensScored;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.ThinkTagSplitter;
import dev.rationale.core.provider.Utf8TokenJoiner;
import dev.rationale.core.provider.http.MalformedReply;
import dev.rationale.core.provider.http.WireJson;
import dev.rationale.core.provider.openai.ChatCompletionChunk.TokenLogprob;
import dev.rationale.core.provider.openai.TextCompletionChunk.Choice;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Maps legacy completion chunks to events. The raw text goes through a {@link ThinkTagSplitter} per sample, so a
 * thinking model's {@code <think>} block becomes reasoning. With echo, the server first returns the prompt: its
 * text is dropped from the answer (only while it really matches the prompt, in case a server ignores
 * {@code echo}) and its tokens become {@link PromptScored}, taken from sample 0 (every sample echoes the same
 * prompt). A token belongs to the prompt when its {@code text_offset} lies inside the prompt, or, without
 * offsets, while the echoed text is not used up. One instance per stream, one thread.
 */
final class TextChunkMapper implements OpenAiEventStream.ChunkMapper<TextCompletionChunk.Choice> {

    private static final TypeReference<List<TokenLogprob>> CHAT_STYLE = new TypeReference<>() {
    };

    private final String provider;
    private final String prompt;
    private final int promptCodePoints;
    private final int topLogprobs;
    private final boolean scoreTokens;
    private final boolean echo;
    private final Map<Integer, Sample> samples = new TreeMap<>();

    /** What one sample has seen so far. */
    private final class Sample {
        final ThinkTagSplitter splitter = ThinkTagSplitter.forPrompt(prompt);
        final Utf8TokenJoiner joiner = new Utf8TokenJoiner();
        final Utf8TokenJoiner promptJoiner = new Utf8TokenJoiner();
        int echoedTextLeft = echo ? prompt.length() : 0;
        int echoedTokenTextLeft = echo ? prompt.length() : 0;
        boolean finished;
    }

    /**
     * @param scoreTokens whether the completion's tokens were asked for (they may come anyway with echo)
     * @param echo whether the prompt was asked to be echoed
     */
    TextChunkMapper(String provider, String prompt, int topLogprobs, boolean scoreTokens, boolean echo) {
        this.provider = provider;
        this.prompt = prompt;
        this.promptCodePoints = prompt.codePointCount(0, prompt.length());
        this.topLogprobs = topLogprobs;
        this.scoreTokens = scoreTokens;
        this.echo = echo;
    }

    @Override
    public Class<TextCompletionChunk> chunkType() {
        return TextCompletionChunk.class;
    }

    @Override
    public int indexOf(Choice choice) {
        return choice.index();
    }

    @Override
    public List<CompletionEvent> onEnd() {
        List<CompletionEvent> events = new ArrayList<>();
        samples.forEach((index, sample) -> {
            if (!sample.finished) {
                addPieces(index, sample.splitter.finish(), events);
            }
        });
        return events;
    }

    @Override
    public void onChoice(Choice choice, List<CompletionEvent> events) throws IOException {
        int index = choice.index();
        Sample sample = samples.computeIfAbsent(index, i -> new Sample());
        String text = withoutEcho(sample, choice.text() == null ? "" : choice.text());
        List<ScoredToken> promptTokens = new ArrayList<>();
        List<ScoredToken> tokens = new ArrayList<>();
        JsonNode logprobs = choice.logprobs();
        if (logprobs != null && logprobs.isObject()) {
            readTokens(sample, logprobs, promptTokens, tokens);
        } else if (logprobs != null && !logprobs.isNull()) {
            throw MalformedReply.wrongType(provider, "a choice's logprobs", logprobs, "an object");
        }
        if (index == 0 && !promptTokens.isEmpty()) {
            events.add(new PromptScored(promptTokens));
        }
        addPieces(index, sample.splitter.feed(text), events);
        if (scoreTokens && !tokens.isEmpty()) {
            events.add(new TokensScored(index, tokens));
        }
        if (choice.finishReason() != null && !sample.finished) {
            addPieces(index, sample.splitter.finish(), events);
            sample.finished = true;
            events.add(new SampleFinished(index, ChatChunkMapper.finishReason(choice.finishReason(),
                    choice.stopReason())));
        }
    }

    private String withoutEcho(Sample sample, String text) {
        if (sample.echoedTextLeft == 0) {
            return text;
        }
        int from = prompt.length() - sample.echoedTextLeft;
        int n = Math.min(sample.echoedTextLeft, text.length());
        if (!text.regionMatches(0, prompt, from, n)) {
            // The server did not echo after all (some ignore the flag): this is completion text.
            sample.echoedTextLeft = 0;
            sample.echoedTokenTextLeft = 0;
            return text;
        }
        sample.echoedTextLeft -= n;
        return text.substring(n);
    }

    private void readTokens(Sample sample, JsonNode logprobs, List<ScoredToken> promptTokens,
            List<ScoredToken> tokens) throws IOException {
        JsonNode chatStyle = logprobs.get("content");
        if (chatStyle != null && chatStyle.isArray()) {
            // llama.cpp answers /v1/completions with chat-style entries, and never echoes.
            List<TokenLogprob> entries;
            try {
                entries = WireJson.MAPPER.treeToValue(chatStyle, WireJson.MAPPER.getTypeFactory()
                        .constructType(CHAT_STYLE));
            } catch (JacksonException e) {
                throw MalformedReply.fromJson(provider, "a choice's logprobs.content", e, chatStyle);
            }
            tokens.addAll(TokenLogprobs.read(entries, sample.joiner, topLogprobs, provider));
            return;
        }
        for (LegacyLogprobs.Entry entry : LegacyLogprobs.read(logprobs, topLogprobs, provider)) {
            if (isPromptToken(sample, entry)) {
                promptTokens.add(sample.promptJoiner.join(entry.token()));
            } else {
                tokens.add(sample.joiner.join(entry.token()));
            }
        }
    }

    private boolean isPromptToken(Sample sample, LegacyLogprobs.Entry entry) {
        if (!echo) {
            return false;
        }
        if (entry.offset() != null) {
            return entry.offset() < promptCodePoints;
        }
        if (sample.echoedTokenTextLeft <= 0) {
            return false;
        }
        sample.echoedTokenTextLeft -= entry.token().text().length();
        return true;
    }

    private static void addPieces(int index, List<ThinkTagSplitter.Piece> pieces, List<CompletionEvent> events) {
        for (ThinkTagSplitter.Piece piece : pieces) {
            events.add(piece.reasoning() ? new ReasoningDelta(index, piece.text())
                    : new TextDelta(index, piece.text()));
        }
    }
}
