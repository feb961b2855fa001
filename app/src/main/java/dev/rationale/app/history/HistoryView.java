// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.history;

import dev.rationale.app.fx.FigureOrder;
import dev.rationale.app.fx.SortedRows;
import dev.rationale.app.output.FinishedCompletion;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.eval.CaseIdOrder;
import dev.rationale.core.exchange.RunReportFormat;
import dev.rationale.core.history.CompletionRow;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.RunKind;
import dev.rationale.core.history.StoredCompletion;
import dev.rationale.core.cost.CostText;
import dev.rationale.core.provider.Usage;
import dev.rationale.core.history.RunCosts;
import dev.rationale.core.provider.ThinkingFigures;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TableView.TableViewSelectionModel;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/**
 * The History tab: the runs (search, refresh; rerun, delete or compare the selected), the selected run's completions
 * (filter by grade, a page at a time) and the selected completion's request, answer and reasoning, with buttons to
 * show it again in Output (its case's samples in Compare) and to reopen the run's prompt set; or, in their place,
 * two runs compared. Binds to {@link HistoryViewModel}.
 */
public final class HistoryView extends BorderPane {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    /** How close to the last loaded row the table may show before the next page is asked for. */
    private static final int NEAR_END = 50;

    private final HistoryViewModel viewModel;
    private final Consumer<List<FinishedCompletion>> open;
    private final Consumer<Run> reopen;
    private final TextArea detail = new TextArea();

