// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.ScoredToken;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The answer's start, kept as batches stream in, is where counting back over the answer's scored text puts it,
 * however the batches cut the stream: also between a token's text and its score (the text whose score is still to
 * come is not counted), and when the answer begins with blank lines.
 */
class StreamedAnswerStartTest {

    private static final List<String> THINKING = List.of("<think>", "First", " add", " 3", ".", "\n", "Then 4",
            ".", "</think>");
    private static final List<String> ANSWER = List.of("\n\n", "\n", "The", " sum", " is", " 7", ".", "\n\n", "So",
            " 7", ".");

    private static ScoredToken token(String text) {
        return new ScoredToken(text, List.of(), -0.1, List.of());
    }

    /** A model whose thinking is scored: each token's text, then its score. */
    private static List<CompletionEvent> scoredThinkingThenAnswer() {
        List<CompletionEvent> events = new ArrayList<>();
        for (String text : THINKING) {
            events.add(new CompletionEvent.ReasoningDelta(0, text));
            events.add(new CompletionEvent.TokensScored(0, List.of(token(text))));
        }
        for (String text : ANSWER) {
            events.add(new CompletionEvent.TextDelta(0, text));
            events.add(new CompletionEvent.TokensScored(0, List.of(token(text))));
        }
        return events;
    }

    /** A server that scores only the answer: the thinking comes as text alone. */
    private static List<CompletionEvent> unscoredThinkingThenAnswer() {
        List<CompletionEvent> events = new ArrayList<>();
        THINKING.forEach(text -> events.add(new CompletionEvent.ReasoningDelta(0, text)));
        for (String text : ANSWER) {
            events.add(new CompletionEvent.TextDelta(0, text));
            events.add(new CompletionEvent.TokensScored(0, List.of(token(text))));
        }
        return events;
    }

    @Test
    void theStartKeptBatchByBatchIsTheStartCountedOverTheScoredAnswer() {
        for (List<CompletionEvent> events : List.of(scoredThinkingThenAnswer(), unscoredThinkingThenAnswer())) {
            for (long seed = 0; seed < 200; seed++) {
                assertStartFollowsCount(events, new SplittableRandom(seed));
            }
        }
    }

    @Test
    void theAnswerStartsAfterTheThinkingsTokensAndTheBlankLinesThatOpenIt() {
        StreamedAnswer answer = new StreamedAnswer();
        List<CompletionEvent> events = scoredThinkingThenAnswer();
        for (CompletionEvent event : events) {
            answer.add(List.of(event));
        }

        assertThat(answer.answerStart.get()).isEqualTo(THINKING.size() + 2);
        assertThat(answer.tokens.get(answer.answerStart.get()).text()).isEqualTo("The");
    }

    private static void assertStartFollowsCount(List<CompletionEvent> events, SplittableRandom random) {
        StreamedAnswer answer = new StreamedAnswer();
        int next = 0;
        while (next < events.size()) {
            int size = 1 + random.nextInt(5);
            List<CompletionEvent> batch = events.subList(next, Math.min(events.size(), next + size));
            next += batch.size();
            answer.add(batch);
            String text = answer.text.get();
            String scored = text.substring(0, text.length() - unscoredLength(events.subList(0, next)));
            assertThat(answer.answerStart.get())
                    .as("after %d of %d events", next, events.size())
                    .isEqualTo(StreamedAnswer.answerStart(answer.tokens, List.of(), answer.reasoning.get(), scored));
        }
    }

    @Test
    void aBatchThatEndsBetweenATokensTextAndItsScoreLeavesTheStartWhereItWas() {
        StreamedAnswer answer = new StreamedAnswer();
        List<CompletionEvent> events = scoredThinkingThenAnswer();
        // Up to the answer's "The", scored.
        int throughThe = 2 * (THINKING.size() + 3);
        answer.add(events.subList(0, throughThe));
        int start = answer.answerStart.get();

        answer.add(events.subList(throughThe, throughThe + 1));
        int cut = answer.answerStart.get();
        answer.add(events.subList(throughThe + 1, throughThe + 2));

        assertThat(events.get(throughThe)).isEqualTo(new CompletionEvent.TextDelta(0, " sum"));
        assertThat(start).isEqualTo(THINKING.size() + 2);
        // Counting " sum" with no token for it yet took the start back to "</think>": a heat map rebuilt twice.
        assertThat(cut).isEqualTo(start);
        assertThat(answer.answerStart.get()).isEqualTo(start);
    }

    /** The length of the answer text that came after the last score of {@code events}. */
    private static int unscoredLength(List<CompletionEvent> events) {
        int length = 0;
        for (CompletionEvent event : events) {
            if (event instanceof CompletionEvent.TextDelta delta) {
                length += delta.text().length();
            } else if (event instanceof CompletionEvent.TokensScored) {
                length = 0;
            }
        }
        return length;
    }
}
