// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.history;

import dev.rationale.app.fx.Failures;
import dev.rationale.app.fx.UserDialogs;
import dev.rationale.app.output.FinishedCompletion;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.eval.RunComparison;
import dev.rationale.core.exchange.RunReportFormat;
import dev.rationale.core.history.RunCompletionKey;
import dev.rationale.core.history.CellTally;
import dev.rationale.core.history.RunCosts;
import dev.rationale.core.history.CompletionRow;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.RunFilter;
import dev.rationale.core.history.RunKind;
import dev.rationale.core.history.StoredCompletion;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The History screen's state: the runs kept in the workspace's history (newest first, filtered by text), the
 * completions of the selected run (fed a page at a time, filtered by grade), the selected completion in full (which
 * can be shown again in Output, or with the other samples of its case in Compare), and
 * what can be done to the selected runs: rerun one on the Evaluate tab, delete one, compare two. Every query runs on
 * the background executor against the workspace's database; results arrive on the FX thread. Touch it on the FX
 * thread.
 */
public final class HistoryViewModel {

    private final HistoryQueries queries;
    private final CompletionPages pages;
    private final RunReportExport reports;
    private final SelectedPair pair;
    private final RunCells cells;
    private final Executor fx;
    private final Executor background;
    private final UserDialogs dialogs;
    private final RerunHost rerunHost;
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<@Nullable Verdict> grade = new SimpleObjectProperty<>(this, "grade");
    private final ObjectProperty<@Nullable CellChoice> cell = new SimpleObjectProperty<>(this, "cell");
    private final ObjectProperty<@Nullable RunKind> kind = new SimpleObjectProperty<>(this, "kind");
    private final ObservableList<Run> runs = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<@Nullable Run> selectedRun = new ReadOnlyObjectWrapper<>(this, "selectedRun");
    private final ReadOnlyObjectWrapper<@Nullable StoredCompletion> completion =
            new ReadOnlyObjectWrapper<>(this, "completion");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyIntegerWrapper caseSamples = new ReadOnlyIntegerWrapper(this, "caseSamples");
    private final ObservableList<Run> selectedRuns;
    private List<CompletionRow> caseRows = List.of();
    // While the list is replaced, the table's selection empties before the same runs are picked again by id.
    private boolean relisting;

    /**
     * @param workspace the folder whose {@code .rationale/history.db} is shown; read at each refresh
     * @param dialogs asks before a run is deleted
     * @param rerunHost starts a rerun on the Evaluate tab
     */
    public HistoryViewModel(Supplier<@Nullable Path> workspace, Executor fx, Executor background, UserDialogs dialogs,
            RerunHost rerunHost) {
        this.queries = new HistoryQueries(workspace, fx, background, this::failed);
        this.pages = new CompletionPages(queries);
        this.reports = new RunReportExport(dialogs, fx, background);
        this.pair = new SelectedPair(queries);
        this.selectedRuns = FXCollections.unmodifiableObservableList(pair.selected());
        // The lead is the run picked last.
        selectedRun.bind(Bindings.createObjectBinding(() -> pair.selected().isEmpty() ? null
                : pair.selected().getLast(), pair.selected()));
        this.cells = new RunCells(queries);
        this.fx = fx;
        this.background = background;
        this.dialogs = dialogs;
        this.rerunHost = rerunHost;
        selectedRun.addListener((obs, old, now) -> {
            // The same run listed again (a refresh, its figures grown) keeps its cell and the completion read.
            boolean same = old != null && now != null && old.id().equals(now.id());
            if (!same) {
                cell.set(null);
                closeCompletion();
            }
            listCompletions();
            cells.list(now);
        });
        grade.addListener((obs, old, now) -> listAnew());
        cell.addListener((obs, old, now) -> listAnew());
        kind.addListener((obs, old, now) -> refresh());
    }

    /** Lists the runs again, keeping the selection when it is still there. */
    public void refresh() {
        Path folder = queries.folder();
        if (folder == null) {
            showNoHistory();
            return;
        }
        String text = filter.get() == null || filter.get().isBlank() ? null : filter.get().strip();
        // Whether a history exists is asked off the FX thread too: opening the store would create one.
        CompletableFuture.supplyAsync(() -> HistoryStore.exists(folder), background).thenAcceptAsync(exists -> {
            if (exists) {
                listRuns(folder, text);
            } else {
                showNoHistory();
            }
        }, fx);
    }

