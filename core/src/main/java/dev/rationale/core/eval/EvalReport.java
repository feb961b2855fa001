// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.AnswerGrader;
import dev.rationale.core.promptset.Variant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An evaluation summed up: each case's verdict, and per variant and target the {@link CellMetrics}. A pure function
 * of the plan and the recorded completions, so the report of a results file read back is the report of the run.
 *
 * @param cases every case of every variant on every target, in the plan's order (cases, then targets, then
 *     variants)
 * @param cells one per variant and target, targets outer, variants inner
 */
public record EvalReport(List<CaseResult> cases, List<CellMetrics> cells) {

    public EvalReport {
        cases = List.copyOf(cases);
        cells = List.copyOf(cells);
    }

    /**
     * The report for the plan's completions among {@code records}; records of other plans are ignored and a
     * completion recorded twice counts once (the last record).
     */
    public static EvalReport of(EvalPlan plan, List<SampleRecord> records) {
        AnswerFormat format = plan.task().effectiveAnswer();
        MajorityVote vote = new MajorityVote(AnswerGrader.of(format), format.effectiveCompare());
        Map<CompletionKey, SampleRecord> byKey = new HashMap<>();
        records.forEach(r -> byKey.put(r.key(), r));
        Map<CompletionKey.CaseKey, List<SampleRecord>> byCase = new HashMap<>();
        for (CompletionKey key : plan.keys()) {
            SampleRecord record = byKey.get(key);
            if (record != null) {
                byCase.computeIfAbsent(key.caseKey(), k -> new ArrayList<>()).add(record);
            }
        }
        List<CaseResult> cases = new ArrayList<>();
        for (int c = 0; c < plan.cases().size(); c++) {
            for (EvalTarget target : plan.targets()) {
                for (Variant variant : plan.variants()) {
                    var key = new CompletionKey.CaseKey(String.valueOf(variant.id()), target.id(), plan.caseId(c));
                    cases.add(vote.decide(key, byCase.getOrDefault(key, List.of()), plan.samplesOf(variant)));
                }
            }
        }
        List<CellMetrics> cells = new ArrayList<>();
        for (EvalTarget target : plan.targets()) {
            for (Variant variant : plan.variants()) {
                String variantId = String.valueOf(variant.id());
                List<CaseResult> cellCases = cases.stream()
                        .filter(r -> r.key().variant().equals(variantId) && r.key().target().equals(target.id()))
                        .toList();
                List<SampleRecord> cellRecords = new ArrayList<>();
                cellCases.forEach(r -> cellRecords.addAll(byCase.getOrDefault(r.key(), List.of())));
                cells.add(CellSummary.of(variantId, target.id(), cellCases, cellRecords));
            }
        }
        return new EvalReport(cases, cells);
    }
}
