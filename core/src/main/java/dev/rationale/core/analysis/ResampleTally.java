// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.analysis;

import dev.rationale.core.answer.AnswerExtractor;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.AnswerGrader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the continuations of an answer from one point answered, next to what the answer itself did: "does the answer
 * flip if the model goes on from here again?".
 *
 * <p>Each continuation's answer is extracted by the answer format from the original text before the point followed
 * by the continuation, so an answer already written before the point counts as written. Answers are grouped by the
 * format's compare rule as in {@link AnswerAgreement}. A continuation <em>keeps</em> the original answer when both
 * normalise alike; when the original has no answer, a continuation without one keeps it.
 *
 * @param original the original answer as extracted, or null when it had none
 * @param answers each continuation's answer as extracted, in order; null where none was found
 * @param distribution the continuations' answers tallied, missing ones counted apart
 * @param kept how many continuations reached the original answer
 */
public record ResampleTally(@Nullable String original, List<@Nullable String> answers, AnswerAgreement distribution,
        int kept) {

    public ResampleTally {
        answers = Collections.unmodifiableList(new ArrayList<>(answers));
    }

    /**
     * Tallies continuations.
     *
     * @param originalText the whole original answer text the original answer is extracted from
     * @param before the original text before the point, which every continuation follows
     * @param continuations the text each continuation generated after the point
     * @throws IllegalArgumentException if the format's regex rule has no valid pattern
     */
    public static ResampleTally of(AnswerFormat format, String originalText, String before,
            List<String> continuations) {
        AnswerExtractor extractor = AnswerExtractor.of(format);
        AnswerGrader grader = AnswerGrader.of(format);
        String original = extractor.extract(originalText).orElse(null);
        List<@Nullable String> answers = new ArrayList<>();
        int kept = 0;
        for (String continuation : continuations) {
            String answer = extractor.extract(before + continuation).orElse(null);
            answers.add(answer);
            boolean same = original == null ? answer == null
                    : answer != null && grader.normalize(answer).equals(grader.normalize(original));
            if (same) {
                kept++;
            }
        }
        return new ResampleTally(original, answers, AnswerAgreement.of(answers, grader), kept);
    }

    /** How many continuations there are. */
    public int samples() {
        return answers.size();
    }

    /** The share of continuations that kept the original answer, 0..1; 0 without continuations. */
    public double keptShare() {
        return answers.isEmpty() ? 0 : (double) kept / answers.size();
    }

    /** Whether some continuation reached another answer (or none where the original had one). */
    public boolean flips() {
        return kept < answers.size();
    }
}
