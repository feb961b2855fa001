// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import dev.rationale.core.answer.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

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
     * The cases chosen, and how many there were of each kind.
     *
     * @param wrongFirst the chosen wrong or failed cases, in the run's order
     * @param sample the chosen other cases, in the run's order
     */
    record Selection(List<String> wrongFirst, List<String> sample, int wrongOrFailed, int others) {

        /** Whether every case of the run was chosen. */
        boolean complete() {
            return wrongFirst.size() == wrongOrFailed && sample.size() == others;
        }
    }

    /**
     * Chooses among {@code cases}.
     *
     * @param cases each case's completions, in the run's order
     * @param grade a completion's grade
     * @param seed fixes the sample of the other cases
     */
    static <C> Selection choose(Map<String, List<C>> cases, Function<C, Verdict> grade, long seed, int mostWrong,
            int sampled) {
        List<String> wrong = new ArrayList<>();
        List<String> others = new ArrayList<>();
        int wrongOrFailed = 0;
        for (Map.Entry<String, List<C>> entry : cases.entrySet()) {
            if (entry.getValue().stream().map(grade).anyMatch(ReportCases::worthReading)) {
                wrongOrFailed++;
                if (wrong.size() < mostWrong) {
                    wrong.add(entry.getKey());
                }
            } else {
                others.add(entry.getKey());
            }
        }
        return new Selection(wrong, sample(others, seed, sampled), wrongOrFailed, others.size());
    }

    private static boolean worthReading(Verdict grade) {
        return grade == Verdict.WRONG || grade == Verdict.NO_ANSWER || grade == Verdict.FAILED;
    }

    // A partial Fisher-Yates shuffle picks which, the run's order shows them.
    private static List<String> sample(List<String> others, long seed, int size) {
        if (others.size() <= size) {
            return others;
        }
        int[] order = new int[others.size()];
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
        boolean[] chosen = new boolean[others.size()];
        for (int i = 0; i < size; i++) {
            chosen[order[i]] = true;
        }
        List<String> inOrder = new ArrayList<>(size);
        for (int i = 0; i < others.size(); i++) {
            if (chosen[i]) {
                inOrder.add(others.get(i));
            }
        }
        return inOrder;
    }
}
