// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.answer;

import java.math.BigDecimal;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Grades completions by an {@link AnswerFormat}: extracts the answer, normalises it and the expected answer by the
 * format's compare rule, and compares them. Immutable and safe to share between threads.
 */
public final class AnswerGrader {
    private final AnswerExtractor extractor;
    private final CompareRule compare;

    private AnswerGrader(AnswerFormat format) {
        this.extractor = AnswerExtractor.of(format);
        this.compare = format.effectiveCompare();
    }

    /**
     * A grader for the given format.
     *
     * @throws IllegalArgumentException if the format's regex rule has no valid pattern (see {@link AnswerExtractor#of})
     */
    public static AnswerGrader of(AnswerFormat format) {
        return new AnswerGrader(format);
    }

    /**
     * Grades one completion's answer text; a {@code <think>} block it opens with is not read
     * ({@link ThinkBlock#answerOf}), so thinking is never graded. A completion without an answer is
     * {@link Verdict#NO_ANSWER} whatever the compare rule; one with an answer is {@link Verdict#UNGRADED} when the
     * rule is {@code none} or {@code expected} is null or blank. Under a rule that {@link CompareRule#scores
     * scores}, an answer is {@link Verdict#UNGRADED} here: its score comes from a
     * {@link dev.rationale.core.grading.Grader}.
     */
    public Grade grade(String completion, @Nullable String expected) {
        Optional<String> found = extractor.extract(ThinkBlock.answerOf(completion));
        if (found.isEmpty()) {
            return new Grade(Verdict.NO_ANSWER, null, null);
        }
        String extracted = found.get();
        String normalized = normalize(extracted);
        if (compare == CompareRule.NONE || compare.scores() || expected == null || expected.isBlank()) {
            return new Grade(Verdict.UNGRADED, extracted, normalized);
        }
        Verdict verdict = sameAnswer(normalized, normalize(expected)) ? Verdict.CORRECT : Verdict.WRONG;
        return new Grade(verdict, extracted, normalized);
    }

    /**
     * Whether an already extracted answer matches the expected one under the compare rule. Under {@code none}
     * the two match when they are equal apart from surrounding whitespace.
     */
    public boolean matches(String extractedAnswer, String expected) {
        return sameAnswer(normalize(extractedAnswer), normalize(expected));
    }

    /** The answer in the compare rule's canonical form; answers that {@link #matches} are equal in this form. */
    public String normalize(String answer) {
        return AnswerNormalizer.normalize(answer, compare);
    }

    private boolean sameAnswer(String normalizedAnswer, String normalizedExpected) {
        if (compare == CompareRule.NUMERIC) {
            Optional<BigDecimal> answer = WrittenNumbers.parsePlain(normalizedAnswer);
            Optional<BigDecimal> expected = WrittenNumbers.parsePlain(normalizedExpected);
            if (answer.isPresent() && expected.isPresent()) {
                return answer.get().compareTo(expected.get()) == 0;
            }
        }
        return normalizedAnswer.equals(normalizedExpected);
    }
}
