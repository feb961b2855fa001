// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.CompletionEvent.SampleFinished;
import dev.rationale.core.provider.CompletionEvent.TextDelta;
import dev.rationale.core.provider.CompletionEvent.TokensScored;
import dev.rationale.core.provider.CompletionEvent.UsageReported;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.Usage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CutCharacterHoldTest {

    private final CutCharacterHold hold = new CutCharacterHold();
    private final List<CompletionEvent> passed = new ArrayList<>();

    // "🐶" is F0 9F 90 B6; "é" is C3 A9. Texts are as Utf8TokenJoiner left them: a split character's first part empty.
    private static TokensScored tokens(int sample, String text, Integer... bytes) {
        return new TokensScored(sample, List.of(new ScoredToken(text, List.of(bytes), -0.5, List.of())));
    }

    private void pass(CompletionEvent... events) {
        for (CompletionEvent event : events) {
            passed.addAll(hold.pass(event));
        }
    }

    @Test
    void aCharacterCutWhenTheSampleEndsEndsTheLastTokenAsAReplacementCharacter() {
        UsageReported usage = new UsageReported(new Usage(3, 2, null));
        SampleFinished end = new SampleFinished(0, FinishReason.LENGTH);

        pass(tokens(0, "a", 0x61), tokens(0, "", 0xF0, 0x9F), usage, end);

        assertThat(passed).containsExactly(tokens(0, "a", 0x61), tokens(0, "\uFFFD", 0xF0, 0x9F), usage, end);
    }

    @Test
    void aCharacterCompletedLaterPassesUnchangedAndInOrder() {
        TextDelta text = new TextDelta(0, "é");

        pass(tokens(0, "", 0xC3), text, tokens(0, "é", 0xA9), new SampleFinished(0, FinishReason.STOP));

        assertThat(passed).containsExactly(tokens(0, "", 0xC3), text, tokens(0, "é", 0xA9),
                new SampleFinished(0, FinishReason.STOP));
    }

    @Test
    void aStreamEndingOnACutCharacterReleasesItClosed() {
        pass(tokens(1, "", 0xF0, 0x9F, 0x90));

        assertThat(passed).isEmpty();
        assertThat(hold.end()).containsExactly(tokens(1, "\uFFFD", 0xF0, 0x9F, 0x90));
        assertThat(hold.end()).isEmpty();
    }

    @Test
    void anotherSamplesEndDoesNotCloseTheCharacter() {
        pass(tokens(0, "", 0xC3), new SampleFinished(1, FinishReason.STOP));

        assertThat(passed).containsExactly(tokens(0, "", 0xC3), new SampleFinished(1, FinishReason.STOP));
    }
}
