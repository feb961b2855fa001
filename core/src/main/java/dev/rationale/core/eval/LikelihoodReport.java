// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.promptset.Variant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The likelihood pass summed up, beside {@link EvalReport}'s generation figures: per variant and target the share
 * of multiple-choice cases whose best option, by log-probability and by log-probability per token, is accepted.
 * A pure function of the plan and the scores, like {@link EvalReport}.
 *
 * @param cells one per variant and target, in {@link EvalReport#cells}' order (targets outer, variants inner);
 *     empty for a plan without multiple-choice cases
 */
public record LikelihoodReport(List<LikelihoodCell> cells) {

    public static final LikelihoodReport NONE = new LikelihoodReport(List.of());

    public LikelihoodReport {
        cells = List.copyOf(cells);
    }

    /** Whether there is anything to show: the plan had multiple-choice cases. */
    public boolean isEmpty() {
        return cells.isEmpty();
    }

    /** The cell of one variant on one target, if the plan had multiple-choice cases. */
    public @Nullable LikelihoodCell cell(String variant, String target) {
        return cells.stream().filter(c -> c.variant().equals(variant) && c.target().equals(target)).findFirst()
                .orElse(null);
    }

    /** The report of an outcome's scores. */
    public static LikelihoodReport of(EvalPlan plan, EvalOutcome outcome) {
        return of(plan, outcome.likelihood(), outcome.notScorable());
    }

    /**
     * The report for the plan's cases among {@code scores}; scores of other tasks or cases are ignored and a case
     * scored twice counts once (the last score).
     *
     * @param notScorable target id to why it cannot score
     */
    public static LikelihoodReport of(EvalPlan plan, List<LikelihoodRecord> scores, Map<String, String> notScorable) {
        if (!plan.isMultipleChoice()) {
            return NONE;
        }
        Map<CompletionKey.CaseKey, LikelihoodRecord> byKey = new HashMap<>();
        scores.stream().filter(r -> r.task().equals(plan.taskId())).forEach(r -> byKey.put(r.key(), r));
        List<CompletionKey.CaseKey> keys = keys(plan);
        List<LikelihoodCell> cells = new ArrayList<>();
        for (EvalTarget target : plan.targets()) {
            for (Variant variant : plan.variants()) {
                String variantId = String.valueOf(variant.id());
                List<@Nullable LikelihoodRecord> cell = keys.stream()
                        .filter(k -> k.variant().equals(variantId) && k.target().equals(target.id()))
                        .map(byKey::get).toList();
                cells.add(cell(variantId, target.id(), cell, notScorable.get(target.id())));
            }
        }
        return new LikelihoodReport(cells);
    }

    /** The plan's multiple-choice cases of every variant on every target: what the likelihood pass scores. */
    static List<CompletionKey.CaseKey> keys(EvalPlan plan) {
        List<CompletionKey.CaseKey> keys = new ArrayList<>();
        for (int c = 0; c < plan.cases().size(); c++) {
            if (plan.question(c).isEmpty()) {
                continue;
            }
            for (EvalTarget target : plan.targets()) {
                for (Variant variant : plan.variants()) {
                    keys.add(new CompletionKey.CaseKey(String.valueOf(variant.id()), target.id(), plan.caseId(c)));
                }
            }
        }
        return keys;
    }

    private static LikelihoodCell cell(String variant, String target, List<@Nullable LikelihoodRecord> records,
            @Nullable String notScorable) {
        int scored = 0;
        int failed = 0;
        int correct = 0;
        int perTokenCorrect = 0;
        String failure = null;
        for (LikelihoodRecord record : records) {
            if (record == null) {
                continue;
            }
            if (record.likelihood() == LikelihoodRecord.Status.FAILED) {
                failed++;
                failure = failure != null ? failure : record.reason();
                continue;
            }
            scored++;
            correct += record.pickCorrect() ? 1 : 0;
            perTokenCorrect += record.perTokenCorrect() ? 1 : 0;
        }
        return new LikelihoodCell(variant, target, records.size(), scored, failed, records.size() - scored - failed,
                correct, share(correct, scored), WilsonInterval.of(correct, scored), perTokenCorrect,
                share(perTokenCorrect, scored), WilsonInterval.of(perTokenCorrect, scored), notScorable, failure);
    }

    private static @Nullable Double share(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
