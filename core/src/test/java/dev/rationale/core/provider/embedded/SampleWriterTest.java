// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.Utf8TokenJoiner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleWriterTest {
    private final List<String> texts = new ArrayList<>();
    private final List<List<String>> tokenTexts = new ArrayList<>();
    private final List<Integer> ids = new ArrayList<>();

    private SampleWriter writer(String... stops) {
        return new SampleWriter(List.of(stops), new Utf8TokenJoiner(), (text, tokens, tokenIds) -> {
            texts.add(text);
            tokenTexts.add(tokens.stream().map(ScoredToken::text).toList());
            tokenIds.forEach(t -> ids.add(t.id()));
        });
    }

    private static boolean add(SampleWriter writer, int id, String text) {
        return add(writer, id, text.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean add(SampleWriter writer, int id, byte... bytes) {
        return writer.add(id, bytes, -0.5, List.of(), List.of());
    }

    @Test
    void withoutStopSequencesEachTokenIsReleasedAtOnce() {
        SampleWriter writer = writer();

        add(writer, 1, "Hello");
        add(writer, 2, " world");

        assertThat(texts).containsExactly("Hello", " world");
        assertThat(ids).containsExactly(1, 2);
    }

    @Test
    void aCharacterSplitOverTokensIsReleasedWithTheTokenThatCompletesIt() {
        SampleWriter writer = writer();
        byte[] dog = "🐶".getBytes(StandardCharsets.UTF_8);

        add(writer, 1, " a");
        add(writer, 2, dog[0], dog[1]);
        add(writer, 3, dog[2]);
        assertThat(texts).containsExactly(" a");
        add(writer, 4, dog[3]);

        assertThat(texts).containsExactly(" a", "🐶");
        assertThat(tokenTexts.get(1)).containsExactly("", "", "🐶");
        assertThat(ids).containsExactly(1, 2, 3, 4);
    }

    @Test
    void anUnfinishedCharacterAtTheEndBecomesAReplacementCharacterOnTheLastToken() {
        SampleWriter writer = writer();

        add(writer, 1, "x");
        add(writer, 2, (byte) 0xE2);
        writer.finish();

        assertThat(texts).containsExactly("x", "\uFFFD");
        assertThat(tokenTexts.get(1)).containsExactly("\uFFFD");
    }

    @Test
    void textThatMayStartAStopSequenceIsHeldUntilItCannot() {
        SampleWriter writer = writer("\nUser:");

        assertThat(add(writer, 1, "Yes")).isFalse();
        assertThat(add(writer, 2, "\n")).isFalse();
        assertThat(texts).containsExactly("Yes");
        assertThat(add(writer, 3, "Us")).isFalse();
        assertThat(add(writer, 4, "ually")).isFalse();

        assertThat(texts).containsExactly("Yes", "\nUsually");
        assertThat(tokenTexts.get(1)).containsExactly("\n", "Us", "ually");
    }

    @Test
    void aStopSequenceIsCutWithEverythingAfterItEvenInsideAToken() {
        SampleWriter writer = writer("END", "never");

        add(writer, 1, "The e");
        assertThat(add(writer, 2, "nd. EN")).isFalse();
        assertThat(add(writer, 3, "Dless")).isTrue();

        assertThat(String.join("", texts)).isEqualTo("The end. ");
        assertThat(tokenTexts.stream().flatMap(List::stream)).containsExactly("The e", "nd. ");
        assertThat(ids).containsExactly(1, 2);
    }

    @Test
    void theEarliestOfSeveralStopSequencesWins() {
        SampleWriter writer = writer("b c", "a b");

        assertThat(add(writer, 1, "xa b c")).isTrue();

        assertThat(texts).containsExactly("x");
    }
}
