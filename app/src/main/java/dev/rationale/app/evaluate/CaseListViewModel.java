// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import dev.rationale.app.clusters.ClustersViewModel;
import dev.rationale.app.fx.Failures;
import dev.rationale.app.output.FinishedCompletion;
import dev.rationale.core.analysis.ClusteredChains;
import dev.rationale.core.eval.CaseResult;
import dev.rationale.core.eval.CellMetrics;
import dev.rationale.core.eval.EvalOutcome;
import dev.rationale.core.eval.EvalPlan;
import dev.rationale.core.eval.EvalReport;
import dev.rationale.core.eval.LikelihoodReport;
import dev.rationale.core.eval.SampleRecord;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.jspecify.annotations.Nullable;

/**
 * The cases of the last finished evaluation, behind the grid: a cell's cases, a case's samples as answer clusters
 * and aligned chains, its
 * completions opened from the history, and the likelihood columns of multiple-choice cases. Touch it on the FX
 * thread.
 */
public final class CaseListViewModel {

    /** Where an evaluation's completions are kept: its history folder and the set file as its runs name it. */
    record Source(EvalPlan plan, Path historyFolder, @Nullable Path setFile) {
    }

    private final Executor fx;
    private final Executor background;
    private final Consumer<String> message;
    private final ReadOnlyObjectWrapper<@Nullable EvalReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<LikelihoodReport> likelihood = new ReadOnlyObjectWrapper<>(this,
            "likelihood", LikelihoodReport.NONE);
    private final ClustersViewModel clusters;
    private @Nullable Source source;
    private List<SampleRecord> records = List.of();

    /** @param message shows why a case cannot be opened */
    CaseListViewModel(Executor fx, Executor background, Consumer<String> message) {
        this.fx = fx;
        this.background = background;
        this.message = message;
        this.clusters = new ClustersViewModel(fx, background);
    }

    /** Forgets the last evaluation's cases while the next one runs. */
    void clear() {
        source = null;
        records = List.of();
        report.set(null);
        likelihood.set(LikelihoodReport.NONE);
        clusters.clear();
    }

    /** Shows the cases of an evaluation that ended with {@code outcome}, summed up in {@code summary}. */
    void show(Source from, EvalOutcome outcome, EvalReport summary) {
        source = from;
        records = List.copyOf(outcome.records());
        report.set(summary);
        likelihood.set(LikelihoodReport.of(from.plan(), outcome));
    }

    /** The likelihood columns of one row of the grid: blank when the evaluation had no multiple-choice cases. */
    public LikelihoodEntry likelihoodOf(CellMetrics cell) {
        return LikelihoodEntry.of(likelihood.get().cell(cell.variant(), cell.target()));
    }

    /**
     * The last finished evaluation's likelihood scores of its multiple-choice cases; {@link LikelihoodReport#NONE}
     * when it had none (the grid then hides its likelihood columns).
     */
    public ReadOnlyObjectProperty<LikelihoodReport> likelihoodProperty() {
        return likelihood.getReadOnlyProperty();
    }

    /** The last finished evaluation's report; null before one ended. */
    public ReadOnlyObjectProperty<@Nullable EvalReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The cases of one cell of the grid, in the plan's order. */
    public List<CaseResult> casesOf(CellMetrics cell) {
        EvalReport shown = report.get();
        return shown == null ? List.of() : shown.cases().stream()
                .filter(c -> c.key().variant().equals(cell.variant()) && c.key().target().equals(cell.target()))
                .toList();
    }

    /**
     * Reads the completions of {@code result}'s samples back off the FX thread (from the run history, which keeps
     * their requests and scored tokens, whichever session made them) and hands them to {@code open} on the FX
     * thread, one per sample in order.
     */
    public void openCase(CaseResult result, Consumer<List<FinishedCompletion>> open) {
        Source from = source;
        List<SampleRecord> samples = samplesOf(result);
        if (from == null || samples.isEmpty()) {
            message.accept("Case " + result.key().testCase() + " has no finished completion to open.");
            return;
        }
        CompletableFuture.supplyAsync(() -> EvaluatedCase.read(from.historyFolder(), from.setFile(), from.plan(),
                samples), background)
                .whenCompleteAsync((completions, error) -> {
                    if (error != null) {
                        message.accept("Cannot open case " + result.key().testCase() + ": "
                                + Failures.messageOf(error));
                    } else {
                        open.accept(completions);
                    }
                }, fx);
    }

    /**
     * Shows {@code result}'s samples as answer clusters and aligned chains: their completions are read back off
     * the FX thread (the history keeps their scored tokens), then clustered; null shows nothing.
     */
    public void select(@Nullable CaseResult result) {
        Source from = source;
        List<SampleRecord> samples = result == null ? List.of() : samplesOf(result);
        if (result == null || from == null || samples.isEmpty()) {
            clusters.clear();
            return;
        }
        CompletableFuture.supplyAsync(() -> EvaluatedCase.read(from.historyFolder(), from.setFile(), from.plan(),
                samples), background)
                .whenCompleteAsync((completions, error) -> {
                    if (error != null) {
                        clusters.clear();
                        message.accept("Cannot read case " + result.key().testCase() + ": "
                                + Failures.messageOf(error));
                    } else {
                        clusters.show(completions.stream().map(CaseListViewModel::sample).toList(),
                                from.plan().task().effectiveAnswer(), result.expected());
                    }
                }, fx);
    }

    private List<SampleRecord> samplesOf(CaseResult result) {
        return records.stream().filter(r -> r.key().caseKey().equals(result.key()))
                .sorted(Comparator.comparingInt(SampleRecord::sample)).toList();
    }

    static ClusteredChains.Sample sample(FinishedCompletion completion) {
        return new ClusteredChains.Sample(completion.reasoning(), completion.text(), completion.tokens(),
                completion.grade() == null ? null : completion.grade().extracted());
    }

    /** The selected case's samples as answer clusters and aligned chains. */
    public ClustersViewModel getClusters() {
        return clusters;
    }
}
