// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.batch;

import dev.rationale.core.RationaleException;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.eval.BatchRecord;
import dev.rationale.core.eval.CompletionKey;
import dev.rationale.core.eval.EvalListener;
import dev.rationale.core.eval.EvalOutcome;
import dev.rationale.core.eval.EvalPlan;
import dev.rationale.core.eval.EvalTarget;
import dev.rationale.core.eval.OfflineEvaluation;
import dev.rationale.core.grading.GradingContext;
import dev.rationale.core.eval.ReportTally;
import dev.rationale.core.eval.ResultsFile;
import dev.rationale.core.eval.RunningEvaluation;
import dev.rationale.core.eval.SampleRecord;
import dev.rationale.core.exchange.BatchCustomIds;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.batch.BatchApi;
import dev.rationale.core.provider.batch.BatchItem;
import dev.rationale.core.provider.batch.BatchLimits;
import dev.rationale.core.provider.batch.BatchStatus;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** One run of a {@link BatchRunner}: submit what is missing, poll until the batches end, import them. */
final class BatchRun {
    private static final System.Logger LOG = System.getLogger(BatchRun.class.getName());

    private final EvalPlan plan;
    private final ResultsFile results;
    private final BatchOptions options;
    private final EvalListener listener;
    private final RunningEvaluation handle;
    private final OfflineEvaluation evaluation;
    private final List<CompletionKey> keys;
    private final Map<String, Target> targets = new LinkedHashMap<>();
    private final ReportTally report;
    private final BitSet answered = new BitSet();
    private final List<BatchRecord> open = new ArrayList<>();
    private final PollWait wait = new PollWait();
    private volatile boolean cancelAsked;
    private boolean cancelSent;

    /** A target with the batch API of its endpoint and how that API takes the target's prompts. */
    record Target(EvalTarget target, BatchApi api) {
        CompletionRequest request(OfflineEvaluation evaluation, CompletionKey key) {
            return evaluation.request(key, api.intake(target.model()), api.capabilities().logprobs());
        }
    }

    BatchRun(EvalPlan plan, ResultsFile results, Function<Endpoint, BatchApi> apis, BatchOptions options,
            EvalListener listener, RunningEvaluation handle, List<BatchRecord> previous, GradingContext grading) {
        this.plan = plan;
        this.results = results;
        this.options = options;
        this.listener = listener;
        this.handle = handle;
        this.evaluation = new OfflineEvaluation(plan, grading);
        this.keys = plan.keys();
        this.report = new ReportTally(plan);
        for (EvalTarget target : plan.targets()) {
            targets.put(target.id(), new Target(target, apis.apply(target.endpoint())));
        }
        Map<CompletionKey, Integer> slots = new java.util.HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            slots.put(keys.get(i), i);
        }
        results.forEachPrevious(record -> {
            Integer slot = slots.get(record.key());
            if (slot != null) {
                answered.set(slot, record.status().answered());
            }
            report.addPrevious(record);
        }, score -> { });
        previous.stream().filter(b -> !b.imported()).forEach(open::add);
        handle.track(() -> wait.wake());
    }

    void cancelBatches() {
        cancelAsked = true;
        wait.wake();
    }

    EvalOutcome run() throws RationaleException {
        if (open.isEmpty() && !options.cancelRemote()) {
            submitMissing();
        }
        while (!open.isEmpty() && !handle.isCancelled() && !options.submitOnly()) {
            if ((cancelAsked || options.cancelRemote()) && !cancelSent) {
                cancelOpen();
            }
            for (BatchRecord batch : List.copyOf(open)) {
                look(batch);
            }
            if (!open.isEmpty()) {
                wait.sleep(options.pollInterval(), handle::isCancelled);
            }
        }
        return new EvalOutcome(report.summary(), handle.isCancelled() || !open.isEmpty());
    }

    private void submitMissing() {
        String setName = plan.set().name() == null ? "" : plan.set().name();
        for (Target target : targets.values()) {
            BatchLimits limits = options.limits() != null ? options.limits() : target.api().limits();
            BatchSplit split = new BatchSplit(limits);
            for (int slot = answered.nextClearBit(0); slot < keys.size() && !stopSubmitting();
                    slot = answered.nextClearBit(slot + 1)) {
                CompletionKey key = keys.get(slot);
                if (!key.target().equals(target.target().id())) {
                    continue;
                }
                BatchItem item;
                long size;
                try {
                    item = new BatchItem(BatchCustomIds.of(setName, key), target.request(evaluation, key));
                    size = target.api().size(item);
                } catch (ProviderException e) {
                    keep(evaluation.failed(key, e.kind().name(), String.valueOf(e.getMessage())), null, null);
                    continue;
                } catch (RationaleException e) {
                    keep(evaluation.failed(key, "RENDER", String.valueOf(e.getMessage())), null, null);
                    continue;
                }
                submit(target, split.add(slot, item, size));
            }
            submit(target, split.rest());
        }
    }

    private void submit(Target target, BatchSplit.@Nullable Chunk chunk) {
        if (chunk == null || stopSubmitting()) {
            return;
        }
        EvalTarget evalTarget = target.target();
        String id = target.api().submit(evalTarget.model(), chunk.items());
        BatchRecord batch = new BatchRecord(id, target.api().name(), plan.taskId(), evalTarget.id(),
                evalTarget.endpoint().name(), dev.rationale.core.provider.batch.BatchState.PENDING, "submitted",
                chunk.items().size(), 0, 0, plan.totalCompletions(), BatchRecord.ranges(chunk.slots()), false);
        write(batch);
        open.add(batch);
    }

    // A stop, or a cancel asked while batches are still being submitted: what is not submitted yet stays missing.
    private boolean stopSubmitting() {
        return handle.isCancelled() || cancelAsked;
    }

    private void cancelOpen() {
        cancelSent = true;
        for (BatchRecord batch : open) {
            try {
                targets.get(batch.target()).api().cancel(batch.batch());
            } catch (ProviderException e) {
                // A batch that ended meanwhile cannot be cancelled; the next poll sees it ended.
                LOG.log(Level.INFO, "cancelling " + batch.batch() + ": " + e.getMessage());
            }
        }
    }

    private void look(BatchRecord batch) {
        Target target = target(batch);
        BatchStatus status;
        try {
            status = target.api().poll(batch.batch());
        } catch (ProviderException e) {
            if (e.kind().retriable()) {
                // A day-long wait outlasts network blips: look again at the next poll.
                LOG.log(Level.INFO, "polling " + batch.batch() + ": " + e.getMessage());
                return;
            }
            throw e;
        }
        BatchRecord now = batch.with(status.state(), status.providerState(), status.finished(), status.failed());
        if (!now.equals(batch)) {
            write(now);
        }
        open.set(open.indexOf(batch), now);
        if (status.state().ended()) {
            new BatchImport(evaluation, keys, target, now, status, this::keep).run();
            open.remove(now);
            write(now.asImported());
        }
    }

    private Target target(BatchRecord batch) {
        Target target = targets.get(batch.target());
        if (target == null) {
            throw new RationaleException("batch " + batch.batch() + " in " + results.path() + " is for target \""
                    + batch.target() + "\", which this evaluation does not have");
        }
        return target;
    }

    private void write(BatchRecord batch) {
        results.append(batch);
        listener.batchChanged(batch);
    }

    private void keep(SampleRecord record, @Nullable CompletionRequest request,
            dev.rationale.core.provider.@Nullable CompletionResult result) {
        results.append(record);
        report.add(record);
        listener.finished(record, request, result == null ? null : result.first(), result);
    }
}
