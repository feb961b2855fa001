// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import dev.rationale.core.answer.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

/**
 * Which cases an HTML report shows in full, so that a run of any size gives a page a browser opens: every case
 * with a wrong, unanswered or failed completion up to {@code mostWrong} (those are the ones worth reading), then
 * {@code sampled} of the others, drawn at random with a fixed seed, so that the same run always shows the same
 * cases. A run small enough shows every case. The rest stay in the CSV and JSONL reports.
 */
final class ReportCases {
    /** How many wrong or failed cases a report shows at most. */
    static final int MOST_WRONG = 500;
    /** How many of the other cases a report shows at most. */
    static final int SAMPLED = 100;

    private ReportCases() {
    }

    /**
     * The cases chosen, by their numbers in the run's order, and how many there were of each kind.
     *
     * @param wrongFirst the chosen wrong or failed cases, in the run's order
     * @param sample the chosen other cases, in the run's order
     */
    record Selection(List<Integer> wrongFirst, List<Integer> sample, int wrongOrFailed, int others) {

        /** Whether every case of the run was chosen. */
        boolean complete() {
            return wrongFirst.size() == wrongOrFailed && sample.size() == others;
        }
    }

    /**
     * Chooses among the cases numbered 0 to {@code caseCount - 1} in the run's order.
     *
     * @param worthReading whether a case has a wrong, unanswered or failed completion
     * @param seed fixes the sample of the other cases
     */
    static Selection choose(int caseCount, IntPredicate worthReading, long seed, int mostWrong, int sampled) {
        List<Integer> wrong = new ArrayList<>();
        int[] others = new int[caseCount];
        int otherCount = 0;
        int wrongOrFailed = 0;
        for (int index = 0; index < caseCount; index++) {
            if (worthReading.test(index)) {
                wrongOrFailed++;
                if (wrong.size() < mostWrong) {
                    wrong.add(index);
                }
            } else {
                others[otherCount++] = index;
            }
        }
        return new Selection(wrong, sample(others, otherCount, seed, sampled), wrongOrFailed, otherCount);
    }

    /** Whether a completion with this grade makes its case worth reading. */
    static boolean worthReading(Verdict grade) {
        return grade == Verdict.WRONG || grade == Verdict.NO_ANSWER || grade == Verdict.FAILED;
    }

    // A partial Fisher-Yates shuffle picks which, the run's order shows them.
    private static List<Integer> sample(int[] others, int count, long seed, int size) {
        List<Integer> inOrder = new ArrayList<>(Math.min(count, size));
        if (count <= size) {
            for (int i = 0; i < count; i++) {
                inOrder.add(others[i]);
            }
            return inOrder;
        }
        int[] order = new int[count];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(order.length - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        boolean[] chosen = new boolean[count];
        for (int i = 0; i < size; i++) {
            chosen[order[i]] = true;
        }
        for (int i = 0; i < count; i++) {
            if (chosen[i]) {
                inOrder.add(others[i]);
            }
        }
        return inOrder;
    }
}
