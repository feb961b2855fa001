// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import dev.rationale.app.clusters.ClustersViewModel;
import dev.rationale.app.fx.Failures;
import dev.rationale.app.output.FinishedCompletion;
import dev.rationale.core.analysis.ClusteredChains;
import dev.rationale.core.answer.CompareRule;
import dev.rationale.core.eval.CasePage;
import dev.rationale.core.eval.CasePages;
import dev.rationale.core.eval.CaseResult;
import dev.rationale.core.eval.CellMetrics;
import dev.rationale.core.eval.EvalOutcome;
import dev.rationale.core.eval.EvalPlan;
import dev.rationale.core.eval.EvalSummary;
import dev.rationale.core.eval.LikelihoodReport;
import dev.rationale.core.eval.SampleRecord;
import dev.rationale.core.grading.ScoreText;
import dev.rationale.core.promptset.JsonNames;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.jspecify.annotations.Nullable;

/**
 * The cases of the last finished evaluation, behind the grid: a cell's cases, a case's samples as answer clusters
 * and aligned chains, its completions opened from the history, and the likelihood columns of multiple-choice cases.
 * The cases are held a page at a time ({@value #PAGE} of the plan's cases, every cell's), read off the FX thread
 * from the results file through its index ({@link CasePages}), which reads only the page's lines, so a run of a
 * million completions costs what one of a thousand does. Touch it on the FX thread.
 */
public final class CaseListViewModel {

    /** Where an evaluation's completions are kept: its history folder and the set file as its runs name it. */
    record Source(EvalPlan plan, Path historyFolder, @Nullable Path setFile) {
    }

    private final Executor fx;
    private final Executor background;
    private final Consumer<String> message;
    /** How many of the plan's cases a page holds. */
    static final int PAGE = 500;

    private final ReadOnlyObjectWrapper<@Nullable EvalSummary> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<@Nullable CasePage> page = new ReadOnlyObjectWrapper<>(this, "page");
    private final ReadOnlyObjectWrapper<LikelihoodReport> likelihood = new ReadOnlyObjectWrapper<>(this,
            "likelihood", LikelihoodReport.NONE);
    private final ClustersViewModel clusters;
    private @Nullable Source source;
    private @Nullable CasePages pages;
    // Which page read is the latest; an older one that finishes later is dropped.
    private int asked;

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
        pages = null;
        asked++;
        page.set(null);
        report.set(null);
        likelihood.set(LikelihoodReport.NONE);
        clusters.clear();
    }

    /** Shows an evaluation that ended with {@code outcome}, its results file indexed and its first page read. */
    void show(Source from, EvalOutcome outcome, CasePages index, CasePage first) {
        source = from;
        pages = index;
        asked++;
        page.set(first);
        report.set(outcome.summary());
        likelihood.set(LikelihoodReport.of(from.plan(), outcome));
    }

    /** The page of cases {@code index} (from 0), read off the FX thread; nothing outside the plan's pages. */
    public void showPage(int index) {
        CasePages from = pages;
        if (from == null || index < 0 || index >= from.pageCount()) {
            return;
        }
        int ask = ++asked;
        CompletableFuture.supplyAsync(() -> from.read(index), background).whenCompleteAsync((read, error) -> {
                    if (ask != asked) {
                        return;
                    }
                    if (error != null) {
                        message.accept("Cannot read the cases: " + Failures.messageOf(error));
                    } else {
                        page.set(read);
                    }
                }, fx);
    }

    /** The page of cases shown; null before an evaluation ended. */
    public ReadOnlyObjectProperty<@Nullable CasePage> pageProperty() {
        return page.getReadOnlyProperty();
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

    /** The last finished evaluation's figures; null before one ended. */
    public ReadOnlyObjectProperty<@Nullable EvalSummary> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /**
     * A case's mean score as the case list shows it, e.g. {@code 57.3} for chrF or {@code 4} for a judge; empty when
     * the task does not score or the case has no score.
     */
    public String scoreOf(CaseResult result) {
        Source from = source;
        Double score = result.score();
        if (from == null || score == null) {
            return "";
        }
        CompareRule rule = from.plan().task().effectiveAnswer().effectiveCompare();
        return ScoreText.value(JsonNames.of(rule), score);
    }

    /** The cases of one cell of the grid on the page shown, in the plan's order. */
    public List<CaseResult> casesOf(CellMetrics cell) {
        CasePage shown = page.get();
        return shown == null ? List.of() : shown.casesOf(cell.variant(), cell.target());
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
        CasePage shown = page.get();
        return shown == null ? List.of() : shown.samplesOf(result.key());
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