    /**
     * @param open shows completions again: one in Output, several side by side in Compare
     * @param reopen opens a run's prompt set in Compose at its task
     */
    public HistoryView(HistoryViewModel viewModel, Consumer<List<FinishedCompletion>> open, Consumer<Run> reopen) {
        this.viewModel = viewModel;
        this.open = open;
        this.reopen = reopen;
        getStyleClass().add("history-view");
        setTop(createBar());
        SplitPane lower = new SplitPane(createCompletions(), createDetail());
        // Wide enough for every completion column at the default window size.
        lower.setDividerPositions(0.58);
        RunComparisonPane comparison = new RunComparisonPane(viewModel::closeComparison);
        comparison.visibleProperty().bind(viewModel.comparisonProperty().isNotNull());
        viewModel.comparisonProperty().addListener((obs, old, now) -> comparison.show(now));
        // The selected run: its figures per cell over its completions and the one picked.
        Label cost = new Label();
        cost.setId("history-run-cost");
        cost.textProperty().bind(viewModel.costTotalProperty());
        VBox run = new VBox(new RunCellsTable(viewModel.getCells(), viewModel.cellProperty(),
                viewModel.costsProperty()), cost, lower);
        VBox.setVgrow(lower, Priority.ALWAYS);
        run.visibleProperty().bind(viewModel.comparisonProperty().isNull());
        SplitPane split = new SplitPane(createRuns(), new StackPane(run, comparison));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.32);
        setCenter(split);
        detail.setEditable(false);
        detail.setWrapText(true);
        detail.setId("history-detail");
        detail.setPromptText("Pick a completion to read it in full.");
        viewModel.completionProperty().addListener((obs, old, now) -> detail.setText(describe(now,
                viewModel.costsProperty().get())));
        // Made when History is first selected: what the view model holds by then is shown at once.
        comparison.show(viewModel.comparisonProperty().get());
        detail.setText(describe(viewModel.completionProperty().get(), viewModel.costsProperty().get()));
    }

    private VBox createBar() {
        TextField search = new TextField();
        search.setId("history-filter");
        search.setPromptText("filter by set, task or model");
        // Wide enough to read its prompt whole.
        search.setMinWidth(200);
        search.textProperty().bindBidirectional(viewModel.filterProperty());
        search.setOnAction(event -> viewModel.refresh());
        Button refresh = new Button("Refresh");
        refresh.setId("history-refresh");
        refresh.setOnAction(event -> viewModel.refresh());
        var selected = Bindings.size(viewModel.getSelectedRuns());
        Button rerun = new Button("Rerun");
        rerun.setId("history-rerun");
        rerun.setTooltip(new Tooltip("Run the selected evaluation again on the Evaluate tab, with the same plan"));
        rerun.setOnAction(event -> viewModel.rerunSelected());
        rerun.disableProperty().bind(selected.isNotEqualTo(1));
        Button compare = new Button("Compare");
        compare.setId("history-compare");
        compare.setTooltip(new Tooltip("Select two runs (Ctrl+click) to compare them"));
        compare.setOnAction(event -> viewModel.compareSelected());
        compare.disableProperty().bind(selected.isNotEqualTo(2));
        Button delete = new Button("Delete…");
        delete.setId("history-delete");
        delete.setOnAction(event -> viewModel.deleteSelected());
        delete.disableProperty().bind(selected.isNotEqualTo(1));
        MenuButton report = new MenuButton("Report");
        report.setId("history-report");
        report.setTooltip(new Tooltip("Write the selected run as an HTML report or its results as CSV or JSONL"));
        for (RunReportFormat format : RunReportFormat.values()) {
            MenuItem item = new MenuItem(format.label() + "…");
            item.setId("history-report-" + format.id());
            item.setOnAction(event -> viewModel.reportSelected(format));
            report.getItems().add(item);
        }
        report.disableProperty().bind(selected.isNotEqualTo(1));
        ComboBox<@Nullable Verdict> grade = FilterChoice.grade(viewModel.gradeProperty());
        ComboBox<@Nullable RunKind> kind = FilterChoice.kind(viewModel.kindProperty());
        Label message = new Label();
        message.setId("history-message");
        message.getStyleClass().add("history-message");
        message.textProperty().bind(viewModel.messageProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(search, Priority.SOMETIMES);
        Label loaded = new Label();
        loaded.setId("history-loaded");
        loaded.getStyleClass().add("history-message");
        loaded.textProperty().bind(Bindings.createStringBinding(() -> loadedText(viewModel),
                viewModel.getCompletions(), viewModel.completionsTotalProperty(), viewModel.cellProperty()));
        Label completionsLabel = new Label("Completions");
        HBox controls = new HBox(8, kind, search, refresh, rerun, compare, report, delete,
                spacer, completionsLabel, grade, loaded);
        // Buttons keep their words; the search field gives way first.
        for (Region fixed : List.of(kind, refresh, rerun, compare, report, delete, completionsLabel, grade,
                loaded)) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        controls.setAlignment(Pos.CENTER_LEFT);
        // On a line of its own, so a rerun's or a query's failure is read whole.
        message.setWrapText(true);
        VBox bar = new VBox(6, controls, message);
        bar.getStyleClass().add("history-bar");
        return bar;
    }

    // e.g. "500 of 12,345 loaded · cot · local/llama3.2" when a cell is picked.
    private static String loadedText(HistoryViewModel viewModel) {
        CellChoice cell = viewModel.cellProperty().get();
        String of = cell == null ? "" : " · " + cell.label();
        return viewModel.getCompletions().isEmpty() ? "" : String.format(Locale.ROOT, "%,d of %,d loaded%s",
                viewModel.getCompletions().size(), viewModel.completionsTotalProperty().get(), of);
    }

    /** The picked completion in full, under the actions on it and on its run. */
    private BorderPane createDetail() {
        Button reopenSet = new Button("Reopen set in Compose");
        reopenSet.setId("history-reopen");
        reopenSet.disableProperty().bind(viewModel.selectedRunProperty().isNull());
        reopenSet.setOnAction(event -> {
            Run run = viewModel.selectedRunProperty().get();
            if (run != null) {
                reopen.accept(run);
            }
        });
        Button inOutput = new Button("Open in Output");
        inOutput.setId("history-open-output");
        inOutput.disableProperty().bind(viewModel.completionProperty().isNull());
        inOutput.setOnAction(event -> {
            FinishedCompletion finished = viewModel.finished();
            if (finished != null) {
                open.accept(List.of(finished));
            }
        });
        Button inCompare = new Button("Open case in Compare");
        inCompare.setId("history-open-compare");
        inCompare.disableProperty().bind(viewModel.caseSamplesProperty().lessThan(2));
        inCompare.setOnAction(event -> viewModel.openCase(open));
        HBox bar = new HBox(reopenSet, inOutput, inCompare);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("history-detail-bar");
        BorderPane pane = new BorderPane(detail);
        pane.setTop(bar);
        return pane;
    }

    private TableView<Run> createRuns() {
        TableView<Run> table = new TableView<>();
        SortedRows.show(table, viewModel.getRuns());
        table.setId("history-runs");
        table.setPlaceholder(new Label("No runs kept yet."));
        table.getColumns().add(column("Started", run -> TIME.format(run.startedAt()), 140));
        table.getColumns().add(column("Kind", run -> run.kind().id(), 90));
        table.getColumns().add(column("Set", run -> String.valueOf(run.promptSetName()), 200));
        table.getColumns().add(column("Task", run -> String.valueOf(run.task()), 120));
        // Tells apart the runs of one Compare, which differ by variant only.
        table.getColumns().add(column("Variants", run -> String.join(", ", run.variants()), 140));
        table.getColumns().add(column("Models", run -> String.join(", ", run.targets().stream()
                .map(t -> t.model()).toList()), 180));
        table.getColumns().add(column("Status", run -> run.status().name().toLowerCase(Locale.ROOT), 90));
        // Wide enough for a run of a million: "1,000,000 / 1,000,000".
        table.getColumns().add(column("Done", run -> String.format(Locale.ROOT, "%,d / %,d", run.tally().total(),
                run.planned()), 170));
        table.getColumns().add(column("Accuracy", run -> run.tally().accuracy() == null ? "–"
                : String.format(Locale.ROOT, "%.1f%%", run.tally().accuracy() * 100), 80));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        new RunSelectionSync(table, viewModel);
        return table;
    }

    private TableView<CompletionRow> createCompletions() {
        TableView<CompletionRow> table = new TableView<>();
        SortedRows.show(table, viewModel.getCompletions());
        table.setId("history-completions");
        table.setPlaceholder(new Label("Pick a run to list its completions."));
        // Rows are virtual: the table asks for the next page when a row near the end of what is loaded shows.
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            public void updateIndex(int index) {
                super.updateIndex(index);
                if (index >= 0 && index >= viewModel.getCompletions().size() - NEAR_END) {
                    viewModel.loadMore();
                }
            }
        });
        table.getColumns().add(column("Variant", row -> row.key().variant(), 130));
        table.getColumns().add(column("Model", row -> row.key().target().model(), 130));
        table.getColumns().add(byCaseId(column("Case", row -> row.key().caseId(), 100)));
        table.getColumns().add(byNumber(column("Sample", row -> String.valueOf(row.key().sample() + 1), 60)));
        table.getColumns().add(column("Grade",
                row -> row.grade().name().toLowerCase(Locale.ROOT).replace('_', ' '), 80));
        table.getColumns().add(column("Answer", row -> String.valueOf(row.extracted() == null ? "–"
                : row.extracted()), 90));
        table.getColumns().add(column("Expected", row -> String.valueOf(row.expected() == null ? ""
                : row.expected()), 90));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.open(now.id());
            }
        });
        return table;
    }

    static String describe(@Nullable StoredCompletion stored, @Nullable RunCosts costs) {
        if (stored == null) {
            return "";
        }
        var record = stored.record();
        StringBuilder text = new StringBuilder();
        text.append(record.key().variant()).append(" · ").append(record.key().target().model()).append(" · case ")
                .append(record.key().caseId()).append(" · ").append(record.grade().name().toLowerCase(Locale.ROOT))
                .append('\n');
        if (record.failure() != null) {
            text.append("\nFailed: ").append(record.failure()).append('\n');
        }
        String adapted = record.request().prompt().adaptation();
        text.append("\n— Prompt —\n").append(adapted.isEmpty() ? "" : "Adapted: " + adapted + "\n\n")
                .append(record.request().prompt().readable()).append('\n');
        if (!record.reasoning().isBlank()) {
            String figures = ThinkingFigures.of(record.usage(), record.timings());
            text.append("\n— Thinking").append(figures.isEmpty() ? "" : " · " + figures).append(" —\n")
                    .append(record.reasoning()).append('\n');
        }
        text.append("\n— Answer —\n").append(record.text()).append('\n');
        text.append("\nExtracted: ").append(record.extracted() == null ? "–" : record.extracted())
                .append("   Expected: ").append(record.expected() == null ? "–" : record.expected())
                .append("   Tokens scored: ").append(record.tokens().size()).append('\n');
        if (record.usage() != null) {
            Usage usage = record.usage();
            text.append("Usage: ").append(usage.promptTokens() == null ? "–" : usage.promptTokens()).append(" prompt")
                    .append(usage.cachedTokens() == null ? "" : " (" + usage.cachedTokens() + " cached)")
                    .append(" · ").append(usage.completionTokens() == null ? "–" : usage.completionTokens())
                    .append(" generated   Cost: ").append(costs == null ? CostText.UNKNOWN : costs.costText(record))
                    .append('\n');
        }
        return text.toString();
    }

    /** {@code column} sorted as case ids are numbered: c2 before c10. */
    static <T> TableColumn<T, String> byCaseId(TableColumn<T, String> column) {
        column.setComparator(CaseIdOrder.NATURAL);
        return column;
    }

    /** {@code column}, whose cells are whole numbers, sorted by number: 2 before 10. */
    static <T> TableColumn<T, String> byNumber(TableColumn<T, String> column) {
        column.setComparator(Comparator.comparingLong(Long::parseLong));
        return column;
    }

    static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> new ReadOnlyStringWrapper(value.apply(row.getValue())));
        column.setPrefWidth(width);
        column.setComparator(FigureOrder.INSTANCE);
        return column;
    }

    /**
     * Keeps History's run table and the view model's picked runs the same both ways. A pick with the mouse is handed
     * to the view model with the row clicked last as the lead; a pick the view model makes (the same runs found again
     * by id after a refresh, or none after a delete) replaces the table's selection, the lead selected last.
     */
    private static final class RunSelectionSync {

        private final TableView<Run> table;
        private final HistoryViewModel viewModel;
        // Set while the table is made to show the view model's pick, whose own changes are not picks of the user.
        private boolean showing;

        RunSelectionSync(TableView<Run> table, HistoryViewModel viewModel) {
            this.table = table;
            this.viewModel = viewModel;
            table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<Run>) change -> handOver());
            table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> handOver());
            viewModel.getSelectedRuns().addListener((ListChangeListener<Run>) change -> show());
            viewModel.selectedRunProperty().addListener((obs, old, now) -> show());
        }

        private void handOver() {
            if (showing) {
                return;
            }
            TableViewSelectionModel<Run> selection = table.getSelectionModel();
            List<Run> picked = new ArrayList<>(selection.getSelectedItems().stream().filter(Objects::nonNull).toList());
            // Midway through a change the selected item may still be the row left: the lead is then the last row.
            @Nullable Run lead = selection.getSelectedItem();
            if (lead != null && picked.remove(lead)) {
                picked.add(lead);
            }
            viewModel.select(picked);
        }

        private void show() {
            TableViewSelectionModel<Run> selection = table.getSelectionModel();
            List<Run> wanted = viewModel.getSelectedRuns();
            @Nullable Run lead = viewModel.selectedRunProperty().get();
            // Not the lead too: the table reports a click in several steps, and is not to be changed midway.
            if (sameRuns(selection.getSelectedItems(), wanted)) {
                return;
            }
            showing = true;
            try {
                selection.clearSelection();
                for (Run run : wanted) {
                    if (run != lead) {
                        selection.select(run);
                    }
                }
                if (lead != null) {
                    selection.select(lead);
                }
            } finally {
                showing = false;
            }
        }

        // The table lists its selection in row order, the view model in the order picked.
        private static boolean sameRuns(List<Run> shown, List<Run> wanted) {
            return shown.size() == wanted.size() && shown.containsAll(wanted);
        }
    }
}
