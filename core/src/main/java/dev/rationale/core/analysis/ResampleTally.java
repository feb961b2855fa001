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
 * @param normalizedOriginal the original answer under the compare rule, or null when it had none
 * @param answers each continuation's answer as extracted, in order; null where none was found
 * @param distribution the continuations' answers tallied, missing ones counted apart
 * @param kept how many continuations reached the original answer
 */
public record ResampleTally(@Nullable String original, @Nullable String normalizedOriginal,
        List<@Nullable String> answers, AnswerAgreement distribution, int kept) {

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
        String normalized = original == null ? null : grader.normalize(original);
        List<@Nullable String> answers = new ArrayList<>();
        int kept = 0;
        for (String continuation : continuations) {
            String answer = extractor.extract(before + continuation).orElse(null);
            answers.add(answer);
            boolean same = normalized == null ? answer == null
                    : answer != null && grader.normalize(answer).equals(normalized);
            if (same) {
                kept++;
            }
        }
        return new ResampleTally(original, normalized, answers, AnswerAgreement.of(answers, grader), kept);
    }

    /**
     * Of tallies from the start of each step of one chain, in step order, the step that decided the answer: the one
     * after which the share keeping the original answer rises most (after the last step it is 1, the answer being
     * written). Returns its index, or -1 when no step raises the share by at least {@code least} (0..1).
     */
    public static int decidingStep(List<ResampleTally> steps, double least) {
        int best = -1;
        double bestRise = 0;
        for (int i = 0; i < steps.size(); i++) {
            double next = i + 1 < steps.size() ? steps.get(i + 1).keptShare() : 1.0;
            double rise = next - steps.get(i).keptShare();
            if (rise >= least && (best < 0 || rise > bestRise)) {
                best = i;
                bestRise = rise;
            }
        }
        return best;
    }

    /** Whether {@code vote}, one of the distribution's, is the original answer. */
    public boolean isOriginal(AnswerAgreement.Vote vote) {
        return normalizedOriginal != null && normalizedOriginal.equals(vote.normalized());
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