    private void showNoHistory() {
        runs.clear();
        message.set("No history yet: runs and evaluations of prompt sets in this workspace are kept here.");
    }

    private void listRuns(Path folder, @Nullable String text) {
        queries.ask(store -> store.runs(RunFilter.all().matching(text).ofKind(kind.get())), page -> {
            List<String> keep = pair.selected().stream().map(Run::id).toList();
            relisting = true;
            try {
                runs.setAll(page.items());
            } finally {
                relisting = false;
            }
            message.set(page.total() == 0 ? "No run matches." : page.total() + (page.total() == 1 ? " run" : " runs")
                    + " in " + folder.resolve(HistoryStore.FOLDER));
            select(keep.stream().flatMap(id -> page.items().stream().filter(r -> r.id().equals(id))).toList());
        });
    }

    /**
     * Picks {@code picked} in the list, in the order picked: the last is the run whose completions are listed and
     * which Rerun, Report and Delete act on; two can be compared. Kept by id when the list is read again.
     */
    public void select(List<Run> picked) {
        if (relisting) {
            return;
        }
        pair.selected().setAll(picked);
    }

    private void listAnew() {
        closeCompletion();
        listCompletions();
    }

    private void closeCompletion() {
        completion.set(null);
        caseRows = List.of();
        caseSamples.set(0);
    }

    private void listCompletions() {
        pages.list(selectedRun.get(), grade.get(), cell.get());
    }

    /** Loads the next page of the selected run's completions, unless one is loading or all are loaded. */
    public void loadMore() {
        pages.loadMore();
    }

    /** Loads completion {@code id} in full (request, text, reasoning, tokens) and lists the samples of its case. */
    public void open(long id) {
        queries.ask(store -> store.completion(id).map(found -> new Opened(found, CaseSamples.of(store, found)))
                .orElse(null),
                opened -> {
                    caseRows = opened == null ? List.of() : opened.caseRows();
                    caseSamples.set(caseRows.size());
                    completion.set(opened == null ? null : opened.completion());
                });
    }

    // A completion and the rows of every sample of its case in its run.
    private record Opened(StoredCompletion completion, List<CompletionRow> caseRows) {
    }

    /** The opened completion as Output shows it; null when none is opened. */
    public @Nullable FinishedCompletion finished() {
        StoredCompletion opened = completion.get();
        return opened == null ? null : finishedOf(opened);
    }

    /**
     * Reads every sample of the opened completion's case in full off the FX thread, then hands them to {@code open}
     * on it, in sample order.
     */
    public void openCase(Consumer<List<FinishedCompletion>> open) {
        List<Long> ids = caseRows.stream().map(CompletionRow::id).toList();
        if (!ids.isEmpty()) {
            queries.ask(store -> ids.stream().map(id -> CaseSamples.whole(store, id)).toList(),
                    samples -> open.accept(samples.stream().map(this::finishedOf).toList()));
        }
    }

    // The history keeps no answer format: answers of several samples are compared by the default rules.
    private FinishedCompletion finishedOf(StoredCompletion stored) {
        RunCompletionKey key = stored.record().key();
        return FinishedCompletion.of(stored, new FinishedCompletion.Origin(key.runId(), key.variant(),
                key.target().label(), key.caseId(), key.sample(), Math.max(1, caseSamples.get())),
                AnswerFormat.DEFAULT);
    }

    /** Compares the two selected runs, the older as A; does nothing unless exactly two are selected. */
    public void compareSelected() {
        pair.compare();
    }

    /** Hides the comparison and shows the selected run's completions again. */
    public void closeComparison() {
        pair.close();
    }

