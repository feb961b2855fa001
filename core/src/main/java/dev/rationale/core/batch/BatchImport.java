// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.batch;

import dev.rationale.core.eval.BatchRecord;
import dev.rationale.core.eval.CompletionKey;
import dev.rationale.core.eval.OfflineEvaluation;
import dev.rationale.core.eval.SampleRecord;
import dev.rationale.core.exchange.BatchCustomIds;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.batch.BatchAnswer;
import dev.rationale.core.provider.batch.BatchStatus;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The answers of one ended batch, graded and kept as records that name the batch; then every completion of the
 * batch that no answer came for, kept as failed with the batch's reason (expired, cancelled, failed, or simply
 * missing), so that a resume sends exactly those again. An answer repeated for one id counts once, the first.
 */
final class BatchImport {

    /** Where each record goes: the results file, the tally, the listeners. */
    @FunctionalInterface
    interface Keeper {
        void keep(SampleRecord record, @Nullable CompletionRequest request, @Nullable CompletionResult result);
    }

    private final OfflineEvaluation evaluation;
    private final List<CompletionKey> keys;
    private final BatchRun.Target target;
    private final BatchRecord batch;
    private final BatchStatus status;
    private final Keeper keeper;

    BatchImport(OfflineEvaluation evaluation, List<CompletionKey> keys, BatchRun.Target target, BatchRecord batch,
            BatchStatus status, Keeper keeper) {
        this.evaluation = evaluation;
        this.keys = keys;
        this.target = target;
        this.batch = batch;
        this.status = status;
        this.keeper = keeper;
    }

    void run() {
        String setName = evaluation.plan().set().name() == null ? "" : evaluation.plan().set().name();
        int[] slots = batch.slotNumbers();
        Map<String, Integer> byId = new HashMap<>(slots.length * 2);
        for (int i = 0; i < slots.length; i++) {
            byId.put(BatchCustomIds.of(setName, keys.get(slots[i])), i);
        }
        BitSet done = new BitSet(slots.length);
        target.api().results(batch.batch(), customId -> {
            Integer index = byId.get(customId);
            return index == null || done.get(index) ? null : target.request(evaluation, keys.get(slots[index]));
        }, answer -> {
            Integer index = byId.get(answer.customId());
            if (index != null && !done.get(index)) {
                done.set(index);
                keep(keys.get(slots[index]), answer);
            }
        });
        for (int i = done.nextClearBit(0); i < slots.length; i = done.nextClearBit(i + 1)) {
            CompletionKey key = keys.get(slots[i]);
            keeper.keep(evaluation.failed(key, missingKind().name(), missingReason()).fromBatch(batch.batch()),
                    target.request(evaluation, key), null);
        }
    }

    private void keep(CompletionKey key, BatchAnswer answer) {
        CompletionRequest request = target.request(evaluation, key);
        CompletionResult result = answer.result();
        SampleRecord record = result == null
                ? evaluation.failed(key, String.valueOf(answer.failure()), String.valueOf(answer.reason()))
                : evaluation.graded(key, request, result);
        keeper.keep(record.fromBatch(batch.batch()), request, result);
    }

    private ProviderException.Kind missingKind() {
        return switch (status.state()) {
            case EXPIRED -> ProviderException.Kind.TIMEOUT;
            case CANCELLED, CANCELLING -> ProviderException.Kind.INTERRUPTED;
            case FAILED -> ProviderException.Kind.INVALID_REQUEST;
            default -> ProviderException.Kind.MALFORMED_REPLY;
        };
    }

    private String missingReason() {
        String why = switch (status.state()) {
            case EXPIRED -> "expired before this request was answered";
            case CANCELLED, CANCELLING -> "was cancelled before this request was answered";
            case FAILED -> "failed" + (status.detail() == null ? "" : " (" + status.detail() + ")");
            default -> "ended without an answer for this request";
        };
        return batch.api() + ": batch " + batch.batch() + " " + why;
    }
}
