// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.analysis.TextDiff.Kind;
import dev.rationale.core.analysis.TextDiff.Segment;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextDiffTest {

    private static Segment equal(String text) {
        return new Segment(Kind.EQUAL, text);
    }

    private static Segment deleted(String text) {
        return new Segment(Kind.DELETED, text);
    }

    private static Segment inserted(String text) {
        return new Segment(Kind.INSERTED, text);
    }

    @Test
    void identicalTextsAreOneEqualSegment() {
        assertThat(TextDiff.diff("Half of 10 is 5.", "Half of 10 is 5.")).containsExactly(equal("Half of 10 is 5."));
    }

    @Test
    void emptyTextsHaveNoSegments() {
        assertThat(TextDiff.diff("", "")).isEmpty();
        assertThat(TextDiff.diff("", "new text")).containsExactly(inserted("new text"));
        assertThat(TextDiff.diff("old text", "")).containsExactly(deleted("old text"));
    }

    @Test
    void changedWordsAreDeletedThenInserted() {
        assertThat(TextDiff.diff("First, halve 10 to get 5. Then add 2.", "First, double 10 to get 20. Then add 2."))
                .containsExactly(equal("First, "), deleted("halve"), inserted("double"), equal(" 10 to get "),
                        deleted("5"), inserted("20"), equal(". Then add 2."));
    }

    @Test
    void insertedWordKeepsItsSpace() {
        assertThat(TextDiff.diff("I like cats", "I really like cats"))
                .containsExactly(equal("I "), inserted("really "), equal("like cats"));
    }

    @Test
    void punctuationIsATokenOfItsOwn() {
        assertThat(TextDiff.diff("It is 42.", "It is 42!"))
                .containsExactly(equal("It is 42"), deleted("."), inserted("!"));
    }

    @Test
    void whitespaceDifferencesAreKept() {
        assertThat(TextDiff.diff("a  b\n", "a b\n")).containsExactly(equal("a"), deleted("  "), inserted(" "),
                equal("b\n"));
    }

    @Test
    void lineBreaksSurviveInEqualSegments() {
        assertThat(TextDiff.diff("6 × 7 = 42.\nThe answer is 42.", "6 × 7 = 41.\nThe answer is 41."))
                .containsExactly(equal("6 × 7 = "), deleted("42"), inserted("41"), equal(".\nThe answer is "),
                        deleted("42"), inserted("41"), equal("."));
    }

    @Test
    void blankBetweenTwoReplacementsJoinsThem() {
        assertThat(TextDiff.diff("the cat sat", "a dog sat"))
                .containsExactly(deleted("the cat"), inserted("a dog"), equal(" sat"));
    }

    @Test
    void blankBetweenDeletionsStaysEqual() {
        assertThat(TextDiff.diff("a b c", "b")).containsExactly(deleted("a "), equal("b"), deleted(" c"));
    }

    @Test
    void tokensAreWordsBlanksAndSingleMarks() {
        assertThat(TextDiff.tokens("Héllo, wörld_2 3.5\n\t x!?"))
                .containsExactly("Héllo", ",", " ", "wörld_2", " ", "3", ".", "5", "\n\t ", "x", "!", "?");
        assertThat(TextDiff.tokens("a\u2028b\u00A0😀c")).containsExactly("a", "\u2028", "b", "\u00A0", "😀", "c");
    }

    @Test
    void segmentsRebuildBothTextsExactly() {
        Random random = new Random(20_260_101L);
        String[] pieces = {"the", "The", "answer", "is", "42", "41", " ", "  ", "\n", "\r\n", ".", ",", "é", "😀",
            "\t", "step", "1.", "\u00A0"};
        for (int round = 0; round < 500; round++) {
            String a = randomText(random, pieces);
            String b = random.nextBoolean() ? mutate(random, a, pieces) : randomText(random, pieces);

            List<Segment> segments = TextDiff.diff(a, b);

            assertThat(TextDiff.textA(segments)).isEqualTo(a);
            assertThat(TextDiff.textB(segments)).isEqualTo(b);
            assertThat(segments).noneMatch(segment -> segment.text().isEmpty());
            for (int i = 1; i < segments.size(); i++) {
                assertThat(segments.get(i).kind()).isNotEqualTo(segments.get(i - 1).kind());
                boolean insertedBeforeDeleted = segments.get(i - 1).kind() == Kind.INSERTED
                        && segments.get(i).kind() == Kind.DELETED;
                assertThat(insertedBeforeDeleted).as("deletion first in %s", segments).isFalse();
            }
        }
    }

    private static String randomText(Random random, String[] pieces) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }

    private static String mutate(Random random, String text, String[] pieces) {
        if (text.isEmpty()) {
            return pieces[random.nextInt(pieces.length)];
        }
        int cut = random.nextInt(text.length());
        if (Character.isLowSurrogate(text.charAt(cut))) {
            cut--;
        }
        return text.substring(0, cut) + pieces[random.nextInt(pieces.length)] + text.substring(cut);
    }
}
