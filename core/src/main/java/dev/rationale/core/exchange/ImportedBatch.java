// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import dev.rationale.core.eval.CompletionKey;
import dev.rationale.core.eval.EvalPlan;
import dev.rationale.core.eval.EvalSummary;
import dev.rationale.core.eval.HistoryRecorder;
import dev.rationale.core.eval.ReportTally;
import dev.rationale.core.eval.ResultsFile;
import dev.rationale.core.eval.SampleRecord;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A batch output read back ({@link OpenAiBatchImport}): the evaluation it answers and its graded completions.
 *
 * @param completions one per completion the files answered, in file order
 * @param unknownIds custom ids that belong to no completion of the set, in file order
 * @param missing completions of the plan that no line answered (a batch's failed requests go to its error file)
 * @param problems lines that could not be read, and repeated ids, as {@code FILE:LINE: problem}
 */
public record ImportedBatch(EvalPlan plan, List<Imported> completions, List<String> unknownIds,
        List<CompletionKey> missing, List<String> problems) {

    public ImportedBatch {
        completions = List.copyOf(completions);
        unknownIds = List.copyOf(unknownIds);
        missing = List.copyOf(missing);
        problems = List.copyOf(problems);
    }

    /**
     * One completion: its record, the request as exported, and the body's first choice (null for a failure).
     */
    public record Imported(SampleRecord record, CompletionRequest request, CompletionResult.@Nullable Sample sample,
            @Nullable CompletionResult result) {
    }

    public List<SampleRecord> records() {
        return completions.stream().map(Imported::record).toList();
    }

    /**
     * Appends every completion to {@code results} and to the history run of {@code history}, if given, then marks
     * that run finished; the caller opened both. Returns the figures of what was appended, summed up as it went.
     */
    public EvalSummary record(ResultsFile results, @Nullable HistoryRecorder history) {
        ReportTally tally = new ReportTally(plan);
        for (Imported imported : completions) {
            results.append(imported.record());
            tally.add(imported.record());
            if (history != null) {
                history.finished(imported.record(), imported.request(), imported.sample(), imported.result());
            }
        }
        if (history != null) {
            history.finish(false);
        }
        return tally.summary();
    }
}
