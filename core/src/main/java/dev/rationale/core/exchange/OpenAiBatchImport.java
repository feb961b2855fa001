// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rationale.core.RationaleException;
import dev.rationale.core.eval.CompletionKey;
import dev.rationale.core.eval.OfflineEvaluation;
import dev.rationale.core.eval.SampleRecord;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.batch.BatchAnswer;
import dev.rationale.core.provider.openai.OpenAiBatchLines;
import dev.rationale.core.provider.openai.OpenAiChatBodies;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads OpenAI Batch API output (and error) files back into an evaluation of the prompt set they were exported
 * from. Each line {@code {"custom_id", "response": {"status_code", "body"}, "error"}} is matched to its completion
 * by the custom ids the set can have ({@link BatchIds}); a completion body is graded with the task's answer format
 * like any evaluation's, a refused request or a line-level error becomes a failed completion with its reason. Ids
 * the set does not have, lines that are not JSON and repeated ids are listed, never dropped silently.
 *
 * <p>The files are read twice, a line at a time, and never held: {@link #read} finds the task, the variants and the
 * model and what is left over; {@link ImportedBatch#record} grades each line and appends it where it goes. Reads
 * files; nothing else.
 */
public final class OpenAiBatchImport {
    private OpenAiBatchImport() {
    }

    /**
     * Reads the files through once to find the evaluation they answer; {@link ImportedBatch#record} then grades
     * them.
     *
     * @param files the batch's output file, and its error file if it has one
     * @param taskId the task, when the files hold completions of several
     * @param model the model to record; null takes the one the first completion body names
     * @throws RationaleException when no line belongs to the set, or lines belong to several tasks and none was
     *     chosen
     * @throws UncheckedIOException when a file cannot be read
     */
    public static ImportedBatch read(List<Path> files, PromptSet set, @Nullable String taskId,
            @Nullable String model) {
        BatchIds ids = new BatchIds(set, taskId);
        Survey survey = new Survey(ids);
        BatchLines.forEach(files, survey::line, survey.problems::add);
        if (survey.byTask.isEmpty()) {
            throw new RationaleException("none of the " + survey.lines + " batch lines belongs to prompt set \""
                    + OpenAiBatchPlan.setName(set) + "\" (ids are made from the set's name, task, variant and case:"
                    + " was one renamed since the export?)");
        }
        if (survey.byTask.size() > 1) {
            throw new RationaleException("the batch holds completions of tasks "
                    + String.join(", ", survey.byTask.keySet()) + "; choose one with --task");
        }
        TaskLines found = survey.byTask.values().iterator().next();
        List<Variant> variants = found.task.variants().stream()
                .filter(v -> found.variants.contains(String.valueOf(v.id()))).toList();
        String chosenModel = model != null ? model : found.model != null ? found.model : "unknown";
        OfflineEvaluation evaluation = OpenAiBatchPlan.of(set, found.task, variants, chosenModel);
        return new ImportedBatch(evaluation, files, ids, new ImportedBatch.Leftovers(survey.unknown,
                survey.missing(evaluation), survey.problems));
    }

    /** What the first reading finds: the lines of each task, and the leftovers. */
    private static final class Survey {
        final BatchIds ids;
        final BitSet answered;
        final Map<String, TaskLines> byTask = new LinkedHashMap<>();
        final CappedList<String> unknown = new CappedList<>();
        final CappedList<String> problems = new CappedList<>();
        long lines;

        Survey(BatchIds ids) {
            this.ids = ids;
            this.answered = new BitSet(ids.size());
        }

        void line(String where, String customId, JsonNode json) {
            lines++;
            BatchIds.Match match = ids.find(customId);
            if (match == null) {
                unknown.add(customId);
                return;
            }
            if (answered.get(match.number())) {
                problems.add(where + ": custom_id " + customId + " appears again; the first is kept");
                return;
            }
            answered.set(match.number());
            TaskLines task = byTask.computeIfAbsent(String.valueOf(match.task().id()), t -> new TaskLines(
                    match.task()));
            task.variants.add(match.variant());
            if (task.model == null) {
                String named = OpenAiChatBodies.model(json.path("response").path("body"));
                task.model = named == null || named.isBlank() ? null : named;
            }
        }

        // The planned completions no line answered, in the plan's order.
        CappedList<CompletionKey> missing(OfflineEvaluation evaluation) {
            String task = evaluation.plan().taskId();
            String target = evaluation.plan().targets().getFirst().id();
            Set<String> variants = byTask.get(task).variants;
            CappedList<CompletionKey> missing = new CappedList<>();
            for (int number = answered.nextClearBit(0); number < ids.size();
                    number = answered.nextClearBit(number + 1)) {
                BatchIds.Match match = ids.match(number);
                if (task.equals(String.valueOf(match.task().id())) && variants.contains(match.variant())) {
                    missing.add(match.key(target));
                }
            }
            return missing;
        }
    }

    /** One task's lines: the variants they answer, and the model the first that names one names. */
    private static final class TaskLines {
        final Task task;
        final Set<String> variants = new HashSet<>();
        @Nullable String model;

        TaskLines(Task task) {
            this.task = task;
        }
    }

    /** The record of one line answering {@code key}: graded, or failed with the line's reason. */
    static ImportedBatch.Imported graded(OfflineEvaluation evaluation, CompletionKey key,
            CompletionRequest request, JsonNode line) {
        BatchAnswer answer = OpenAiBatchLines.answer(line, request);
        CompletionResult result = answer.result();
        if (result == null) {
            SampleRecord failed = evaluation.failed(key, String.valueOf(answer.failure()),
                    String.valueOf(answer.reason()));
            return new ImportedBatch.Imported(failed, request, null, null);
        }
        // A line of a batch's output file was billed at the batch price; the file does not name its batch.
        SampleRecord record = evaluation.graded(key, request, result).fromBatch(SampleRecord.IMPORTED_BATCH);
        return new ImportedBatch.Imported(record, request, result.first(), result);
    }
}
