// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.promptset.Variant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A page of an evaluation's cases, for a list that shows a run of any size: the plan's cases {@code from} to
 * {@code from + count} of every variant on every target, each voted on as {@link EvalReport} votes, with the records
 * of its samples. Read from the results file a line at a time, keeping only the page's records.
 *
 * @param from the page's first case, by its number in the plan
 * @param total how many cases the plan has
 * @param cases the page's cases in the plan's order (cases, then targets, then variants)
 * @param samples each case's records in sample order; a case without any is absent
 */
public record CasePage(int from, int total, List<CaseResult> cases,
        Map<CompletionKey.CaseKey, List<SampleRecord>> samples) {

    public CasePage {
        cases = List.copyOf(cases);
        samples = Map.copyOf(samples);
    }

    /**
     * Reads the page of {@code plan}'s cases {@code from} (0 and up) to {@code from + count} from the results file,
     * walking the whole file once; {@link CasePages} reads a page of a large file without walking it.
     *
     * @throws dev.rationale.core.RationaleException when the file cannot be read
     */
    public static CasePage read(EvalPlan plan, Path results, int from, int count) {
        int to = Math.min(plan.cases().size(), from + count);
        Map<String, Integer> onPage = new HashMap<>();
        for (int c = from; c < to; c++) {
            onPage.put(plan.caseId(c), c);
        }
        return of(plan, from, to, records -> ResultsFile.forEach(results, record -> {
            if (onPage.containsKey(record.testCase())) {
                records.accept(record);
            }
        }, score -> { }));
    }

    /**
     * The page of {@code plan}'s cases {@code from} to {@code to} voted on from the records {@code lines} hands
     * over in file order: those of the plan's task and of the page's cases count, the last line per completion
     * winning.
     */
    static CasePage of(EvalPlan plan, int from, int to, Consumer<Consumer<SampleRecord>> lines) {
        Map<CompletionKey, SampleRecord> byKey = new LinkedHashMap<>();
        lines.accept(record -> {
            if (record.task().equals(plan.taskId())) {
                byKey.put(record.key(), record);
            }
        });
        Map<CompletionKey.CaseKey, List<SampleRecord>> samples = new HashMap<>();
        byKey.values().forEach(r -> samples.computeIfAbsent(r.key().caseKey(), k -> new ArrayList<>()).add(r));
        samples.values().forEach(list -> list.sort(Comparator.comparingInt(SampleRecord::sample)));
        return new CasePage(from, plan.cases().size(), decide(plan, from, to, samples), samples);
    }

    /** The verdicts on the plan's cases {@code from} to {@code to} of every cell, in the plan's order. */
    static List<CaseResult> decide(EvalPlan plan, int from, int to,
            Map<CompletionKey.CaseKey, List<SampleRecord>> samples) {
        AnswerFormat format = plan.task().effectiveAnswer();
        MajorityVote vote = MajorityVote.of(format);
        List<CaseResult> cases = new ArrayList<>();
        for (int c = from; c < to; c++) {
            for (EvalTarget target : plan.targets()) {
                for (Variant variant : plan.variants()) {
                    var key = new CompletionKey.CaseKey(String.valueOf(variant.id()), target.id(), plan.caseId(c));
                    cases.add(vote.decide(key, samples.getOrDefault(key, List.of()), plan.samplesOf(variant)));
                }
            }
        }
        return cases;
    }

    /** The page's cases of one variant on one target, in the plan's order. */
    public List<CaseResult> casesOf(String variant, String target) {
        return cases.stream().filter(c -> c.key().variant().equals(variant) && c.key().target().equals(target))
                .toList();
    }

    /** The records of one case's samples, in sample order; empty when it has none on this page. */
    public List<SampleRecord> samplesOf(CompletionKey.CaseKey key) {
        return samples.getOrDefault(key, List.of());
    }
}
