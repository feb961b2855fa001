// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.analysis.AnswerAgreement;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.AnswerGrader;
import dev.rationale.core.answer.CompareRule;
import dev.rationale.core.answer.Verdict;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
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
 *
 * <p>Under a compare rule that {@link CompareRule#scores scores} (chrF, a judge, tests) the samples' answers are not
 * voted on, since two good translations or programs rarely read alike: the case passes when its graded samples'
 * mean score reaches the threshold, and is {@link CaseOutcome#UNGRADED} when none was graded. Its answer is the
 * first answered sample's.
 */
public final class MajorityVote {
    private final AnswerGrader grader;
    private final boolean grades;
    private final boolean scores;
    private final double threshold;

    /** @param compare the task's compare rule; under {@code none} nothing is graded */
    public MajorityVote(AnswerGrader grader, CompareRule compare) {
        this(grader, compare, 0);
    }

    private MajorityVote(AnswerGrader grader, CompareRule compare, double threshold) {
        this.grader = grader;
        this.grades = compare != CompareRule.NONE;
        this.scores = compare.scores();
        this.threshold = threshold;
    }

    /** The vote of a task with answer format {@code format}. */
    public static MajorityVote of(AnswerFormat format) {
        return new MajorityVote(AnswerGrader.of(format), format.effectiveCompare(), format.effectiveThreshold());
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
        if (scores) {
            return scored(key, expected, sorted, answered, failed);
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

    private CaseResult scored(CompletionKey.CaseKey key, @Nullable String expected, List<SampleRecord> sorted,
            List<SampleRecord> answered, int failed) {
        DoubleSummaryStatistics graded = new DoubleSummaryStatistics();
        for (SampleRecord record : answered) {
            if (record.grading() != null && record.grading().score() != null) {
                graded.accept(record.grading().score());
            }
        }
        @Nullable Double score = graded.getCount() == 0 ? null : graded.getAverage();
        CaseOutcome outcome = score == null ? CaseOutcome.UNGRADED
                : score >= threshold ? CaseOutcome.CORRECT : CaseOutcome.WRONG;
        long passed = answered.stream().filter(r -> r.status() == Verdict.CORRECT).count();
        SampleRecord first = answered.getFirst();
        @Nullable Double confidence = answered.size() > 1 ? Double.valueOf((double) passed / answered.size())
                : first.answerProbability();
        return new CaseResult(key, outcome, expected, first.answer(), 1, confidence, sorted.size(), failed, null,
                score);
    }
}
