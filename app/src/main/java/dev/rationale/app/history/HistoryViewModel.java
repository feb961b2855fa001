// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.history;

import dev.rationale.app.fx.Failures;
import dev.rationale.app.output.FinishedCompletion;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.history.CompletionFilter;
import dev.rationale.core.history.CompletionKey;
import dev.rationale.core.history.CompletionRow;
import dev.rationale.core.history.HistoryException;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.Outcome;
import dev.rationale.core.history.Page;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.RunFilter;
import dev.rationale.core.history.StoredCompletion;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
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
 * completions of the selected run (a page at a time, filtered by grade), and the selected completion in full, which
 * can be shown again in Output (or, with the other samples of its case, in Compare).
 * Every query runs on the background executor against the workspace's database; results arrive on the FX thread.
 * Touch it on the FX thread.
 */
public final class HistoryViewModel {

    /** Completions listed per page; the table is virtualised, the query is what costs. */
    static final int PAGE = 500;

    private final Supplier<@Nullable Path> workspace;
    private final Executor fx;
    private final Executor background;
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<@Nullable Outcome> grade = new SimpleObjectProperty<>(this, "grade");
    private final ObservableList<Run> runs = FXCollections.observableArrayList();
    private final ObservableList<CompletionRow> completions = FXCollections.observableArrayList();
    private final ObjectProperty<@Nullable Run> selectedRun = new SimpleObjectProperty<>(this, "selectedRun");
    private final ReadOnlyObjectWrapper<@Nullable StoredCompletion> completion =
            new ReadOnlyObjectWrapper<>(this, "completion");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyIntegerWrapper caseSamples = new ReadOnlyIntegerWrapper(this, "caseSamples");
    private List<CompletionRow> caseRows = List.of();

    /** @param workspace the folder whose {@code .rationale/history.db} is shown; read at each refresh */
    public HistoryViewModel(Supplier<@Nullable Path> workspace, Executor fx, Executor background) {
        this.workspace = workspace;
        this.fx = fx;
        this.background = background;
        selectedRun.addListener((obs, old, now) -> listCompletions());
        grade.addListener((obs, old, now) -> listCompletions());
    }

    /** Lists the runs again, keeping the selection when it is still there. */
    public void refresh() {
        Path folder = workspace.get();
        if (folder == null || !HistoryStore.exists(folder)) {
            runs.clear();
            message.set("No history yet: runs and evaluations of prompt sets in this workspace are kept here.");
            return;
        }
        String text = filter.get() == null || filter.get().isBlank() ? null : filter.get().strip();
        ask(store -> store.runs(RunFilter.all().matching(text)), page -> {
            String keep = selectedRun.get() == null ? null : selectedRun.get().id();
            runs.setAll(page.items());
            message.set(page.total() == 0 ? "No run matches." : page.total() + (page.total() == 1 ? " run" : " runs")
                    + " in " + folder.resolve(HistoryStore.FOLDER));
            selectedRun.set(page.items().stream().filter(r -> r.id().equals(keep)).findFirst().orElse(null));
        });
    }

    private void listCompletions() {
        Run run = selectedRun.get();
        completion.set(null);
        caseRows = List.of();
        caseSamples.set(0);
        if (run == null) {
            completions.clear();
            return;
        }
        ask(store -> store.completions(CompletionFilter.of(run.id()).withGrade(grade.get()).page(0, PAGE)),
                (Page<CompletionRow> page) -> completions.setAll(page.items()));
    }

    /** Loads completion {@code id} in full (request, text, reasoning, tokens) and lists the samples of its case. */
    public void open(long id) {
        ask(store -> store.completion(id).map(found -> new Opened(found, samplesOf(store, found))).orElse(null),
                opened -> {
                    caseRows = opened == null ? List.of() : opened.caseRows();
                    caseSamples.set(caseRows.size());
                    completion.set(opened == null ? null : opened.completion());
                });
    }

    // A completion and the rows of every sample of its case in its run.
    private record Opened(StoredCompletion completion, List<CompletionRow> caseRows) {
    }

    private static List<CompletionRow> samplesOf(HistoryStore store, StoredCompletion stored) {
        CompletionKey key = stored.record().key();
        // The filter's target is the endpoint; several models on one endpoint are told apart here.
        return store.completions(CompletionFilter.of(key.runId()).withVariant(key.variant())
                .withTarget(key.target().endpoint()).withCase(key.caseId()).page(0, PAGE)).items().stream()
                .filter(row -> row.key().target().equals(key.target())).toList();
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
            ask(store -> ids.stream().map(id -> whole(store, id)).toList(),
                    samples -> open.accept(samples.stream().map(this::finishedOf).toList()));
        }
    }

    private static StoredCompletion whole(HistoryStore store, long id) {
        return store.completion(id).orElseThrow(() -> new HistoryException("completion " + id
                + " is no longer in the history"));
    }

    // The history keeps no answer format: answers of several samples are compared by the default rules.
    private FinishedCompletion finishedOf(StoredCompletion stored) {
        CompletionKey key = stored.record().key();
        return FinishedCompletion.of(stored, new FinishedCompletion.Origin(key.runId(), key.variant(),
                key.target().label(), key.caseId(), key.sample(), Math.max(1, caseSamples.get())),
                AnswerFormat.DEFAULT);
    }

    // Opens the store for one query: cheap for SQLite, and the file may change between queries.
    private <T> void ask(Function<HistoryStore, T> read, Consumer<T> show) {
        Path folder = workspace.get();
        if (folder == null) {
            return;
        }
        CompletableFuture.supplyAsync(() -> {
            try (HistoryStore store = HistoryStore.open(folder)) {
                return read.apply(store);
            }
        }, background).whenCompleteAsync((result, error) -> {
            if (error != null) {
                message.set("Cannot read the history: " + Failures.messageOf(error));
            } else {
                show.accept(result);
            }
        }, fx);
    }

    /** Text the run list is filtered by (set name, task, model); applied on {@link #refresh}. */
    public StringProperty filterProperty() {
        return filter;
    }

    /** The grade the completions are filtered by; null for all. */
    public ObjectProperty<@Nullable Outcome> gradeProperty() {
        return grade;
    }

    public ObservableList<Run> getRuns() {
        return runs;
    }

    public ObservableList<CompletionRow> getCompletions() {
        return completions;
    }

    public ObjectProperty<@Nullable Run> selectedRunProperty() {
        return selectedRun;
    }

    /** The completion opened in full; null when none is. */
    public ReadOnlyObjectProperty<@Nullable StoredCompletion> completionProperty() {
        return completion.getReadOnlyProperty();
    }

    /** How many samples the opened completion's case has in its run; 0 when none is opened. */
    public ReadOnlyIntegerProperty caseSamplesProperty() {
        return caseSamples.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
