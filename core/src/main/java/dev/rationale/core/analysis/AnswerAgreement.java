// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.analysis;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.AnswerGrader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How far several samples agree on their final answer (the self-consistency vote of the Compare view).
 *
 * <p>Answers are grouped by the answer format's compare rule: two answers are the same vote when
 * {@link AnswerGrader#normalize} gives them the same canonical form (so under {@code numeric} "$1,000" and
 * "1000.0" agree, under {@code text} "Paris" and "paris." do). A null or blank answer is a missing answer: it is
 * counted apart and never wins. Shares are fractions of <em>all</em> answers, missing ones included, so
 * "3 of 5 samples agree" reads as 0.6 even when one sample gave no answer.
 *
 * <p>Ties are broken deterministically: of the answers with the highest count, the one seen first wins.
 *
 * @param votes one entry per distinct answer, in the order each was first seen
 * @param total the number of answers, missing ones included
 * @param missing the number of missing answers
 */
public record AnswerAgreement(List<Vote> votes, int total, int missing) {

    /**
     * One distinct answer and its support.
     *
     * @param answer the answer as first seen (as written, not normalised), for display
     * @param normalized its canonical form under the compare rule
     * @param count how many answers had this canonical form
     * @param share {@code count / total}, 0..1
     */
    public record Vote(String answer, String normalized, int count, double share) {
    }

    public AnswerAgreement {
        votes = List.copyOf(votes);
    }

    /**
     * Tallies answers by the format's compare rule.
     *
     * @throws IllegalArgumentException if the format's regex rule has no valid pattern (see {@link AnswerGrader#of})
     */
    public static AnswerAgreement of(List<? extends @Nullable String> answers, AnswerFormat format) {
        return of(answers, AnswerGrader.of(format));
    }

    /** Tallies answers, grouping those the grader normalises alike. */
    public static AnswerAgreement of(List<? extends @Nullable String> answers, AnswerGrader grader) {
        Map<String, String> firstSeen = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        int missing = 0;
        for (String answer : answers) {
            if (answer == null || answer.isBlank()) {
                missing++;
                continue;
            }
            String key = grader.normalize(answer);
            firstSeen.putIfAbsent(key, answer);
            counts.merge(key, 1, Integer::sum);
        }
        int total = answers.size();
        List<Vote> votes = new ArrayList<>();
        counts.forEach((key, count) -> votes.add(new Vote(firstSeen.get(key), key, count, (double) count / total)));
        return new AnswerAgreement(votes, total, missing);
    }

    /** The winning answer: the highest count, the first seen on a tie; null when there is no answer at all. */
    public @Nullable Vote majority() {
        @Nullable Vote best = null;
        for (Vote vote : votes) {
            if (best == null || vote.count() > best.count()) {
                best = vote;
            }
        }
        return best;
    }

    /** How many answers the majority has; 0 when there is none. */
    public int majorityCount() {
        Vote majority = majority();
        return majority == null ? 0 : majority.count();
    }

    /** The majority's share of all answers, 0..1; 0 when there is none. */
    public double majorityShare() {
        Vote majority = majority();
        return majority == null ? 0 : majority.share();
    }

    /** The share of missing answers, 0..1; 0 when there are no answers. */
    public double missingShare() {
        return total == 0 ? 0 : (double) missing / total;
    }

    /** Whether every answer is present and all are the same vote. */
    public boolean unanimous() {
        return missing == 0 && votes.size() == 1;
    }
}
