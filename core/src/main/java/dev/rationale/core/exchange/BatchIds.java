// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import dev.rationale.core.RationaleException;
import dev.rationale.core.eval.CompletionKey;
import dev.rationale.core.eval.EvalPlan;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.Variant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Every custom id a prompt set's batch can have (every variant of every task, or of the chosen one, on any model),
 * looked up by a batch line's id: the completions are numbered in their plans' order and kept as one sorted number
 * each, an id's hash beside its completion's number, so that a set of a million completions costs 8 MB rather than
 * a map of a million strings. A hash found is checked by making the candidate's whole id again.
 */
final class BatchIds {
    // A completion's number takes the low bits, the 40-bit hash the rest.
    private static final int NUMBER_BITS = 23;
    private static final long MOST = 1L << NUMBER_BITS;

    private final String setName;
    private final List<Planned> plans = new ArrayList<>();
    private final long[] sorted;

    /** A task's completions, numbered from {@code first} in {@code plan}'s order (cases, variants, samples). */
    private record Planned(Task task, EvalPlan plan, long first, int perCase) {
    }

    /** A completion of the set, numbered across all its tasks, on whichever model the batch ran. */
    record Match(Task task, String variant, String testCase, int sample, int number) {
        CompletionKey key(String target) {
            return new CompletionKey(String.valueOf(task.id()), variant, target, testCase, sample);
        }
    }

    /**
     * @param taskId the task chosen, or null for all
     * @throws RationaleException when the chosen task has no variants or cases, or the tasks have more
     *     completions than a batch could (over 8,388,608)
     */
    BatchIds(PromptSet set, @Nullable String taskId) {
        this.setName = OpenAiBatchPlan.setName(set);
        long count = 0;
        for (Task task : set.tasks()) {
            if (task.variants().isEmpty() || task.cases().isEmpty() || taskId != null && !taskId.equals(task.id())) {
                continue;
            }
            EvalPlan plan = OpenAiBatchPlan.of(set, task, task.variants(), "any").plan();
            int perCase = plan.variants().stream().mapToInt(plan::samplesOf).sum();
            plans.add(new Planned(task, plan, count, perCase));
            count += plan.totalCompletions();
        }
        if (taskId != null && plans.isEmpty()) {
            throw new RationaleException("no task \"" + taskId + "\" with variants and cases in the prompt set");
        }
        if (count > MOST) {
            throw new RationaleException("the prompt set has " + count + " completions to match, more than any batch"
                    + " holds (" + MOST + "); choose a task with --task");
        }
        sorted = new long[(int) count];
        for (int number = 0; number < count; number++) {
            Match match = match(number);
            sorted[number] = BatchCustomIds.hash(BatchCustomIds.of(setName, match.key("any"))) << NUMBER_BITS
                    | number;
        }
        Arrays.sort(sorted);
    }

    /** How many completions are numbered: numbers are 0 to this. */
    int size() {
        return sorted.length;
    }

    /** The completion whose id is {@code customId}; null when the set has none. */
    @Nullable Match find(String customId) {
        long hash = BatchCustomIds.hash(customId);
        if (hash < 0) {
            return null;
        }
        int at = Arrays.binarySearch(sorted, hash << NUMBER_BITS);
        // Numbers are never negative, so the search lands before every entry of the hash.
        for (int i = at < 0 ? -at - 1 : at; i < sorted.length && sorted[i] >>> NUMBER_BITS == hash; i++) {
            Match candidate = match((int) (sorted[i] & (MOST - 1)));
            if (BatchCustomIds.of(setName, candidate.key("any")).equals(customId)) {
                return candidate;
            }
        }
        return null;
    }

    /** The completion numbered {@code number}. */
    Match match(int number) {
        Planned planned = plans.getFirst();
        for (Planned next : plans) {
            if (next.first() <= number) {
                planned = next;
            }
        }
        int local = (int) (number - planned.first());
        int caseIndex = local / planned.perCase();
        int sample = local % planned.perCase();
        EvalPlan plan = planned.plan();
        for (Variant variant : plan.variants()) {
            int samples = plan.samplesOf(variant);
            if (sample < samples) {
                return new Match(planned.task(), String.valueOf(variant.id()), plan.caseId(caseIndex), sample,
                        number);
            }
            sample -= samples;
        }
        throw new IllegalStateException("completion " + number + " is outside its plan");
    }
}
