// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.rationale.core.provider.batch.BatchState;
import java.util.List;

/**
 * A provider batch that holds completions of an evaluation, as one line of its results file: written when the
 * batch is submitted and again whenever its state changes, the last line per batch id counting. The
 * {@code slots} field tells these lines apart from completions (which name their batch too) and likelihood
 * scores. They are what lets a
 * later {@code --resume} (in another process) poll the batch and import its answers.
 *
 * @param batch the provider's id of the batch
 * @param api which batch API holds it, e.g. {@code "OpenAI Batch"}
 * @param task the task's id
 * @param target the model target's id, whose endpoint the batch went to
 * @param endpoint the endpoint's name
 * @param state where the batch was when the line was written
 * @param providerState the provider's own word for it
 * @param requests requests the batch holds
 * @param finished of those, answered or failed so far
 * @param failed of {@code finished}, those that failed
 * @param planned completions the evaluation's plan has: the slots below number them, so a resume must have the same
 * @param slots the plan's completions the batch holds, as ranges {@code [first, last]} of their numbers in
 *     {@link EvalPlan#keys()} order
 * @param imported whether the batch's answers are in the results file
 */
@JsonPropertyOrder({"batch", "api", "task", "target", "endpoint", "state", "providerState", "requests", "finished",
        "failed", "planned", "slots", "imported"})
public record BatchRecord(String batch, String api, String task, String target, String endpoint, BatchState state,
        String providerState, int requests, int finished, int failed, int planned, List<List<Integer>> slots,
        boolean imported) {

    public BatchRecord {
        slots = slots.stream().map(List::copyOf).toList();
    }

    /** This batch as its provider now reports it. */
    public BatchRecord with(BatchState newState, String newProviderState, int newFinished, int newFailed) {
        return new BatchRecord(batch, api, task, target, endpoint, newState, newProviderState, requests, newFinished,
                newFailed, planned, slots, imported);
    }

    /** This batch with its answers in the results file. */
    public BatchRecord asImported() {
        return new BatchRecord(batch, api, task, target, endpoint, state, providerState, requests, finished, failed,
                planned, slots, true);
    }

    /** The numbers of the plan's completions the batch holds, in order. */
    public int[] slotNumbers() {
        return slots.stream().flatMapToInt(range -> java.util.stream.IntStream.rangeClosed(range.get(0),
                range.get(1))).toArray();
    }

    /** {@code numbers}, ascending, as the fewest ranges {@code [first, last]}. */
    public static List<List<Integer>> ranges(int[] numbers) {
        List<List<Integer>> ranges = new java.util.ArrayList<>();
        int i = 0;
        while (i < numbers.length) {
            int first = numbers[i];
            int last = first;
            while (i + 1 < numbers.length && numbers[i + 1] == last + 1) {
                last = numbers[++i];
            }
            ranges.add(List.of(first, last));
            i++;
        }
        return ranges;
    }

    /** One line for a progress display, e.g. {@code batch_abc (OpenAI Batch): in_progress, 120 of 400 done}. */
    public String describe() {
        return batch + " (" + api + ", " + requests + " requests): " + providerState
                + (finished > 0 ? ", " + finished + " done" + (failed > 0 ? ", " + failed + " failed" : "") : "")
                + (imported ? ", imported" : "");
    }
}
