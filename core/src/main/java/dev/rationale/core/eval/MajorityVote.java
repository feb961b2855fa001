// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.analysis.AnswerAgreement;
import dev.rationale.core.answer.AnswerGrader;
import dev.rationale.core.answer.CompareRule;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Self-consistency: one verdict for a case from its samples' answers.
 *
 * <p>Failed samples do not vote; the others vote with their extracted answers, grouped by the compare rule
 * ({@link AnswerAgreement}), and a sample without an answer is a vote for nothing that lowers the winner's share.
 * The majority wins; on a tie, the answer of the lowest-numbered sample among the tied wins, so a verdict never
 * depends on which request happened to finish first. The majority answer is then compared with the expected one.
 * A case whose samples all failed is {@link CaseOutcome#FAILED} with the first failure's reason; one with samples
 * still to run is {@link CaseOutcome#PENDING}.
 */
public final class MajorityVote {
    private final AnswerGrader grader;
    private final boolean grades;

    /** @param compare the task's compare rule; under {@code none} nothing is graded */
    public MajorityVote(AnswerGrader grader, CompareRule compare) {
        this.grader = grader;
        this.grades = compare != CompareRule.NONE;
    }

    /**
     * The verdict on one case.
     *
     * @param records the case's recorded samples, in any order
     * @param samples how many samples the case should have
     */
    public CaseResult decide(CompletionKey.CaseKey key, List<SampleRecord> records, int samples) {
        List<SampleRecord> sorted = records.stream().sorted(Comparator.comparingInt(SampleRecord::sample)).toList();
        @Nullable String expected = sorted.isEmpty() ? null : sorted.getFirst().expected();
        int failed = (int) sorted.stream().filter(r -> !r.status().answered()).count();
        if (sorted.size() < samples) {
            return new CaseResult(key, CaseOutcome.PENDING, expected, null, 0, null, sorted.size(), failed, null);
        }
        List<SampleRecord> answered = sorted.stream().filter(r -> r.status().answered()).toList();
        if (answered.isEmpty()) {
            return new CaseResult(key, CaseOutcome.FAILED, expected, null, 0, null, sorted.size(), failed,
                    sorted.getFirst().reason());
        }
        AnswerAgreement agreement = AnswerAgreement.of(answered.stream().map(SampleRecord::answer).toList(), grader);
        AnswerAgreement.Vote majority = agreement.majority();
        double share = agreement.majorityShare();
        @Nullable Double confidence = samples > 1 ? Double.valueOf(share) : answered.getFirst().answerProbability();
        boolean graded = grades && expected != null && !expected.isBlank();
        CaseOutcome outcome;
        if (!graded) {
            outcome = CaseOutcome.UNGRADED;
        } else if (majority == null) {
            outcome = CaseOutcome.WRONG;
        } else {
            outcome = grader.matches(majority.answer(), expected) ? CaseOutcome.CORRECT : CaseOutcome.WRONG;
        }
        return new CaseResult(key, outcome, expected, majority == null ? null : majority.answer(), share, confidence,
                sorted.size(), failed, null);
    }
}
