// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.provider.CompletionEvent.ReasoningDelta;
import dev.rationale.core.provider.CompletionEvent.SampleFinished;
import dev.rationale.core.provider.CompletionEvent.TextDelta;
import dev.rationale.core.provider.CompletionEvent.TokensScored;
import dev.rationale.core.provider.CompletionEvent.UsageReported;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamTextNormalizerTest {

    private static ScoredToken sent(String text, Integer... bytes) {
        return new ScoredToken(text, List.of(bytes), -0.5, List.of());
    }

    @Test
    void rebuildsTokenTextsPerSampleAcrossEvents() {
        StreamTextNormalizer normalizer = StreamTextNormalizer.tokensOnly();

        List<CompletionEvent> first = normalizer.apply(List.of(new TokensScored(0, List.of(sent("\uFFFD", 0xE2))),
                new TokensScored(1, List.of(sent("b", 98)))));
        List<CompletionEvent> second = normalizer.apply(List.of(new TokensScored(0, List.of(sent("\uFFFD", 0x82,
                0xAC)))));

        assertThat(((TokensScored) first.get(0)).tokens()).extracting(ScoredToken::text).containsExactly("");
        assertThat(((TokensScored) first.get(1)).tokens()).extracting(ScoredToken::text).containsExactly("b");
        assertThat(((TokensScored) second.getFirst()).tokens()).extracting(ScoredToken::text).containsExactly("€");
    }

    @Test
    void leavesTextAloneWithoutASplitter() {
        StreamTextNormalizer normalizer = StreamTextNormalizer.tokensOnly();

        assertThat(normalizer.apply(List.of(new TextDelta(0, "<think>x</think>y"))))
                .containsExactly(new TextDelta(0, "<think>x</think>y"));
        assertThat(normalizer.finish()).isEmpty();
    }

    @Test
    void splitsThinkTagsAndReleasesHeldBackTextBeforeTheSamplesEnd() {
        StreamTextNormalizer normalizer = StreamTextNormalizer.splittingThinkTags("Q: why?\nA:");

        List<CompletionEvent> events = normalizer.apply(List.of(new TextDelta(0, "<think>because</"),
                new UsageReported(new Usage(1, 2, null)), new SampleFinished(0, FinishReason.LENGTH)));

        assertThat(events).containsExactly(new ReasoningDelta(0, "because"),
                new UsageReported(new Usage(1, 2, null)), new ReasoningDelta(0, "</"),
                new SampleFinished(0, FinishReason.LENGTH));
    }

    @Test
    void finishReleasesWhatACutStreamLeftHeldBack() {
        StreamTextNormalizer normalizer = StreamTextNormalizer.splittingThinkTags("<think>");

        assertThat(normalizer.apply(List.of(new TextDelta(0, "half a thought </thi")))).containsExactly(
                new ReasoningDelta(0, "half a thought "));
        assertThat(normalizer.finish()).containsExactly(new ReasoningDelta(0, "</thi"));
        assertThat(normalizer.finish()).isEmpty();
    }
}