    /**
     * Runs the selected evaluation again on the Evaluate tab with the same plan: its prompt set file as saved now,
     * task, variants, endpoint and models, samples, case limit and dataset. When something it needs is gone, the
     * message says what and nothing starts.
     */
    public void rerunSelected() {
        Run run = selectedRun.get();
        Path folder = queries.folder();
        if (run == null || folder == null) {
            return;
        }
        List<Endpoint> endpoints = List.copyOf(rerunHost.endpoints());
        message.set("Preparing run " + run.id() + " again…");
        CompletableFuture.supplyAsync(() -> RerunResolver.resolve(run, folder, endpoints), background)
                .whenCompleteAsync((request, error) -> {
                    if (error != null) {
                        message.set("Cannot rerun " + run.id() + ": " + Failures.messageOf(error));
                    } else {
                        message.set("Rerunning " + run.id() + " on the Evaluate tab.");
                        rerunHost.start(request);
                    }
                }, fx);
    }

    /**
     * Asks where, then writes the selected run from the history in {@code format} off the FX thread: an HTML report
     * (grid, charts, cases with heat maps) or one row per completion.
     */
    public void reportSelected(RunReportFormat format) {
        Run run = selectedRun.get();
        Path folder = queries.folder();
        if (run != null && folder != null) {
            reports.write(run, folder, format, message::set);
        }
    }

    /** Deletes the selected run and its completions once the user confirms, then lists the runs again. */
    public void deleteSelected() {
        Run run = selectedRun.get();
        if (run == null || !dialogs.confirm("Delete run?", "Delete run " + run.id() + " ("
                + (run.promptSetName() == null ? "no prompt set" : run.promptSetName()) + ", "
                + run.tally().total() + " completions) from the history? This cannot be undone.")) {
            return;
        }
        queries.ask(store -> store.deleteRun(run.id()), deleted -> {
            select(List.of());
            refresh();
        });
    }

    private void failed(Throwable error) {
        pages.failed();
        message.set("Cannot read the history: " + Failures.messageOf(error));
    }

    /** Text the run list is filtered by (set name, task, model); applied on {@link #refresh}. */
    public StringProperty filterProperty() {
        return filter;
    }

    /** The kind of run listed (evaluations, prompts, Compare columns, branches); null for all. Lists at once. */
    public ObjectProperty<@Nullable RunKind> kindProperty() {
        return kind;
    }

    /** The grade the completions are filtered by; null for all. */
    public ObjectProperty<@Nullable Verdict> gradeProperty() {
        return grade;
    }

    /** The variant and model the completions are narrowed to; null for every cell. Cleared when the run changes. */
    public ObjectProperty<@Nullable CellChoice> cellProperty() {
        return cell;
    }

    public ObservableList<Run> getRuns() {
        return runs;
    }

    /** The runs selected in the list, in the order picked; changed through {@link #select}. */
    public ObservableList<Run> getSelectedRuns() {
        return selectedRuns;
    }

    /** The selected run's figures per variant and model, pass@k, maj@k and cons@k included; empty without a run. */
    public ObservableList<CellTally> getCells() {
        return cells.cells();
    }

    /** What the selected run's cells cost, at the prices in force; null without a run. */
    public ReadOnlyObjectProperty<@Nullable RunCosts> costsProperty() {
        return cells.costsProperty();
    }

    /** The selected run's cost in one line; empty without a run. */
    public ReadOnlyStringProperty costTotalProperty() {
        return cells.costTotalProperty();
    }

    /** The selected run's completions loaded so far, in grid order; {@link #loadMore} adds the next page. */
    public ObservableList<CompletionRow> getCompletions() {
        return pages.rows();
    }

    /** How many completions of the selected run match the grade and cell filters, loaded or not. */
    public ReadOnlyLongProperty completionsTotalProperty() {
        return pages.totalProperty();
    }

    /** The run picked last, whose completions are listed and which Rerun and Delete act on. */
    public ReadOnlyObjectProperty<@Nullable Run> selectedRunProperty() {
        return selectedRun.getReadOnlyProperty();
    }

    /** The completion opened in full; null when none is. */
    public ReadOnlyObjectProperty<@Nullable StoredCompletion> completionProperty() {
        return completion.getReadOnlyProperty();
    }

    /** How many samples the opened completion's case has in its run; 0 when none is opened. */
    public ReadOnlyIntegerProperty caseSamplesProperty() {
        return caseSamples.getReadOnlyProperty();
    }

    /** The two selected runs compared; null when no comparison is shown. */
    public ReadOnlyObjectProperty<@Nullable RunComparison> comparisonProperty() {
        return pair.comparisonProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
