// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.history.CompletionRecord;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.RunBatch;
import dev.rationale.core.history.RunCompletionKey;
import dev.rationale.core.history.RunKind;
import dev.rationale.core.history.RunScope;
import dev.rationale.core.history.RunStatus;
import dev.rationale.core.history.RunTarget;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.render.RenderedPrompt;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Keeps every completion of an evaluation in the run history as it finishes: the request as sent, the whole text
 * and reasoning, the scored tokens, the grade. One evaluation is one history run; a resumed evaluation is a new
 * run holding what the resume did. Thread-safe, as the store is.
 */
public final class HistoryRecorder implements EvalListener {

    private final HistoryStore store;
    private final String runId;
    private final Map<String, RunTarget> targets;
    private final Clock clock;

    private HistoryRecorder(HistoryStore store, String runId, Map<String, RunTarget> targets, Clock clock) {
        this.store = store;
        this.runId = runId;
        this.targets = targets;
        this.clock = clock;
    }

    /**
     * Starts a history run for {@code plan} in {@code store} and returns the recorder of its completions.
     *
     * @param setFile the prompt set's file, as the history shows it
     */
    public static HistoryRecorder start(HistoryStore store, EvalPlan plan, @Nullable Path setFile, Clock clock) {
        return start(store, plan, setFile, RunScope.NONE, clock);
    }

    /**
     * Starts a history run as {@link #start(HistoryStore, EvalPlan, Path, Clock)} does, keeping {@code scope} (the
     * dataset, case limit and samples the plan was built with) so that the run can be run again.
     */
    public static HistoryRecorder start(HistoryStore store, EvalPlan plan, @Nullable Path setFile, RunScope scope,
            Clock clock) {
        var now = clock.instant();
        String id = Run.newId(now);
        Map<String, RunTarget> targets = plan.targets().stream().collect(Collectors.toMap(EvalTarget::id,
                t -> RunTarget.of(t.endpoint(), t.model()), (a, b) -> a));
        store.startRun(Run.started(id, RunKind.EVALUATION, now, setFile == null ? null : setFile.toString(),
                plan.set().name(), plan.taskId(), plan.variants().stream().map(v -> String.valueOf(v.id())).toList(),
                List.copyOf(targets.values()), plan.set().effectiveDefaults(), plan.totalCompletions())
                .withScope(scope));
        return new HistoryRecorder(store, id, targets, clock);
    }

    /** The history run's id, e.g. for {@code rationale history show}. */
    public String runId() {
        return runId;
    }

    /** Marks the run finished: completed, or cancelled when the evaluation was stopped. */
    public void finish(boolean cancelled) {
        store.finishRun(runId, cancelled ? RunStatus.CANCELLED : RunStatus.COMPLETED, clock.instant());
    }

    /** Marks the run failed: it could not go on. */
    public void fail() {
        store.finishRun(runId, RunStatus.FAILED, clock.instant());
    }

    @Override
    public void finished(SampleRecord record) {
        finished(record, null, null, null);
    }

    @Override
    public void finished(SampleRecord record, @Nullable CompletionRequest request,
            CompletionResult.@Nullable Sample sample, @Nullable CompletionResult result) {
        store.record(completionOf(record, request, sample, result));
    }

    /** Stores completions made by {@link #completionOf} in one transaction, all or none. */
    void recordAll(List<CompletionRecord> completions) {
        store.recordAll(completions);
    }

    /** What {@link #finished(SampleRecord, CompletionRequest, CompletionResult.Sample, CompletionResult)} stores. */
    CompletionRecord completionOf(SampleRecord record, @Nullable CompletionRequest request,
            CompletionResult.@Nullable Sample sample, @Nullable CompletionResult result) {
        RunTarget target = targets.containsKey(record.target()) ? targets.get(record.target())
                : fallbackTarget(record);
        RunCompletionKey key = new RunCompletionKey(runId, record.variant(), target, record.testCase(),
                record.sample());
        // A request never sent (the prompt did not render) is kept as an empty prompt: the failure says why.
        CompletionRequest sent = request != null ? request
                : CompletionRequest.of(record.model(), new RenderedPrompt.Text(""));
        return new CompletionRecord(key, sent,
                sample != null ? sample.text() : String.valueOf(record.text() == null ? "" : record.text()),
                sample != null ? sample.reasoning() : String.valueOf(record.reasoning() == null ? ""
                        : record.reasoning()),
                sample != null ? sample.tokens() : List.of(), record.answer(), record.expected(),
                record.status(), record.reason(), record.finishReason(),
                // Usage belongs to the request; the first sample carries it, so sums over completions add up.
                result != null && record.promptTokens() != null ? result.usage() : null,
                result == null ? null : result.timings(), clock.instant(), record.billedInBatch(), record.grading());
    }

    /** Keeps the batch among the run's batches, so the history says where its completions came from. */
    @Override
    public void batchChanged(BatchRecord batch) {
        store.recordBatch(runId, new RunBatch(batch.batch(), batch.api(), batch.target(), batch.state().id(),
                batch.requests(), batch.finished(), batch.failed(), batch.imported()));
    }

    private RunTarget fallbackTarget(SampleRecord record) {
        return targets.values().stream()
                .filter(t -> t.endpoint().equals(record.endpoint()) && t.model().equals(record.model())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no target " + record.target() + " in the plan"));
    }
}
