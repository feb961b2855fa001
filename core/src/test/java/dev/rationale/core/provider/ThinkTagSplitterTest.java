// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.provider.ThinkTagSplitter.Piece;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ThinkTagSplitterTest {

    /** Feeds the chunks and finishes; returns the reasoning and the answer as one string each, "R|A". */
    private static String split(ThinkTagSplitter splitter, String... chunks) {
        List<Piece> pieces = new ArrayList<>();
        for (String chunk : chunks) {
            pieces.addAll(splitter.feed(chunk));
        }
        pieces.addAll(splitter.finish());
        StringBuilder reasoning = new StringBuilder();
        StringBuilder answer = new StringBuilder();
        for (Piece piece : pieces) {
            (piece.reasoning() ? reasoning : answer).append(piece.text());
        }
        return reasoning + "|" + answer;
    }

    @Test
    void splitsAThinkBlockFromTheAnswer() {
        assertThat(split(new ThinkTagSplitter(false), "<think>2+2 is 4</think>\n\nThe answer is 4."))
                .isEqualTo("2+2 is 4|\n\nThe answer is 4.");
    }

    @Test
    void leavesOutputWithoutTagsAsAnswer() {
        assertThat(split(new ThinkTagSplitter(false), "Just ", "an answer.")).isEqualTo("|Just an answer.");
    }

    @Test
    void startsInReasoningWhenThePromptOpenedTheBlock() {
        ThinkTagSplitter splitter = ThinkTagSplitter.forPrompt("<|Assistant|><think>\n");

        assertThat(splitter.inReasoning()).isTrue();
        assertThat(split(splitter, "Let me think.", "</think>", "42")).isEqualTo("Let me think.|42");
    }

    @Test
    void startsInTheAnswerForOtherPrompts() {
        assertThat(ThinkTagSplitter.forPrompt("Q: 2+2?\nA:").inReasoning()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 7})
    void neverShowsPartOfATagSplitAcrossChunks(int size) {
        String output = "<think>abc</think>xyz";
        List<String> chunks = new ArrayList<>();
        for (int i = 0; i < output.length(); i += size) {
            chunks.add(output.substring(i, Math.min(output.length(), i + size)));
        }
        ThinkTagSplitter splitter = new ThinkTagSplitter(false);
        List<Piece> shown = new ArrayList<>();
        for (String chunk : chunks) {
            shown.addAll(splitter.feed(chunk));
        }
        shown.addAll(splitter.finish());

        assertThat(shown).allSatisfy(piece -> assertThat(piece.text()).doesNotContain("<", ">"));
        assertThat(split(new ThinkTagSplitter(false), chunks.toArray(String[]::new))).isEqualTo("abc|xyz");
    }

    @Test
    void holdsBackAtMostSevenCharactersInsideReasoning() {
        ThinkTagSplitter splitter = new ThinkTagSplitter(true);

        assertThat(splitter.feed("thinking </think")).containsExactly(new Piece(true, "thinking "));
        assertThat(splitter.feed("> done")).containsExactly(new Piece(false, " done"));
    }

    @Test
    void passesTextThatMerelyLooksLikeATagStartOn() {
        ThinkTagSplitter splitter = new ThinkTagSplitter(true);

        assertThat(splitter.feed("a </th")).containsExactly(new Piece(true, "a "));
        assertThat(splitter.feed("e end")).containsExactly(new Piece(true, "</the end"));
    }

    @Test
    void emitsHeldBackTextWhenTheOutputEndsInsideReasoning() {
        ThinkTagSplitter splitter = new ThinkTagSplitter(true);

        assertThat(splitter.feed("cut off </thi")).containsExactly(new Piece(true, "cut off "));
        assertThat(splitter.finish()).containsExactly(new Piece(true, "</thi"));
    }

    @Test
    void treatsTagsAfterTheAnswerBeganAsText() {
        assertThat(split(new ThinkTagSplitter(false), "Use <think> tags.</think>"))
                .isEqualTo("|Use <think> tags.</think>");
    }

    @Test
    void dropsBlanksBeforeTheOpeningTag() {
        assertThat(split(new ThinkTagSplitter(false), "\n ", " <thi", "nk>r</think>a")).isEqualTo("r|a");
    }

    @Test
    void keepsLeadingBlanksOfAnAnswerWithoutReasoning() {
        assertThat(split(new ThinkTagSplitter(false), "\n", " Paris")).isEqualTo("|\n Paris");
    }

    @Test
    void onlyTheFirstClosingTagEndsTheReasoning() {
        assertThat(split(new ThinkTagSplitter(true), "r</think>a</think>b")).isEqualTo("r|a</think>b");
    }
}
