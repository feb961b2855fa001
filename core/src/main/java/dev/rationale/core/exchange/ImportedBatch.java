// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import dev.rationale.core.eval.CompletionKey;
import dev.rationale.core.eval.EvalPlan;
import dev.rationale.core.eval.EvalSummary;
import dev.rationale.core.eval.HistoryRecorder;
import dev.rationale.core.eval.OfflineEvaluation;
import dev.rationale.core.eval.ReportTally;
import dev.rationale.core.eval.ResultsFile;
import dev.rationale.core.eval.SampleRecord;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.render.PromptIntake;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A batch output found to answer an evaluation ({@link OpenAiBatchImport#read}): the evaluation, and what the files
 * hold that it does not (each list keeps the first {@value CappedList#KEPT} and counts the rest). Its completions
 * are graded by {@link #record}, which reads the files again a line at a time; nothing holds them all.
 */
public final class ImportedBatch {
    private final OfflineEvaluation evaluation;
    private final List<Path> files;
    private final BatchIds ids;
    private final Set<String> variants;
    private final Leftovers leftovers;

    /**
     * What the files hold besides the evaluation's completions.
     *
     * @param unknownIds custom ids that belong to no completion of the set, in file order
     * @param missing completions of the plan that no line answered (a batch's failed requests go to its error
     *     file), in the plan's order
     * @param problems lines that could not be read, and repeated ids, as {@code FILE:LINE: problem}
     */
    record Leftovers(CappedList<String> unknownIds, CappedList<CompletionKey> missing, CappedList<String> problems) {
    }

    /** One completion: its record, the request as exported, and the body's first choice (null for a failure). */
    record Imported(SampleRecord record, CompletionRequest request, CompletionResult.@Nullable Sample sample,
            @Nullable CompletionResult result) {
    }

    ImportedBatch(OfflineEvaluation evaluation, List<Path> files, BatchIds ids, Leftovers leftovers) {
        this.evaluation = evaluation;
        this.files = List.copyOf(files);
        this.ids = ids;
        this.variants = evaluation.plan().variants().stream().map(v -> String.valueOf(v.id()))
                .collect(Collectors.toSet());
        this.leftovers = leftovers;
    }

    public EvalPlan plan() {
        return evaluation.plan();
    }

    /** The first custom ids that belong to no completion of the set, in file order. */
    public List<String> unknownIds() {
        return leftovers.unknownIds().first();
    }

    public long unknownIdCount() {
        return leftovers.unknownIds().count();
    }

    /** The first completions of the plan that no line answered, in the plan's order. */
    public List<CompletionKey> missing() {
        return leftovers.missing().first();
    }

    public long missingCount() {
        return leftovers.missing().count();
    }

    /** The first lines that could not be read, and repeated ids, as {@code FILE:LINE: problem}. */
    public List<String> problems() {
        return leftovers.problems().first();
    }

    public long problemCount() {
        return leftovers.problems().count();
    }

    /**
     * Grades every completion the files answer, a line at a time in file order (a repeated id's first line), and
     * appends each to {@code results} and to the history run of {@code history}, if given, then marks that run
     * finished; the caller opened both. Returns the figures of what was appended, summed up as it went. Call it
     * once.
     *
     * @throws java.io.UncheckedIOException when a file cannot be read or the results cannot be written
     */
    public EvalSummary record(ResultsFile results, @Nullable HistoryRecorder history) {
        EvalPlan plan = evaluation.plan();
        ReportTally tally = new ReportTally(plan);
        String target = plan.targets().getFirst().id();
        PromptIntake intake = OpenAiBatchPlan.intake(plan.targets().getFirst().model());
        BitSet recorded = new BitSet(ids.size());
        BatchLines.forEach(files, (where, customId, json) -> {
            BatchIds.Match match = ids.find(customId);
            // Lines the survey set aside (another task's, a repeat) are passed over again.
            if (match == null || !plan.taskId().equals(String.valueOf(match.task().id()))
                    || !variants.contains(match.variant()) || recorded.get(match.number())) {
                return;
            }
            recorded.set(match.number());
            CompletionKey key = match.key(target);
            Imported imported = OpenAiBatchImport.graded(evaluation, key, evaluation.request(key, intake, true),
                    json);
            results.append(imported.record());
            tally.add(imported.record());
            if (history != null) {
                history.finished(imported.record(), imported.request(), imported.sample(), imported.result());
            }
        }, problem -> { });
        if (history != null) {
            history.finish(false);
        }
        return tally.summary();
    }
}
