// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.promptset.Variant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An evaluation summed up: each case's verdict, and per variant and target the {@link CellMetrics}. A pure function
 * of the plan and the recorded completions, so the report of a results file read back is the report of the run.
 * It holds every case and needs every record at once: for small runs and tests. A run of any size is summed up as
 * it goes by a {@link ReportTally}, with the same figures, and its cases are read a {@link CasePage} at a time.
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
        Map<CompletionKey, SampleRecord> byKey = new HashMap<>();
        records.forEach(r -> byKey.put(r.key(), r));
        Map<CompletionKey.CaseKey, List<SampleRecord>> byCase = new HashMap<>();
        for (CompletionKey key : plan.keys()) {
            SampleRecord record = byKey.get(key);
            if (record != null) {
                byCase.computeIfAbsent(key.caseKey(), k -> new ArrayList<>()).add(record);
            }
        }
        List<CaseResult> cases = CasePage.decide(plan, 0, plan.cases().size(), byCase);
        List<CellMetrics> cells = new ArrayList<>();
        for (EvalTarget target : plan.targets()) {
            for (Variant variant : plan.variants()) {
                String variantId = String.valueOf(variant.id());
                List<CaseResult> cellCases = cases.stream()
                        .filter(r -> r.key().variant().equals(variantId) && r.key().target().equals(target.id()))
                        .toList();
                List<SampleRecord> cellRecords = new ArrayList<>();
                cellCases.forEach(r -> cellRecords.addAll(byCase.getOrDefault(r.key(), List.of())));
                cells.add(CellSummary.of(variantId, target.id(), cellCases, cellRecords,
                        plan.task().effectiveAnswer()));
            }
        }
        return new EvalReport(cases, cells);
    }
}
