// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval.paired;

import dev.rationale.core.answer.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored verdicts of one run's samples, per variant, target and case, for comparing the run's variants with one
 * of them (the HTML report, {@code history show --json}). A case is decided by {@link SampleVerdicts}, as
 * {@code history compare} decides it. Kept as two counts per case and cell in arrays indexed by a {@link CaseIndex},
 * so a run of a million completions costs a few bytes per case. Not thread-safe: fill it, then read it.
 */
public final class RunVerdicts {
    private final CaseIndex cases;
    // variant -> target -> its cases' counts, each in the order first seen
    private final Map<String, Map<String, CaseCounts>> verdicts = new LinkedHashMap<>();

    public RunVerdicts() {
        this(new CaseIndex());
    }

    /** Verdicts whose cases are numbered by {@code cases}, which the caller may share to keep each id once. */
    public RunVerdicts(CaseIndex cases) {
        this.cases = cases;
    }

    /** One sample's verdict. */
    public RunVerdicts add(String variant, String target, String caseId, Verdict verdict) {
        verdicts.computeIfAbsent(variant, v -> new LinkedHashMap<>())
                .computeIfAbsent(target, t -> new CaseCounts())
                .add(cases.add(caseId), verdict);
        return this;
    }

    /** A variant against the baseline on one target. */
    public record Row(String variant, String target, PairedComparison paired) {
    }

    /**
     * Every other variant against {@code baseline} on each target the baseline ran on, targets in the order first
     * seen, variants in {@code order}'s order (then any others).
     */
    public List<Row> against(String baseline, List<String> order) {
        List<String> variants = new ArrayList<>(order);
        verdicts.keySet().stream().filter(v -> !variants.contains(v)).forEach(variants::add);
        Map<String, CaseCounts> base = verdicts.getOrDefault(baseline, Map.of());
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, CaseCounts> target : base.entrySet()) {
            for (String variant : variants) {
                if (!variant.equals(baseline) && verdicts.containsKey(variant)) {
                    CaseCounts other = verdicts.get(variant).getOrDefault(target.getKey(), new CaseCounts());
                    rows.add(new Row(variant, target.getKey(), target.getValue().against(other, cases.size())));
                }
            }
        }
        return rows;
    }

    /** Per case number: how many samples were graded (correct, wrong, no answer) and how many were correct. */
    private static final class CaseCounts {
        private int[] graded = new int[0];
        private int[] correct = new int[0];

        void add(int caseIndex, Verdict verdict) {
            if (caseIndex >= graded.length) {
                int length = Math.max(caseIndex + 1, graded.length * 2);
                graded = Arrays.copyOf(graded, length);
                correct = Arrays.copyOf(correct, length);
            }
            // A failed or ungraded sample leaves its case as it was: undecided if no other sample was graded.
            if (SampleVerdicts.graded(verdict)) {
                graded[caseIndex]++;
                correct[caseIndex] += verdict == Verdict.CORRECT ? 1 : 0;
            }
        }

        // As SampleVerdicts.correct: a majority of graded samples; null (-1 here) when none was graded.
        private int decided(int caseIndex) {
            if (caseIndex >= graded.length || graded[caseIndex] == 0) {
                return -1;
            }
            return 2 * correct[caseIndex] > graded[caseIndex] ? 1 : 0;
        }

        PairedComparison against(CaseCounts b, int caseCount) {
            int[] counts = new int[6];
            for (int i = 0; i < caseCount; i++) {
                int left = decided(i);
                int right = b.decided(i);
                if (left >= 0 && right >= 0) {
                    counts[2 * left + right]++;
                } else if (left >= 0) {
                    counts[4]++;
                } else if (right >= 0) {
                    counts[5]++;
                }
            }
            // counts: 0 neither, 1 only B, 2 only A, 3 both, 4 graded by A only, 5 by B only
            return PairedComparison.of(counts[3], counts[2], counts[1], counts[0], counts[4], counts[5]);
        }
    }
}
